"""``progress_to_json``: the ``status --json`` document of DESIGN.md."""

from __future__ import annotations

import json
from datetime import date
from typing import Any

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
    assert found["fee"] == {
        "level": "silver",
        "amount_usd": 1530,
        "due_on": "2017-06-30",
        "paid": True,
        "year_start": "2017-06-30",
        "year_end": "2018-06-29",
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
        {"on": "2018-05-01", "what": "the reference of Old expires (approved 2016-05-01)"},
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
        "year_start": None,
        "year_end": None,
    }
    assert all(item["target"] is None for item in found["competencies"])
