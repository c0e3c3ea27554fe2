"""``mpn_desktop.__version__`` is the version importlib.metadata finds, read without it."""

from __future__ import annotations

import sys
from importlib import metadata
from pathlib import Path

import pytest

import mpn_desktop


def test_the_installed_version_is_the_one_importlib_metadata_reads() -> None:
    assert mpn_desktop._version_on_path() == metadata.version("mpn-desktop")


def _dist_info(folder: Path, name: str, version: str | None, file_name: str = "METADATA") -> None:
    info = folder / name
    info.mkdir(parents=True)
    fields = ["Metadata-Version: 2.4", "Name: mpn-desktop"]
    if version is not None:
        fields.append(f"Version: {version}")
    body = "\n".join([*fields, "", "Version: 6.6.6 (the description, not a field)", ""])
    (info / file_name).write_text(body, encoding="utf-8")


LAYOUTS = {
    "one dist-info": [("a", "mpn_desktop-1.2.3.dist-info", "1.2.3", "METADATA")],
    "the first folder on the path wins": [
        ("a", "mpn_desktop-2.0.dist-info", "2.0", "METADATA"),
        ("b", "mpn_desktop-1.0.dist-info", "1.0", "METADATA"),
    ],
    "an egg-info's PKG-INFO": [("a", "mpn_desktop.egg-info", "0.9", "PKG-INFO")],
    "a name spelled otherwise": [("a", "MPN.Desktop-3.1.dist-info", "3.1", "METADATA")],
    "another distribution is not ours": [
        ("a", "mpn_desktop_extra-9.0.dist-info", "9.0", "METADATA"),
        ("b", "mpn_desktop-1.1.dist-info", "1.1", "METADATA"),
    ],
}


@pytest.mark.parametrize("layout", list(LAYOUTS), ids=list(LAYOUTS))
def test_the_path_is_searched_as_importlib_metadata_searches_it(
    layout: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for folder, name, version, file_name in LAYOUTS[layout]:
        _dist_info(tmp_path / folder, name, version, file_name)
    monkeypatch.setattr(sys, "path", [str(tmp_path / "a"), str(tmp_path / "b")])
    assert mpn_desktop._version_on_path() == metadata.version("mpn-desktop")


def test_without_a_version_field_importlib_metadata_decides(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _dist_info(tmp_path, "mpn_desktop-1.0.dist-info", None)
    monkeypatch.setattr(sys, "path", [str(tmp_path)])
    assert mpn_desktop._version_on_path() is None


def test_nothing_installed_is_left_to_importlib_metadata(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys, "path", [str(tmp_path), str(tmp_path / "missing.zip")])
    assert mpn_desktop._version_on_path() is None
    assert mpn_desktop._version_from_metadata() == "0.0.0+source"
