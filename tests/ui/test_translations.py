"""The German translation: complete, built, up to date with the sources, and shown in the window."""

from __future__ import annotations

import ast
import os
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, QTranslator
from PySide6.QtWidgets import QApplication, QDialog, QDialogButtonBox, QMenu, QTabWidget
from pytestqt.qtbot import QtBot

from mpn_desktop.ui.context import AppContext
from mpn_desktop.ui.language import (
    ContextFallbackTranslator,
    in_sentence,
    install_translators,
    language_shown,
    remove_translators,
    translation_file,
)
from mpn_desktop.ui.main_window import MainWindow
from mpn_desktop.ui.settings import WindowSettings

ROOT = Path(__file__).resolve().parents[2]
FOLDER = ROOT / "resources" / "translations"
GERMAN_TS = FOLDER / "mpn_desktop_de.ts"
GERMAN_QM = FOLDER / "mpn_desktop_de.qm"
ENGLISH_TS = FOLDER / "mpn_desktop_en.ts"
PLACEHOLDER = re.compile(r"\{[a-z_]+\}")


def _tool(name: str) -> str:
    """A PySide6 tool of the interpreter running the tests (the venv's), else on PATH."""
    beside = Path(sys.executable).parent / name
    found = str(beside) if beside.exists() else shutil.which(name)
    if not found:
        pytest.fail(f"{name} is not installed (it comes with PySide6)")
    return found


def _messages(ts: Path) -> list[tuple[str, str, ET.Element]]:
    """(context, source text, translation element) of every entry of ``ts``."""
    entries = []
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            assert translation is not None
            entries.append((name, message.findtext("source") or "", translation))
    return entries


def _forms(translation: ET.Element) -> list[str]:
    """The texts of a translation: its numerus forms ("1 record", "2 records"), or its one text."""
    numerus = translation.findall("numerusform")
    if numerus:
        return [form.text or "" for form in numerus]
    return [translation.text or ""]


def _unfinished(ts: Path, plural_forms: int = 2) -> list[tuple[str, str]]:
    """Entries of ``ts`` not translated, or a text with a count short of a plural form.

    English and German have two forms (one, other): a numerus entry needs both.
    """
    unfinished = []
    for context, source, translation in _messages(ts):
        forms = _forms(translation)
        numerus = bool(translation.findall("numerusform"))
        if (
            translation.get("type") in ("unfinished", "vanished", "obsolete")
            or not all(form.strip() for form in forms)
            or (numerus and len(forms) != plural_forms)
        ):
            unfinished.append((context, source))
    return unfinished


def test_every_entry_is_translated() -> None:
    assert _unfinished(GERMAN_TS) == []


def test_every_text_with_a_count_has_its_english_forms() -> None:
    entries = _messages(ENGLISH_TS)
    assert len(entries) > 20
    assert all(translation.findall("numerusform") for _, _, translation in entries)
    assert _unfinished(ENGLISH_TS) == []
    german = {source for _, source, translation in _messages(GERMAN_TS) if _forms(translation)}
    assert {source for _, source, _ in entries} <= german


def test_a_text_with_a_count_short_of_a_german_form_is_unfinished(tmp_path: Path) -> None:
    short = tmp_path / "short.ts"
    short.write_text(
        '<?xml version="1.0" encoding="utf-8"?><TS version="2.1" language="de_DE"><context>'
        "<name>X</name>"
        '<message numerus="yes"><source>%n row(s)</source><translation>'
        "<numerusform>%n Zeile</numerusform></translation></message>"
        '<message numerus="yes"><source>%n file(s)</source><translation>'
        "<numerusform>%n Datei</numerusform><numerusform></numerusform></translation></message>"
        '<message numerus="yes"><source>%n day(s)</source><translation>'
        "<numerusform>%n Tag</numerusform><numerusform>%n Tage</numerusform></translation>"
        "</message></context></TS>",
        encoding="utf-8",
    )
    assert _unfinished(short) == [("X", "%n row(s)"), ("X", "%n file(s)")]


def test_translations_keep_placeholders_and_accelerators() -> None:
    wrong = []
    for context, source, translation in [*_messages(GERMAN_TS), *_messages(ENGLISH_TS)]:
        for text in _forms(translation):
            # A translation may leave a placeholder out (German needs no "its"), never invent
            # one: .format() would raise KeyError in front of the user.
            if not set(PLACEHOLDER.findall(text)) <= set(PLACEHOLDER.findall(source)):
                wrong.append((context, source, text))
            # A menu or button keeps exactly one accelerator key when the English has one.
            if source.replace("&&", "").count("&") != text.replace("&&", "").count("&"):
                wrong.append((context, source, text))
    assert wrong == []


@pytest.mark.parametrize("ts", [GERMAN_TS, ENGLISH_TS], ids=["de", "en"])
def test_the_committed_qm_is_built_from_the_ts(ts: Path, tmp_path: Path) -> None:
    built = tmp_path / "built.qm"
    subprocess.run(
        [_tool("pyside6-lrelease"), "-silent", str(ts), "-qm", str(built)],
        check=True,
        capture_output=True,
    )
    assert built.read_bytes() == ts.with_suffix(".qm").read_bytes(), "run scripts/translations --qm"


def test_the_ts_holds_every_text_of_the_window(tmp_path: Path) -> None:
    """What lupdate finds in the sources today is in the .ts (run scripts/translations)."""
    script = (ROOT / "scripts" / "translations").read_text(encoding="utf-8")
    alias = re.search(r"-tr-function-alias (\S+)", script)
    assert alias is not None
    sources = [str(path) for path in _window_sources()]
    fresh = tmp_path / "fresh.ts"
    shutil.copy(GERMAN_TS, fresh)
    lupdate = [_tool("pyside6-lupdate"), "-no-obsolete", "-locations", "none"]
    subprocess.run(
        [*lupdate, "-tr-function-alias", alias.group(1), *sources, "-ts", str(fresh)],
        check=True,
        capture_output=True,
    )
    known = {(context, source) for context, source, _ in _messages(GERMAN_TS)}
    found = {(context, source) for context, source, _ in _messages(fresh)}
    assert sorted(found - known) == []


def _window_sources() -> list[Path]:
    others = [ROOT / "mpn_desktop" / "app.py", ROOT / "mpn_desktop" / "reports" / "render.py"]
    return sorted([*(ROOT / "mpn_desktop" / "ui").rglob("*.py"), *others])


def test_every_marked_text_reaches_the_ts() -> None:
    """Each literal given to tr(), _tr(), _t() or translate() is in the .ts.

    lupdate does not read inside f-strings: a tr() there would stay English.
    """
    known = {source for _, source, _ in _messages(GERMAN_TS)}
    text_at = {"tr": 0, "_tr": 0, "_t": 0, "QT_TR_NOOP": 0, "translate": 1}
    text_at["QT_TRANSLATE_NOOP"] = 1
    missing = []
    for path in _window_sources():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            func = node.func
            name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
            at = text_at.get(name)
            if at is None or len(node.args) <= at:
                continue
            text = node.args[at]
            literal = isinstance(text, ast.Constant) and isinstance(text.value, str)
            if literal and text.value not in known:
                missing.append(f"{path.relative_to(ROOT)}:{node.lineno}: {text.value}")
    assert missing == [], "outside an f-string, then scripts/translations"


def test_the_language_follows_the_system_unless_chosen() -> None:
    german = QLocale(QLocale.Language.German, QLocale.Country.Germany)
    french = QLocale(QLocale.Language.French, QLocale.Country.France)
    assert language_shown("system", german) == "de"
    assert language_shown("system", french) == "en"
    assert language_shown("en", german) == "en"
    assert language_shown("de", french) == "de"
    assert language_shown("klingon", german) == "de"
    assert translation_file("de").endswith("mpn_desktop_de.qm")
    assert translation_file("fr") == ""


def test_a_text_of_a_module_helper_is_found_under_its_own_context(qapp: QApplication) -> None:
    translator = ContextFallbackTranslator()
    assert translator.load(str(GERMAN_QM))
    # lupdate filed the _tr() helper's text under the empty context; the helper asks "Fields".
    assert translator.translate("Fields", "Silver") == "Silber"
    assert translator.translate("MainWindow", "&Edit") == "&Bearbeiten"
    assert not translator.translate("MainWindow", "no such text")


@pytest.fixture
def german(qapp: QApplication) -> Iterator[None]:
    """The German translators installed for one test, then removed."""
    installed = install_translators(qapp, "de")
    assert installed, "the German translation did not load"
    yield
    remove_translators(qapp, installed)


def test_the_window_speaks_german(
    german: None, qtbot: QtBot, sample_context: AppContext, tmp_path: Path
) -> None:
    settings = WindowSettings(tmp_path / "settings.ini")
    window = MainWindow(sample_context, settings)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)

    menus = [action.text() for action in window.menuBar().actions()]
    assert menus == ["&Datei", "&Bearbeiten", "&Ansicht", "&Hilfe"]
    view = window.findChild(QMenu, "viewMenu")
    assert "S&prache" in [action.text() for action in view.actions()]
    language = window.findChild(QMenu, "languageMenu")
    assert [action.text() for action in language.actions()] == [
        "S&ystemsprache",
        "English",
        "Deutsch",
    ]
    assert window.findChild(QMenu, "fileMenu").actions()[0].text() == "&Neue Datenbank…"
    tabs = window.findChild(QTabWidget, "stepTabs")
    assert [tabs.tabText(i) for i in range(tabs.count())] == [
        "Vertriebsleistung",
        "Prüfungen und Personen",
        "Kundenreferenzen",
        "Gebühr",
    ]
    assert window.panel_dock.windowTitle() == "Status"
    if os.environ.get("MPN_DESKTOP_SHOTS"):
        window.grab().save(str(Path(os.environ["MPN_DESKTOP_SHOTS"]) / "window_de.png"))

    dialog = window.edit_organisation()
    qtbot.waitExposed(dialog)
    assert dialog.windowTitle() == "Organisation und Ziele"
    buttons = dialog.findChild(QDialogButtonBox)
    assert buttons is not None
    texts = [button.text() for button in buttons.buttons()]
    assert "&Speichern" in texts
    # Qt's own German (qtbase_de.qm) names the standard Cancel button.
    assert "&Abbrechen" in texts or "Abbrechen" in texts
    if os.environ.get("MPN_DESKTOP_SHOTS"):
        dialog.grab().save(str(Path(os.environ["MPN_DESKTOP_SHOTS"]) / "organisation_de.png"))
    dialog.done(QDialog.DialogCode.Rejected)


def test_choosing_a_language_is_remembered_for_the_next_start(
    qtbot: QtBot, sample_context: AppContext, tmp_path: Path
) -> None:
    settings = WindowSettings(tmp_path / "settings.ini")
    window = MainWindow(sample_context, settings)
    qtbot.addWidget(window)
    german = window.menu_actions["languageGermanAction"]
    assert window.menu_actions["languageSystemAction"].isChecked()
    with qtbot.waitSignal(sample_context.reported) as said:
        german.trigger()
    assert german.isChecked()
    assert not window.menu_actions["languageSystemAction"].isChecked()
    assert "started again" in said.args[0]
    assert WindowSettings(tmp_path / "settings.ini").language() == "de"


def test_labels_inside_sentences_keep_german_capitals(german: None) -> None:
    from mpn_desktop.ui.tabs.exams_tab import _where

    assert in_sentence("Silber") == "Silber"
    assert _where([(in_sentence("Silber"), ""), (in_sentence("Gold"), "")], False) == (
        "Silber und Gold"
    )


def test_labels_inside_english_sentences_are_lower_case() -> None:
    assert in_sentence("Gold") == "gold"
    assert in_sentence("Passed on") == "passed on"


def test_the_application_starts_in_the_language_of_the_settings(
    qapp: QApplication, monkeypatch: pytest.MonkeyPatch
) -> None:
    from mpn_desktop import app

    settings = WindowSettings()  # the user's settings file (in the test's own folder)
    settings.set_language("de")
    settings.sync()
    installed: list[QTranslator] = []
    monkeypatch.setattr(app, "_TRANSLATORS", installed)
    app._translate(qapp)
    try:
        assert QCoreApplication.translate("MainWindow", "&Edit") == "&Bearbeiten"
    finally:
        remove_translators(qapp, installed)
    assert QCoreApplication.translate("MainWindow", "&Edit") == "&Edit"


def test_month_names_follow_the_window_language(german: None) -> None:
    from mpn_desktop.ui.models.fields import Field, FieldKind, parse_text

    with pytest.raises(ValueError, match="Februar 2018 hat 28 Tage"):
        parse_text(Field("day", "Bestanden am", FieldKind.DATE), "2018-02-30")


def _bar_text(have: int | str, need: int, unit: str) -> str:
    """A figure as the panel's bars write it: the domain's wording, the window's separators."""
    from decimal import Decimal

    from mpn_desktop.domain.wording import have_of_need
    from mpn_desktop.ui.locale_text import figures

    return have_of_need(Decimal(have), Decimal(need), unit, figures())


def test_the_status_panel_figures_read_german(german: None) -> None:
    before = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.German, QLocale.Country.Germany))
    try:
        assert _bar_text(1600, 2000, "active users") == "1.600 von 2.000 aktiven Benutzern"
        assert _bar_text(1, 1, "people") == "1 von 1 Person"
        assert _bar_text(77000, 15000, "USD") == "US$ 77.000 von US$ 15.000"
    finally:
        QLocale.setDefault(before)


def test_the_status_panel_figures_read_as_before_in_english() -> None:
    assert _bar_text(1600, 2000, "active users") == "1,600 of 2,000 active users"
    assert _bar_text(1, 1, "people") == "1 of 1 person"
    assert _bar_text("2.5", 3, "references") == "2.50 of 3 references"


def test_an_import_s_notes_read_german(german: None) -> None:
    """The import page's notes in a German window: the importer's own and the page's."""
    from mpn_desktop.importers.importing import ImportResult
    from mpn_desktop.ui.import_run_pages import notes_of

    result = ImportResult(
        path=Path("training.csv"),
        new_records=3,
        duplicates=0,
        errors=(),
        people_added=2,
        unknown_codes={"70-999": 2},
        name_conflicts=(),
        name_conflict_count=0,
        ignored_columns=("PartnerName", "Month"),
        dry_run=True,
    )
    assert notes_of(result).splitlines() == [
        "2 Datensätze haben Codes, die der Katalog nicht kennt (zählen für nichts): 70-999 (2)",
        "Ignorierte Spalten: PartnerName, Month",
    ]


def test_an_import_s_problems_read_german(german: None) -> None:
    """The problems table of a German window: the field's German name and a German message."""
    from datetime import date

    from mpn_desktop.importers.catalog_lookup import CatalogLookup
    from mpn_desktop.importers.columns import EXAM_FIELDS, suggest_mapping
    from mpn_desktop.importers.dates import DateOrder
    from mpn_desktop.importers.reading import RecordBatch
    from mpn_desktop.importers.validation import RowProblem, RowValidator
    from mpn_desktop.store.import_rows import ExamColumns
    from mpn_desktop.ui.import_models import ProblemModel

    header = ("MCP ID", "Name", "Exam", "Date Passed")
    validator = RowValidator(
        suggest_mapping(header, EXAM_FIELDS),
        CatalogLookup(None),
        DateOrder.MONTH_FIRST,
        date(2018, 3, 15),
    )
    rows: list[ExamColumns] = []
    problems: list[RowProblem] = []
    records = RecordBatch([2], [["not-an-id", "Ana", "70-533", "11/25/2017"]])
    assert validator.validate_batch(records, rows, problems, {}) == 1
    model = ProblemModel()
    model.show_problems(problems)
    assert model.data(model.index(0, 1)) == "MCP-ID"
    assert model.data(model.index(0, 2)) == "'not-an-id' ist keine MCP-ID (nur Ziffern)"


def test_texts_marked_where_they_are_declared_are_german(german: None) -> None:
    """Texts kept in constants (QT_TR_NOOP) and translated where shown: a wizard's title."""
    from mpn_desktop.ui.import_kinds import EXAM_RECORDS

    assert EXAM_RECORDS.window_title == "Prüfungsergebnisse importieren"


def test_the_importers_words_have_one_german_the_domain_catalogues() -> None:
    """Fields, file kinds, date orders and separators: German in the domain .po, not the .ts.

    The wizard and ``import-exams --language de`` say them alike (ui asks the domain's word).
    """
    import importlib.util

    from mpn_desktop.importers.columns import EXAM_FIELDS
    from mpn_desktop.importers.dates import DateOrder
    from mpn_desktop.importers.reading import DELIMITER_NAMES
    from mpn_desktop.importers.usage_fields import FIELD_SETS

    sets = [EXAM_FIELDS, *FIELD_SETS.values()]
    words = {field.label for fields in sets for field in fields.fields}
    words |= {fields.description for fields in sets if fields.description}
    words |= {order.value for order in DateOrder} | set(DELIMITER_NAMES.values())
    spec = importlib.util.spec_from_file_location("po_to_mo", ROOT / "scripts" / "po_to_mo.py")
    assert spec is not None and spec.loader is not None
    compiler = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(compiler)
    po = FOLDER / "mpn_desktop_domain_de.po"
    # A word said alone and counted has one entry, its plural's (gettext reads its first form).
    german = {
        key.decode().split("\0")[0] for key in compiler.read_po(po.read_text(encoding="utf-8"))
    }
    assert sorted(words - german) == []
    in_ts = {source for context, source, _ in _messages(GERMAN_TS) if not context}
    assert sorted(words & in_ts) == []
    # Capitalised too: the wizard's separator choices ("Comma") had their own German there.
    in_any_case = {source.casefold() for source in in_ts}
    assert sorted(n for n in DELIMITER_NAMES.values() if n.casefold() in in_any_case) == []


def test_the_list_joiners_have_one_german_the_domain_catalogues() -> None:
    """ " and " / " or " joining names in the window read as in the domain's sentences."""
    in_ts = {source for _context, source, _ in _messages(GERMAN_TS)}
    assert sorted({" and ", " or "} & in_ts) == []


def test_the_wizard_s_separator_choices_are_the_domain_s_words(german: None) -> None:
    from mpn_desktop.ui.import_source_pages import PreviewPage
    from mpn_desktop.ui.import_state import ImportState

    page = PreviewPage(ImportState())
    combo = page.delimiter_combo
    assert [combo.itemText(i) for i in range(1, combo.count())] == [
        "Komma",
        "Semikolon",
        "Tabulator",
    ]


def test_a_delete_lists_what_it_takes_along_with_the_domain_s_and(german: None) -> None:
    from mpn_desktop.store.changes import RecordKind
    from mpn_desktop.ui.delete_question import delete_question

    question = delete_question("Contoso", {RecordKind.SUBSCRIPTION: 2, RecordKind.USAGE: 3})
    assert "2 Abonnements und 3 Monate" in question, question
