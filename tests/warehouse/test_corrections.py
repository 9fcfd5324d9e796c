"""Human label corrections in the warehouse, facets storage, and re-tagging that keeps corrections."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from sorot.crawlers.sources import get_source
from sorot.models.rules import Evidence, LabelHit
from sorot.pipeline.dedupe.hashing import content_hash
from sorot.pipeline.facets import extract_facets
from sorot.pipeline.process import ProcessedArticle
from sorot.warehouse.classification import CORRECTION_VERSION, replace_classification
from sorot.warehouse.corrections import (
    CorrectionError,
    corrected_labels,
    corrections_for_training,
    record_correction,
)
from sorot.warehouse.db import connect_writer
from sorot.warehouse.loader import WarehouseLoader, article_id_for

TITLE = "Suami aniaya istri di Palangka Raya"
TEXT = (
    "Seorang suami di Palangka Raya menganiaya istrinya hingga luka lebam. "
    '"Pelaku sudah kami tahan," kata Kapolresta Palangka Raya Kombes Budi Santoso di Palangka Raya, Senin.'
)
URL = "https://kalteng.antaranews.com/berita/1/suami-aniaya-istri"


def _hit(label: str, score: float = 0.9) -> LabelHit:
    return LabelHit(label, score, (Evidence("title", 6, 11, "aniaya", f"{label}/x"),))


@pytest.fixture()
def con(tmp_path):
    con = connect_writer(tmp_path / "w.duckdb")
    loader = WarehouseLoader(con)
    loader.upsert_sources([get_source("antara-kalteng")])
    facets = extract_facets(TITLE, TEXT, "Palangka Raya")
    article = ProcessedArticle(
        url=URL, canonical_url=URL, outlet="antara-kalteng", outlet_name="ANTARA", title=TITLE,
        published_at=datetime(2024, 9, 4, 8, 30, tzinfo=UTC), modified_at=None, published_text=None, author=None,
        editor=None, dateline="Palangka Raya", section=None, tags=[], text=TEXT, language="id", is_wire_copy=False,
        wire_agency=None, content_hash=content_hash(TEXT),
        labels=[_hit("kekerasan"), _hit("kekerasan_fisik"), _hit("kdrt"), _hit("korban_perempuan")],
        tahap="kejadian", tagger_version="topic-v1-test", extractor_version="t", parser_version="t",
        victims=["korban_perempuan"], regions=facets.regions, quoted=facets.quoted,
    )
    loader.load([article])
    yield con
    con.close()


def labels_of(con, article_id):
    rows = con.execute("SELECT label FROM article_labels WHERE article_id = ? ORDER BY label", [article_id])
    return sorted(r[0] for r in rows.fetchall())


def test_loader_stores_regions_quotes_and_the_model_version(con):
    article_id = article_id_for(URL)
    region = con.execute("SELECT province, regency, source FROM article_regions WHERE article_id = ?",
                         [article_id]).fetchall()
    assert region == [("Kalimantan Tengah", "Kota Palangkaraya", "dateline")]
    quote = con.execute("SELECT name, role FROM article_quotes WHERE article_id = ?", [article_id]).fetchall()
    assert quote == [("Budi Santoso", "Kapolresta Palangka Raya Kombes")]
    versions = {r[0] for r in con.execute("SELECT tagger_version FROM article_labels").fetchall()}
    assert versions == {"topic-v1-test"}


def test_a_correction_is_stored_and_applied(con):
    article_id = article_id_for(URL)
    correction = record_correction(con, article_id, add=["femisida"], remove=["kekerasan_fisik"], corrected_by="humas",
                                   note="istri meninggal")
    assert "femisida" in correction.labels_after and "kekerasan_fisik" not in correction.labels_after
    assert labels_of(con, article_id) == sorted(correction.labels_after)
    row = con.execute("SELECT score, tagger_version, evidence FROM article_labels WHERE label = 'femisida'").fetchone()
    assert row[0] == 1.0 and row[1] == CORRECTION_VERSION
    stored = con.execute("SELECT added, removed, labels_before, corrected_by, tagger_version FROM label_corrections"
                         ).fetchone()
    assert stored[0] == ["femisida"] and stored[1] == ["kekerasan_fisik"]
    assert "kekerasan_fisik" in stored[2] and stored[3] == "humas" and stored[4] == "topic-v1-test"


def test_removing_a_family_removes_its_subtypes_and_victims(con):
    article_id = article_id_for(URL)
    correction = record_correction(con, article_id, remove=["kekerasan"])
    assert correction.labels_after == ()
    assert correction.tahap_after == "lainnya"
    assert labels_of(con, article_id) == []
    assert con.execute("SELECT tahap FROM articles").fetchone()[0] == "lainnya"


def test_bad_corrections_are_refused_with_a_reason(con):
    article_id = article_id_for(URL)
    with pytest.raises(CorrectionError, match="unknown label"):
        record_correction(con, article_id, add=["kekerasan_ekonomi"])
    with pytest.raises(CorrectionError, match="no stored article"):
        record_correction(con, "nope", add=["gender"])
    with pytest.raises(CorrectionError, match="cannot remove"):
        corrected_labels([], ["kdrt"], ["kekerasan"])
    assert con.execute("SELECT count(*) FROM label_corrections").fetchone()[0] == 0


def test_corrections_survive_reclassification_and_feed_training(con):
    article_id = article_id_for(URL)
    record_correction(con, article_id, add=["femisida"], tahap="proses_hukum")
    # a new model re-tags the article without femisida: the person's correction is applied again
    con.execute("BEGIN TRANSACTION")
    replace_classification(con, article_id, [_hit("kekerasan"), _hit("kekerasan_fisik")], "kejadian", "topic-v1-next")
    con.execute("COMMIT")
    assert "femisida" in labels_of(con, article_id)
    assert con.execute("SELECT tahap, tagger_version FROM articles").fetchone() == ("proses_hukum", "topic-v1-next")
    training = corrections_for_training(con)
    assert [(t.article_id, t.title, t.tahap) for t in training] == [(article_id, TITLE, "proses_hukum")]
    assert "femisida" in training[0].labels and training[0].text == TEXT
