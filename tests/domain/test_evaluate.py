"""``evaluate`` as a whole: levels and options, retired competencies, at-risk items, sentences."""

from __future__ import annotations

import gc
from datetime import date, timedelta

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
    level_of,
    organization,
    payment,
    person,
    reference,
    references,
    run,
    skilled,
    subscription,
    usage,
)

from mpn_desktop.domain.catalog import Catalog
from mpn_desktop.domain.enums import Association, Level, StepKind, Workload
from mpn_desktop.domain.facts import Facts, Subscription
from mpn_desktop.domain.progress import AtRisk

ANNIVERSARY = date(2017, 6, 30)  # the next anniversary after AS_OF is 2018-06-30


def platform_facts(
    *,
    consumption: int = 20_000,
    people: int = 1,
    refs: int = 3,
    paid: Level | None = SILVER,
    target: Level | None = SILVER,
) -> Facts:
    """Cloud Platform with the figures given (silver is met by the defaults)."""
    return facts(
        org=organization(anniversary=ANNIVERSARY),
        targets=[(PLATFORM, target)] if target else [],
        subscriptions=[subscription()],
        usage_rows=[usage("sub-1", "2017-12", consumption=consumption)],
        skilled_people=[skilled(str(i), "70-533", name=f"P{i}") for i in range(people)],
        refs=references(PLATFORM, refs),
        payments=[payment(ANNIVERSARY, paid)] if paid else [],
    )


# --- levels ------------------------------------------------------------------------------------


def test_a_level_is_attained_when_every_step_of_an_option_is_met(catalog: Catalog) -> None:
    progress = run(catalog, platform_facts())
    silver = level_of(progress, PLATFORM, SILVER)
    assert silver.attained and silver.missing == ()
    assert [step.step for step in silver.steps] == list(StepKind)
    assert all(step.met for step in silver.steps)


def test_one_step_short_is_not_attained_and_the_level_says_what_is_missing(
    catalog: Catalog,
) -> None:
    progress = run(catalog, platform_facts(refs=1))
    silver = level_of(progress, PLATFORM, SILVER)
    assert not silver.attained
    assert silver.missing == ("2 more approved customer references for Cloud Platform",)


def test_the_level_lists_every_missing_sentence_in_step_order(catalog: Catalog) -> None:
    progress = run(catalog, platform_facts(consumption=11_800, people=0, refs=1, paid=None))
    assert level_of(progress, PLATFORM, SILVER).missing == (
        "US$ 3,200 more Azure consumption with DPOR or transacting association "
        "in the 12 months to 2018-02",
        "1 more person with one of TA-CLOUD-PLATFORM, TA-AZURE-DATA, TA-AZURE-APPDEV, "
        "TA-AZURE-IOT, TA-AZURE-RDS, 70-532, 70-533, 70-534, 70-535, 70-473, 70-475, "
        "MCSA-LINUX-AZURE, whose MCP ID is associated with your MPN ID",
        "2 more approved customer references for Cloud Platform",
        "Pay the silver fee of US$ 1,530 for the membership year 2017-06-30 to 2018-06-29",
    )


def test_the_targets_are_listed_in_catalogue_order(catalog: Catalog) -> None:
    progress = run(catalog, facts(targets=[(EMM, GOLD), (PLATFORM, SILVER)]))
    assert [item.id for item in progress.targeted] == [PLATFORM, EMM]
    assert progress.competency(EMM).target is GOLD
    assert progress.competency(CRM).target is None


def test_every_cloud_competency_is_evaluated_even_without_facts(catalog: Catalog) -> None:
    progress = run(catalog, facts())
    assert [item.id for item in progress.competencies] == [PLATFORM, PRODUCTIVITY, SMB, CRM, EMM]
    assert progress.as_of == AS_OF and progress.organization.name == "Contoso Cloud Ltd"
    for competency in progress.competencies:
        assert not competency.retired
        assert [level.level for level in competency.levels] == [SILVER, GOLD]
        assert not any(level.attained for level in competency.levels)


# --- the option used, or the closest one (EMM) ------------------------------------------------


def ems_subscription(sub_id: str, started_on: date) -> Subscription:
    return subscription(
        sub_id,
        workload=Workload.EMS,
        association=Association.DELEGATED_ADMIN,
        associated_on=started_on,
        started_on=started_on,
    )


def emm_facts(new_customers: int, seats: int) -> Facts:
    """EMM with silver exams, references and fee met, and the performance figures given."""
    subs = [ems_subscription(f"e{i}", date(2017, 6, 1)) for i in range(new_customers)]
    subs.append(ems_subscription("old", date(2015, 1, 1)))
    return facts(
        org=organization(anniversary=ANNIVERSARY),
        targets=[(EMM, SILVER)],
        subscriptions=subs,
        usage_rows=[usage("old", "2018-02", users=seats)],
        skilled_people=[skilled(str(i), "TA-EMS-OVERVIEW", "TA-EMS-CAS") for i in range(2)],
        refs=references(EMM, 3),
        payments=[payment(ANNIVERSARY, SILVER)],
    )


def test_emm_silver_attained_through_the_smb_option_names_that_option(catalog: Catalog) -> None:
    silver = level_of(run(catalog, emm_facts(20, 200)), EMM, SILVER)
    assert silver.attained
    assert silver.option.option_id == "smb-partner" and silver.option.name == "SMB Partner"
    enterprise = next(item for item in silver.options if item.option_id == "enterprise-partner")
    assert not enterprise.attained


def test_emm_silver_attained_through_both_options_names_the_first(catalog: Catalog) -> None:
    silver = level_of(run(catalog, emm_facts(20, 600)), EMM, SILVER)
    assert silver.attained and silver.option.option_id == "enterprise-partner"
    assert all(option.attained for option in silver.options)


def test_without_an_attained_option_the_closest_one_is_shown(catalog: Catalog) -> None:
    # Enterprise: 2 of 3 customers, 200 of 500 seats (no measure met).
    # SMB: 2 of 20 customers, 200 of 125 seats (one measure met): closer.
    silver = level_of(run(catalog, emm_facts(2, 200)), EMM, SILVER)
    assert not silver.attained and silver.option.option_id == "smb-partner"
    assert silver.missing == (
        "18 more new EMS customers with DPOR, delegated admin, transacting or FastTrack "
        "association in the 12 months to 2018-02",
    )
    # With nothing at all the options are equally far: a tie goes to the first
    # option of the catalogue.
    tie = level_of(run(catalog, emm_facts(0, 0)), EMM, SILVER)
    assert tie.option.option_id == "enterprise-partner"
    assert len(tie.missing) == 2


def test_the_closest_option_weighs_each_measure_not_only_the_measures_met(
    catalog: Catalog,
) -> None:
    # SMB meets its seats (450 of 125) but is 18 customers short (2 of 20);
    # Enterprise meets neither yet is 1 customer and 50 seats away (2 of 3, 450
    # of 500): that is the option to show, and its two gaps what is missing.
    silver = level_of(run(catalog, emm_facts(2, 450)), EMM, SILVER)
    assert not silver.attained and silver.option.option_id == "enterprise-partner"
    assert len(silver.missing) == 2
    assert silver.missing[0].startswith("1 more new EMS customer ")
    assert silver.missing[1].startswith("50 more ")


# --- retired competencies ---------------------------------------------------------------------


def test_retired_competencies_appear_only_when_targeted_or_referenced(catalog: Catalog) -> None:
    assert not any(item.retired for item in run(catalog, facts()).competencies)
    given = facts(
        targets=[("hosting", SILVER)],
        refs=[reference("learning", approved_on=date(2017, 6, 1))],
    )
    retired = [item for item in run(catalog, given).competencies if item.retired]
    assert [item.id for item in retired] == ["hosting", "learning"]
    assert retired[0].target is SILVER and retired[1].target is None


def test_a_retired_competency_is_flagged_and_never_attained(catalog: Catalog) -> None:
    given = facts(
        targets=[("hosting", GOLD)], refs=[reference("hosting", f"C{i}") for i in range(9)]
    )
    hosting = run(catalog, given).competency("hosting")
    assert hosting.retired and hosting.name == "Hosting"
    for level in hosting.levels:
        assert not level.attained
        assert level.missing == (
            "Hosting was retired on 2018-01-30: it is closed to new enrolment and renewal "
            "and cannot be attained",
        )
        assert level.option.option_id == "retired" and level.steps == ()
    assert hosting.notes and "2018-01-31" in hosting.notes[0] and "source:" in hosting.notes[0]


def test_retired_competencies_are_never_the_fee_level(catalog: Catalog) -> None:
    progress = run(
        catalog, facts(org=organization(anniversary=ANNIVERSARY), targets=[("oem", GOLD)])
    )
    assert progress.fee.level is SILVER


# --- at risk: what stops counting before the next anniversary ---------------------------------


def test_a_reference_expiring_before_the_next_anniversary_is_at_risk(catalog: Catalog) -> None:
    given = facts(
        org=organization(anniversary=ANNIVERSARY),
        targets=[(PLATFORM, SILVER)],
        refs=[
            reference(PLATFORM, "Early", approved_on=date(2016, 5, 1)),  # last day 2018-04-30
            reference(PLATFORM, "Eve", approved_on=date(2016, 6, 30)),  # last day 2018-06-29
            reference(PLATFORM, "Safe", approved_on=date(2016, 7, 1)),  # last day 2018-06-30
        ],
    )
    assert run(catalog, given).competency(PLATFORM).at_risk == (
        AtRisk(
            date(2018, 5, 1),
            "the reference of Early no longer counts (valid until 2018-04-30, approved 2016-05-01)",
        ),
        AtRisk(
            date(2018, 6, 30),
            "the reference of Eve no longer counts (valid until 2018-06-29, approved 2016-06-30)",
        ),
    )


def test_a_person_leaving_before_the_next_anniversary_is_at_risk(catalog: Catalog) -> None:
    given = facts(
        org=organization(anniversary=ANNIVERSARY),
        targets=[(PLATFORM, GOLD)],
        skilled_people=[
            skilled("1", "70-533", name="Ana", left_on=date(2018, 5, 1)),
            skilled("2", "70-533", name="Bob", left_on=date(2018, 6, 30)),  # on the anniversary
            skilled("3", "70-533", name="Cy", left_on=date(2018, 7, 1)),  # after it
        ],
    )
    assert run(catalog, given).competency(PLATFORM).at_risk == (
        AtRisk(date(2018, 5, 1), "Ana leaves; counted for Azure-skilled person"),
        AtRisk(date(2018, 6, 30), "Bob leaves; counted for Azure-skilled person"),
    )


@pytest.mark.parametrize(
    ("as_of", "renewal", "expiring", "expires_on"),
    [
        # anniversary 29 February: the next renewal is 28 February in a common year
        # (a reference approved 2017-02-28 counts until 2019-02-27, not on renewal day)...
        (date(2018, 3, 15), date(2019, 2, 28), date(2017, 2, 28), date(2019, 2, 28)),
        # ...and 29 February in a leap year (approved 2018-02-28: last day 2020-02-27)
        (date(2019, 3, 15), date(2020, 2, 29), date(2018, 2, 28), date(2020, 2, 28)),
    ],
)
def test_at_risk_with_an_anniversary_on_29_february(
    catalog: Catalog, as_of: date, renewal: date, expiring: date, expires_on: date
) -> None:
    lasting = expiring + timedelta(days=1)  # still valid on the renewal day
    given = facts(
        org=organization(anniversary=date(2016, 2, 29)),
        targets=[(PLATFORM, GOLD)],
        refs=[
            reference(PLATFORM, "Expiring", approved_on=expiring),
            reference(PLATFORM, "Lasting", approved_on=lasting),
        ],
        skilled_people=[
            skilled("1", "70-533", name="Ana", left_on=renewal),  # gone on the renewal day
            skilled("2", "70-533", name="Bob", left_on=renewal + timedelta(days=1)),
        ],
    )
    at_risk = run(catalog, given, as_of).competency(PLATFORM).at_risk
    assert set(at_risk) == {
        AtRisk(renewal, "Ana leaves; counted for Azure-skilled person"),
        AtRisk(
            expires_on,
            f"the reference of Expiring no longer counts "
            f"(valid until {expires_on - timedelta(days=1)}, approved {expiring})",
        ),
    }


def test_an_exam_past_its_accept_until_date_before_the_anniversary_is_at_risk(
    catalog: Catalog,
) -> None:
    # As of 2018-10-01 with the anniversary on 1 March, the next one is 2019-03-01.
    org = organization(anniversary=date(2017, 3, 1))
    only_534 = skilled("1", "70-534", name="Ana")
    also_533 = skilled("2", "70-534", "70-533", name="Bob")
    given = facts(org=org, targets=[(PLATFORM, GOLD)], skilled_people=[only_534, also_533])
    assert run(catalog, given, date(2018, 10, 1)).competency(PLATFORM).at_risk == (
        AtRisk(date(2019, 1, 1), "70-534 held by Ana is no longer accepted after 2018-12-31"),
    )
    # With the next anniversary on or before 2018-12-31, 70-534 still counts at renewal.
    early = facts(
        org=organization(anniversary=date(2017, 12, 31)),
        targets=[(PLATFORM, GOLD)],
        skilled_people=[only_534],
    )
    assert run(catalog, early, date(2018, 10, 1)).competency(PLATFORM).at_risk == ()


def test_a_crm_exam_at_risk_names_the_role_s_other_exams(catalog: Catalog) -> None:
    ana = (person("1", "Ana"), [exam("1", "MB2-709"), exam("1", "MB2-710")])
    bob = skilled("2", "MB2-712", name="Bob")
    given = facts(
        org=organization(anniversary=date(2017, 3, 1)),
        targets=[(CRM, SILVER)],
        skilled_people=[ana, bob],
    )
    risks = run(catalog, given, date(2018, 10, 1)).competency(CRM).at_risk
    assert risks == (
        AtRisk(date(2019, 1, 1), "MB2-709 held by Ana is no longer accepted after 2018-12-31"),
    )


def test_without_an_anniversary_at_risk_looks_one_year_ahead(catalog: Catalog) -> None:
    given = facts(
        targets=[(PLATFORM, SILVER)],
        refs=[
            reference(PLATFORM, "Soon", approved_on=date(2017, 3, 1)),  # last day 2019-02-28
            reference(PLATFORM, "Later", approved_on=date(2017, 4, 1)),  # last day 2019-03-31
        ],
    )
    assert [risk.what for risk in run(catalog, given).competency(PLATFORM).at_risk] == [
        "the reference of Soon no longer counts (valid until 2019-02-28, approved 2017-03-01)"
    ]


def test_nothing_is_at_risk_for_a_competency_that_is_not_targeted(catalog: Catalog) -> None:
    given = facts(
        org=organization(anniversary=ANNIVERSARY),
        targets=[(CRM, SILVER)],
        skilled_people=[skilled("1", "70-533", left_on=date(2018, 5, 1))],
        refs=[reference(PLATFORM, approved_on=date(2016, 5, 1))],
    )
    assert run(catalog, given).competency(PLATFORM).at_risk == ()


def test_at_risk_lists_only_the_targeted_level_s_people(catalog: Catalog) -> None:
    # Silver needs one person: only the first entered (Ana) is counted at silver.
    given = facts(
        org=organization(anniversary=ANNIVERSARY),
        targets=[(PLATFORM, SILVER)],
        skilled_people=[
            skilled("1", "70-533", name="Ana"),
            skilled("2", "70-533", name="Bob", left_on=date(2018, 5, 1)),
        ],
    )
    assert run(catalog, given).competency(PLATFORM).at_risk == ()


# --- notes --------------------------------------------------------------------------------------


def test_catalogue_notes_travel_with_the_steps_they_qualify(catalog: Catalog) -> None:
    progress = run(catalog, facts())
    step = level_of(progress, PRODUCTIVITY, SILVER).option.step(StepKind.PERFORMANCE)
    assert any("latest full month" in note for note in step.notes)
    assert all("(source: Partner Center: Cloud Productivity" in note for note in step.notes)
    fee = level_of(progress, PLATFORM, SILVER).option.step(StepKind.FEE)
    assert any("25%" in note for note in fee.notes)


def test_one_more_of_a_measure_reads_in_the_singular(catalog: Catalog) -> None:
    silver = level_of(run(catalog, emm_facts(2, 499)), EMM, SILVER)
    assert silver.missing[0].startswith("1 more new EMS customer with ")
    assert silver.missing[1].startswith("1 more EMS active entitlement (paid seat) with ")


# --- memory -------------------------------------------------------------------------------------


def _every_measure_facts() -> Facts:
    """Usage of every workload over the window (consumption, revenue and users each month,
    the subscriptions started in it), people, references and the fee: every measure of
    every option has evidence to make."""
    window = [f"2017-{month:02d}" for month in range(3, 13)] + ["2018-01", "2018-02"]
    subscriptions = [
        subscription(f"{workload.value}-{n}", workload=workload, associated_on=date(2017, 4, 1))
        for workload in Workload
        for n in range(2)
    ]
    return facts(
        org=organization(anniversary=ANNIVERSARY),
        targets=[(PLATFORM, GOLD), (EMM, SILVER)],
        subscriptions=subscriptions,
        usage_rows=[
            usage(sub.id, month, consumption=2000, revenue=900, users=30)
            for sub in subscriptions
            for month in window
        ],
        skilled_people=[skilled(str(i), "70-533", name=f"P{i}") for i in range(3)],
        refs=references(PLATFORM, 3),
        payments=[payment(ANNIVERSARY, SILVER)],
    )


def test_an_evaluation_leaves_no_reference_cycles_behind(catalog: Catalog) -> None:
    """Everything an evaluation makes is freed when its result is dropped, without the
    collector: a cycle (a closure calling itself, as the role matching's once was) is left
    for it to find, and each collection after a load walks every freshly loaded value.
    Every option's steps and their parts are read, their lazy evidence made: each kind of
    measure's evidence (a partial kept with its figure) among them."""
    given = _every_measure_facts()
    run(catalog, given)  # anything made once per process (imports, kept texts) made now
    gc.collect()
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        progress = run(catalog, given)
        units: set[str] = set()
        workloads: set[str] = set()
        for competency in progress.competencies:
            for level in competency.levels:
                for option in level.options:
                    for step in option.steps:
                        for read in (step, *step.parts):
                            evidence = list(read.evidence)  # the lazy evidence made too
                            units.update(read.unit for _ in evidence[:1])
                            workloads.update(
                                item.subscription[:-2] for item in evidence if item.subscription
                            )
        del progress
        assert gc.collect() == 0
    finally:
        if was_enabled:
            gc.enable()
    # Consumption (Azure) and revenue (CRM), users, new customers, several measures at once.
    assert {"USD", "active users", "customers", "measures"} <= units
    assert workloads >= {"azure", "dynamics-crm", "office365", "ems"}
