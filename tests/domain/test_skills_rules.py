"""Step 2, technical exams: who counts, which credentials are accepted, roles filled exactly."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from domain_builders import (
    AS_OF,
    CRM,
    EMM,
    GOLD,
    PLATFORM,
    PRODUCTIVITY,
    SILVER,
    SMB,
    exam,
    facts,
    have,
    person,
    run,
    skilled,
    step_of,
)

from mpn_desktop.domain.catalog import Catalog, CredentialRule
from mpn_desktop.domain.enums import Level, StepKind
from mpn_desktop.domain.facts import ExamResult, Person

EXAMS = StepKind.EXAMS


def people_have(
    catalog: Catalog,
    competency: str,
    level: Level,
    *crowd: tuple[Person, list[ExamResult]],
    as_of: date = AS_OF,
) -> int:
    """How many people step 2 counts for these people and their results."""
    return int(have(catalog, facts(skilled_people=crowd), competency, level, EXAMS, as_of=as_of))


# --- people only while associated and not gone ------------------------------------------------


def test_a_person_whose_mcp_id_is_not_associated_does_not_count(catalog: Catalog) -> None:
    outsider = skilled("1", "70-533", associated=False)
    assert people_have(catalog, PLATFORM, SILVER, outsider) == 0
    assert people_have(catalog, PLATFORM, SILVER, skilled("1", "70-533")) == 1


def test_the_missing_sentence_names_who_passed_but_does_not_count_and_why(
    catalog: Catalog,
) -> None:
    given = facts(
        skilled_people=[
            skilled("1", "70-347", name="Ben Li", associated=False),
            skilled("2", "70-347", name="Carla Diaz", left_on=date(2018, 1, 1)),
        ]
    )
    step = step_of(run(catalog, given), SMB, GOLD, EXAMS)
    assert step.missing == (
        "2 more people with 70-347 whose MCP ID is associated with your MPN ID; passed it but "
        "not counted: Ben Li (MCP ID not associated with your MPN ID), Carla Diaz (left on "
        "2018-01-01)",
    )


def test_a_result_of_an_unknown_mcp_id_is_named_by_its_mcp_id(catalog: Catalog) -> None:
    given = facts(skilled_people=[skilled("1", "70-347")])
    given = replace(given, exams=(*given.exams, exam("9999", "70-347")))
    step = step_of(run(catalog, given), SMB, GOLD, EXAMS)
    assert step.missing[0].endswith(
        "; passed it but not counted: MCP 9999 (no person with this MCP ID is entered)"
    )


def test_beyond_three_who_do_not_count_the_sentence_says_how_many_more(catalog: Catalog) -> None:
    crowd = [skilled(str(n), "70-347", name=f"P{n}", associated=False) for n in range(1, 6)]
    step = step_of(run(catalog, facts(skilled_people=crowd)), SMB, GOLD, EXAMS)
    assert step.missing[0].endswith(
        "; passed it but not counted: P1 (MCP ID not associated with your MPN ID), P2 (MCP ID "
        "not associated with your MPN ID), P3 (MCP ID not associated with your MPN ID) and 2 more"
    )


def test_a_person_without_a_name_is_named_by_the_mcp_id(catalog: Catalog) -> None:
    given = facts(skilled_people=[skilled("77", "70-347", name=" ", associated=False)])
    step = step_of(run(catalog, given), SMB, GOLD, EXAMS)
    assert step.missing[0].endswith("not counted: MCP 77 (MCP ID not associated with your MPN ID)")


# --- who is partway to a short role, and what they still need -----------------------------------


def test_the_missing_sentence_names_who_is_partway_and_what_they_still_need(
    catalog: Catalog,
) -> None:
    crowd = [
        skilled("1", "70-346", "70-347", name="Ana Ruiz"),  # counted
        skilled("2", "70-346", name="Chloé Martin"),
    ]
    step = step_of(run(catalog, facts(skilled_people=crowd)), PRODUCTIVITY, GOLD, EXAMS)
    assert step.missing == (
        "1 more person with both 70-346 and 70-347, or MCSA-O365, whose MCP ID is associated "
        "with your MPN ID; closest: Chloé Martin (has 70-346; needs 70-347)",
    )


def test_a_counted_person_is_not_named_as_partway(catalog: Catalog) -> None:
    # Ana holds 70-346 too, but she already counts: finishing someone else is the way on.
    crowd = [
        skilled("1", "70-346", "70-347", "MCSA-O365", name="Ana"),
        skilled("2", "70-347", name="Bo"),
    ]
    step = step_of(run(catalog, facts(skilled_people=crowd)), PRODUCTIVITY, GOLD, EXAMS)
    assert "Ana" not in step.missing[0]
    assert step.missing[0].endswith("; closest: Bo (has 70-347; needs 70-346)")


def test_who_does_not_count_is_named_only_among_those_not_counted(catalog: Catalog) -> None:
    crowd = [
        skilled("1", "70-346", "70-347", name="Ben Li", associated=False),
        skilled("2", "70-346", name="Carla Diaz", left_on=date(2018, 1, 1)),
        skilled("3", "70-347", name="Dan Wu", associated=False),
        skilled("4", "70-346", name="Eve Ng"),
    ]
    step = step_of(run(catalog, facts(skilled_people=crowd)), PRODUCTIVITY, SILVER, EXAMS)
    assert step.missing == (
        "1 more person with both 70-346 and 70-347, or MCSA-O365, whose MCP ID is associated "
        "with your MPN ID; closest: Eve Ng (has 70-346; needs 70-347); passed it but not "
        "counted: Ben Li (MCP ID not associated with your MPN ID)",
    )


def test_beyond_three_partway_the_sentence_says_how_many_more(catalog: Catalog) -> None:
    # EMS: the overview and one more assessment; each of them has one of the two.
    crowd = [skilled(str(n), "TA-EMS-MDM", name=f"P{n}") for n in range(1, 5)]
    crowd.append(skilled("5", "TA-EMS-OVERVIEW", name="P5"))
    crowd.append(skilled("6", "TA-EMS-OVERVIEW", "TA-EMS-IAM", name="Counted"))
    step = step_of(run(catalog, facts(skilled_people=crowd)), EMM, GOLD, EXAMS)
    assert step.missing[0].endswith(
        "; closest: P1 (has TA-EMS-MDM; needs TA-EMS-OVERVIEW), P2 (has TA-EMS-MDM; needs "
        "TA-EMS-OVERVIEW), P3 (has TA-EMS-MDM; needs TA-EMS-OVERVIEW) and 2 more"
    )
    assert "Counted" not in step.missing[0]


def test_a_partway_person_needing_an_assessment_is_told_which_ones_fit(catalog: Catalog) -> None:
    crowd = [skilled("1", "TA-EMS-OVERVIEW", name="Ola")]
    step = step_of(run(catalog, facts(skilled_people=crowd)), EMM, SILVER, EXAMS)
    assert step.missing[0].endswith(
        "; closest: Ola (has TA-EMS-OVERVIEW; needs one of TA-EMS-MDM, TA-EMS-IAM, TA-EMS-IP, "
        "TA-EMS-CAS)"
    )


def test_the_mcsa_is_not_offered_to_someone_halfway_through_the_two_exams(
    catalog: Catalog,
) -> None:
    crowd = [skilled("1", "MCSA-O365", name="Counted"), skilled("2", "70-347", name="Ivo")]
    step = step_of(run(catalog, facts(skilled_people=crowd)), PRODUCTIVITY, GOLD, EXAMS)
    assert step.missing[0].endswith("closest: Ivo (has 70-347; needs 70-346)")


def _with_productivity_rule(catalog: Catalog, rule: CredentialRule) -> Catalog:
    """The catalogue with Cloud Productivity's one role fitted by ``rule``."""
    competencies = []
    for competency in catalog.competencies:
        if competency.id != PRODUCTIVITY:
            competencies.append(competency)
            continue
        option = competency.options[0]
        role = replace(option.skills.roles[0], credentials=rule)
        skills = replace(option.skills, roles=(role,))
        competencies.append(replace(competency, options=(replace(option, skills=skills),)))
    return replace(catalog, competencies=tuple(competencies))


def test_who_has_the_fewest_exams_to_go_comes_first(catalog: Catalog) -> None:
    three = CredentialRule(
        all_of=(CredentialRule("70-346"), CredentialRule("70-347"), CredentialRule("70-533"))
    )
    crowd = [skilled("1", "70-346", name="Far"), skilled("2", "70-346", "70-347", name="Near")]
    given = facts(skilled_people=crowd)
    step = step_of(run(_with_productivity_rule(catalog, three), given), PRODUCTIVITY, SILVER, EXAMS)
    assert step.missing[0].endswith(
        "; closest: Near (has 70-346 and 70-347; needs 70-533), "
        "Far (has 70-346; needs 70-347 and 70-533)"
    )


def test_nobody_is_partway_to_a_role_any_one_credential_fits(catalog: Catalog) -> None:
    crowd = [skilled("1", "70-533"), skilled("2", "70-346")]
    step = step_of(run(catalog, facts(skilled_people=crowd)), PLATFORM, GOLD, EXAMS)
    assert step.missing == (
        "1 more person with one of TA-CLOUD-PLATFORM, TA-AZURE-DATA, TA-AZURE-APPDEV, "
        "TA-AZURE-IOT, TA-AZURE-RDS, 70-532, 70-533, 70-534, 70-535, 70-473, 70-475, "
        "MCSA-LINUX-AZURE, whose MCP ID is associated with your MPN ID",
    )


def test_crm_partway_to_application_and_deployment_needs_the_other_kind(catalog: Catalog) -> None:
    crowd = [
        skilled("1", *CUSTOMISATION, name="Custom"),
        skilled("2", "MB2-714", "MB2-713", name="Ana"),
        skilled("3", "MB2-706", name="Bo"),
    ]
    step = step_of(run(catalog, facts(skilled_people=crowd)), CRM, SILVER, EXAMS)
    assert step.missing == (
        "1 more person with both (one of MB2-714, MB2-713, MB2-709, MB2-717, MB2-718, MB2-877) "
        "and (one of MB2-710, MB2-706, MB2-715), whose MCP ID is associated with your MPN ID "
        "(role: Application and deployment; one person counts for one role only); closest: "
        "Ana (has MB2-714 and MB2-713; needs one of MB2-710, MB2-706, MB2-715), Bo (has "
        "MB2-706; needs one of MB2-714, MB2-713, MB2-709, MB2-717, MB2-718, MB2-877)",
    )


def test_crm_someone_counted_for_the_other_role_is_not_named_as_partway(
    catalog: Catalog,
) -> None:
    # Custom counts for customisation; finishing the application exams would only move them.
    crowd = [skilled("1", "MB2-714", *CUSTOMISATION, name="Custom")]
    step = step_of(run(catalog, facts(skilled_people=crowd)), CRM, SILVER, EXAMS)
    assert "closest" not in step.missing[0]


@pytest.mark.parametrize(
    ("left_on", "counts"),
    [
        (date(2018, 3, 14), False),  # gone before the as-of day
        (AS_OF, False),  # gone on the as-of day itself
        (date(2018, 3, 16), True),  # still there on the as-of day
        (None, True),
    ],
)
def test_a_person_who_left_on_or_before_the_as_of_day_does_not_count(
    catalog: Catalog, left_on: date | None, counts: bool
) -> None:
    crowd = skilled("1", "70-533", left_on=left_on)
    assert people_have(catalog, PLATFORM, SILVER, crowd) == (1 if counts else 0)


def test_a_result_of_an_mcp_id_nobody_holds_does_not_count(catalog: Catalog) -> None:
    given = facts(people=[person("1")], exams=[exam("999", "70-533")])
    assert have(catalog, given, PLATFORM, SILVER, EXAMS) == 0


# --- accepted credentials ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("as_of", "counts"),
    [(date(2018, 12, 31), True), (date(2019, 1, 1), False)],
)
def test_70_534_is_accepted_until_2018_12_31(catalog: Catalog, as_of: date, counts: bool) -> None:
    crowd = skilled("1", "70-534")
    assert people_have(catalog, PLATFORM, SILVER, crowd, as_of=as_of) == (1 if counts else 0)


@pytest.mark.parametrize(
    ("as_of", "counts"),
    [(date(2017, 12, 31), False), (date(2018, 1, 1), True)],
)
def test_mb2_877_is_accepted_from_january_2018(catalog: Catalog, as_of: date, counts: bool) -> None:
    application = (
        person("1"),
        [exam("1", "MB2-877", date(2017, 12, 1)), exam("1", "MB2-710", date(2017, 12, 1))],
    )
    customisation = skilled("2", "MB2-712")
    found = people_have(catalog, CRM, SILVER, application, customisation, as_of=as_of)
    assert found == (2 if counts else 1)


@pytest.mark.parametrize(
    ("passed_on", "counts"),
    [(date(2018, 3, 16), False), (AS_OF, True), (date(2016, 1, 1), True)],
)
def test_an_exam_passed_after_the_as_of_day_does_not_count(
    catalog: Catalog, passed_on: date, counts: bool
) -> None:
    crowd = (person("1"), [exam("1", "70-533", passed_on)])
    assert people_have(catalog, PLATFORM, SILVER, crowd) == (1 if counts else 0)


@pytest.mark.parametrize(
    "written", ["70-533", "Exam 70-533", "exam 70-533", " 70 - 533 ", "EXAM 70-533", "exam70-533"]
)
def test_codes_match_without_case_spaces_or_a_leading_exam(catalog: Catalog, written: str) -> None:
    assert people_have(catalog, PLATFORM, SILVER, skilled("1", written)) == 1


def test_letter_codes_match_without_case(catalog: Catalog) -> None:
    crowd = skilled("1", "ta-ems-overview", "Ta-Ems-Mdm")
    other = skilled("2", "TA-EMS-OVERVIEW", " ta-ems-cas ")
    assert people_have(catalog, EMM, SILVER, crowd, other) == 2


def test_an_unknown_credential_counts_toward_nothing(catalog: Catalog) -> None:
    crowd = skilled("1", "70-999", "AZ-900")
    progress = run(catalog, facts(skilled_people=[crowd]))
    for competency in progress.competencies:
        for level in competency.levels:
            for option in level.options:
                assert option.step(EXAMS).have == 0


@pytest.mark.parametrize(
    "code",
    [
        "TA-CLOUD-PLATFORM",
        "TA-AZURE-DATA",
        "TA-AZURE-APPDEV",
        "TA-AZURE-IOT",
        "TA-AZURE-RDS",
        "70-532",
        "70-533",
        "70-534",
        "70-535",
        "70-473",
        "70-475",
        "MCSA-LINUX-AZURE",
    ],
)
def test_cloud_platform_accepts_any_one_of_its_credentials(catalog: Catalog, code: str) -> None:
    assert people_have(catalog, PLATFORM, SILVER, skilled("1", code)) == 1


def test_cloud_platform_gold_needs_two_distinct_people(catalog: Catalog) -> None:
    assert people_have(catalog, PLATFORM, GOLD, skilled("1", "70-533", "70-532", "70-535")) == 1
    assert people_have(catalog, PLATFORM, GOLD, skilled("1", "70-533"), skilled("2", "70-475")) == 2


# --- Cloud Productivity: both 70-346 and 70-347, or MCSA: Office 365 -------------------------


@pytest.mark.parametrize(
    ("codes", "counts"),
    [
        (("70-346",), False),
        (("70-347",), False),
        (("70-346", "70-347"), True),
        (("MCSA-O365",), True),
        (("70-347", "MCSA-O365"), True),
    ],
)
def test_cloud_productivity_needs_both_exams_or_the_mcsa(
    catalog: Catalog, codes: tuple[str, ...], counts: bool
) -> None:
    assert people_have(catalog, PRODUCTIVITY, SILVER, skilled("1", *codes)) == (1 if counts else 0)


def test_the_two_productivity_exams_must_be_held_by_the_same_person(catalog: Catalog) -> None:
    assert (
        people_have(catalog, PRODUCTIVITY, SILVER, skilled("1", "70-346"), skilled("2", "70-347"))
        == 0
    )


# --- Small and Midmarket: nothing at silver, two people with 70-347 at gold -------------------


def test_small_midmarket_silver_needs_no_exam_and_says_so(catalog: Catalog) -> None:
    step = step_of(run(catalog, facts()), SMB, SILVER, EXAMS)
    assert step.met and step.need == 0 and step.missing == ()
    assert step.description == "no exam required at this level"
    assert any("lists no exam requirement at silver" in note for note in step.notes)


def test_small_midmarket_gold_sentence(catalog: Catalog) -> None:
    step = step_of(run(catalog, facts(skilled_people=[skilled("1", "70-347")])), SMB, GOLD, EXAMS)
    assert (step.have, step.need, step.unit) == (1, 2, "people")
    assert step.missing == (
        "1 more person with 70-347 whose MCP ID is associated with your MPN ID",
    )


# --- EMM: the overview assessment and one of four -------------------------------------------


@pytest.mark.parametrize(
    ("codes", "counts"),
    [
        (("TA-EMS-OVERVIEW",), False),
        (("TA-EMS-MDM", "TA-EMS-IAM"), False),
        (("TA-EMS-OVERVIEW", "TA-EMS-MDM"), True),
        (("TA-EMS-OVERVIEW", "TA-EMS-IAM"), True),
        (("TA-EMS-OVERVIEW", "TA-EMS-IP"), True),
        (("TA-EMS-OVERVIEW", "TA-EMS-CAS"), True),
    ],
)
def test_emm_needs_the_overview_and_one_more_assessment(
    catalog: Catalog, codes: tuple[str, ...], counts: bool
) -> None:
    assert people_have(catalog, EMM, SILVER, skilled("1", *codes)) == (1 if counts else 0)


def test_emm_needs_two_people_at_silver_and_four_at_gold(catalog: Catalog) -> None:
    crowd = [skilled(str(i), "TA-EMS-OVERVIEW", "TA-EMS-IP") for i in range(3)]
    progress = run(catalog, facts(skilled_people=crowd))
    assert step_of(progress, EMM, SILVER, EXAMS).met
    gold = step_of(progress, EMM, GOLD, EXAMS)
    assert (gold.met, gold.have, gold.need) == (False, 3, 4)


# --- Cloud CRM: distinct people across roles, solved exactly ----------------------------------

APPLICATION_AND_DEPLOYMENT = ("MB2-714", "MB2-710")
CUSTOMISATION = ("MB2-712",)


def test_crm_a_person_fitting_both_roles_goes_where_nobody_else_fits(catalog: Catalog) -> None:
    # Ana comes first (entered first) and fits both roles; Zoe fits only the application role.
    # Filling the application role first with the first person who fits (Ana)
    # would leave customisation empty; the exact assignment fills both.
    ana = skilled("1", *APPLICATION_AND_DEPLOYMENT, *CUSTOMISATION, name="Ana")
    zoe = skilled("2", "MB2-717", "MB2-715", name="Zoe")
    step = step_of(run(catalog, facts(skilled_people=[ana, zoe])), CRM, SILVER, EXAMS)
    assert step.met and step.have == 2
    assert {item.subject: item.detail for item in step.evidence} == {
        "Zoe (MCP 2)": "Application and deployment: MB2-715 + MB2-717",
        "Ana (MCP 1)": "Customisation: MB2-712",
    }


def test_crm_someone_who_fits_only_customisation_leaves_the_other_role_to_the_all_rounder(
    catalog: Catalog,
) -> None:
    ana = skilled("1", *APPLICATION_AND_DEPLOYMENT, *CUSTOMISATION, name="Ana")
    bob = skilled("2", *CUSTOMISATION, name="Bob")
    step = step_of(run(catalog, facts(skilled_people=[ana, bob])), CRM, SILVER, EXAMS)
    assert step.met
    assert {item.subject: item.detail.split(":")[0] for item in step.evidence} == {
        "Ana (MCP 1)": "Application and deployment",
        "Bob (MCP 2)": "Customisation",
    }


def test_crm_one_person_with_every_exam_fills_one_role_only(catalog: Catalog) -> None:
    ana = skilled("1", *APPLICATION_AND_DEPLOYMENT, *CUSTOMISATION, name="Ana")
    step = step_of(run(catalog, facts(skilled_people=[ana])), CRM, SILVER, EXAMS)
    assert (step.met, step.have, step.need) == (False, 1, 2)
    assert step.missing == (
        "1 more person with one of MB2-712, MB2-707, MB2-716, whose MCP ID is associated with "
        "your MPN ID (role: Customisation; one person counts for one role only)",
    )


def test_crm_application_needs_a_deployment_exam_too(catalog: Catalog) -> None:
    crowd = [skilled("1", "MB2-714", "MB2-713"), skilled("2", "MB2-712")]
    assert people_have(catalog, CRM, SILVER, *crowd) == 1


def test_crm_gold_needs_two_people_per_role(catalog: Catalog) -> None:
    all_rounders = [
        skilled(str(i), *APPLICATION_AND_DEPLOYMENT, *CUSTOMISATION, name=f"P{i}") for i in range(3)
    ]
    assert people_have(catalog, CRM, GOLD, *all_rounders) == 3
    only_customisation = skilled("9", "MB2-716", name="A first")
    assert people_have(catalog, CRM, GOLD, *all_rounders, only_customisation) == 4


def test_crm_gold_with_many_candidates_still_finds_the_exact_assignment(catalog: Catalog) -> None:
    # Eight people fit both roles and come first; the only two who fit the
    # application role alone come last. The candidate lists are cut to the
    # number of slots (4), which must not lose the exact answer.
    both = [
        skilled(f"b{i}", *APPLICATION_AND_DEPLOYMENT, *CUSTOMISATION, name=f"A{i}")
        for i in range(8)
    ]
    only_application = [skilled(f"z{i}", "MB2-718", "MB2-706", name=f"Z{i}") for i in range(2)]
    assert people_have(catalog, CRM, GOLD, *both, *only_application) == 4


def test_evidence_names_each_counted_person_and_what_they_passed(catalog: Catalog) -> None:
    crowd = (person("1234567", "Ana Ruiz"), [exam("1234567", "exam 70-533")])
    step = step_of(run(catalog, facts(skilled_people=[crowd])), PLATFORM, SILVER, EXAMS)
    assert [(item.subject, item.detail) for item in step.evidence] == [
        ("Ana Ruiz (MCP 1234567)", "Azure-skilled person: 70-533")
    ]


def test_evidence_gives_the_last_day_a_person_counts(catalog: Catalog) -> None:
    leaving = skilled("1", "70-533", name="Ana", left_on=date(2018, 5, 1))
    retiring = skilled("2", "70-534", name="Bob")
    step = step_of(run(catalog, facts(skilled_people=[leaving, retiring])), PLATFORM, GOLD, EXAMS)
    assert {item.subject: item.until for item in step.evidence} == {
        "Ana (MCP 1)": date(2018, 4, 30),
        "Bob (MCP 2)": date(2018, 12, 31),
    }


def test_a_retiring_exam_does_not_shorten_the_count_of_someone_who_fits_without_it(
    catalog: Catalog,
) -> None:
    # Bob holds 70-534 (accepted until 2018-12-31) and 70-533 (no end): he fits
    # the Cloud Platform role either way, so his count has no end date.
    bob = skilled("2", "70-534", "70-533", name="Bob")
    step = step_of(run(catalog, facts(skilled_people=[bob])), PLATFORM, SILVER, EXAMS)
    assert [(item.detail, item.until) for item in step.evidence] == [
        ("Azure-skilled person: 70-533 + 70-534", None)
    ]


def test_a_crm_person_counts_until_their_only_application_exam_retires(catalog: Catalog) -> None:
    ana = skilled("1", "MB2-709", "MB2-710", name="Ana")
    step = step_of(run(catalog, facts(skilled_people=[ana])), CRM, SILVER, EXAMS)
    assert [item.until for item in step.evidence] == [date(2018, 12, 31)]


def test_a_list_of_credentials_is_set_off_from_whose_by_a_comma(catalog: Catalog) -> None:
    step = step_of(run(catalog, facts()), PRODUCTIVITY, SILVER, EXAMS)
    assert step.missing == (
        "1 more person with both 70-346 and 70-347, or MCSA-O365, whose MCP ID is associated "
        "with your MPN ID",
    )
    single = step_of(run(catalog, facts()), SMB, GOLD, EXAMS)
    assert single.missing == (
        "2 more people with 70-347 whose MCP ID is associated with your MPN ID",
    )
