"""One German word per concept across the command line's catalogue (.po) and the window's (.ts):
an exam record or result is a "Prüfungsergebnis", a record of a file or the database a
"Datensatz"."""

from __future__ import annotations

import importlib.util
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
FOLDER = ROOT / "resources" / "translations"


def _po_pairs(name: str) -> list[tuple[str, str]]:
    """(English, German) of each entry of a .po, read as scripts/po_to_mo.py reads it."""
    spec = importlib.util.spec_from_file_location("po_to_mo", ROOT / "scripts" / "po_to_mo.py")
    assert spec is not None and spec.loader is not None
    compiler = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(compiler)
    po = (FOLDER / name).read_text(encoding="utf-8")
    return [(key.decode(), value.decode()) for key, value in compiler.read_po(po).items() if key]


def _ts_pairs() -> list[tuple[str, str]]:
    pairs = []
    for message in ET.parse(FOLDER / "mpn_desktop_de.ts").getroot().iter("message"):
        translation = message.find("translation")
        assert translation is not None
        forms = [form.text or "" for form in translation.iter("numerusform")]
        pairs.append(
            (message.findtext("source") or "", "\0".join(forms or [translation.text or ""]))
        )
    return pairs


PAIRS = [*_po_pairs("mpn_desktop_domain_de.po"), *_ts_pairs()]
CATALOGUE_PAIRS = _po_pairs("mpn_desktop_catalog_de.po")

_EXAM_RECORD = re.compile(r"\bexam (record|result)", re.IGNORECASE)
# A usage row (or record) stored in the database, not a line of a file ("usage line").
_USAGE_ROW = re.compile(r"\busage (row|record)", re.IGNORECASE)
# "record" alone: a file's or the database's; not a usage record, "Partner of Record" or
# "your own records" (papers), which other words say.
_RECORD = re.compile(r"(?<!exam )(?<!usage )(?<!of )(?<!own )\brecords?\b")


@pytest.mark.parametrize(
    ("english", "german", "not_german"),
    [
        (_EXAM_RECORD, "Prüfungsergebnis", ("Prüfungsdatensatz", "Prüfungsdatensätze")),
        (_RECORD, "Datens", ("Eintrag", "Einträge")),
        (_USAGE_ROW, "Nutzungsdatens", ("Nutzungszeile",)),
    ],
    ids=["exam record", "record", "usage row"],
)
def test_one_german_word_per_concept(
    english: re.Pattern[str], german: str, not_german: tuple[str, ...]
) -> None:
    # Before: "exam record" was "Prüfungsdatensatz" in the imports' removal and the window's
    # undo texts, "Prüfungsergebnis" in the menu and the help; "record" was "Eintrag" in
    # three help texts of the imports and "Datensatz" in their messages; a usage row was a
    # "Nutzungszeile", as a line of a usage file is ("11 Zeilen gelesen: 19 Nutzungszeilen").
    said = [(source, text) for source, text in PAIRS if english.search(source)]
    assert said
    wrong = [
        (source, text)
        for source, text in said
        if any(word in text for word in not_german)
        or (english is not _RECORD and german not in text)
    ]
    assert wrong == []


def test_mcp_and_mpn_ids_are_written_alike() -> None:
    # Before: "MCP ID" and "MPN ID" in nine German texts of the command line and the
    # checklist ("deren MCP ID mit Ihrer MPN ID verknüpft ist"), "MCP-ID" and "MPN-ID" in
    # the others and in the window's.
    said = [text for _, text in PAIRS if re.search(r"\b(MCP|MPN) ID\b", text)]
    assert said == []


def test_a_name_in_a_compound_is_hyphenated_one_way() -> None:
    # Before: "Solutions-Partner-Gebühr" beside "Solutions Partner-Gebühr", "Microsoft-365-Tenant"
    # beside "Microsoft 365-Kunden", "Partner-Center-Seiten" beside "Partner Center-Datei",
    # "Designationen" beside "Designations" (12 texts of the catalogue's .po and the .ts).
    spelled = re.compile(r"Solutions-Partner-|Microsoft-365-|Partner-Center-|Designationen")
    said = [text for _, text in [*PAIRS, *CATALOGUE_PAIRS] if spelled.search(text)]
    assert said == []


@pytest.mark.parametrize(
    ("english", "german", "not_german"),
    [
        (
            re.compile(r"\badvanced certification", re.IGNORECASE),
            "Erweiterte",
            ("Fortgeschritten",),
        ),
        (re.compile(r"\bnet customer adds\b", re.IGNORECASE), "Nettokundenzug", ("Nettozuwachs",)),
        # The word, not a {metric} placeholder.
        (re.compile(r"(?<!{)\bmetrics?\b(?!})"), "Kennzahl", ("Metrik",)),
    ],
    ids=["advanced certifications", "net customer adds", "metric"],
)
def test_a_metric_and_its_names_are_one_german_word_each(
    english: re.Pattern[str], german: str, not_german: tuple[str, ...]
) -> None:
    # Before: the 2026 Data & AI note said "Fortgeschrittene Zertifizierungen ... vier
    # Metriken" beside the metric "Erweiterte Zertifizierungen" and 2023's "vier Kennzahlen";
    # two readings said "Nettozuwachs an Kunden" for the metric "Nettokundenzugänge".
    said = [(source, text) for source, text in [*PAIRS, *CATALOGUE_PAIRS] if english.search(source)]
    assert said
    wrong = [
        (source, text)
        for source, text in said
        if german not in text or any(word in text for word in not_german)
    ]
    assert wrong == []


def test_a_tenant_is_a_mandant() -> None:
    # Before: "Mandanten-ID" and "Microsoft-Mandant" in the window, "Kundentenant",
    # "Microsoft 365-Tenant" and "ein Tenant" in the track's reason, a field's help and two
    # readings of the catalogue. Microsoft's German, as the window's field, says Mandant.
    said = [
        (source, text)
        for source, text in [*PAIRS, *CATALOGUE_PAIRS]
        if re.search(r"(?<!{)\btenants?\b(?!})", source, re.IGNORECASE)
    ]
    assert said
    assert [(source, text) for source, text in said if re.search("tenant", text, re.I)] == []


def test_partner_center_takes_its_genitive_s() -> None:
    # Before: "nach der Einstufung des Partner Center" in the Business Applications track's
    # reason, beside the catalogue's "die Einstufung des Partner Centers".
    said = [text for _, text in [*PAIRS, *CATALOGUE_PAIRS] if "des Partner Center" in text]
    assert said
    assert [text for text in said if re.search(r"des Partner Center(?![s-])", text)] == []


def test_qualifikation_is_skilling_and_qualifizierung_is_qualifying() -> None:
    # Microsoft's German pages call the skilling category "Qualifikation" ("Partnerleistung,
    # Qualifikation und Kundenerfolg"; "Qualifikation – Zwischenzertifizierungen"), and a
    # skilled person has an "Azure-Qualifikation" in the 2017-2018 catalogue here too. Before,
    # the skilling category and its tab were "Qualifizierung" and a designation's qualifying
    # "Qualifikation" ("Qualifikationsfenster", "Eine Qualifikation zählt an jedem Tag"):
    # the two words the other way round from Microsoft's, side by side in one window.
    pairs = [*PAIRS, *CATALOGUE_PAIRS]
    skilling = [(source, text) for source, text in pairs if "Qualifikation" in text]
    assert skilling
    assert [(source, text) for source, text in skilling if "skill" not in source.lower()] == []
    qualifying = [(source, text) for source, text in pairs if "Qualifizierung" in text]
    assert qualifying
    assert [(source, text) for source, text in qualifying if "qualif" not in source.lower()] == []
    said = [(source, text) for source, text in pairs if re.search(r"\bskilling\b", source, re.I)]
    assert said
    assert [(source, text) for source, text in said if "Qualifikation" not in text] == []


# A sheet of a workbook (or the one a CSV file was saved from), not a word inside braces.
_SHEET = re.compile(r"(?<![{\w])sheets?\b(?!})", re.IGNORECASE)


def test_a_sheet_is_a_tabellenblatt_and_a_tabelle_is_a_table() -> None:
    # Before: "Tabelle" said a spreadsheet ("speichern Sie die Tabelle als .xlsx", "eine als
    # CSV gespeicherte Tabelle", "oder einer Tabelle importieren") beside the database's and
    # the window's tables ("eine Datenbank ohne Tabellen", "ein Blatt pro Tabelle"); a sheet
    # was also "Blatt", and the spreadsheet program "Tabellenprogramm" or
    # "Tabellenkalkulation". Now a spreadsheet file is an "Arbeitsmappe", its sheet a
    # "Tabellenblatt", the program a "Tabellenkalkulation"; "Tabelle" a table alone.
    pairs = [*PAIRS, *CATALOGUE_PAIRS]
    sheets = [(source, text) for source, text in pairs if _SHEET.search(source)]
    assert len(sheets) >= 8
    assert [(source, text) for source, text in sheets if "Tabellenbl" not in text] == []
    tables = [(source, text) for source, text in pairs if re.search(r"\bTabellen?\b", text)]
    assert len(tables) >= 8
    table = re.compile(r"\b(tables?|grid)\b", re.IGNORECASE)
    assert [(source, text) for source, text in tables if not table.search(source)] == []
    other = re.compile(r"\b(Blatt|Blätter|Blatts|Tabellenprogramm\w*)\b")
    assert [text for _, text in pairs if other.search(text)] == []


def test_a_workload_is_feminine() -> None:
    # Before: "einer Microsoft 365-Workload", "einer Sicherheits-Workload" (six texts) beside
    # "ein Workload", "kein Workload", "seinen Workload", "jedes/eines Workloads" and "keines
    # der Workloads" (six others). Microsoft's German says "die Workload".
    not_feminine = re.compile(
        r"\b(ein|kein|seinen|einen|jedes|eines|keines der|dem) ([\w ]+-)?Workload"
    )
    said = [text for _, text in [*PAIRS, *CATALOGUE_PAIRS] if "Workload" in text]
    assert said
    assert [text for text in said if not_feminine.search(text)] == []


def test_one_fee_however_many_is_said_one_way() -> None:
    # Before: "eine Gebühr für beliebig viele Designations" (the checklist, the fee tab's
    # hint) beside "eine Gebühr, gleich wie viele Designations" (status, the fee form, the
    # fee's help) for the same English "one fee however many designations".
    said = [text for _, text in [*PAIRS, *CATALOGUE_PAIRS] if "beliebig viele" in text]
    assert len(said) >= 2
    assert [text for _, text in [*PAIRS, *CATALOGUE_PAIRS] if "gleich wie viele" in text] == []


def _german_of(source: str, pairs: list[tuple[str, str]]) -> list[str]:
    said = [text for english, text in pairs if english == source]
    assert said, source
    return said


def test_the_people_customers_and_subscriptions_an_import_makes_are_angelegt() -> None:
    # Before: an import said "3 Personen hinzugefügt" ("3 Kunden, 4 Abonnements
    # hinzugefügt"; the wizard and a possible duplicate too) and the imports listing's column
    # and removal "angelegt" for the same people. "hinzugefügt" stays the exam records'
    # ("3 hinzugefügt, 0 Duplikate, 0 Fehler").
    assert _german_of("created", PAIRS) == ["angelegt"]
    sources = (
        "{people} added",
        "{customers}, {subscriptions} added",
        "%n person(s) added",
        "{customers} and {subscriptions} added",
        "line {line}: possible duplicate person: {name} with MCP ID {mcp_id} was added, and"
        " {other_name} has MCP ID {other_id}; if they are one person, keep the MCP ID that is"
        " associated and delete the other",
    )
    said = [text for source in sources for text in _german_of(source, PAIRS)]
    assert [text for text in said if "angelegt" not in text or "hinzugef" in text] == []


def test_the_program_keeps_its_name_solutions_partner_in_german() -> None:
    # Before: the designations were "Lösungspartner für Sicherheit" (the catalogue's .po)
    # beside "Solutions Partner-Designations", "Solutions Partner-Gebühr" everywhere else.
    # Microsoft's German marketing keeps the program's English name.
    pairs = [*PAIRS, *CATALOGUE_PAIRS]
    assert [text for _, text in pairs if "Lösungspartner" in text] == []
    names = [
        text for source, text in CATALOGUE_PAIRS if source.startswith("Solutions Partner for ")
    ]
    assert len(names) == 6
    assert [text for text in names if not text.startswith("Solutions Partner für ")] == []


def test_a_checklist_not_written_is_said_with_one_word() -> None:
    # Before: the window's box read "Die Checkliste wurde nicht gespeichert." over the
    # reason "Die Checkliste wurde nicht geschrieben: ..." (the command line's too).
    said = [
        *_german_of("The checklist was not saved.", PAIRS),
        *_german_of("the checklist was not written: {problem}", PAIRS),
    ]
    assert [
        text for text in said if not text.startswith("Die Checkliste wurde nicht geschrieben")
    ] == []
