"""``progress_to_json``: the ``status --json`` document of DESIGN.md."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date
from typing import Any

import pytest
from domain_builders import (
    EMM,
    GOLD,
    PLATFORM,
    SILVER,
    facts,
    organization,
    payment,
    reference,
    references,
    run,
    skilled,
    subscription,
    usage,
)

from mpn_desktop.domain.catalog import Catalog
from mpn_desktop.domain.enums import Market
from mpn_desktop.domain.progress_json import progress_to_json

ANNIVERSARY = date(2017, 6, 30)


def document(catalog: Catalog) -> dict[str, Any]:
    given = facts(
        org=organization(Market.DEVELOPING, anniversary=ANNIVERSARY),
        targets=[(PLATFORM, GOLD), ("hosting", SILVER)],
        subscriptions=[subscription()],
        usage_rows=[usage("sub-1", "2017-12", consumption="12000.25")],
        skilled_people=[skilled("1", "70-533", name="Ana", left_on=date(2018, 5, 1))],
        refs=[*references(PLATFORM, 3), reference(PLATFORM, "Old", approved_on=date(2016, 5, 1))],
        payments=[payment(ANNIVERSARY, SILVER, 1530)],
    )
    # Through a JSON round trip: the document holds only what JSON can carry.
    return dict(json.loads(json.dumps(progress_to_json(run(catalog, given)))))


def test_the_top_level_follows_the_contract(catalog: Catalog) -> None:
    found = document(catalog)
    assert found["as_of"] == "2018-03-15"
    assert found["organization"] == {
        "name": "Contoso Cloud Ltd",
        "mpn_id": "4123456",
        "market": "developing",
        "anniversary": "2017-06-30",
    }
    # DESIGN.md: the next renewal (the first anniversary after the as-of day, at the
    # highest level aimed at, the price in force then), with this year beside it.
    # Cloud Platform is aimed at gold: the figures of DESIGN.md's example.
    assert found["fee"] == {
        "level": "gold",
        "amount_usd": 4730,
        "due_on": "2018-06-30",
        "paid": False,
        "current_year": {
            "start": "2017-06-30",
            "end": "2018-06-29",
            "level_paid": "silver",
            "amount_paid_usd": 1530,
            "owed_usd": 3940,
        },
    }
    assert [item["id"] for item in found["competencies"]] == [
        "cloud-platform",
        "cloud-productivity",
        "small-midmarket-cloud-solutions",
        "cloud-crm",
        "enterprise-mobility-management",
        "hosting",
    ]


def test_a_competency_has_its_levels_steps_and_what_is_missing(catalog: Catalog) -> None:
    platform = document(catalog)["competencies"][0]
    assert platform["name"] == "Cloud Platform"
    assert platform["target"] == "gold" and platform["retired"] is False
    silver, gold = platform["levels"]["silver"], platform["levels"]["gold"]
    assert silver["attained"] is True and silver["missing"] == []
    assert silver["option"] == "azure-consumption" and silver["option_name"] == "Azure Consumption"
    assert gold["attained"] is False
    assert "1 more approved customer reference for Cloud Platform" in gold["missing"]
    for level in (silver, gold):
        assert list(level["steps"]) == ["performance", "exams", "references", "fee"]
        for step in level["steps"].values():
            assert {"met", "have", "need", "unit", "description", "missing", "evidence"} <= set(
                step
            )
            assert isinstance(step["met"], bool)
            assert isinstance(step["have"], int | float) and isinstance(step["need"], int | float)
    performance = silver["steps"]["performance"]
    assert (performance["have"], performance["need"], performance["unit"]) == (
        12000.25,
        10000,
        "USD",
    )
    assert performance["evidence"] == [
        {
            "subject": "sub-1 (Customer of sub-1)",
            "detail": "US$ 12,000.25 (dpor)",
            "amount": 12000.25,
        }
    ]
    exams = silver["steps"]["exams"]
    assert exams["evidence"] == [
        {"subject": "Ana (MCP 1)", "detail": "Azure-skilled person: 70-533", "until": "2018-04-30"}
    ]
    assert "notes" in gold["steps"]["fee"]


def test_at_risk_items_carry_their_dates(catalog: Catalog) -> None:
    platform = document(catalog)["competencies"][0]
    assert platform["at_risk"] == [
        {"on": "2018-05-01", "what": "Ana leaves; counted for Azure-skilled person"},
        {
            "on": "2018-05-01",
            "what": "the reference of Old no longer counts "
            "(valid until 2018-04-30, approved 2016-05-01)",
        },
    ]


def test_a_retired_competency_is_flagged(catalog: Catalog) -> None:
    hosting = document(catalog)["competencies"][-1]
    assert hosting["retired"] is True and hosting["target"] == "silver"
    assert hosting["levels"]["silver"]["attained"] is False
    assert hosting["levels"]["silver"]["steps"] == {}
    assert hosting["levels"]["silver"]["missing"][0].startswith("Hosting was retired on 2018-01-30")
    assert hosting["notes"]


def test_other_options_and_parts_of_a_step_are_listed(catalog: Catalog) -> None:
    emm = next(item for item in document(catalog)["competencies"] if item["id"] == EMM)
    silver = emm["levels"]["silver"]
    assert silver["option"] == "enterprise-partner"
    assert list(silver["options"]) == ["smb-partner"]
    assert silver["options"]["smb-partner"]["attained"] is False
    performance = silver["steps"]["performance"]
    assert performance["unit"] == "measures" and performance["need"] == 2
    assert [part["unit"] for part in performance["parts"]] == ["customers", "active users"]


def test_a_fee_without_anniversary_or_level_is_null(catalog: Catalog) -> None:
    found = progress_to_json(run(catalog, facts()))
    assert found["organization"]["anniversary"] is None
    assert found["fee"] == {
        "level": None,
        "amount_usd": None,
        "due_on": None,
        "paid": False,
        "current_year": None,
    }
    assert all(item["target"] is None for item in found["competencies"])


def test_the_document_names_the_catalogue_and_whether_it_covers_the_day(catalog: Catalog) -> None:
    found = document(catalog)
    assert found["catalog"] == {
        "program": "Microsoft Partner Network",
        "version": "2017-2018",
        "effective_from": "2017-07-01",
        "effective_until": "2018-06-30",
        "in_force": True,
    }
    assert found["notes"] == []


@pytest.mark.parametrize(
    ("as_of", "in_force"),
    [
        (date(2017, 6, 30), False),  # the day before the catalogue's first day
        (date(2017, 7, 1), True),  # its first day
        (date(2018, 6, 30), True),  # its last day
        (date(2018, 7, 1), False),  # the day after
    ],
)
def test_a_day_outside_the_catalogue_s_dates_is_said(
    catalog: Catalog, as_of: date, in_force: bool
) -> None:
    progress = run(catalog, facts(targets=[(PLATFORM, SILVER)]), as_of)
    found = progress_to_json(progress)
    assert found["catalog"]["in_force"] is in_force
    assert bool(progress.notes) is not in_force


def test_the_note_says_what_to_do_about_a_day_outside_the_catalogue(catalog: Catalog) -> None:
    after = run(catalog, facts(), date(2026, 12, 1))
    assert after.notes == (
        "The requirements shown are those of Microsoft Partner Network 2017-2018, in force from "
        "2017-07-01 to 2018-06-30; 2026-12-01 is after it, and the figures may have changed "
        "since: check the Partner Center, or load a newer catalogue file.",
    )
    before = run(catalog, facts(), date(2017, 1, 1))
    assert before.notes == (
        "The requirements shown are those of Microsoft Partner Network 2017-2018, in force from "
        "2017-07-01, after 2017-01-01: load the catalogue of the program in force on that day "
        "for its figures.",
    )


def test_a_catalogue_without_an_end_covers_every_later_day(catalog: Catalog) -> None:
    open_ended = replace(catalog, effective_until=None)
    progress = run(open_ended, facts(), date(2030, 1, 1))
    assert progress.notes == ()
    assert progress_to_json(progress)["catalog"]["effective_until"] is None
