"""The committed replica pages against their hand-written ground truth, through the product path.

Each page of `tests/fixtures/extraction/replica/` (today's templates of ANTARA Kalteng, detik, CNN
Indonesia, Kompas, Tribun, PROKALTENG, Media Indonesia, ANTARA's older regional template) must give the
reader the article and nothing else: body word F1 of at least 0.97 against the ground truth, and the
title, publication instant (with its offset), dateline, byline, language and wire-copy mark right.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from sorot.pipeline.evaluation.datasets import ExtractionCase, load_indonesian
from sorot.pipeline.evaluation.scoring import word_score
from sorot.pipeline.normalise.dateline import split_dateline
from sorot.pipeline.process import ArticleProcessor

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "extraction"
# No shared reference material here: only the committed replica pages load.
CASES = load_indonesian(shared=FIXTURES / "no-shared-folder", fixtures=FIXTURES).cases


@pytest.fixture(scope="module")
def processor() -> ArticleProcessor:
    return ArticleProcessor()


def test_the_replica_set_loads_without_the_shared_folder() -> None:
    dataset = load_indonesian(shared=FIXTURES / "no-shared-folder", fixtures=FIXTURES)
    assert len(dataset.cases) == 32
    assert {case.name.split("/")[0] for case in dataset.cases} == {"replica"}
    # the real pages are named as missing, once, with where they are expected
    assert len(dataset.missing) == 1
    assert "not found" in dataset.missing[0] and "26 real Indonesian pages" in dataset.missing[0]


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_replica_page_matches_its_ground_truth(case: ExtractionCase, processor: ArticleProcessor) -> None:
    article = processor.process(case.html, case.url)
    truth = split_dateline(case.body).rest
    score = word_score(article.text, truth)
    assert score.f1 >= 0.97, (score, article.text[:300])
    assert article.title == case.title
    assert article.published_at == case.published
    assert article.published_at is not None and case.published is not None
    assert article.published_at.utcoffset() == case.published.utcoffset()
    assert article.dateline == case.dateline
    if case.author is not None:
        assert article.author == case.author
    if case.editor is not None:
        assert article.editor == case.editor
    assert article.language == case.language
    if case.wire_copy is not None:
        assert article.is_wire_copy == case.wire_copy
