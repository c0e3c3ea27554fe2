"""The Exams tab's "Counts for" column, read from the evidence's MCP IDs and roles."""

from __future__ import annotations

from datetime import date

from mpn_desktop.catalog_files import load_catalog
from mpn_desktop.domain.enums import Level, Market
from mpn_desktop.domain.evaluate import evaluate
from mpn_desktop.domain.facts import ExamResult, Facts, Organization, Person, Target
from mpn_desktop.ui.tabs.exams_tab import roles_by_person


def _people(
    *people: tuple[str, str, tuple[str, ...]],
) -> tuple[tuple[Person, ...], tuple[ExamResult, ...]]:
    return (
        tuple(Person(name=name, mcp_id=mcp_id) for mcp_id, name, _codes in people),
        tuple(
            ExamResult(mcp_id=mcp_id, exam_code=code, passed_on=date(2017, 6, 1))
            for mcp_id, _name, codes in people
            for code in codes
        ),
    )


def _roles(target: str, *people: tuple[str, str, tuple[str, ...]]) -> dict[str, list[str]]:
    found, exams = _people(*people)
    facts = Facts(
        organization=Organization("Contoso", "4123456", Market.DEVELOPED, None),
        targets=(Target(target, Level.GOLD),),
        people=found,
        exams=exams,
    )
    return roles_by_person(evaluate(load_catalog(), facts, date(2018, 3, 1)))


def test_one_role_names_the_levels_only() -> None:
    assert _roles("cloud-platform", ("1234567", "Ana", ("70-533",))) == {
        "1234567": ["Cloud Platform (silver and gold)"]
    }


def test_two_roles_name_the_role_each_person_fills() -> None:
    roles = _roles(
        "cloud-crm",
        ("111", "Ana", ("MB2-714", "MB2-710")),
        ("222", "Ben", ("MB2-716",)),
    )
    assert roles == {
        "111": [
            "Cloud Customer Relationship Management (silver and gold, Application and deployment)"
        ],
        "222": ["Cloud Customer Relationship Management (silver and gold, Customisation)"],
    }
