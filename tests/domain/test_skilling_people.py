"""What each person counts for under the Solutions Partner program, and why a person does not."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from mpn_desktop.domain import vocabulary
from mpn_desktop.domain.catalog import Catalog
from mpn_desktop.domain.designation_score import score_designations
from mpn_desktop.domain.designation_tree import designation_tree
from mpn_desktop.domain.designations import ScoredCatalog
from mpn_desktop.domain.designations_parse import parse_scored_catalog
from mpn_desktop.domain.evidence import Evidence, LazyEvidence, LazyTuple
from mpn_desktop.domain.exam_rows import ExamRows
from mpn_desktop.domain.facts import ExamResult, Facts, Person
from mpn_desktop.domain.skilling_people import SkillingPeople, skilling_lists, skilling_people
from tests.domain.domain_builders import organization, person

CATALOGS = Path(__file__).parents[2] / "resources" / "catalogs"
DAY = date(2026, 10, 15)
PASSED = date(2026, 1, 12)


def _catalogue() -> ScoredCatalog:
    document = json.loads((CATALOGS / "solutions-partner-2026-05.json").read_text())
    return parse_scored_catalog(document)


@pytest.fixture(scope="module")
def scored() -> ScoredCatalog:
    return _catalogue()


def _labels(found: SkillingPeople) -> dict[str, tuple[str, ...]]:
    """Each counted person's labels."""
    return {mcp_id: found.labels_of(mcp_id) for mcp_id in sorted(found.counted)}


def _people(
    scored: ScoredCatalog,
    exams: dict[str, tuple[str, ...]],
    *,
    targets: tuple[str, ...] = ("infrastructure-azure", "modern-work", "security"),
    people: tuple[Person, ...] = (),
    competencies: Catalog | None = None,
    passed: dict[tuple[str, str], date] | None = None,
    by_column: bool = False,
) -> SkillingPeople:
    """The people of ``exams`` (MCP ID -> codes passed) counted on ``DAY`` (``by_column``: the
    results held by column, as loaded, no ``ExamResult`` made)."""
    results = tuple(
        ExamResult(mcp_id, code, (passed or {}).get((mcp_id, code), PASSED))
        for mcp_id, codes in exams.items()
        for code in codes
    )
    facts = Facts(
        organization=organization(),
        people=people or tuple(person(mcp_id) for mcp_id in exams),
        exams=ExamRows.from_columns(ExamRows.of(results).columns) if by_column else results,
        designation_targets=targets,
    )
    scores = score_designations(scored, facts, DAY, frozenset(targets))
    tree = designation_tree(facts.organization, DAY, scores)
    return skilling_people(tree, scored, facts, competencies)


def test_a_metric_without_steps_is_named_after_its_designation(scored: ScoredCatalog) -> None:
    found = _people(scored, {"1": ("MS-700",), "2": ("MS-102",)})
    assert _labels(found) == {
        "1": ("Modern Work: Intermediate certifications",),
        "2": ("Modern Work: Advanced certifications",),
    }


def test_the_steps_and_the_final_list_are_named_where_the_metric_has_steps(
    scored: ScoredCatalog,
) -> None:
    found = _people(
        scored,
        {
            "1": ("AZ-104",),
            "2": ("AZ-104", "AZ-305"),
            "3": ("AZ-700",),
            "4": ("AZ-104", "AZ-700", "AZ-140"),
        },
    )
    assert _labels(found) == {
        "1": ("Infrastructure (Azure): Intermediate certifications (step 1)",),
        "2": (
            "Infrastructure (Azure): Intermediate certifications (step 1), "
            "Advanced certifications (step 1)",
        ),
        "3": ("Infrastructure (Azure): Intermediate certifications (final step)",),
        "4": (
            "Infrastructure (Azure): Intermediate certifications (step 1, final step), "
            "Advanced certifications (final step)",
        ),
    }


def test_one_label_per_designation_in_the_trees_order(scored: ScoredCatalog) -> None:
    # SC-300 (Identity and Access Administrator) is on Modern Work's and Security's lists.
    found = _people(scored, {"1": ("SC-300", "AZ-700")})
    assert _labels(found)["1"] == (
        "Infrastructure (Azure): Intermediate certifications (final step)",
        "Modern Work: Intermediate certifications",
        "Security: Intermediate certifications (final step)",
    )


def test_only_the_targeted_designations_are_named_else_every_one(scored: ScoredCatalog) -> None:
    exams = {"1": ("DP-300", "MS-700")}
    assert _labels(_people(scored, exams, targets=("modern-work",))) == {
        "1": ("Modern Work: Intermediate certifications",)
    }
    assert _labels(_people(scored, exams, targets=())) == {
        "1": (
            "Data & AI (Azure): Intermediate certifications (final step)",
            "Modern Work: Intermediate certifications",
        )
    }


def test_who_the_evaluation_does_not_count_counts_for_nothing(scored: ScoredCatalog) -> None:
    people = (
        person("1", associated=False),
        person("2", left_on=date(2026, 8, 20)),
        person("3", left_on=date(2026, 12, 31)),
    )
    found = _people(scored, {"1": ("AZ-104",), "2": ("AZ-104",), "3": ("AZ-104",)}, people=people)
    assert set(_labels(found)) == {"3"}


def test_a_person_who_counts_or_has_no_exam_needs_no_reason(scored: ScoredCatalog) -> None:
    found = _people(scored, {"1": ("MS-700",), "2": ()})
    assert found.why_nothing("1") == ""
    assert found.why_nothing("2") == ""
    assert found.why_nothing("nobody") == ""


def test_exams_of_the_competencies_and_unknown_codes_earn_nothing(
    scored: ScoredCatalog, catalog: Catalog
) -> None:
    found = _people(scored, {"1": ("70-533", "XY-999")}, competencies=catalog)
    assert _labels(found) == {}
    assert found.why_nothing("1") == (
        "70-533 is an exam of the 2017-2018 competencies: it earns no certification the "
        "designations count.\nXY-999 earns no certification the designations count."
    )
    # Without the 2017-2018 catalogue, 70-533 is a code like any other.
    plain = _people(scored, {"1": ("70-533", "70-535")})
    assert (
        plain.why_nothing("1") == "70-533 and 70-535 earn no certification the designations count."
    )


def test_half_of_a_certification_says_which_exam_is_missing(scored: ScoredCatalog) -> None:
    found = _people(scored, {"1": ("AZ-800",)})
    assert found.why_nothing("1") == (
        "Windows Server Hybrid Administrator Associate also needs AZ-801."
    )


def test_a_retired_certification_says_until_when_it_counted(scored: ScoredCatalog) -> None:
    found = _people(scored, {"1": ("AZ-600",)})
    assert found.why_nothing("1") == (
        "Azure Stack Hub Operator Associate was retired: it counted until 2024-07-31."
    )


def test_a_certification_of_a_designation_not_aimed_for_names_it(scored: ScoredCatalog) -> None:
    found = _people(scored, {"1": ("DP-300",)}, targets=("modern-work",))
    assert found.why_nothing("1") == (
        "Azure Database Administrator Associate counts for Data & AI (Azure), "
        "not among your targets."
    )


def test_exams_passed_after_the_day_are_named(scored: ScoredCatalog) -> None:
    found = _people(scored, {"1": ("MS-700",)}, passed={("1", "MS-700"): date(2026, 11, 2)})
    assert _labels(found) == {}
    assert found.why_nothing("1") == "Passed after 2026-10-15: MS-700."


def test_the_reasons_read_the_results_by_column(
    scored: ScoredCatalog, catalog: Catalog, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A large organisation's thousands of results are held by column as loaded; the reasons
    # (asked as the Exams tab paints a row) read them so: an ExamResult made for each would
    # be kept with the facts afterwards. The same reasons as from results given as rows.
    exams = {"1": ("AZ-800",), "2": ("70-533", "XY-999"), "3": ("MS-700", "AZ-600"), "4": ()}
    passed = {("3", "MS-700"): date(2026, 11, 2)}
    given = _people(scored, exams, competencies=catalog, passed=passed)
    expected = {mcp_id: given.why_nothing(mcp_id) for mcp_id in exams}
    assert all(expected[mcp_id] for mcp_id in ("1", "2", "3"))

    def made(_rows: ExamRows) -> None:
        raise AssertionError("an ExamResult made for each result")

    monkeypatch.setattr(ExamRows, "rows", made)
    found = _people(scored, exams, competencies=catalog, passed=passed, by_column=True)
    assert {mcp_id: found.why_nothing(mcp_id) for mcp_id in exams} == expected


def test_the_labels_and_reasons_read_in_german(catalog: Catalog) -> None:
    vocabulary.use_language("de")
    # The catalogue is read once the language is chosen, as the window does: its names too.
    found = _people(
        _catalogue(),
        {"1": ("AZ-104", "AZ-700"), "2": ("70-533",), "3": ("AZ-800",)},
        competencies=catalog,
    )
    assert _labels(found)["1"] == (
        "Infrastruktur (Azure): Zwischenzertifizierungen (Schritt 1, letzter Schritt)",
    )
    assert found.why_nothing("2") == (
        "70-533 ist eine Prüfung der Kompetenzen von 2017-2018: Sie führt zu keiner "
        "Zertifizierung, die für die Designations zählt."
    )
    assert found.why_nothing("3") == (
        "Windows Server Hybrid Administrator Associate erfordert außerdem AZ-801."
    )


def test_a_certification_on_no_list_of_the_day_says_so(scored: ScoredCatalog) -> None:
    # DP-203's Azure Data Engineer Associate left Data & AI's list in the 2026 catalogue.
    found = _people(scored, {"1": ("DP-203",)}, targets=())
    assert _labels(found) == {}
    assert found.why_nothing("1") == (
        "Azure Data Engineer Associate counts for no designation on 2026-10-15."
    )


def test_a_certification_not_counting_yet_says_from_when(scored: ScoredCatalog) -> None:
    teams = scored.certifications["teams-administrator-associate"]
    later = replace(teams, eligible_from=date(2027, 1, 1))
    catalogue = replace(
        scored, certifications={**scored.certifications, "teams-administrator-associate": later}
    )
    found = _people(catalogue, {"1": ("MS-700",)})
    assert _labels(found) == {}
    assert found.why_nothing("1") == "Teams Administrator Associate counts from 2027-01-01."


def test_each_skilling_metric_says_what_it_counts_steps_first(scored: ScoredCatalog) -> None:
    facts = Facts(organization=organization(), designation_targets=("infrastructure-azure",))
    scores = score_designations(scored, facts, DAY, frozenset({"infrastructure-azure"}))
    lines = skilling_lists(designation_tree(facts.organization, DAY, scores), scored)
    assert lines == (
        "Infrastructure (Azure), Intermediate certifications: step 1: Azure Administrator "
        "Associate (AZ-104); final step: Azure Network Engineer Associate (AZ-700), Windows "
        "Server Hybrid Administrator Associate (AZ-800 + AZ-801)",
        "Infrastructure (Azure), Advanced certifications: step 1: Azure Solutions Architect "
        "Expert (AZ-104 + AZ-305 or AZ-303 + AZ-304); final step: Azure Virtual Desktop "
        "Specialty (AZ-140), Azure for SAP Workloads Specialty (AZ-120)",
    )


def test_a_list_names_only_what_counts_on_the_day(scored: ScoredCatalog) -> None:
    """Information Protection Administrator Associate counted until 2026-05-31: not named on
    Security's list after it; a metric without steps names its list alone."""
    facts = Facts(organization=organization(), designation_targets=("security", "modern-work"))
    scores = score_designations(scored, facts, DAY, frozenset({"security", "modern-work"}))
    lines = skilling_lists(designation_tree(facts.organization, DAY, scores), scored)
    assert not any("Information Protection" in line for line in lines)
    assert lines[0].startswith("Modern Work, Intermediate certifications: Microsoft 365 ")
    assert "Information Security Administrator Associate (SC-401)" in lines[-1]


def test_who_counts_is_read_without_writing_the_tree_s_people_evidence(
    scored: ScoredCatalog, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The Exams tab asks who counts after every evaluation: the people's evidence (a
    sentence per holder, thousands on a large organisation) is not written for that."""
    # Whatever lazy evidence the tree holds (not only PeopleEvidence) notes its writing.
    written: list[object] = []
    items = LazyEvidence.items

    def writing(self: LazyEvidence) -> tuple[Evidence, ...]:
        written.append(self)
        return items(self)

    monkeypatch.setattr(LazyTuple, "items", writing)
    found = _people(scored, {"1": ("AZ-104",), "2": ("AZ-104", "AZ-305"), "3": ("MS-700",)})
    assert _labels(found)["2"], "someone counts"
    assert written == []
