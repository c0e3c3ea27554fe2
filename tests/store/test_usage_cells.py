"""Usage grid cells written in bulk: updated or added in one transaction, undone exactly."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from mpn_desktop.domain import vocabulary
from mpn_desktop.domain.dates import Month
from mpn_desktop.errors import ValidationError
from mpn_desktop.store import records
from mpn_desktop.store.changes import RecordKind
from mpn_desktop.store.database import Database
from mpn_desktop.store.usage_cells import UsageCell, unwrite_cells, window_usage, write_cells


def _usage(db: Database) -> list[dict[str, object]]:
    return sorted(
        (
            # The version is left out: an undo gives a row a new one, as any write does.
            {key: value for key, value in row.items() if key not in ("id", "version")}
            for row in records.list_records(db, RecordKind.USAGE)
        ),
        key=str,
    )


def test_cells_update_known_months_add_new_ones_and_undo_restores_all(demo_db: Database) -> None:
    before = _usage(demo_db)
    subscription = records.list_records(demo_db, RecordKind.SUBSCRIPTION)[0]["id"]
    known = next(
        row
        for row in records.list_records(demo_db, RecordKind.USAGE)
        if row["subscription_id"] == subscription
    )
    new_month = date(1999, 1, 1)
    result = write_cells(
        demo_db,
        "consumption_usd",
        [
            UsageCell(subscription, known["month"].first_day, "123.45"),
            UsageCell(subscription, new_month, Decimal(7)),
        ],
    )
    assert result.change.touches(RecordKind.USAGE)
    assert len(result.value.added) == 1 and len(result.value.previous) == 1
    after = {
        (row["subscription_id"], row["month"]): row
        for row in records.list_records(demo_db, RecordKind.USAGE)
    }
    assert after[(subscription, known["month"])]["consumption_usd"] == Decimal("123.45")
    added = after[(subscription, Month(1999, 1))]
    assert added["consumption_usd"] == Decimal(7) and added["active_users"] == 0
    assert window_usage(demo_db, Month(1999, 1), Month(1999, 12)) == [
        {
            "subscription_id": subscription,
            "month": Month(1999, 1),
            "part": False,
            "consumption_usd": Decimal(7),
            "revenue_usd": Decimal(0),
            "active_users": 0,
            "paid_seats": 0,
        }
    ]
    unwrite_cells(demo_db, result.value)
    assert _usage(demo_db) == before


def test_a_month_split_by_service_is_left_as_it_is_and_named(demo_db: Database) -> None:
    subscription = records.list_records(demo_db, RecordKind.SUBSCRIPTION)[0]["id"]
    for service in ("Virtual Machines", "Storage"):
        records.add_record(
            demo_db,
            RecordKind.USAGE,
            {
                "subscription_id": subscription,
                "month": Month(1999, 3),
                "service": service,
                "consumption_usd": Decimal(10),
            },
        )
    before = _usage(demo_db)
    result = write_cells(
        demo_db,
        "consumption_usd",
        [
            UsageCell(subscription, date(1999, 3, 1), 50),
            UsageCell(subscription, date(1999, 4, 1), 60),
        ],
    )
    assert result.value.split == ((subscription, date(1999, 3, 1)),)
    assert len(result.value.added) == 1
    shown = window_usage(demo_db, Month(1999, 3), Month(1999, 3))
    assert sorted(row["consumption_usd"] for row in shown) == [Decimal(10), Decimal(10)]
    assert all(row["part"] for row in shown)
    unwrite_cells(demo_db, result.value)
    assert _usage(demo_db) == before


def test_one_wrong_cell_refuses_the_whole_write(demo_db: Database) -> None:
    before = _usage(demo_db)
    subscription = records.list_records(demo_db, RecordKind.SUBSCRIPTION)[0]["id"]
    # The field as the window names it (the column's name reached the box before).
    with pytest.raises(ValidationError, match=r"1999-02: Active users: .* is negative"):
        write_cells(
            demo_db,
            "active_users",
            [
                UsageCell(subscription, date(1999, 1, 1), 5),
                UsageCell(subscription, date(1999, 2, 1), -1),
            ],
        )
    with pytest.raises(ValidationError, match="no subscription with id 999999"):
        write_cells(demo_db, "active_users", [UsageCell(999999, date(1999, 1, 1), 5)])
    assert _usage(demo_db) == before


def test_a_refused_write_is_said_in_german(demo_db: Database) -> None:
    """English in a German window's box before ('nothing was written: …')."""
    subscription = records.list_records(demo_db, RecordKind.SUBSCRIPTION)[0]["id"]
    assert vocabulary.use_language("de") == "de"
    with pytest.raises(ValidationError) as refused:
        write_cells(demo_db, "active_users", [UsageCell(subscription, date(1999, 2, 1), -1)])
    assert str(refused.value).startswith(
        "Es wurde nichts geschrieben: 1999-02: Aktive Benutzer: "
    ), str(refused.value)
    with pytest.raises(ValidationError) as refused:
        write_cells(demo_db, "active_users", [UsageCell(999999, date(1999, 1, 1), 5)])
    assert str(refused.value) == (
        "Es gibt kein Abonnement mit der ID 999999 mehr; es wurde nichts geschrieben"
    )
