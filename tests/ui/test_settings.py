"""Window settings survive a restart: geometry, tab states with bytes and lists, last folder."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QByteArray

from mpn_desktop.ui.settings import WindowSettings, settings_path


def test_tab_state_round_trips_with_its_types(tmp_path: Path) -> None:
    first = WindowSettings(tmp_path / "s.ini")
    state = {"columns": [120, 80, 200], "splitter": QByteArray(b"\x00\x01\xff"), "sort": "name"}
    first.set_tab_state("salesTab", state)
    first.sync()
    again = WindowSettings(tmp_path / "s.ini").tab_state("salesTab")
    assert again == state
    assert isinstance(again["splitter"], QByteArray)


@pytest.mark.expect_logged_warnings
def test_unreadable_tab_state_is_ignored(tmp_path: Path) -> None:
    settings = WindowSettings(tmp_path / "s.ini")
    settings._settings.setValue("tabs/feeTab", "{not json")
    assert settings.tab_state("feeTab") == {}


def test_last_folder_is_remembered_and_must_exist(tmp_path: Path) -> None:
    settings = WindowSettings(tmp_path / "s.ini")
    folder = tmp_path / "exports"
    folder.mkdir()
    settings.remember_file(folder / "organisation.json")
    assert WindowSettings(tmp_path / "s.ini").last_folder() == str(folder)
    folder.rmdir()
    assert WindowSettings(tmp_path / "s.ini").last_folder() == str(Path.home())


def test_default_file_is_an_ini_under_the_user_config_folder(isolated_user_folders: Path) -> None:
    settings = WindowSettings()
    assert Path(settings.file_name) == settings_path()
    assert settings_path().is_relative_to(isolated_user_folders / "config")
    assert settings_path().suffix == ".ini"
