"""The configuration documented in docs/configuration.md is accepted as written."""

from __future__ import annotations

import re
from pathlib import Path

from sorot.crawlers.sources.config_sources import source_from_config
from sorot.pipeline.config import load_config

DOC = Path(__file__).resolve().parents[1] / "docs" / "configuration.md"


def test_documented_configuration_loads_and_declares_a_working_outlet(tmp_path):
    blocks = re.findall(r"```toml\n(.*?)```", DOC.read_text(encoding="utf-8"), re.S)
    config_file = tmp_path / "sorot.toml"
    config_file.write_text("\n".join(blocks), encoding="utf-8")
    config = load_config(str(config_file))
    assert config.crawl["contact"]
    (entry,) = config.sources
    source = source_from_config(entry)
    assert source.is_article_url("https://kaltengekspres.com/2024/09/04/judul-berita")
    assert source.parsers[0].body_selector == "div.entry-content"
    assert source.listings[0].url_template.endswith("/page/{page}/")
