"""The package list in pyproject.toml covers every package folder, so wheels miss nothing."""

from __future__ import annotations

import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_every_package_folder_is_listed_in_pyproject() -> None:
    listed = set(
        tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]["packages"]
    )
    found = {
        ".".join(init.parent.relative_to(ROOT).parts)
        for init in (ROOT / "mpn_desktop").rglob("__init__.py")
    }
    assert found - listed == set(), "add these packages to [tool.setuptools] packages"
    assert "mpn_desktop.resources" in listed


def test_resources_are_reachable_through_importlib() -> None:
    import importlib.resources

    catalogs = importlib.resources.files("mpn_desktop.resources").joinpath("catalogs")
    assert catalogs.is_dir()
