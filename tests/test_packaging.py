"""The rooms install as `sorot.*`: every package folder must be listed in pyproject.toml, or a regular
(non-editable) install would silently lack it."""

from __future__ import annotations

import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_every_package_folder_is_listed_in_pyproject():
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]
    listed = set(config["packages"])
    folders = {f"sorot.{room}": room for room in ("crawlers", "pipeline", "models", "warehouse", "demo", "dashboard")}
    assert config["package-dir"] == folders
    found = set()
    for package, folder in folders.items():
        for init in (ROOT / folder).rglob("__init__.py"):
            relative = init.parent.relative_to(ROOT / folder).parts
            found.add(".".join((package, *relative)))
    assert found == listed
