"""The main window's menus as data: each entry's objectName, words, keys and what it calls.

calibre's ``action_spec`` and Mu's ``actions()`` lists: the window reads these
specs and builds its menus in one loop, so adding a menu entry is one line
here and one method on the window. Texts are marked for translation here and
translated where the menu is built (``MainWindow.tr``).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtGui import QAction, QKeySequence

Keys = QKeySequence.StandardKey


def _t(text: str) -> str:
    return str(QT_TRANSLATE_NOOP("MainWindow", text))


@dataclass(frozen=True)
class ActionSpec:
    """One menu entry: its objectName, words, keys and the window method it calls.

    ``call`` names the method ("files.open_database" reaches one of the window's
    parts) and ``args`` what it is given; ``shortcut`` is a standard key or a
    portable text such as "Ctrl+I".
    """

    name: str
    text: str
    call: str
    shortcut: QKeySequence.StandardKey | str | None = None
    tooltip: str = ""
    role: QAction.MenuRole | None = None
    args: tuple[object, ...] = ()


@dataclass(frozen=True)
class WindowAction:
    """An action the window makes itself (undo, the dock's toggle, Today), added by attribute."""

    attribute: str


@dataclass(frozen=True)
class MenuSpec:
    """A menu or submenu; ``filled_by`` names the window's method that fills it as it opens;
    ``prepares_writes``: opening it starts loading the store's write path (most of its
    actions write: imports, paste, delete, undo), which the first write would wait for."""

    name: str
    title: str
    items: tuple[MenuItem, ...] = ()
    filled_by: str = ""
    prepares_writes: bool = False
    prepares_imports: bool = False
    """Opening it loads the importers too (the import actions are in it)."""


class Marker(Enum):
    """Entries that are not one action: a separator, and one action per step tab."""

    SEPARATOR = "separator"
    STEP_TABS = "step tabs"


MenuItem = ActionSpec | WindowAction | MenuSpec | Marker
SEPARATOR = Marker.SEPARATOR

# Ctrl+N (the standard New key) adds a record, what a user does all day; a new
# database is rare enough for Ctrl+Shift+N.
MENUS: tuple[MenuSpec, ...] = (
    MenuSpec(
        "fileMenu",
        _t("&File"),
        (
            ActionSpec("newDatabaseAction", _t("&New database…"), "new_database", "Ctrl+Shift+N"),
            ActionSpec(
                "openDatabaseAction", _t("&Open database…"), "files.open_database", Keys.Open
            ),
            ActionSpec(
                "openTeamDatabaseAction",
                _t("Open &team database…"),
                "files.open_team_database",
            ),
            MenuSpec("recentDatabasesMenu", _t("Open &recent"), filled_by="_fill_recent_menu"),
            SEPARATOR,
            ActionSpec(
                "importExamsAction", _t("&Import exam records…"), "files.import_exams", "Ctrl+I"
            ),
            ActionSpec(
                "importSalesAction",
                _t("Import s&ales data…"),
                "files.import_sales",
                "Ctrl+Shift+I",
            ),
            ActionSpec("pastImportsAction", _t("Pa&st imports…"), "show_imports"),
            SEPARATOR,
            ActionSpec(
                "printChecklistAction", _t("&Print checklist…"), "print_checklist", Keys.Print
            ),
            ActionSpec(
                "exportChecklistPdfAction",
                _t("Export checklist as P&DF…"),
                "export_checklist_pdf",
                "Ctrl+Shift+P",
            ),
            SEPARATOR,
            MenuSpec(
                "exportMenu",
                _t("&Export"),
                (
                    ActionSpec(
                        "exportJsonAction", _t("&JSON document…"), "files.export_json", Keys.SaveAs
                    ),
                    ActionSpec(
                        "exportWorkbookAction",
                        _t("&Spreadsheet (.xlsx)…"),
                        "files.export_workbook",
                    ),
                    ActionSpec(
                        "exportTableCsvAction", _t("This &table as CSV…"), "export_table_csv"
                    ),
                ),
            ),
            ActionSpec("loadJsonAction", _t("&Load JSON or spreadsheet…"), "files.load_json"),
            ActionSpec("backupAction", _t("&Backup…"), "files.backup", Keys.Save),
            ActionSpec("restoreBackupAction", _t("Res&tore from backup…"), "files.restore_backup"),
            SEPARATOR,
            ActionSpec(
                "quitAction", _t("&Quit"), "close", Keys.Quit, role=QAction.MenuRole.QuitRole
            ),
        ),
        prepares_writes=True,
        prepares_imports=True,
    ),
    MenuSpec(
        "editMenu",
        _t("&Edit"),
        (
            WindowAction("undo_action"),
            WindowAction("redo_action"),
            SEPARATOR,
            ActionSpec("copyRowsAction", _t("&Copy"), "copy_selection", Keys.Copy),
            ActionSpec("pasteRowsAction", _t("&Paste"), "paste_rows", Keys.Paste),
            SEPARATOR,
            ActionSpec("addRecordAction", _t("&Add…"), "add_record", Keys.New),
            ActionSpec("deleteRecordAction", _t("&Delete"), "delete_selected", Keys.Delete),
            SEPARATOR,
            ActionSpec("findAction", _t("&Find"), "focus_search", Keys.Find),
            SEPARATOR,
            ActionSpec(
                "organisationAction",
                _t("&Organisation and targets…"),
                "edit_organisation",
                "Ctrl+Shift+T",
            ),
        ),
        prepares_writes=True,
    ),
    MenuSpec(
        "viewMenu",
        _t("&View"),
        (
            WindowAction("panel_action"),
            SEPARATOR,
            Marker.STEP_TABS,
            SEPARATOR,
            MenuSpec(
                "languageMenu",
                _t("&Language"),
                (
                    ActionSpec(
                        "languageSystemAction", _t("&System"), "choose_language", args=("system",)
                    ),
                    # Each language named in its own words, untranslated.
                    ActionSpec("languageEnglishAction", "English", "choose_language", args=("en",)),
                    ActionSpec("languageGermanAction", "Deutsch", "choose_language", args=("de",)),
                ),
            ),
            SEPARATOR,
            ActionSpec("historyAction", _t("&History…"), "show_history"),
            SEPARATOR,
            WindowAction("today_action"),
            ActionSpec(
                "refreshAction",
                _t("&Refresh"),
                "refresh",
                Keys.Refresh,
                tooltip=_t("Read the database again and work out the status anew"),
            ),
        ),
    ),
    MenuSpec(
        "helpMenu",
        _t("&Help"),
        (
            ActionSpec("gettingStartedAction", _t("&Getting started…"), "show_getting_started"),
            ActionSpec("shortcutsAction", _t("&Keyboard shortcuts…"), "show_shortcuts"),
            ActionSpec(
                "requirementsAction",
                _t("&Requirements…"),
                "show_requirements",
                Keys.HelpContents,
            ),
            ActionSpec(
                "aboutAction",
                _t("&About MPN Competency Tracker"),
                "show_about",
                role=QAction.MenuRole.AboutRole,
            ),
        ),
    ),
)
