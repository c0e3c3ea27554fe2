"""A database refused at start-up: its latest backup, another file, or quitting."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QRect, Qt, QTimer
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit, QMessageBox
from pytestqt.qtbot import QtBot

from mpn_desktop.cli import build_parser
from mpn_desktop.commands.common import database_url, window_database_refused
from mpn_desktop.domain import vocabulary
from mpn_desktop.errors import StoreError
from mpn_desktop.store import backups, records, sqlite_files
from mpn_desktop.store.database import Database
from mpn_desktop.ui.startup_recovery import (
    Recovery,
    ask_about_team_database,
    ask_what_to_do,
    choose_team_database,
    open_at_startup,
)


def _damaged_with_a_backup(tmp_path: Path) -> Path:
    path = tmp_path / "tracker.sqlite3"
    with Database.open(f"sqlite:///{path}") as db:
        records.set_organization(db, {"name": "Contoso Cloud Ltd", "mpn_id": "4123456"})
    backups.backup(path)
    path.write_bytes(b"this is not a database any more" * 100)
    return path


def test_restoring_the_latest_backup_opens_it_and_keeps_the_refused_file(
    tmp_path: Path,
) -> None:
    path = _damaged_with_a_backup(tmp_path)
    damaged = path.read_bytes()
    latest = backups.latest_backup(path)
    offered: list[Path | None] = []
    told: list[str] = []

    def ask(error: StoreError, latest: Path | None) -> Recovery:
        assert str(path) in str(error)
        offered.append(latest)
        return Recovery.RESTORE

    db = open_at_startup(f"sqlite:///{path}", ask=ask, inform=told.append)
    assert db is not None
    with db:
        organization = records.get_organization(db)
        assert organization is not None and organization["name"] == "Contoso Cloud Ltd"
    assert latest is not None and offered == [latest]
    # The refused file kept aside is not offered as a backup the next time.
    assert backups.latest_backup(path) == latest
    assert len(told) == 1 and "the refused file is kept in" in told[0]
    kept = Path(told[0].rsplit("kept in ", 1)[1].rstrip("."))
    assert kept.read_bytes() == damaged


def test_another_database_can_be_chosen_instead(tmp_path: Path) -> None:
    path = _damaged_with_a_backup(tmp_path)
    other = tmp_path / "other.sqlite3"
    db = open_at_startup(
        f"sqlite:///{path}", ask=lambda _error, _latest: Recovery.OTHER, choose_file=lambda: other
    )
    assert db is not None
    with db:
        assert db.path == other
    assert path.read_bytes().startswith(b"this is not a database")  # left untouched


def test_quitting_opens_nothing_and_a_failed_restore_is_said_then_asked_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = _damaged_with_a_backup(tmp_path)

    def fail(db_path: Path, backup_file: Path) -> None:
        raise StoreError(f"{backup_file}: cannot restore from this file: the disk failed")

    monkeypatch.setattr(backups, "restore", fail)
    answers = [Recovery.RESTORE, Recovery.QUIT]
    warnings: list[str] = []
    db = open_at_startup(
        f"sqlite:///{path}", ask=lambda _error, _latest: answers.pop(0), warn=warnings.append
    )
    assert db is None and answers == []
    assert len(warnings) == 1 and "cannot restore from this file" in warnings[0]
    assert path.read_bytes().startswith(b"this is not a database")


def test_a_damaged_backup_is_never_offered(tmp_path: Path) -> None:
    # Before: the latest backup was offered even when it was damaged too.
    path = _damaged_with_a_backup(tmp_path)
    latest = backups.latest_backup(path)
    assert latest is not None
    latest.write_bytes(b"the backup is damaged too" * 100)
    offered: list[Path | None] = []

    def ask(_error: StoreError, backup: Path | None) -> Recovery:
        offered.append(backup)
        return Recovery.QUIT

    assert open_at_startup(f"sqlite:///{path}", ask=ask) is None
    assert offered == [None]
    assert path.read_bytes().startswith(b"this is not a database")


def test_the_refusal_box_offers_the_backup_another_file_and_quit(
    qtbot: QtBot, tmp_path: Path
) -> None:
    latest = tmp_path / "tracker.backup-20180301-120000-000000-manual.sqlite3"
    error = StoreError(f"{tmp_path / 'tracker.sqlite3'}: it is not a database file")
    seen: list[list[str]] = []

    def click(label: str) -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox) and box.objectName() == "databaseRefusedBox"
        assert latest.name in box.informativeText() or "&Restore" not in label
        seen.append([button.text() for button in box.buttons()])
        next(button for button in box.buttons() if button.text() == label).click()

    QTimer.singleShot(0, lambda: click("&Open another database…"))
    assert ask_what_to_do(error, latest) is Recovery.OTHER
    QTimer.singleShot(0, lambda: click("&Restore the latest backup"))
    assert ask_what_to_do(error, latest) is Recovery.RESTORE
    QTimer.singleShot(0, lambda: click("&Quit"))
    assert ask_what_to_do(error, None) is Recovery.QUIT
    assert "&Restore the latest backup" not in seen[-1]  # no backup, no such button


@pytest.mark.postgresql
def test_a_refused_team_database_can_be_tried_again_or_changed(postgres: Any) -> None:
    """A wrong --db-url database name, or the server not up yet, at start-up.

    Before, a file dialog (which cannot name a server) and Quit were the only ways out.
    """
    missing = postgres.url("not_created_yet")
    asked: list[str] = []

    def create_then_retry(error: StoreError) -> Recovery:
        asked.append(str(error))
        postgres.create_database(name="not_created_yet")
        return Recovery.RETRY

    db = open_at_startup(missing, ask_team=create_then_retry, choose_file=lambda: None)
    assert db is not None
    db.close()
    assert len(asked) == 1 and 'database "not_created_yet" does not exist' in asked[0]
    postgres.drop_database("not_created_yet")

    right = postgres.url(postgres.create_database())
    answers = [Recovery.TEAM]
    db = open_at_startup(
        postgres.url("no_such_team"),
        ask_team=lambda _error: answers.pop(0),
        choose_team=lambda refused: right if "no_such_team" in refused else None,
    )
    assert db is not None and db.url == right
    db.close()
    assert open_at_startup(missing, ask_team=lambda _error: Recovery.QUIT) is None


def test_the_team_refusal_box_offers_try_again_change_a_file_and_quit(qtbot: QtBot) -> None:
    error = StoreError("postgresql+psycopg://ana@db.example/mpn: cannot open the database")
    seen: list[list[str]] = []

    def click(label: str) -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox) and box.objectName() == "teamDatabaseRefusedBox"
        assert "db.example" in box.informativeText() and "~/.pgpass" in box.informativeText()
        seen.append([button.text() for button in box.buttons()])
        next(button for button in box.buttons() if button.text() == label).click()

    for label, choice in (
        ("&Try again", Recovery.RETRY),
        ("&Change the team database…", Recovery.TEAM),
        ("Open a database &file…", Recovery.OTHER),
        ("&Quit", Recovery.QUIT),
    ):
        QTimer.singleShot(0, lambda label=label: click(label))  # type: ignore[misc]
        assert ask_about_team_database(error) is choice
    assert "&Try again" in seen[0]


def test_change_the_team_database_after_a_url_that_is_none_opens_the_dialog_empty(
    qtbot: QtBot,
) -> None:
    """'--db-url nonsense' is refused as no database URL; Change the team database… then
    raised the same refusal out of the dialog's filling (a traceback at start-up)."""
    shown: list[str] = []

    def cancel() -> None:
        dialog = QApplication.activeModalWidget()
        assert dialog is not None and dialog.objectName() == "teamDatabaseDialog"
        shown.append(dialog.findChild(QLineEdit, "databaseEdit").text())  # type: ignore[union-attr]
        dialog.close()

    QTimer.singleShot(0, cancel)
    assert choose_team_database("nonsense") is None
    assert shown == [""]


def _no_team_box(_error: StoreError) -> Recovery:
    raise AssertionError("the team database's box was offered")


def _said_before_quitting(url: str) -> list[str]:
    """What the start-up's box said of ``url`` before the person quit (never the team box)."""
    told: list[str] = []

    def ask(error: StoreError, _latest: Path | None) -> Recovery:
        told.append(str(error))
        return Recovery.QUIT

    assert open_at_startup(url, ask=ask, ask_team=_no_team_box) is None
    return told


@pytest.mark.parametrize(
    ("url", "scheme"), [("mysql://ana@db.example.com/mpn", "mysql"), ("foo://x/y", "foo")]
)
def test_a_url_of_neither_sqlite_nor_postgresql_is_refused_naming_its_scheme(
    tmp_path: Path, url: str, scheme: str
) -> None:
    """The command line refuses it with the same words (tests/test_cli.py). Before, any URL
    not starting with sqlite got the team database's box: try again, change the host,
    database or user of a server mpn-desktop cannot use anyway."""
    told: list[str] = []

    def ask(error: StoreError, latest: Path | None) -> Recovery:
        told.append(str(error))
        assert latest is None
        return Recovery.OTHER if len(told) == 1 else Recovery.QUIT

    other = tmp_path / "other.sqlite3"
    db = open_at_startup(url, ask=ask, ask_team=_no_team_box, choose_file=lambda: other)
    assert db is not None
    db.close()
    assert told == [
        f"{url}: mpn-desktop opens SQLite files (sqlite:///FILE) and PostgreSQL team "
        f"databases (postgresql://USER@HOST/DATABASE), not {scheme} databases."
    ]
    assert open_at_startup(url, ask=lambda _e, _l: Recovery.QUIT, ask_team=_no_team_box) is None


def test_a_url_whose_port_is_no_number_is_refused_as_no_url_not_a_crash() -> None:
    """SQLAlchemy's ValueError for 'db:abc' escaped the start-up as a traceback."""
    assert _said_before_quitting("postgresql://ana:s3cret@db:abc/mpn") == [
        "'postgresql://ana:***@db:abc/mpn' is not a database URL: its port 'abc' is not a "
        "number (expected, for example, sqlite:///path/to/file.sqlite3)"
    ]


def test_a_url_that_is_none_is_refused_as_such_with_a_files_ways_out() -> None:
    assert _said_before_quitting("nonsense") == [
        "'nonsense' is not a database URL (expected, for example, sqlite:///path/to/file.sqlite3)"
    ]


def test_a_url_of_neither_sqlite_nor_postgresql_is_refused_in_german_in_a_german_window() -> None:
    """The domain's language is the window's (the app chooses both at start-up); the
    command line says the same German sentence with --language de (tests/test_cli.py)."""
    assert vocabulary.use_language("de") == "de"
    assert _said_before_quitting("oracle://x/y") == [
        "oracle://x/y: mpn-desktop öffnet SQLite-Dateien (sqlite:///DATEI) und "
        "PostgreSQL-Teamdatenbanken (postgresql://BENUTZER@HOST/DATENBANK), keine "
        "oracle-Datenbanken."
    ]


@pytest.mark.parametrize(
    ("language", "option", "url", "said", "buttons"),
    [
        (
            "en",
            "--db",
            "sqlite:///tracker.sqlite3",
            "--db takes a file's path, not a URL: give sqlite:///tracker.sqlite3 with --db-url",
            ["&Open another database…", "&Quit"],
        ),
        (
            "de",
            "MPN_DESKTOP_DB",
            "mysql://ana:s3cret@db.example.com/mpn",
            # Before: 'MPN_DESKTOP_DB: mysql://…: mpn-desktop öffnet …', no sentence.
            "MPN_DESKTOP_DB verweist auf eine mysql-Datenbank "
            "(mysql://ana:***@db.example.com/mpn): mpn-desktop öffnet SQLite-Dateien "
            "(sqlite:///DATEI) und PostgreSQL-Teamdatenbanken "
            "(postgresql://BENUTZER@HOST/DATENBANK).",
            ["&Andere Datenbank öffnen…", "&Beenden"],
        ),
    ],
)
def test_a_url_given_as_the_windows_database_file_is_refused_in_the_box_naming_the_option(
    *,
    language: str,
    option: str,
    url: str,
    said: str,
    buttons: list[str],
    qtbot: QtBot,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    request: pytest.FixtureRequest,
) -> None:
    """As the window's start-up is given it (app.run_gui). Before, the window refused it on
    stderr alone, in English, exit 2: started from a desktop menu, nothing appeared."""
    if language == "de":
        request.getfixturevalue("german")
    monkeypatch.chdir(tmp_path)
    if option == "--db":
        args = build_parser().parse_args(["--db", url])
    else:
        monkeypatch.setenv(option, url)
        args = build_parser().parse_args([])
    shown: list[tuple[str, str, list[str]]] = []
    clicks: list[str] = []

    def click() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox) and box.objectName() == "databaseRefusedBox"
        shown.append((box.text(), box.informativeText(), [b.text() for b in box.buttons()]))
        label = clicks.pop(0)
        next(button for button in box.buttons() if button.text() == label).click()

    def ask(error: StoreError, latest: Path | None) -> Recovery:
        QTimer.singleShot(0, click)
        return ask_what_to_do(error, latest)  # the box itself, clicked

    refused = window_database_refused(args)
    # Another database… cancelled: the refusal again; then Quit.
    clicks.extend(buttons)
    assert (
        open_at_startup(database_url(args), refused=refused, ask=ask, choose_file=lambda: None)
        is None
    )
    assert clicks == [] and len(shown) == 2 and shown[0] == shown[1]
    assert shown[0][1] == said and sorted(shown[0][2]) == sorted(buttons)
    assert list(tmp_path.iterdir()) == []  # no folder 'sqlite:' nor 'mysql:', no database
    # Another database chosen: it is opened.
    other = tmp_path / "other.sqlite3"
    clicks.append(buttons[0])
    db = open_at_startup(database_url(args), refused=refused, ask=ask, choose_file=lambda: other)
    assert db is not None
    with db:
        assert db.path == other


def test_a_refused_databases_backups_are_checked_once_for_its_advice_and_its_offer(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each check reads a whole backup. Before, the start-up checked the backups again
    (latest_sound_backup) after the refusal's advice (backups.restore_advice) had."""
    path = _damaged_with_a_backup(tmp_path)
    latest = backups.latest_backup(path)
    checked: list[Path] = []
    check = sqlite_files.quick_check

    def counted(file: Path) -> str | None:
        checked.append(Path(file))
        return check(file)

    monkeypatch.setattr(sqlite_files, "quick_check", counted)
    offered: list[tuple[str, Path | None]] = []

    def ask(error: StoreError, backup: Path | None) -> Recovery:
        offered.append((str(error), backup))
        return Recovery.QUIT

    assert open_at_startup(f"sqlite:///{path}", ask=ask) is None
    assert latest is not None and [backup for _said, backup in offered] == [latest]
    assert f'restore "{latest}"' in offered[0][0]  # the advice names the one offered
    assert checked.count(latest) == 1


def test_the_refusal_box_is_wide_enough_for_its_sentence_on_a_few_lines(
    qtbot: QtBot, german: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The box took the width of its two buttons: the German sentence naming the option ran
    to seven lines, the URLs cut at their slashes."""
    monkeypatch.setenv("MPN_DESKTOP_DB", "mysql://ana:s3cret@db.example.com/mpn")
    refused = window_database_refused(build_parser().parse_args([]))
    assert refused is not None
    lines: list[int] = []

    def measure() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox) and box.objectName() == "databaseRefusedBox"
        label = box.findChild(QLabel, "qt_msgbox_informativelabel")
        assert label is not None and label.text() == str(refused)
        metrics = label.fontMetrics()
        flags = Qt.TextFlag.TextWordWrap | Qt.AlignmentFlag.AlignLeft
        room = QRect(0, 0, label.contentsRect().width(), 10_000)
        wrapped = metrics.boundingRect(room, flags, label.text())
        lines.append(wrapped.height() // metrics.lineSpacing())
        box.reject()

    QTimer.singleShot(0, measure)
    assert ask_what_to_do(refused, None) is Recovery.QUIT
    assert lines and lines[0] <= 4
