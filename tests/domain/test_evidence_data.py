"""Evidence carries what its sentences name as data: who, which subscription, how much, when."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from domain_builders import (
    CRM,
    PLATFORM,
    SILVER,
    facts,
    organization,
    payment,
    reference,
    run,
    skilled,
    step_of,
    subscription,
    usage,
)

from mpn_desktop.domain.catalog import Catalog
from mpn_desktop.domain.enums import Association, ReferenceStatus, StepKind

ANNIVERSARY = date(2017, 6, 30)


def _platform(catalog: Catalog):  # type: ignore[no-untyped-def]
    return run(
        catalog,
        facts(
            org=organization(anniversary=ANNIVERSARY),
            targets=[(PLATFORM, SILVER)],
            subscriptions=[
                subscription("sub-1", customer="Fabrikam", association=Association.TRANSACTING)
            ],
            usage_rows=[usage("sub-1", "2017-12", consumption=20_000)],
            skilled_people=[skilled("1234567", "70-533", name="Ana Ruiz")],
            refs=[reference(PLATFORM, "Fabrikam", approved_on=date(2017, 9, 1))],
            payments=[payment(ANNIVERSARY, SILVER)],
        ),
    )


def test_a_counted_person_carries_mcp_id_name_role_and_credentials(catalog: Catalog) -> None:
    (item,) = step_of(_platform(catalog), PLATFORM, SILVER, StepKind.EXAMS).evidence
    assert (item.mcp_id, item.person, item.role, item.credentials) == (
        "1234567",
        "Ana Ruiz",
        "Azure-skilled person",
        ("70-533",),
    )


def test_a_subscription_share_carries_its_id_customer_association_and_amount(
    catalog: Catalog,
) -> None:
    (item,) = step_of(_platform(catalog), PLATFORM, SILVER, StepKind.PERFORMANCE).evidence
    assert (item.subscription, item.customer, item.association, item.amount) == (
        "sub-1",
        "Fabrikam",
        Association.TRANSACTING,
        Decimal(20_000),
    )


def test_a_reference_carries_its_customer_status_and_day_of_approval(catalog: Catalog) -> None:
    (item,) = step_of(_platform(catalog), PLATFORM, SILVER, StepKind.REFERENCES).evidence
    assert (item.customer, item.status, item.on) == (
        "Fabrikam",
        ReferenceStatus.APPROVED,
        date(2017, 9, 1),
    )


def test_a_payment_carries_its_level_and_amount(catalog: Catalog) -> None:
    (item,) = step_of(_platform(catalog), PLATFORM, SILVER, StepKind.FEE).evidence
    assert (item.level, item.amount) == (SILVER, Decimal(1670))


def test_people_in_two_roles_carry_each_their_own_role(catalog: Catalog) -> None:
    progress = run(
        catalog,
        facts(
            targets=[(CRM, SILVER)],
            skilled_people=[
                skilled("111", "MB2-714", "MB2-710", name="Ana"),
                skilled("222", "MB2-716", "MB2-710", name="Ben"),
            ],
        ),
    )
    roles = {
        item.mcp_id: item.role for item in step_of(progress, CRM, SILVER, StepKind.EXAMS).evidence
    }
    assert roles == {"111": "Application and deployment", "222": "Customisation"}
