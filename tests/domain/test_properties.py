"""Properties of ``evaluate`` over generated organisations (hypothesis).

* Adding a fact (a usage row, a person with exams, an exam, an approved
  reference, a fee payment) never lowers the ``have`` of any step.
* Where every gold figure of an option is at least its silver figure, gold
  met implies silver met: step by step, and for the level as a whole.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta
from decimal import Decimal

from domain_builders import EMM, GOLD, SILVER
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mpn_desktop.catalog_files import load_catalog
from mpn_desktop.domain.catalog import Catalog, Competency, Option
from mpn_desktop.domain.dates import Month
from mpn_desktop.domain.enums import (
    Association,
    Level,
    Market,
    ReferenceStatus,
    StepKind,
    Workload,
)
from mpn_desktop.domain.evaluate import evaluate
from mpn_desktop.domain.facts import (
    ExamResult,
    Facts,
    FeePayment,
    Organization,
    Person,
    Reference,
    Subscription,
    Target,
    Usage,
)
from mpn_desktop.domain.progress import Progress, StepProgress

CATALOG = load_catalog()
CLOUD_IDS = [item.id for item in CATALOG.cloud_competencies]
CODES = [item.code for item in CATALOG.credentials] + ["70-999", "exam 70-533", "mb2-712"]
CUSTOMERS = [f"Customer {index}" for index in range(8)]
MCP_IDS = [str(1000 + index) for index in range(8)]

_SETTINGS = settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])

days = st.dates(date(2015, 6, 1), date(2019, 9, 30))
as_of_days = st.dates(date(2017, 6, 1), date(2019, 6, 30))
months = st.builds(Month, st.integers(2016, 2019), st.integers(1, 12))
money = st.integers(0, 60_000).map(Decimal)


@st.composite
def subscriptions(draw: st.DrawFn) -> list[Subscription]:
    found = []
    for index in range(draw(st.integers(0, 12))):
        started = draw(days)
        found.append(
            Subscription(
                id=f"sub-{index}",
                customer=draw(st.sampled_from(CUSTOMERS)),
                workload=draw(st.sampled_from(Workload)),
                association=draw(st.sampled_from(Association)),
                associated_on=draw(st.one_of(st.just(started), days)),
                started_on=started,
                ended_on=draw(st.none() | days),
                trial=draw(st.booleans()),
            )
        )
    return found


def usage_rows(sub_ids: list[str]) -> st.SearchStrategy[Usage]:
    return st.builds(
        Usage,
        subscription=st.sampled_from(sub_ids or ["nobody"]),
        month=months,
        consumption_usd=money,
        revenue_usd=money,
        active_users=st.integers(0, 3000),
    )


people = st.builds(
    Person,
    name=st.sampled_from(["Ana", "Bob", "Cy", "Dee", "Eve"]),
    mcp_id=st.sampled_from(MCP_IDS),
    associated=st.booleans(),
    left_on=st.none() | days,
)


def exams_of(mcp_ids: st.SearchStrategy[str]) -> st.SearchStrategy[ExamResult]:
    return st.builds(ExamResult, mcp_id=mcp_ids, exam_code=st.sampled_from(CODES), passed_on=days)


references = st.builds(
    Reference,
    customer=st.sampled_from(CUSTOMERS),
    competency=st.sampled_from(CLOUD_IDS),
    status=st.sampled_from(ReferenceStatus),
    approved_on=st.none() | days,
)
approved_references = st.builds(
    Reference,
    customer=st.sampled_from(CUSTOMERS),
    competency=st.sampled_from(CLOUD_IDS),
    status=st.sampled_from([ReferenceStatus.APPROVED, ReferenceStatus.AUTO_APPROVED]),
    approved_on=days,
)
payments = st.builds(
    FeePayment,
    membership_year_start=days,
    level=st.sampled_from(Level),
    amount_usd=st.integers(0, 5000).map(Decimal),
)


@st.composite
def organisations(draw: st.DrawFn) -> Facts:
    subs = draw(subscriptions())
    return Facts(
        organization=Organization(
            "Generated",
            "1",
            draw(st.sampled_from(Market)),
            draw(st.none() | st.dates(date(2010, 1, 1), date(2018, 12, 31))),
        ),
        targets=tuple(
            Target(competency, draw(st.sampled_from(Level)))
            for competency in draw(st.lists(st.sampled_from(CLOUD_IDS), unique=True, max_size=3))
        ),
        subscriptions=tuple(subs),
        usage=tuple(draw(st.lists(usage_rows([sub.id for sub in subs]), max_size=40))),
        people=tuple(draw(st.lists(people, max_size=6, unique_by=lambda item: item.mcp_id))),
        exams=tuple(draw(st.lists(exams_of(st.sampled_from(MCP_IDS)), max_size=16))),
        references=tuple(draw(st.lists(references, max_size=10))),
        fee_payments=tuple(draw(st.lists(payments, max_size=3))),
    )


@st.composite
def one_more_fact(draw: st.DrawFn, before: Facts) -> Facts:
    """``before`` with one more fact of some kind."""
    kind = draw(
        st.sampled_from(["usage", "subscription", "person", "exam", "reference", "payment"])
    )
    if kind == "subscription":
        # A customer not seen before: an older subscription of a known customer may
        # rightly make it no longer new, so only a newcomer's can be added freely.
        sub = draw(subscriptions().filter(bool))[0]
        sub = replace(sub, id="new-sub", customer="Newcomer Ltd")
        rows = draw(st.lists(usage_rows([sub.id]), max_size=6))
        return replace(
            before, subscriptions=(*before.subscriptions, sub), usage=(*before.usage, *rows)
        )
    if kind == "usage":
        row = draw(usage_rows([sub.id for sub in before.subscriptions]))
        return replace(before, usage=(*before.usage, row))
    if kind == "person":
        newcomer = draw(people.map(lambda item: replace(item, mcp_id="new-person")))
        passed = draw(st.lists(exams_of(st.just("new-person")), min_size=1, max_size=4))
        return replace(before, people=(*before.people, newcomer), exams=(*before.exams, *passed))
    if kind == "exam":
        result = draw(exams_of(st.sampled_from(MCP_IDS)))
        return replace(before, exams=(*before.exams, result))
    if kind == "reference":
        return replace(before, references=(*before.references, draw(approved_references)))
    return replace(before, fee_payments=(*before.fee_payments, draw(payments)))


def all_steps(progress: Progress) -> dict[tuple[str, str, str, str, int], StepProgress]:
    """Every step (and part of a step) of every option, keyed by where it is."""
    found: dict[tuple[str, str, str, str, int], StepProgress] = {}
    for competency in progress.competencies:
        for level in competency.levels:
            for option in level.options:
                for step in option.steps:
                    where = (competency.id, level.level.value, option.option_id, step.step.value)
                    found[(*where, -1)] = step
                    for index, part in enumerate(step.parts):
                        found[(*where, index)] = part
    return found


@_SETTINGS
@given(data=st.data(), before=organisations(), as_of=as_of_days)
def test_adding_a_fact_never_lowers_any_have(
    data: st.DataObject, before: Facts, as_of: date
) -> None:
    after = data.draw(one_more_fact(before))
    old = all_steps(evaluate(CATALOG, before, as_of))
    new = all_steps(evaluate(CATALOG, after, as_of))
    assert old.keys() == new.keys()
    for where, step in old.items():
        assert new[where].have >= step.have, where


def gold_figures_at_least_silver(competency: Competency, option: Option, market: Market) -> bool:
    """Whether every figure of the option at gold is at least the one at silver."""
    references = competency.references
    assert references is not None
    return (
        all(
            measure.need(GOLD, market) >= measure.need(SILVER, market)
            for measure in option.performance.measures
        )
        and all(role.people[GOLD] >= role.people[SILVER] for role in option.skills.roles)
        and references.count[GOLD] >= references.count[SILVER]
    )


PROFILES = [
    ("70-533",),
    ("70-346", "70-347"),
    ("MCSA-O365",),
    ("70-347",),
    ("MB2-714", "MB2-710"),
    ("MB2-712",),
    ("MB2-717", "MB2-715", "MB2-716"),
    ("TA-EMS-OVERVIEW", "TA-EMS-MDM"),
]
RICH_YEAR = date(2017, 7, 1)  # the membership year of every as-of day of the rich test


def rich_organisations() -> st.SearchStrategy[Facts]:
    """Organisations with enough of everything that gold is often within reach.

    Usage falls in 2017-08/09 and the latest months 2017-12 to 2018-05, which
    lie in the windows of every as-of day from 2018-01-01 to 2018-06-30.
    """

    @st.composite
    def build(draw: st.DrawFn) -> Facts:
        base = draw(organisations())
        subs: list[Subscription] = []
        rows: list[Usage] = []

        def strong(workload: Workload, new_customers: int, **per_month: int) -> None:
            for index in range(new_customers):
                subs.append(
                    Subscription(
                        f"{workload.value}-{index}",
                        f"{workload.value} customer {index}",
                        workload,
                        Association.DPOR,
                        associated_on=date(2017, 8, 1),
                        started_on=date(2017, 8, 1),
                    )
                )
            if new_customers:
                sub_id = f"{workload.value}-0"
                rows.append(
                    Usage(
                        sub_id,
                        Month(2017, 9),
                        Decimal(per_month.get("consumption", 0)),
                        Decimal(per_month.get("revenue", 0)),
                    )
                )
                rows.extend(
                    Usage(sub_id, Month.parse(month), active_users=per_month.get("users", 0))
                    for month in ("2017-12", "2018-01", "2018-02", "2018-03", "2018-04", "2018-05")
                )

        pick = st.sampled_from
        # Half the time the figures are near gold, so that gold is often attained.
        near_gold = draw(st.booleans())

        def figure(*values: int) -> int:
            return draw(pick(values[-2:] if near_gold else values))

        strong(Workload.AZURE, 1, consumption=figure(0, 12_000, 20_000, 120_000))
        strong(Workload.DYNAMICS_CRM, 1, revenue=figure(0, 60_000, 120_000, 320_000))
        strong(Workload.OFFICE365, figure(0, 3, 10, 30), users=figure(0, 1500, 4500))
        strong(Workload.EMS, figure(0, 4, 10, 25), users=figure(0, 200, 600, 4500))
        crowd = [Person(f"P{index}", f"p{index}") for index in range(figure(0, 3, 6, 10, 16))]
        passed = [
            ExamResult(person.mcp_id, code, date(2017, 1, 1))
            for index, person in enumerate(crowd)
            for code in (
                PROFILES[index % len(PROFILES)]
                if near_gold
                else draw(st.one_of(pick(PROFILES), st.lists(pick(CODES), max_size=3)))
            )
        ]
        approved = [
            Reference(f"R{index}", competency, ReferenceStatus.APPROVED, approved_on=RICH_YEAR)
            for competency in CLOUD_IDS
            for index in range(figure(0, 2, 3, 4, 5))
        ]
        paid = draw(pick([Level.GOLD, Level.SILVER]) if near_gold else st.none() | pick(Level))
        return replace(
            base,
            organization=replace(base.organization, anniversary=RICH_YEAR),
            subscriptions=(*base.subscriptions, *subs),
            usage=(*base.usage, *rows),
            people=(*base.people, *crowd),
            exams=(*base.exams, *passed),
            references=(*base.references, *approved),
            fee_payments=(
                *base.fee_payments,
                *([FeePayment(RICH_YEAR, paid, Decimal(4730))] if paid else []),
            ),
        )

    return build()


@_SETTINGS
@given(given_facts=rich_organisations(), as_of=st.dates(date(2018, 1, 1), date(2018, 6, 30)))
def test_gold_met_implies_silver_met_where_gold_figures_are_at_least_silver(
    given_facts: Facts, as_of: date
) -> None:
    progress = evaluate(CATALOG, given_facts, as_of)
    market = given_facts.organization.market
    for competency in CATALOG.cloud_competencies:
        found = progress.competency(competency.id)
        for option in competency.options:
            if not gold_figures_at_least_silver(competency, option, market):
                continue
            gold = next(o for o in found.level(GOLD).options if o.option_id == option.id)
            silver = next(o for o in found.level(SILVER).options if o.option_id == option.id)
            for kind in StepKind:
                if gold.step(kind).met:
                    assert silver.step(kind).met, (competency.id, option.id, kind)
            if gold.attained:
                assert silver.attained
        if found.level(GOLD).attained:
            # Some option attains silver too unless the only gold path is the anomalous one.
            assert found.level(SILVER).attained or any(
                not gold_figures_at_least_silver(competency, option, market)
                for option in competency.options
            )


def test_the_one_option_with_gold_below_silver_is_emm_smb_and_the_catalogue_says_so(
    catalog: Catalog,
) -> None:
    below = [
        (competency.id, option.id, measure.id)
        for competency in catalog.cloud_competencies
        for option in competency.options
        for measure in option.performance.measures
        for market in Market
        if measure.need(GOLD, market) < measure.need(SILVER, market)
    ]
    assert set(below) == {(EMM, "smb-partner", "ems-new-customers")}
    measure = catalog.competency(EMM).options[1].performance.measures[0]
    assert measure.need(SILVER, Market.DEVELOPED) == 20
    assert measure.need(GOLD, Market.DEVELOPED) == 5
    assert "copy error" in measure.note


def test_by_the_source_s_own_figures_emm_smb_gold_customers_can_be_met_without_silver(
    catalog: Catalog,
) -> None:
    # Six new EMS customers meet the SMB option's gold figure (5) but not its
    # silver one (20): the implication fails here because of the source.
    subs = tuple(
        Subscription(
            f"e{index}",
            f"C{index}",
            Workload.EMS,
            Association.DPOR,
            associated_on=date(2017, 6, 1),
            started_on=date(2017, 6, 1) + timedelta(days=index),
        )
        for index in range(6)
    )
    given_facts = Facts(organization=Organization("X", "1"), subscriptions=subs)
    emm = evaluate(catalog, given_facts, date(2018, 3, 15)).competency(EMM)
    gold = next(o for o in emm.level(GOLD).options if o.option_id == "smb-partner")
    silver = next(o for o in emm.level(SILVER).options if o.option_id == "smb-partner")
    assert gold.step(StepKind.PERFORMANCE).parts[0].met
    assert not silver.step(StepKind.PERFORMANCE).parts[0].met
