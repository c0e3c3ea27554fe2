"""Builds the QApplication, opens the database and the catalogue, and shows the main window."""

from __future__ import annotations

import argparse
import gc
import linecache
import sys
from typing import TYPE_CHECKING

from mpn_desktop.errors import CatalogError, MpnError

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication

    from mpn_desktop.ui.main_window import MainWindow


def _application() -> object:
    from PySide6.QtGui import QGuiApplication, QIcon
    from PySide6.QtWidgets import QApplication

    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv)
    app.setApplicationName("mpn-desktop")
    app.setApplicationDisplayName("MPN Competency Tracker")
    app.setOrganizationName("mpn-desktop")
    QGuiApplication.setDesktopFileName("io.github.mpn_desktop.MpnDesktop")
    _translate(app)
    icon = QIcon()
    for path in _application_icon_files():
        icon.addFile(path)
    if not icon.isNull():
        app.setWindowIcon(icon)
    return app


_TRANSLATORS: list[object] = []
"""The installed translators, kept alive for as long as the program runs."""


def _translate(app: QApplication) -> None:
    """The system's language or the one chosen in View ▸ Language (read once, at start)."""
    from mpn_desktop.ui.language import install_translators
    from mpn_desktop.ui.settings import WindowSettings

    if not _TRANSLATORS:
        setting = WindowSettings().language()
        # The sentences the domain and the checklist write (gettext) follow the window's language.
        _TRANSLATORS.extend(install_translators(app, setting))


def _application_icon_files() -> list[str]:
    from importlib import resources

    folder = resources.files("mpn_desktop.resources") / "icons"
    if not folder.is_dir():
        return []
    return sorted(
        str(item)
        for item in folder.iterdir()
        if item.name.startswith("mpn-desktop-") and item.name.endswith(".png")
    )


def _refuse(title: str, error: MpnError) -> int:
    from PySide6.QtWidgets import QMessageBox

    box = QMessageBox(QMessageBox.Icon.Critical, title, str(error))
    problems = getattr(error, "problems", [])
    if problems:
        box.setDetailedText("\n".join(problems))
    box.exec()
    return 1


def run_gui(args: argparse.Namespace) -> int:
    """Opens the main window on the chosen database and runs the event loop."""
    # No garbage collection while start-up imports and builds the window: the
    # collector went through the ever-growing heap of modules and widgets again
    # and again (7% of start-up's CPU time), and none of it is garbage.
    gc.disable()
    try:
        return _run_gui(args)
    finally:
        gc.enable()


def _run_gui(args: argparse.Namespace) -> int:
    from PySide6.QtWidgets import QApplication

    from mpn_desktop.pyside_feature import read_feature_use_from_bytes

    # Before the 230 modules of the window are imported: PySide6 looks at each (see there).
    read_feature_use_from_bytes()
    from mpn_desktop.commands.common import catalog_path, database_url, window_database_refused
    from mpn_desktop.programs import shipped_catalogs, window_catalogues

    app = _application()
    assert isinstance(app, QApplication)
    _install_handlers(app)
    try:
        # A Solutions Partner file given with --catalog scores every day, as in the commands.
        catalog, chosen = window_catalogues(catalog_path(args))
        # Known by their dates: the window reads in full only the one a day chooses.
        scored = shipped_catalogs() if chosen is None else ()
    except CatalogError as error:
        return _refuse(app.tr("The requirements catalogue cannot be used"), error)
    from mpn_desktop.ui.startup_recovery import open_at_startup

    # A refused database offers its latest backup, another file, or quitting.
    # A URL given as --db or MPN_DESKTOP_DB is refused there too, in the window's language.
    db = open_at_startup(database_url(args), refused=window_database_refused(args))
    if db is None:
        return 1

    from mpn_desktop.ui.context import AppContext
    from mpn_desktop.ui.main_window import MainWindow

    context = AppContext(db, catalog, scored_catalogs=scored, chosen_scored=chosen)
    # The window is painted first, its tabs and status panel saying "Loading…":
    # SQLAlchemy and the store's modules are imported after the first paint, on a
    # worker thread, and the records read then (fill); they were half of start-up.
    window = MainWindow(context, evaluate_now=False)
    window.show()
    _forget_module_sources()
    # What start-up built lives as long as the window: frozen, the collector's
    # later full passes (after edits) no longer walk through it.
    gc.freeze()
    from mpn_desktop.ui.gui_collector import GuiThreadCollector

    # Collections from now on run on the GUI thread alone (see the module).
    GuiThreadCollector(window).start()
    window.filled.connect(lambda: _after_filling(window))
    window.fill()
    try:
        return app.exec()
    finally:
        context.db.close()


def _after_filling(window: MainWindow) -> None:
    """Once the records are read: the version (its metadata was not read before the first
    paint), the modules imported meanwhile frozen as well, and an empty database's welcome."""
    from PySide6.QtCore import QCoreApplication

    import mpn_desktop

    QCoreApplication.setApplicationVersion(mpn_desktop.__version__)
    _forget_module_sources()
    gc.freeze()
    window.welcome_if_empty()


def _forget_module_sources() -> None:
    """Empties Python's cache of source lines, which holds every module imported after PySide6.

    PySide6 reads the source of each module imported after it (to see whether
    it uses its ``__feature__`` switches), and ``linecache`` kept all of them:
    21 MiB of the window's 142 MiB at idle. A traceback reads the lines it
    shows again when it needs them.
    """
    linecache.clearcache()


def _install_handlers(app: QApplication) -> None:
    """The crash dialog, and the start-up probe the packaging smoke test uses."""
    from mpn_desktop.crash import install_crash_handler
    from mpn_desktop.startup_probe import arm_startup_probe

    install_crash_handler(app)
    arm_startup_probe(app)
