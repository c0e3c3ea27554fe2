"""The checklist document model for the demo, a met, a partly met and an empty organisation."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import pytest
from checklist_helpers import AS_OF, PRINTED_ON, attained_facts, partly_met_facts

from mpn_desktop.domain.enums import Level, StepKind
from mpn_desktop.domain.evaluate import evaluate
from mpn_desktop.domain.facts import Facts, Target
from mpn_desktop.errors import ValidationError
from mpn_desktop.reports.checklist import (
    STEP_TITLES,
    Checklist,
    as_action,
    build_checklist,
)


def checklist_of(catalog: Any, facts: Facts, **options: Any) -> Checklist:
    progress = evaluate(catalog, facts, AS_OF)
    return build_checklist(catalog, facts, progress, printed_on=PRINTED_ON, **options)


def test_the_header_names_the_organisation_and_the_days(catalog: Any, demo_facts: Facts) -> None:
    header = checklist_of(catalog, demo_facts).header
    assert header.organization == "Contoso Cloud Ltd"
    assert header.mpn_id == "4123456"
    assert header.market == "Developed"
    assert header.as_of == "2018-03-15"
    assert header.printed_on == "2018-03-16"
    assert header.anniversary == demo_facts.organization.anniversary.isoformat()  # type: ignore[union-attr]
    assert "2017-2018" in header.catalog


def test_each_target_at_each_level_up_to_its_target_in_catalogue_order(
    catalog: Any, demo_facts: Facts
) -> None:
    document = checklist_of(catalog, demo_facts)
    printed = [(s.competency_id, [b.title for b in s.levels]) for s in document.sections]
    assert printed == [
        ("cloud-platform", ["Silver", "Gold"]),
        ("cloud-productivity", ["Silver"]),
        ("enterprise-mobility-management", ["Silver"]),
    ]
    assert [row.level for row in document.summary] == ["Silver", "Gold", "Silver", "Silver"]
    assert document.sections[0].target == "Target: gold"


def test_each_level_has_the_four_steps_ticked_when_met(catalog: Any, demo_facts: Facts) -> None:
    progress = evaluate(catalog, demo_facts, AS_OF)
    document = build_checklist(catalog, demo_facts, progress, printed_on=PRINTED_ON)
    platform = document.sections[0]
    for block in platform.levels:
        steps = progress.competency("cloud-platform").level(block.level).steps
        assert [line.text for line in block.lines] == [STEP_TITLES[kind] for kind in StepKind]
        assert [line.ticked for line in block.lines] == [step.met for step in steps]
    silver, gold = platform.levels
    assert silver.attained and silver.status == "Attained"
    assert not gold.attained and gold.status == "Not attained yet: 1 of 4 steps met"
    assert gold.option == "Option: Azure Consumption"


def test_figures_and_the_facts_behind_them(catalog: Any, demo_facts: Facts) -> None:
    gold = checklist_of(catalog, demo_facts).sections[0].levels[1]
    performance, exams, references, fee = gold.lines
    assert performance.figures == "US$ 77,000 of US$ 100,000"
    fabrikam = performance.details[0]
    assert fabrikam.text == "sub-fabrikam-azure (Fabrikam)"
    assert (fabrikam.note, fabrikam.figure) == ("Digital Partner of Record", "US$ 54,000")
    assert exams.figures == "2 of 2 people"
    assert [detail.text for detail in exams.details] == [
        "Ana Ruiz (MCP 1234567)",
        "Ben Okafor (MCP 2345678)",
    ]
    assert "70-533" in exams.details[0].note
    assert references.figures == "4 of 5 references"
    assert all(detail.figure.startswith("valid until 20") for detail in references.details)
    assert fee.figures == "US$ 0 of US$ 3,940"


def test_what_is_missing_is_worded_as_the_action_to_take(catalog: Any, demo_facts: Facts) -> None:
    gold = checklist_of(catalog, demo_facts).sections[0].levels[1]
    performance, exams, references, fee = gold.lines
    assert performance.actions == (
        "Get US$ 23,000 more Azure consumption with DPOR or transacting association "
        "in the 12 months to 2018-02",
    )
    assert not exams.actions
    assert references.actions[0].startswith("Get 1 more approved customer reference")
    assert fee.actions == (
        "Pay the gold fee of US$ 3,940 for the membership year 2017-07-01 to 2018-06-30",
    )
    # The level's own list repeats the steps' actions: it adds nothing here.
    assert gold.actions == ()


def test_as_action_keeps_imperatives_and_acronyms() -> None:
    assert as_action(StepKind.FEE, "Pay the gold fee.") == "Pay the gold fee"
    assert as_action(StepKind.REFERENCES, "2 more references") == "Get 2 more references"
    assert as_action(StepKind.EXAMS, "MCP ID to associate") == "Get MCP ID to associate"
    assert as_action(None, "More users") == "Get more users"


def test_at_risk_lines_carry_their_dates(catalog: Any, demo_facts: Facts) -> None:
    platform = checklist_of(catalog, demo_facts).sections[0]
    assert [(risk.on, risk.text) for risk in platform.at_risk] == [
        (
            "2018-05-20",
            "The reference of Fabrikam no longer counts "
            "(valid until 2018-05-19, approved 2016-05-20)",
        )
    ]


def test_catalogue_notes_become_numbered_footnotes_with_their_source(
    catalog: Any, demo_facts: Facts
) -> None:
    document = checklist_of(catalog, demo_facts)
    numbers = [note.number for note in document.footnotes]
    assert numbers == list(range(1, len(numbers) + 1)) and numbers
    for note in document.footnotes:
        assert note.text and "(source:" not in note.text
        assert note.source
    referenced = {
        number
        for section in document.sections
        for block in section.levels
        for line in block.lines
        for number in (*line.footnotes, *(n for part in line.parts for n in part.footnotes))
    }
    assert referenced == set(numbers)
    performance = document.sections[0].levels[0].lines[0]
    note = document.footnote(performance.footnotes[0])
    assert note.source.startswith("Partner Center: Cloud Platform competency")


def test_a_footnote_takes_text_and_source_from_the_note_not_from_its_sentence() -> None:
    from mpn_desktop.domain.wording import Note
    from mpn_desktop.reports.checklist import _Footnotes

    tricky = Note("The seed says (source: hearsay) three", "Partner Center, 2018-03-19")
    assert tricky == "The seed says (source: hearsay) three (source: Partner Center, 2018-03-19)"
    footnotes = _Footnotes()
    assert footnotes.numbers([tricky, "No source given", tricky]) == (1, 2)
    assert [(note.text, note.source) for note in footnotes.all()] == [
        ("The seed says (source: hearsay) three", "Partner Center, 2018-03-19"),
        ("No source given", ""),
    ]


def test_a_step_with_several_measures_lists_each_once(catalog: Any, demo_facts: Facts) -> None:
    emm = checklist_of(catalog, demo_facts).sections[2].levels[0]
    performance = emm.lines[0]
    # The Enterprise option (2 of 3 customers, 450 of 500 seats) is nearer than
    # SMB's 2 of 20 customers, though SMB meets its seats.
    assert [part.figures for part in performance.parts] == [
        "2 of 3 customers",
        "450 of 500 active users",
    ]
    assert [part.ticked for part in performance.parts] == [False, False]
    assert performance.description == "both measures below"
    assert performance.details == ()  # each part lists its own facts
    assert performance.actions == ()  # and its own action
    assert performance.parts[0].actions[0].startswith("Get 1 more new EMS customer with")
    assert performance.parts[1].actions[0].startswith("Get 50 more EMS active entitlements")
    assert emm.option == "Option: Enterprise Partner (closest option of 2)"


def test_one_competency_at_one_level(catalog: Any, demo_facts: Facts) -> None:
    document = checklist_of(catalog, demo_facts, competency="cloud-crm", level=Level.GOLD)
    assert [section.competency_id for section in document.sections] == ["cloud-crm"]
    assert [block.title for block in document.sections[0].levels] == ["Gold"]
    assert document.sections[0].target == "Not a target"


def test_an_unknown_competency_is_an_error_listing_the_valid_ids(
    catalog: Any, demo_facts: Facts
) -> None:
    with pytest.raises(ValidationError) as raised:
        checklist_of(catalog, demo_facts, competency="azure")
    message = str(raised.value)
    assert "'azure' is not a competency" in message
    assert "cloud-platform, cloud-productivity" in message


def test_a_retired_competency_is_an_error(catalog: Any, demo_facts: Facts) -> None:
    with pytest.raises(ValidationError, match=r"Hosting \(hosting\) was retired on 2018-01-30"):
        checklist_of(catalog, demo_facts, competency="hosting")


def test_a_retired_target_is_never_listed(catalog: Any, demo_facts: Facts) -> None:
    facts = replace(demo_facts, targets=(*demo_facts.targets, Target("hosting", Level.GOLD)))
    document = checklist_of(catalog, facts)
    assert "hosting" not in [section.competency_id for section in document.sections]
    assert len(document.sections) == 3
    # The reader is told why a competency they aim for is not there.
    assert document.retired_targets == (
        "Not listed: Hosting (targeted at gold) was retired on 2018-01-30; "
        "it cannot be attained any more."
    )
    assert document.retired_targets in document.text_lines()
    assert not document.empty_message


def test_only_retired_targets_is_not_called_nothing_targeted(
    catalog: Any, demo_facts: Facts
) -> None:
    facts = replace(demo_facts, targets=(Target("hosting", Level.SILVER),))
    document = checklist_of(catalog, facts)
    assert document.sections == ()
    assert document.empty_message.startswith(
        "No competency that can still be attained is targeted."
    )
    assert document.retired_targets.startswith("Not listed: Hosting (targeted at silver)")


def test_an_attained_organisation_has_every_box_ticked(catalog: Any) -> None:
    document = checklist_of(catalog, attained_facts())
    (section,) = document.sections
    (silver,) = section.levels
    assert silver.attained and all(line.ticked for line in silver.lines)
    assert all(not line.actions for line in silver.lines)
    assert document.summary[0].attained


def test_a_partly_met_organisation_lists_what_to_do(catalog: Any) -> None:
    document = checklist_of(catalog, partly_met_facts())
    (section,) = document.sections
    assert [block.title for block in section.levels] == ["Silver", "Gold"]
    for block in section.levels:
        assert not block.attained
        assert all(line.actions for line in block.lines if not line.ticked)
    assert document.fee.startswith("Competency fee")


def test_an_empty_organisation_says_nothing_is_targeted(catalog: Any, empty_facts: Facts) -> None:
    document = checklist_of(catalog, empty_facts)
    assert document.sections == () and document.summary == ()
    assert document.empty_message.startswith("No competency is targeted yet.")
    assert document.header.organization == "(no organisation entered yet)"
    assert document.header.mpn_id == "not entered"


def test_the_closing_section_lists_the_benefits_and_the_desk(
    catalog: Any, empty_facts: Facts
) -> None:
    about = checklist_of(catalog, empty_facts).about
    assert "Unlimited cloud support" in about.benefits[0]
    assert len(about.benefits) == 4
    assert about.desk_title == "Cloud Enablement Desk"
    assert "six months" in about.desk_text
    assert "MPN 101" in about.source


def test_text_lines_hold_every_printed_string(catalog: Any, demo_facts: Facts) -> None:
    document = checklist_of(catalog, demo_facts)
    lines = document.text_lines()
    assert "Contoso Cloud Ltd" in lines
    assert "Ben Okafor (MCP 2345678)" in lines
    assert document.footnotes[0].source in lines
    assert all(lines)


def test_a_step_that_asks_for_nothing_says_none_needed(catalog: Any, empty_facts: Facts) -> None:
    # Small and Midmarket Cloud Solutions silver has no exam: "0 of 0 people" read as a gap.
    document = checklist_of(
        catalog, empty_facts, competency="small-midmarket-cloud-solutions", level=Level.SILVER
    )
    (block,) = document.sections[0].levels
    exams = next(line for line in block.lines if line.text == STEP_TITLES[StepKind.EXAMS])
    assert exams.ticked
    assert exams.figures == "none needed"
    assert not exams.actions


def test_the_header_gives_the_next_anniversary_that_at_risk_counts_up_to(
    catalog: Any, demo_facts: Facts, empty_facts: Facts
) -> None:
    document = checklist_of(catalog, attained_facts())
    assert document.header.anniversary == "2017-07-01"
    assert document.header.next_anniversary == "2018-07-01"
    demo = checklist_of(catalog, demo_facts)
    assert any(section.at_risk for section in demo.sections)
    assert demo.at_risk_title == (
        f"At risk before the next anniversary, {demo.header.next_anniversary}"
    )
    assert demo.at_risk_title in demo.text_lines()
    # Without an anniversary there is no next one to name.
    empty = checklist_of(catalog, empty_facts)
    assert empty.header.next_anniversary == ""
    assert empty.at_risk_title == "At risk before the next anniversary"
