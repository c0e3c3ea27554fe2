"""The catalogue model: code and title look-ups, rules in words, fees, and ``catalog_to_json``."""

from __future__ import annotations

import json
from datetime import date

import pytest
from domain_builders import CRM, EMM, PLATFORM, PRODUCTIVITY

from mpn_desktop.domain.catalog import (
    Catalog,
    Credential,
    CredentialRule,
    FeeRule,
    Source,
    Window,
    normalize_code,
    normalize_title,
)
from mpn_desktop.domain.catalog_json import catalog_to_json
from mpn_desktop.domain.enums import CredentialKind


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("70-533", "70-533"),
        ("exam 70-533", "70-533"),
        ("Exam: 70-533", "70-533"),
        ("EXAM#70-533", "70-533"),
        (" mb2 - 717 ", "MB2-717"),
        ("ta-ems-overview", "TA-EMS-OVERVIEW"),
    ],
)
def test_codes_are_compared_without_case_spaces_or_a_leading_exam(text: str, code: str) -> None:
    assert normalize_code(text) == code


def test_titles_are_compared_without_case_or_punctuation() -> None:
    assert normalize_title("MCSA:  Office 365") == normalize_title("mcsa office 365")
    assert normalize_title("Identity & Access") == "identity & access"


def test_the_catalogue_finds_credentials_by_code_in_any_spelling(catalog: Catalog) -> None:
    found = catalog.credential("Exam 70-534")
    assert found is not None and found.code == "70-534"
    assert found.accept_until == date(2018, 12, 31)
    assert catalog.credential("70-999") is None
    known = catalog.credential("exam mb2-717")
    assert known is not None and known.code == "MB2-717"
    assert normalize_code("exam 70 - 999") == "70-999"


def test_the_catalogue_finds_credentials_by_title_or_alias(catalog: Catalog) -> None:
    assert [item.code for item in catalog.find_credentials_by_title("mcsa: office 365")] == [
        "MCSA-O365"
    ]
    by_alias = catalog.find_credentials_by_title(
        "Identity and Access Management Technical Assessment"
    )
    assert [item.code for item in by_alias] == ["TA-EMS-IAM"]
    assert catalog.find_credentials_by_title("Underwater basket weaving") == ()


def test_a_title_shared_by_two_credentials_finds_both() -> None:
    source = Source("s", "S")
    one = Credential("A-1", "Same title", CredentialKind.EXAM, source=source)
    two = Credential("A-2", "Other", CredentialKind.EXAM, source=source, aliases=("same TITLE",))
    catalog = Catalog(
        program="P",
        version="1",
        effective_from=date(2017, 1, 1),
        effective_until=None,
        competencies=(),
        credentials=(one, two),
        fee=_no_fee(),
    )
    assert catalog.find_credentials_by_title("Same title") == (one, two)


def _no_fee() -> FeeRule:
    return FeeRule(description="none", fees=())


@pytest.mark.parametrize(
    ("day", "accepted"),
    [
        (date(2017, 12, 31), False),
        (date(2018, 1, 1), True),
        (date(2018, 12, 31), True),
        (date(2019, 1, 1), False),
    ],
)
def test_a_credential_is_accepted_between_its_dates(day: date, accepted: bool) -> None:
    credential = Credential(
        "X",
        "X",
        CredentialKind.EXAM,
        accept_from=date(2018, 1, 1),
        accept_until=date(2018, 12, 31),
    )
    assert credential.accepted_on(day) is accepted


def test_the_competency_lookup_names_an_unknown_id(catalog: Catalog) -> None:
    assert catalog.competency(CRM).name == "Cloud Customer Relationship Management"
    with pytest.raises(KeyError, match="no-such-competency"):
        catalog.competency("no-such-competency")


@pytest.mark.parametrize(
    ("rule", "words"),
    [
        (CredentialRule(code="70-347"), "70-347"),
        (CredentialRule(any_of=(CredentialRule("A"), CredentialRule("B"))), "A or B"),
        (
            CredentialRule(any_of=(CredentialRule("A"), CredentialRule("B"), CredentialRule("C"))),
            "one of A, B, C",
        ),
        (CredentialRule(all_of=(CredentialRule("A"), CredentialRule("B"))), "both A and B"),
        (
            CredentialRule(all_of=(CredentialRule("A"), CredentialRule("B"), CredentialRule("C"))),
            "all of A and B and C",
        ),
    ],
)
def test_rules_read_as_words(rule: CredentialRule, words: str) -> None:
    assert rule.describe() == words


def test_the_shipped_rules_read_as_words(catalog: Catalog) -> None:
    def words(competency: str, role: int = 0, option: int = 0) -> str:
        found = catalog.competency(competency).options[option].skills.roles[role]
        return found.credentials.describe()

    assert words(PRODUCTIVITY) == "both 70-346 and 70-347, or MCSA-O365"
    assert words(CRM) == (
        "both (one of MB2-714, MB2-713, MB2-709, MB2-717, MB2-718, MB2-877) and "
        "(one of MB2-710, MB2-706, MB2-715)"
    )
    assert words(EMM) == (
        "both TA-EMS-OVERVIEW and (one of TA-EMS-MDM, TA-EMS-IAM, TA-EMS-IP, TA-EMS-CAS)"
    )


def test_a_rule_knows_its_codes_and_who_satisfies_it(catalog: Catalog) -> None:
    rule = catalog.competency(PRODUCTIVITY).options[0].skills.roles[0].credentials
    assert rule.codes() == {"70-346", "70-347", "MCSA-O365"}
    assert rule.satisfied_by({"70-346", "70-347"})
    assert rule.satisfied_by({"MCSA-O365"})
    assert not rule.satisfied_by({"70-347"})


def test_windows_say_how_many_months_they_hold() -> None:
    assert Window.PREVIOUS_12_MONTHS.months == 12
    assert Window.LATEST_MONTH.months == 1


def test_a_source_reads_with_its_date_when_it_has_one() -> None:
    assert str(Source("s", "Blog", published="2017-09-12")) == "Blog, 2017-09-12"
    assert str(Source("s", "Blog")) == "Blog"


def test_cloud_and_retired_competencies_are_kept_apart(catalog: Catalog) -> None:
    assert len(catalog.cloud_competencies) == 5
    assert len(catalog.retired_competencies) == 12
    cloud = {item.id for item in catalog.cloud_competencies}
    assert not cloud & {item.id for item in catalog.retired_competencies}


def test_catalog_to_json_carries_every_figure_source_and_note(catalog: Catalog) -> None:
    document = json.loads(json.dumps(catalog_to_json(catalog)))
    assert document["program"] == "Microsoft Partner Network"
    assert document["effective_from"] == "2017-07-01"
    assert document["effective_until"] == "2018-06-30"
    assert document["file"].endswith("mpn-2017-2018.json")
    assert len(document["competencies"]) == 17
    platform = document["competencies"][0]
    assert platform["id"] == PLATFORM and platform["source"] == "pc-cloud-platform"
    assert platform["references"] == {
        "silver": 3,
        "gold": 5,
        "valid_years": 2,
        "source": "seed",
        "note": platform["references"]["note"],
    }
    assert "typically" in platform["references"]["note"]
    measure = platform["options"][0]["performance"]["measures"][0]
    assert measure["thresholds"] == {
        "silver": {"developed": 15000, "developing": 10000},
        "gold": {"developed": 100000, "developing": 100000},
    }
    assert measure["unit"] == "USD" and "note" in measure
    assert platform["options"][0]["performance"]["associations"] == ["dpor", "transacting"]
    role = platform["options"][0]["skills"]["roles"][0]
    assert role["people"] == {"silver": 1, "gold": 2}
    assert role["credentials"]["any_of"][7] == "70-534"
    assert role["in_words"].startswith("one of TA-CLOUD-PLATFORM")
    productivity = document["competencies"][1]["options"][0]["skills"]["roles"][0]
    assert productivity["credentials"] == {
        "any_of": [{"all_of": ["70-346", "70-347"]}, "MCSA-O365"]
    }
    hosting = next(item for item in document["competencies"] if item["id"] == "hosting")
    assert hosting["retired"] is True
    assert hosting["retirement"]["retired_on"] == "2018-01-30"
    assert hosting["retirement"]["other_dates"] == ["2018-01-31"]
    assert hosting["retirement"]["last_signup"] == "2016-07-30"
    assert hosting["retirement"]["last_renewal"] == "2016-10-30"
    assert "options" not in hosting
    credentials = {item["code"]: item for item in document["credentials"]}
    assert credentials["70-534"]["accept_until"] == "2018-12-31"
    assert credentials["MB2-877"]["accept_from"] == "2018-01-01"
    assert credentials["MCSA-O365"]["aliases"] == ["MCSA Office 365"]
    assert credentials["MCSA-O365"]["kind"] == "certification"
    schedules = document["fee"]["schedules"]
    assert [(item["effective_from"], item["silver"], item["gold"]) for item in schedules] == [
        (None, 1530, 3940),
        ("2017-10-01", 1670, 4730),
    ]
    assert "note" in document["fee"] and "note" in schedules[0] and "note" not in schedules[1]
    assert {item["id"] for item in document["sources"]} >= {"seed", "pc-emm"}
    assert len(document["benefits"]) == 5
