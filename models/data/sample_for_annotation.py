"""Draws the annotation sample from the shared corpus (a maintainer tool; the product never runs it).

Strata, in the spirit of the labelling brief: every article with a strong violence/gender term; articles that
mention women, children, victims or spouses repeatedly without such a term; hard negatives (theft, drugs,
corruption, armed conflict, terrorism, sport violence, women in non-gender news); and a random sample of the
rest. Holdout ids are excluded before anything else. A fixed seed makes the sample reproducible.

    python models/data/sample_for_annotation.py ../shared/corpus > models/data/annotation-sample.jsonl

Round 2 (``--round 2``, appended to the same file): the first round's term list missed most verbs of physical
violence (ditusuk, dibacok, ditembak, dipukul...) and the words of gender news without a gender term (women
pilots, a women-only workshop, a widow's business). Every article not yet sampled that has one of the broader
gender cues, or at least two of the broader violence cues, is added (stratum ``term2``), so that the labelled
set holds every article that mentions violence or gender terms, not only the strongest ones.

    python models/data/sample_for_annotation.py ../shared/corpus --round 2 >> models/data/annotation-sample.jsonl
"""

from __future__ import annotations

import json
import random
import re
import sys
from pathlib import Path

SEED = 5
TARGET = 1300
HARD_NEGATIVES = 350
DOUBLE_ANNOTATED = 160

STRONG = re.compile(
    r"\b(kekerasan|penganiayaan|dianiaya|pembunuhan|dibunuh|pemerkosaan|diperkosa|rudapaksa|pencabulan|dicabuli|"
    r"asusila|pelecehan seksual|disetubuhi|sodomi|kdrt|perdagangan orang|tppo|perundungan|bullying|penelantaran|"
    r"femisida|pekerja anak|perkawinan anak|pernikahan dini|gender|kpai|layak anak|p2tp2a|pppa|"
    r"pemberdayaan perempuan|dikeroyok|pengeroyokan)\b",
    re.IGNORECASE,
)
MENTIONS = re.compile(r"\b(perempuan|wanita|anak|korban|istri|suami|ibu|tewas|siswi|balita)\b", re.IGNORECASE)
HARD = re.compile(
    r"\b(pencurian|mencuri|maling|begal|perampokan|narkoba|sabu|narkotika|korupsi|kpk|gratifikasi|kkb|teroris|"
    r"terorisme|densus|perang|militer|bentrok|tawuran|kartu merah|atlet putri|artis|aktris|penyanyi|menteri)\b",
    re.IGNORECASE,
)

GENDER_BROAD = re.compile(
    r"\b(perempuan|wanita|kaum hawa|feminis\w*|emansipasi|kartini|srikandi|diskriminasi|pelecehan|siswi|istri|janda|"
    r"ibu rumah tangga|hak anak|pekerja migran|tkw|perkawinan|ibu hamil|stunting|posyandu)\b",
    re.IGNORECASE,
)
VIOLENCE_BROAD = re.compile(
    r"\b(di|me|ter|pe|men|mem)?(tusuk|bacok|tembak|pukul|aniaya|bunuh|keroyok|perkosa|cabul|culik|sandera|siksa|"
    r"tikam|hajar|tendang|jambak|cekik|sekap|lecehkan)\w*|\b(tewas|luka-luka|luka berat|mayat|korban jiwa)\b",
    re.IGNORECASE,
)


def second_round(corpus_dir: Path, sampled: set[str]) -> None:
    """The round-2 stratum (see the module docstring), in a fixed order."""
    holdout = set((corpus_dir / "holdout-ids.txt").read_text().split())
    for line in (corpus_dir / "articles.jsonl").open(encoding="utf-8"):
        row = json.loads(line)
        if row["id"] in holdout or row["id"] in sampled:
            continue
        text = f"{row['title'] or ''} {row['body']}"
        if GENDER_BROAD.search(text) or len(VIOLENCE_BROAD.findall(text)) >= 2:
            print(json.dumps({"id": row["id"], "stratum": "term2", "double": False}))


def main(corpus_dir: Path) -> None:
    holdout = set((corpus_dir / "holdout-ids.txt").read_text().split())
    rows = [json.loads(line) for line in (corpus_dir / "articles.jsonl").open(encoding="utf-8")]
    rows = [r for r in rows if r["id"] not in holdout]
    rng = random.Random(SEED)

    def text(r: dict) -> str:
        return f"{r['title'] or ''} {r['body']}"

    strata: dict[str, str] = {}
    for r in rows:
        if STRONG.search(text(r)):
            strata[r["id"]] = "term"
    for r in rows:
        if r["id"] not in strata and len(MENTIONS.findall(text(r))) >= 3:
            strata[r["id"]] = "mention"
    hard = [r["id"] for r in rows if r["id"] not in strata and HARD.search(text(r))]
    for article_id in rng.sample(hard, min(HARD_NEGATIVES, len(hard))):
        strata[article_id] = "hard_negative"
    rest = [r for r in rows if r["id"] not in strata]
    by_dataset: dict[str, list[str]] = {}
    for r in rest:
        by_dataset.setdefault(r["dataset"], []).append(r["id"])
    remaining = TARGET - len(strata)
    for _dataset, ids in sorted(by_dataset.items()):
        share = round(remaining * len(ids) / len(rest))
        for article_id in rng.sample(ids, min(share, len(ids))):
            strata[article_id] = "random"
    chosen = sorted(strata)
    rng.shuffle(chosen)
    terms = [i for i in chosen if strata[i] == "term"]
    others = [i for i in chosen if strata[i] != "term"]
    double = set(terms[: DOUBLE_ANNOTATED // 2] + others[: DOUBLE_ANNOTATED // 2])
    for article_id in chosen:
        assert article_id not in holdout
        print(json.dumps({"id": article_id, "stratum": strata[article_id], "double": article_id in double}))


if __name__ == "__main__":
    corpus = Path(sys.argv[1] if len(sys.argv) > 1 and not sys.argv[1].startswith("--") else "../shared/corpus")
    if "--round" in sys.argv and sys.argv[sys.argv.index("--round") + 1] == "2":
        here = Path(__file__).parent
        already = {json.loads(line)["id"] for line in (here / "annotation-sample.jsonl").open(encoding="utf-8")}
        gold = {json.loads(line)["id"] for line in (here / "gold.jsonl").open(encoding="utf-8")}
        second_round(corpus, already | gold)
    else:
        main(corpus)
