"""A ``sorot.toml`` for tests: data under the test's folder, one outlet, politeness off for a local site."""

from __future__ import annotations

from pathlib import Path

_HEADER = """
[paths]
data_dir = "data"

[crawl]
contact = "humas@example.org"
sources = ["berita-contoh"]
download_delay = 0
autothrottle = false

[[sources]]
key = "berita-contoh"
name = "Berita Contoh"
"""


def write_config(tmp_path: Path, source_fields: str) -> Path:
    """Write the config with the outlet ``berita-contoh`` described by ``source_fields`` (TOML lines)."""
    config = tmp_path / "sorot.toml"
    config.write_text(_HEADER + source_fields.lstrip("\n"), encoding="utf-8")
    return config
