"""A ``--catalog`` file the window cannot use is named in its start-up box with what is wrong,
in the words the command line prints: a file of neither program, JSON cut short, bytes that
are not UTF-8, a folder, a file that does not exist. Nothing is opened or created."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

import mpn_desktop.app
from mpn_desktop.cli import build_parser, main

CASES: dict[str, tuple[str | bytes | None, str]] = {
    "neither": ('{"foo": 1}', "not a requirements catalogue: it has no 'format'"),
    "cut short": ('{"format": "mpn-desktop-catalog/2", "program"', "not valid JSON"),
    "not UTF-8": (b'{"format": "\xff"}', "not a UTF-8 text file"),
    "a folder": (None, "is a folder, not a file"),
    "missing": ("", "the catalogue file does not exist"),
}


def _catalogue(tmp_path: Path, case: str) -> Path:
    content, _said = CASES[case]
    path = tmp_path / "rules.json"
    if content is None:
        path.mkdir()
    elif isinstance(content, bytes):
        path.write_bytes(content)
    elif content:
        path.write_text(content, encoding="utf-8")
    return path


def _box_of_start_up(qapp: Any, monkeypatch: pytest.MonkeyPatch, args: list[str]) -> list[str]:
    # The test's own application, without the crash dialog and the CI probe.
    monkeypatch.setattr(mpn_desktop.app, "_application", lambda: qapp)
    monkeypatch.setattr(mpn_desktop.app, "_install_handlers", lambda _app: None)
    shown: list[str] = []

    def read_the_box() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(10, read_the_box)
            return
        shown.extend((box.windowTitle(), box.text()))
        box.close()

    QTimer.singleShot(0, read_the_box)
    assert mpn_desktop.app.run_gui(build_parser().parse_args(args)) == 1
    return shown


@pytest.mark.parametrize("case", CASES)
def test_the_box_names_the_file_and_what_is_wrong_as_the_commands_do(
    tmp_path: Path,
    qapp: Any,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    case: str,
) -> None:
    path = _catalogue(tmp_path, case)
    database = tmp_path / "t.sqlite3"
    title, text = _box_of_start_up(
        qapp, monkeypatch, ["--db", str(database), "--catalog", str(path)]
    )
    assert title == "The requirements catalogue cannot be used"
    assert text.startswith(f"{path}")
    assert CASES[case][1] in text
    assert not database.exists()
    assert main(["--catalog", str(path), "catalog"]) == 1
    assert capsys.readouterr().err == f"mpn-desktop: {text}\n"
