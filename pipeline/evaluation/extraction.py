"""Score Sorot's extraction and bare trafilatura's on the same pages, in the same run.

"Bare trafilatura" is `trafilatura.extract(html, url=url)` with its defaults (and
`trafilatura.extract_metadata` for title and date): what a project gets without any of Sorot's
per-outlet clean-up. Sorot is scored through `ArticleProcessor.process`, the same path `sorot analyze`
and the warehouse loader use, so the figures describe the product, not a test harness.
"""

from __future__ import annotations

import warnings
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime

import trafilatura

from sorot.crawlers.sources import source_for_url

from ..extract import extract_page
from ..normalise.dateline import split_dateline
from ..process import ArticleProcessor, NotAnArticleError
from .datasets import Dataset, ExtractionCase
from .scoring import WordScore, mean_scores, same_instant, same_title, word_score

__all__ = ["CaseResult", "DatasetResult", "evaluate_dataset"]


@dataclass
class CaseResult:
    case: ExtractionCase
    sorot: WordScore
    bare: WordScore
    error: str | None = None
    sorot_title: bool | None = None
    bare_title: bool | None = None
    sorot_date: bool | None = None
    sorot_day: bool | None = None
    bare_day: bool | None = None
    sorot_dateline: bool | None = None
    sorot_language: bool | None = None
    sorot_wire: bool | None = None
    sorot_author: bool | None = None
    sorot_editor: bool | None = None
    sorot_full_text: bool | None = None


@dataclass
class DatasetResult:
    dataset: Dataset
    cases: list[CaseResult]

    @property
    def sorot(self) -> WordScore:
        return mean_scores(c.sorot for c in self.cases)

    @property
    def bare(self) -> WordScore:
        return mean_scores(c.bare for c in self.cases)

    def rate(self, attribute: str) -> tuple[int, int]:
        """(right, judged) over the cases whose ground truth has the field."""
        values = [getattr(c, attribute) for c in self.cases if getattr(c, attribute) is not None]
        return sum(1 for v in values if v), len(values)


def _without_dateline(text: str) -> str:
    return split_dateline(text.strip()).rest


def evaluate_dataset(dataset: Dataset, processor: ArticleProcessor | None = None) -> DatasetResult:
    processor = processor or ArticleProcessor()
    return DatasetResult(dataset, [evaluate_case(case, processor) for case in dataset.cases])


def evaluate_case(case: ExtractionCase, processor: ArticleProcessor) -> CaseResult:
    truth = _without_dateline(case.body)
    bare_text, bare_title, bare_date = _bare(case)
    bare = word_score(_without_dateline(bare_text), truth)
    result = CaseResult(case, sorot=WordScore(0.0, 0.0, 0.0), bare=bare)
    try:
        article = processor.process(case.html, case.url)
    except NotAnArticleError as error:
        result.error = str(error)
        article = None
    except Exception as error:  # a crash is a failure of this page, reported with the others
        result.error = f"processing failed: {type(error).__name__}: {error}"
        article = None
    if article is not None:
        result.sorot = word_score(article.text, truth)
    if case.title is not None:
        result.sorot_title = same_title(article.title if article else None, case.title)
        result.bare_title = same_title(bare_title, case.title)
    if case.published is not None:
        published = article.published_at if article else None
        result.sorot_date = same_instant(published, case.published)
        result.sorot_day = published is not None and _day(published, case.published) == case.published.date()
        result.bare_day = bare_date == case.published.date().isoformat()
    if case.title is not None:  # the Indonesian set: its rows say which pages have no dateline (None)
        result.sorot_dateline = (article.dateline if article else None) == case.dateline
        if case.author is not None:
            result.sorot_author = article is not None and article.author == case.author
        if case.editor is not None:
            result.sorot_editor = article is not None and article.editor == case.editor
    if case.full_text_url is not None:
        result.sorot_full_text = _full_text_url(case) == (case.full_text_url or None)
    if case.language is not None:
        result.sorot_language = article is not None and article.language == case.language
    if case.wire_copy is not None:
        result.sorot_wire = article is not None and article.is_wire_copy == case.wire_copy
    return result


def _full_text_url(case: ExtractionCase) -> str | None:
    """The whole-article URL the extractor names for a partial page (None for a whole page or a failure)."""
    try:
        return extract_page(case.html, case.url, source_for_url(case.url)).full_text_url
    except NotAnArticleError:
        return None


def _day(value: datetime, truth: datetime) -> date:
    return value.astimezone(truth.tzinfo).date()


def _bare(case: ExtractionCase) -> tuple[str, str | None, str | None]:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            text = trafilatura.extract(case.html, url=case.url) or ""
        except Exception:  # bare trafilatura failing on a page scores 0, like an empty result
            text = ""
        try:
            meta = trafilatura.extract_metadata(case.html, default_url=case.url)
        except Exception:
            meta = None
    return text, (meta.title if meta else None), (meta.date if meta else None)


def failures(result: DatasetResult, threshold: float = 0.97) -> Iterable[CaseResult]:
    """Cases below the F1 threshold or with a wrong title or date, worst first."""
    bad = [c for c in result.cases
           if c.sorot.f1 < threshold or c.sorot_title is False or c.sorot_date is False]
    return sorted(bad, key=lambda c: c.sorot.f1)
