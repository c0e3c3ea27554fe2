"""The desktop entry and AppStream metainfo are valid and agree with the package and its icons."""

from __future__ import annotations

import configparser
import shutil
import subprocess
import tomllib
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PACKAGING = ROOT / "packaging"
APP_ID = "io.github.mpn_desktop.MpnDesktop"
DESKTOP = PACKAGING / f"{APP_ID}.desktop"
METAINFO = PACKAGING / f"{APP_ID}.metainfo.xml"


def project_version() -> str:
    version: str = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["version"]
    return version


def desktop_entry() -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str  # type: ignore[assignment, method-assign]
    parser.read(DESKTOP, encoding="utf-8")
    return parser["Desktop Entry"]


@pytest.mark.skipif(
    shutil.which("desktop-file-validate") is None,
    reason="desktop-file-validate is not installed (Debian package desktop-file-utils)",
)
def test_the_desktop_entry_passes_desktop_file_validate() -> None:
    result = subprocess.run(
        ["desktop-file-validate", str(DESKTOP)], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "error" not in result.stdout.lower()


@pytest.mark.skipif(
    shutil.which("appstreamcli") is None,
    reason="appstreamcli is not installed (Debian package appstream)",
)
def test_the_metainfo_passes_appstreamcli_validate() -> None:
    result = subprocess.run(
        ["appstreamcli", "validate", "--no-net", str(METAINFO)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_desktop_entry_starts_the_installed_program_with_our_icon() -> None:
    entry = desktop_entry()
    assert entry["Type"] == "Application"
    assert entry["Exec"].split()[0] == "mpn-desktop"
    assert entry["Icon"] == APP_ID
    assert entry["Terminal"] == "false"
    scripts = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["gui-scripts"]
    assert "mpn-desktop" in scripts


def test_the_newest_release_in_the_metainfo_is_the_package_version() -> None:
    component = ET.parse(METAINFO).getroot()
    releases = component.findall("releases/release")
    assert releases, "the metainfo lists no release"
    assert releases[0].get("version") == project_version(), (
        "add a <release> for the new version at the top of the metainfo"
    )


def test_the_metainfo_names_the_desktop_entry_a_summary_a_description_and_a_screenshot() -> None:
    component = ET.parse(METAINFO).getroot()
    assert component.findtext("id") == APP_ID
    assert component.findtext("launchable") == DESKTOP.name
    assert (component.findtext("summary") or "").strip()
    assert component.findall("description/p")
    image = component.find("screenshots/screenshot/image")
    assert image is not None and (image.text or "").startswith("https://")


def test_the_app_id_is_the_same_in_app_spec_deb_and_windows_installer() -> None:
    for path in (
        ROOT / "mpn_desktop" / "app.py",
        PACKAGING / "mpn-desktop.spec",
        PACKAGING / "linux" / "make-deb",
        PACKAGING / "windows" / "mpn-desktop.iss",
    ):
        assert APP_ID in path.read_text(encoding="utf-8"), f"{path.name} uses another id"


def test_the_screenshot_the_metainfo_names_is_in_the_repository_at_its_stated_size() -> None:
    from PySide6.QtGui import QImage

    image = ET.parse(METAINFO).getroot().find("screenshots/screenshot/image")
    assert image is not None and image.text
    # The address is the file's raw form on the main branch of the repository.
    path = ROOT / image.text.split("/main/", 1)[1]
    assert path.is_file(), f"run docs/make_screenshot.py ({path} is missing)"
    picture = QImage(str(path))
    assert (picture.width(), picture.height()) == (
        int(image.get("width", "0")),
        int(image.get("height", "0")),
    )
