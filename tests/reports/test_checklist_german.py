"""The checklist in German: its title, headings, steps and actions from the domain catalogue."""

from __future__ import annotations

from typing import Any

from checklist_helpers import AS_OF, PRINTED_ON

from mpn_desktop.domain import vocabulary
from mpn_desktop.domain.enums import StepKind
from mpn_desktop.domain.evaluate import evaluate
from mpn_desktop.domain.facts import Facts
from mpn_desktop.reports.checklist import Checklist, as_action, build_checklist


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
