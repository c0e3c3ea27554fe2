"""When the database cannot be opened at start-up: restore its latest backup, open another, or quit.

A damaged file, one that is not a database, or one written by a newer version
is refused untouched by the store, with a message that says why. At start-up
the window offers the ways out a person has, instead of only a message and an
exit: the latest backup next to the file (the refused file is kept aside
before it is replaced), another database file, or quitting.
"""

from __future__ import annotations

from collections.abc import Callable
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QGridLayout,
    QMessageBox,
    QSizePolicy,
    QSpacerItem,
    QWidget,
)

from mpn_desktop.errors import DiskProblem, MpnError, RefusedDatabase, StoreError
from mpn_desktop.lazy_modules import LazyModule
from mpn_desktop.store.database import Database, database_scheme, refusal_of_other_database
from mpn_desktop.store.sqlite_files import sqlite_path

if TYPE_CHECKING:
    from mpn_desktop.store import backups
else:
    # Only a refused file is offered its backup: not imported on a start that opens.
    backups = LazyModule("mpn_desktop.store.backups")


class Recovery(Enum):
    """What the person chose when the database was refused."""

    RESTORE = "restore"
    OTHER = "other"
    QUIT = "quit"
    RETRY = "retry"
    TEAM = "team"


Ask = Callable[[StoreError, Path | None], Recovery]
"""Shows the refusal and returns the choice (the latest backup, if any, is given)."""
ChooseFile = Callable[[], Path | None]
"""Asks for another database file; None when cancelled."""
AskTeam = Callable[[StoreError], Recovery]
"""Shows a team database's refusal and returns the choice (no backups there)."""
ChooseTeam = Callable[[str], str | None]
"""Asks where the team database is, offering the refused URL; None when cancelled."""


def _tr(text: str) -> str:
    return QCoreApplication.translate("StartupRecovery", text)


TEXT_COLUMNS = 80
"""About how many characters a line of a refusal box's text holds."""


def _widened(box: QMessageBox) -> None:
    """Gives the box room for its refusal: a URL sentence wrapped to six or seven lines
    in the width QMessageBox chooses (the buttons' row), hard to read as one sentence.

    Called once the box holds its texts: setting the informative text lays it out anew.
    """
    layout = box.layout()
    if not isinstance(layout, QGridLayout):
        return  # another Qt's box: its own width
    # A spacer under the other rows: the box's minimum width, which QMessageBox keeps
    # within the screen when it sizes itself.
    width = box.fontMetrics().averageCharWidth() * TEXT_COLUMNS
    fixed = QSizePolicy.Policy.Fixed
    room = QSpacerItem(width, 0, fixed, fixed)
    layout.addItem(room, layout.rowCount(), 0, 1, layout.columnCount())


def ask_what_to_do(error: StoreError, latest: Path | None) -> Recovery:
    """The refusal, with a button for each way out."""
    box = QMessageBox(QMessageBox.Icon.Critical, _tr("The database cannot be opened"), "")
    box.setObjectName("databaseRefusedBox")
    box.setText(_tr("The database cannot be opened."))
    text = str(error)
    restore = None
    if latest is not None:
        text += "\n\n" + _tr(
            "Restore the latest backup ({backup}) to go on from it; the refused file is "
            "kept aside, byte for byte."
        ).format(backup=latest.name)
        restore = box.addButton(
            _tr("&Restore the latest backup"), QMessageBox.ButtonRole.AcceptRole
        )
    box.setInformativeText(text)
    other = box.addButton(_tr("&Open another database…"), QMessageBox.ButtonRole.ActionRole)
    box.addButton(_tr("&Quit"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(restore or other)
    _widened(box)
    box.exec()
    clicked = box.clickedButton()
    if restore is not None and clicked is restore:
        return Recovery.RESTORE
    if clicked is other:
        return Recovery.OTHER
    return Recovery.QUIT  # Quit, Escape or the window closed


def ask_about_team_database(error: StoreError) -> Recovery:
    """A team database's refusal: try again (the server back, the password in ~/.pgpass put
    right), change where it is, open a file instead, or quit.

    A file's ways out alone were offered before: a file dialog, which cannot name a
    server, and no way to try again once the server was back.
    """
    box = QMessageBox(QMessageBox.Icon.Critical, _tr("The team database cannot be opened"), "")
    box.setObjectName("teamDatabaseRefusedBox")
    box.setText(_tr("The team database cannot be opened."))
    box.setInformativeText(
        str(error)
        + "\n\n"
        + _tr(
            "Try again once the server is running or the password in your ~/.pgpass file is "
            "put right; or change the host, database or user."
        )
    )
    retry = box.addButton(_tr("&Try again"), QMessageBox.ButtonRole.AcceptRole)
    team = box.addButton(_tr("&Change the team database…"), QMessageBox.ButtonRole.ActionRole)
    other = box.addButton(_tr("Open a database &file…"), QMessageBox.ButtonRole.ActionRole)
    box.addButton(_tr("&Quit"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(retry)
    box.exec()
    clicked = box.clickedButton()
    if clicked is retry:
        return Recovery.RETRY
    if clicked is team:
        return Recovery.TEAM
    if clicked is other:
        return Recovery.OTHER
    return Recovery.QUIT  # Quit, Escape or the window closed


def choose_team_database(url: str) -> str | None:
    """File ▸ Open team database's dialog, filled from the refused URL when it is one."""
    from mpn_desktop.store.engine import parse_url
    from mpn_desktop.ui.team_database_dialog import TeamDatabaseDialog

    try:
        parse_url(url)
    except StoreError:  # '--db-url nonsense': nothing to fill the fields from
        url = ""
    dialog = TeamDatabaseDialog(url or None)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return dialog.url()


def choose_database_file(parent: QWidget | None = None) -> Path | None:
    """A file dialog for another database."""
    name, _ = QFileDialog.getOpenFileName(
        parent,
        _tr("Open database"),
        str(Path.home()),
        _tr("Tracker databases (*.sqlite3 *.sqlite *.db);;All files (*)"),
    )
    return Path(name) if name else None


def open_at_startup(
    url: str,
    *,
    refused: StoreError | None = None,
    ask: Ask = ask_what_to_do,
    choose_file: ChooseFile = choose_database_file,
    warn: Callable[[str], None] | None = None,
    inform: Callable[[str], None] | None = None,
    ask_team: AskTeam = ask_about_team_database,
    choose_team: ChooseTeam = choose_team_database,
) -> Database | None:
    """Opens ``url``; when refused, offers the ways out until one works or the person quits.

    Returns None when the person quits. A failed restore or another refused
    file is said, and the choice is offered again. ``refused``: the database option's
    own refusal (a URL given as --db or MPN_DESKTOP_DB), said before ``url`` (that URL
    taken as a path) is opened: another file or quitting are the ways out.
    """
    while refused is not None:
        if ask(refused, None) is Recovery.QUIT:
            return None
        chosen = choose_file()
        if chosen is not None:  # cancelled: the refusal again, never ``url``
            url, refused = f"sqlite:///{chosen}", None
    while True:
        try:
            # SQLAlchemy is imported after the window's first paint (see MainWindow.fill).
            return Database.open(url, engine_later=True)
        except StoreError as error:
            refused = refusal_of_other_database(url)
            if refused is not None:
                # Neither of the program's databases: a team database's ways out
                # (try again, change the server) would not help.
                if ask(refused, None) is Recovery.QUIT:
                    return None
                url = _file_chosen(choose_file, url)
                continue
            scheme = database_scheme(url)
            if scheme == "postgresql":
                team = ask_team(error)
                if team is Recovery.QUIT:
                    return None
                if team is Recovery.TEAM:
                    url = choose_team(url) or url
                elif team is Recovery.OTHER:
                    url = _file_chosen(choose_file, url)
                continue  # RETRY: the same URL again
            path = sqlite_path(url) if scheme else None
            # A read-only folder or a full disk is no damage: restoring would not help.
            restorable = path is not None and not isinstance(error, DiskProblem)
            if isinstance(error, RefusedDatabase):
                latest = error.latest_sound_backup  # checked for the refusal's advice
            else:
                latest = backups.latest_sound_backup(path) if restorable and path else None
            choice = ask(error, latest)
            if choice is Recovery.QUIT:
                return None
            if choice is Recovery.OTHER:
                url = _file_chosen(choose_file, url)
                continue
            assert path is not None and latest is not None
            try:
                kept = backups.restore(path, latest)
            except MpnError as failed:
                (warn or _warn)(str(failed))
                continue
            if kept is not None:
                (inform or _inform)(
                    _tr(
                        "{file} was restored from {backup}; the refused file is kept in {kept}."
                    ).format(file=path, backup=latest.name, kept=kept)
                )


def _file_chosen(choose_file: ChooseFile, url: str) -> str:
    """The URL of the database file chosen; ``url`` again when the dialog was cancelled."""
    chosen = choose_file()
    return f"sqlite:///{chosen}" if chosen is not None else url


def _warn(message: str) -> None:
    QMessageBox.warning(None, _tr("The backup was not restored"), message)


def _inform(message: str) -> None:
    QMessageBox.information(None, _tr("Restored"), message)
