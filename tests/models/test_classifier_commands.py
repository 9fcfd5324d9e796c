"""The classifier's commands: classify (JSON Lines, malformed lines), label, reclassify, evaluate agreement."""

from __future__ import annotations

import json
from datetime import UTC, datetime

from sorot.crawlers.sources import get_source
from sorot.models.classifier import SHIPPED, load
from sorot.pipeline.cli import main
from sorot.pipeline.cli.train import stored_corrections
from sorot.pipeline.dedupe.hashing import content_hash
from sorot.pipeline.process import ProcessedArticle
from sorot.warehouse.db import connect_reader, connect_writer
from sorot.warehouse.loader import WarehouseLoader, article_id_for

VIOLENT = {
    "id": "a1",
    "title": "Ayah tiri cabuli anak di Palangka Raya",
    "text": 'Palangka Raya (ANTARA) - Seorang ayah tiri mencabuli anak tirinya yang berusia 12 tahun. "Pelaku sudah '
    'kami tahan," kata Kapolresta Palangka Raya Kombes Budi Santoso.',
}
PLAIN = {"id": 7, "title": None, "text": "Harga cabai rawit di pasar tradisional naik menjelang akhir pekan."}


def test_classify_reports_malformed_lines_by_number_and_classifies_the_rest(tmp_path, capsys):
    source = tmp_path / "in.jsonl"
    lines = [json.dumps(VIOLENT), "{not json", json.dumps({"id": "x"}), "", json.dumps(PLAIN), "[1, 2]"]
    source.write_text("\n".join(lines) + "\n", encoding="utf-8")
    status = main(["--data-dir", str(tmp_path / "data"), "classify", str(source)])
    out, err = capsys.readouterr()
    assert status == 1
    assert "line 2: not JSON" in err
    assert "line 3: no 'text' string" in err
    assert "line 6: not a JSON object" in err
    records = [json.loads(line) for line in out.splitlines()]
    assert [r["id"] for r in records] == ["a1", 7]
    first = records[0]
    assert set(first) == {"id", "labels", "scores", "tahap", "victims", "regions", "quoted"}
    assert {"kekerasan", "kekerasan_seksual", "korban_anak"} <= set(first["labels"])
    assert first["victims"] == [label for label in first["labels"] if label.startswith("korban_")]
    assert first["regions"][0]["regency"] == "Kota Palangkaraya"
    assert first["quoted"][0]["name"] == "Budi Santoso"
    assert records[1]["labels"] == [] and records[1]["tahap"] == "lainnya"


def test_classify_reads_standard_input(tmp_path, capsys, monkeypatch):
    import io

    monkeypatch.setattr("sys.stdin", io.StringIO(json.dumps(PLAIN) + "\n"))
    assert main(["--data-dir", str(tmp_path), "classify", "-"]) == 0
    assert json.loads(capsys.readouterr().out)["id"] == 7


def _warehouse_with_one_article(data_dir):
    url = "https://kalteng.antaranews.com/berita/1/x"
    con = connect_writer(data_dir / "warehouse.duckdb")
    loader = WarehouseLoader(con)
    loader.upsert_sources([get_source("antara-kalteng")])
    loader.load([ProcessedArticle(
        url=url, canonical_url=url, outlet="antara-kalteng", outlet_name="ANTARA", title=VIOLENT["title"],
        published_at=datetime(2024, 9, 4, tzinfo=UTC), modified_at=None, published_text=None, author=None,
        editor=None, dateline="Palangka Raya", section=None, tags=[], text=VIOLENT["text"], language="id",
        is_wire_copy=False, wire_agency=None, content_hash=content_hash(VIOLENT["text"]), labels=[],
        tahap="lainnya", tagger_version="rules-1.0", extractor_version="t", parser_version="t",
    )])
    con.execute("CHECKPOINT")
    con.close()
    return article_id_for(url)


def test_label_then_reclassify_keeps_the_correction_and_train_sees_it(tmp_path, capsys):
    data = tmp_path / "data"
    article_id = _warehouse_with_one_article(data)
    assert main(["--data-dir", str(data), "reclassify"]) == 0
    assert main(["--data-dir", str(data), "label", article_id, "--add", "perdagangan_orang", "--by", "tester"]) == 0
    assert "joins the training data" in capsys.readouterr().out
    assert main(["--data-dir", str(data), "reclassify", "--since", "2024-01-01"]) == 0
    con = connect_reader(data / "warehouse-published.duckdb")
    try:
        rows = dict(con.execute("SELECT label, tagger_version FROM article_labels").fetchall())
        regions = con.execute("SELECT regency FROM article_regions").fetchall()
    finally:
        con.close()
    assert rows["perdagangan_orang"] == "correction"
    assert rows["kekerasan_seksual"] == load(SHIPPED).version  # every model label row carries the model version
    assert regions == [("Kota Palangkaraya",)]
    examples = stored_corrections(data / "warehouse.duckdb")
    assert [(e.id, e.origin) for e in examples] == [(article_id, "correction")]
    assert "perdagangan_orang" in examples[0].labels


def test_evaluate_agreement_prints_kappa_per_label(capsys):
    assert main(["evaluate", "agreement"]) == 0
    out = capsys.readouterr().out
    assert "160 double-annotated" in out
    assert all(f" {label} " in out for label in ("kekerasan", "gender", "korban_anak", "tahap"))


def test_least_certain_ranks_articles_by_distance_to_the_threshold():
    from sorot.models.classifier.uncertainty import least_certain

    model = load(SHIPPED)
    articles = [
        ("violent", VIOLENT["title"], VIOLENT["text"]),
        ("plain", "", PLAIN["text"]),
        ("women", "Perempuan pertama pimpin DPRD Kapuas", "Untuk pertama kalinya seorang perempuan memimpin DPRD."),
    ]
    doubts = least_certain(model, articles, limit=10)
    assert sorted(d.article_id for d in doubts) == ["plain", "violent", "women"]  # each article once
    margins = [d.margin for d in doubts]
    assert margins == sorted(margins)
    for d in doubts:
        assert d.margin == abs(d.score - model.heads[d.label].threshold)
        assert d.tagged == (d.label in model.classify(*next(a[1:] for a in articles if a[0] == d.article_id)).labels)
    assert len(least_certain(model, articles, limit=1)) == 1
    assert least_certain(model, articles, labels=["perkawinan_anak"]) == []  # left to the rules: no probability


def test_uncertain_lists_stored_articles_until_a_person_corrects_them(tmp_path, capsys):
    data = tmp_path / "data"
    assert main(["--data-dir", str(data), "uncertain"]) == 1
    assert "no published warehouse" in capsys.readouterr().err
    article_id = _warehouse_with_one_article(data)
    assert main(["--data-dir", str(data), "reclassify"]) == 0  # also publishes the read-only copy
    capsys.readouterr()
    assert main(["--data-dir", str(data), "uncertain", "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert [item["id"] for item in listed] == [article_id]
    assert listed[0]["label"] in {"kekerasan", "gender"} and listed[0]["title"] == VIOLENT["title"]
    assert main(["--data-dir", str(data), "uncertain", "--since", "2025-01-01"]) == 0
    assert capsys.readouterr().out.startswith("0 of 0 articles (since 2025-01-01)")
    assert main(["--data-dir", str(data), "label", article_id, "--add", "gender", "--by", "tester"]) == 0
    capsys.readouterr()
    assert main(["--data-dir", str(data), "uncertain", "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == []  # a person has looked at it


def test_uncertain_looks_at_the_last_month_of_coverage_unless_asked_for_all(tmp_path, capsys):
    data = tmp_path / "data"
    recent = _warehouse_with_one_article(data)
    url = "https://kalteng.antaranews.com/berita/2/y"
    text = "Seorang suami menganiaya istrinya di Sampit hingga luka lebam, kata polisi."
    con = connect_writer(data / "warehouse.duckdb")
    WarehouseLoader(con).load([ProcessedArticle(
        url=url, canonical_url=url, outlet="antara-kalteng", outlet_name="ANTARA", title="Suami aniaya istri",
        published_at=datetime(2024, 6, 1, tzinfo=UTC), modified_at=None, published_text=None, author=None,
        editor=None, dateline="Sampit", section=None, tags=[], text=text, language="id",
        is_wire_copy=False, wire_agency=None, content_hash=content_hash(text), labels=[],
        tahap="lainnya", tagger_version="rules-1.0", extractor_version="t", parser_version="t",
    )])
    con.execute("CHECKPOINT")
    con.close()
    assert main(["--data-dir", str(data), "reclassify"]) == 0
    capsys.readouterr()
    assert main(["--data-dir", str(data), "uncertain", "--json"]) == 0
    assert [item["id"] for item in json.loads(capsys.readouterr().out)] == [recent]  # June is months earlier
    assert main(["--data-dir", str(data), "uncertain", "--all", "--json"]) == 0
    assert {item["id"] for item in json.loads(capsys.readouterr().out)} == {recent, article_id_for(url)}
