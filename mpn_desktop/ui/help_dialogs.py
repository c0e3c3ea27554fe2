"""Help ▸ About (version, database, catalogue) and Help ▸ Requirements (the loaded catalogue)."""

from __future__ import annotations

import html

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

import mpn_desktop
from mpn_desktop.logging_setup import log_file_path
from mpn_desktop.ui import locale_text
from mpn_desktop.ui.context import AppContext
from mpn_desktop.ui.settings import settings_path


def _tr(text: str) -> str:
    return QCoreApplication.translate("HelpDialogs", text)


def about_text(context: AppContext) -> str:
    """What About says: the version, the database in use, the catalogues (the 2017-2018 one and
    the Solutions Partner one in force on the "as of" day), where settings and the log are kept."""
    where = context.db.where
    catalog = context.catalog
    scored = context.program_on(context.as_of).scored
    version = html.escape(mpn_desktop.__version__)
    lines = [
        f"<h3>{html.escape(_tr('MPN Competency Tracker'))} {version}</h3>",
        html.escape(
            _tr(
                "Tracks your organisation's way to a silver or gold cloud competency "
                "(2017-2018) and to the Solutions Partner designations (from October 2022)."
            )
        ),
        "<br><br>",
        html.escape(_tr("Database: {where}").format(where=where)),
        "<br>",
        html.escape(
            _tr("Requirements catalogue: {name} {version}").format(
                name=catalog.program, version=catalog.version
            )
        ),
    ]
    if scored is not None:
        lines += [
            "<br>",
            html.escape(
                _tr("Catalogue in force on {day}: {name} {version}").format(
                    day=locale_text.day(context.as_of), name=scored.name, version=scored.version
                )
            ),
        ]
    lines += [
        "<br>",
        html.escape(_tr("Settings: {file}").format(file=settings_path())),
        "<br>",
        html.escape(_log_line()),
    ]
    return "".join(lines)


def _log_line() -> str:
    """Where the log is: the file is opened at the first record, and a start that goes well
    writes none, so a file not written yet is named as where the log will go."""
    path = log_file_path()
    if path.is_file():
        return _tr("Log: {file}").format(file=path)
    return _tr("Log: none yet (written to {file} when there is something to record)").format(
        file=path
    )


def show_about(context: AppContext, parent: QWidget) -> None:
    """The About box."""
    QMessageBox.about(parent, _tr("About MPN Competency Tracker"), about_text(context))


def show_requirements(context: AppContext, parent: QWidget) -> None:
    """The requirements of the loaded catalogue, with their sources and notes."""
    from mpn_desktop.ui.requirements_dialog import RequirementsDialog

    # On a day under the Solutions Partner program, its catalogue in force that day.
    scored = context.program_on(context.as_of).scored
    dialog = RequirementsDialog(context.catalog, parent, scored=scored)
    dialog.open()
