"""The checklist in German: its title, headings, steps and actions from the domain catalogue."""

from __future__ import annotations

from dataclasses import replace
from functools import partial
from pathlib import Path
from typing import Any

import pypdf
import pytest
from checklist_helpers import AS_OF, PRINTED_ON, pdf_pages, text_objects
from PySide6.QtGui import QPdfWriter

from mpn_desktop.domain import vocabulary
from mpn_desktop.domain.enums import Level, StepKind
from mpn_desktop.domain.evaluate import evaluate
from mpn_desktop.domain.facts import Facts, Target
from mpn_desktop.reports.checklist import Checklist, as_action, build_checklist
from mpn_desktop.reports.render import ChecklistNotWritten, render_pdf, render_to_device
from mpn_desktop.store.user_files import write_user_file

save_pdf = partial(write_user_file, database=None)


def checklist_of(catalog: Any, facts: Facts) -> Checklist:
    progress = evaluate(catalog, facts, AS_OF)
    return build_checklist(catalog, facts, progress, printed_on=PRINTED_ON)


def test_the_checklist_reads_german_when_german_is_chosen(catalog: Any, demo_facts: Facts) -> None:
    vocabulary.use_language("de")
    document = checklist_of(catalog, demo_facts)
    assert document.title == "Checkliste der Cloud-Kompetenzen"
    assert document.summary_headings == ("KOMPETENZ", "STUFE", "STATUS")
    block = document.sections[0].levels[0]
    assert [line.text for line in block.lines] == [
        "Vertriebsleistung",
        "Technische Prüfungen",
        "Kundenreferenzen",
        "Kompetenzgebühr",
    ]
    assert document.fee.startswith("Kompetenzgebühr in diesem Mitgliedsjahr, ")
    assert "Nächste Verlängerung: " in document.fee
    actions = [
        action
        for section in document.sections
        for level in section.levels
        for line in level.lines
        for action in line.actions
    ]
    assert any(action.startswith("Noch nötig: ") for action in actions), actions


def test_the_checklist_reads_english_by_default(catalog: Any, demo_facts: Facts) -> None:
    document = checklist_of(catalog, demo_facts)
    assert document.title == "Cloud competency checklist"
    assert document.summary_headings == ("COMPETENCY", "LEVEL", "STATUS")


def test_a_german_imperative_stays_as_it_is() -> None:
    vocabulary.use_language("de")
    assert as_action(StepKind.FEE, "Zahlen Sie die Gebühr für Gold.") == (
        "Zahlen Sie die Gebühr für Gold"
    )
    assert as_action(StepKind.REFERENCES, "2 weitere Kundenreferenzen") == (
        "Noch nötig: 2 weitere Kundenreferenzen"
    )


@pytest.mark.usefixtures("qapp")
def test_the_running_header_names_the_market_once(
    catalog: Any, demo_facts: Facts, tmp_path: Path
) -> None:
    # Before: "Markt {market}" with the market's German name, itself "Entwickelter
    # Markt", read "MPN ID 4123456 · Markt Entwickelter Markt · Stand …" on every page.
    vocabulary.use_language("de")
    path = tmp_path / "checkliste.pdf"
    count = render_pdf(checklist_of(catalog, demo_facts), path, "A4", save=save_pdf)
    pages = pdf_pages(path)
    assert count == len(pages) > 1
    for page in pages[1:]:
        assert "· Entwickelter Markt · Stand" in page
    assert not any("Markt Entwickelter" in page for page in pages)


@pytest.mark.usefixtures("qapp")
def test_the_running_header_breaks_between_its_parts_not_inside_one(
    catalog: Any, demo_facts: Facts, tmp_path: Path
) -> None:
    # Before: wrapped word by word, the second line began with the printing day,
    # "Gedruckt" left at the end of the line above.
    vocabulary.use_language("de")
    path = tmp_path / "checkliste.pdf"
    render_pdf(checklist_of(catalog, demo_facts), path, "A4", save=save_pdf)
    texts = [text for _, _, text in text_objects(pypdf.PdfReader(path).pages[1])]
    meta = [text for text in texts if text.startswith("MPN-ID")]
    (start,) = meta
    following = texts[texts.index(start) : texts.index(start) + 3]
    assert any("Gedruckt 16.03.2018" in text for text in following), following
    assert not any(text.endswith(("Gedruckt", "Stand", "Jubiläumsdatum")) for text in texts)


def test_the_closing_section_cites_its_source_with_a_german_day(
    catalog: Any, demo_facts: Facts
) -> None:
    # Before: "Quelle: MPN 101: … (Microsoft US partner blog), 2017-09-12" under
    # "Warum eine Cloud-Kompetenz", while the footnotes cite the same blog "12.09.2017".
    vocabulary.use_language("de")
    document = checklist_of(catalog, demo_facts)
    assert document.about is not None
    assert document.about.source.startswith("MPN 101: The four steps to attain")
    assert document.about.source.endswith(", 12.09.2017")


def test_retired_targets_are_named_in_german(catalog: Any, demo_facts: Facts) -> None:
    # Before: "Not listed: Hosting (targeted at gold) was retired on 2018-01-30; it cannot
    # be attained any more." on the German checklist (an f-string, never translated).
    vocabulary.use_language("de")
    one = replace(demo_facts, targets=(*demo_facts.targets, Target("hosting", Level.GOLD)))
    assert checklist_of(catalog, one).retired_targets == (
        "Nicht aufgeführt: Hosting (Ziel: Gold) wurde am 30.01.2018 eingestellt; "
        "sie kann nicht mehr erreicht werden."
    )


@pytest.mark.usefixtures("qapp")
def test_a_checklist_not_written_says_why_in_german(
    catalog: Any, empty_facts: Facts, tmp_path: Path
) -> None:
    # Before: "the checklist was not written: …" (the window's box under German read
    # "Die Checkliste wurde nicht gespeichert." over that English line), and the refusals of
    # an unknown page size, a printer that could not be drawn on, a page refused: English.
    vocabulary.use_language("de")
    document = checklist_of(catalog, empty_facts)
    folder = tmp_path / "fehlt"
    with pytest.raises(ChecklistNotWritten) as refused:
        render_pdf(document, folder / "checkliste.pdf", "A4", save=save_pdf)
    assert str(refused.value) == (
        f"Die Checkliste wurde nicht geschrieben: {folder / 'checkliste.pdf'}: "
        f"Der Ordner {folder} existiert nicht"
    )
    with pytest.raises(ChecklistNotWritten) as refused:
        render_pdf(document, tmp_path / "x.pdf", "A5", save=save_pdf)
    assert str(refused.value) == (
        "Das Papierformat 'A5' ist unbekannt; wählen Sie eines von A4, Letter"
    )
    writer = QPdfWriter(str(folder / "x.pdf"))
    with pytest.raises(ChecklistNotWritten) as refused:
        render_to_device(document, writer)
    assert str(refused.value) == (
        "Die Checkliste konnte nicht auf den gewählten Drucker oder in die gewählte Datei "
        "gezeichnet werden"
    )
