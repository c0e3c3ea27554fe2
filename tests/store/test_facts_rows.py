"""One-row updates of loaded facts: each equals a full load, for every kind and operation."""

from __future__ import annotations

from typing import Any

import pytest
from sql_trace import selects, traced_statements
from test_facts_reload import EDITS, RECORD_KINDS, WINDOW, _first, _new_values

from mpn_desktop.domain.column_rows import ConvertedColumn
from mpn_desktop.store import records
from mpn_desktop.store.changes import RecordKind
from mpn_desktop.store.database import Database
from mpn_desktop.store.facts_loader import load_indexed_facts
from mpn_desktop.store.facts_rows import apply_rows, can_apply_rows
from mpn_desktop.store.loaded_facts import LoadedFacts


def _as_loaded(db: Database, before: LoadedFacts, kind: RecordKind, ids: Any) -> LoadedFacts:
    """Applies the rows named to ``before``; checks the result against a full load."""
    applied = apply_rows(db, before, [(kind, tuple(ids))])
    assert applied is not None, f"{kind.value} rows are applied one by one"
    loaded = load_indexed_facts(db, usage_from=WINDOW)
    assert applied.facts == loaded.facts
    assert applied.ids == loaded.ids
    assert applied.customer_names == loaded.customer_names
    assert applied.subscription_ids == loaded.subscription_ids
    assert applied.mcp_ids == loaded.mcp_ids
    return applied


@pytest.mark.parametrize("kind", RECORD_KINDS, ids=lambda kind: kind.value)
def test_an_edit_its_undo_and_redo_of_each_kind_equal_a_full_load(
    demo_db: Database, kind: RecordKind
) -> None:
    before = load_indexed_facts(demo_db, usage_from=WINDOW)
    row = _first(demo_db, kind)
    edit = records.update_record(demo_db, kind, row["id"], EDITS[kind]).value
    edited = _as_loaded(demo_db, before, kind, [row["id"]])
    assert edited.facts != before.facts, "the edit shows in the facts"
    # No row came or went: the ids are the very ones kept (not copied, row by row).
    assert all(edited.ids[field] is ids for field, ids in before.ids.items())
    records.update_record(demo_db, kind, row["id"], edit.before)
    assert _as_loaded(demo_db, edited, kind, [row["id"]]).facts == before.facts
    records.update_record(demo_db, kind, row["id"], edit.after)
    assert _as_loaded(demo_db, before, kind, [row["id"]]).facts == edited.facts


@pytest.mark.parametrize("kind", RECORD_KINDS, ids=lambda kind: kind.value)
def test_an_add_and_its_undo_of_each_kind_equal_a_full_load(
    demo_db: Database, kind: RecordKind
) -> None:
    before = load_indexed_facts(demo_db, usage_from=WINDOW)
    added = records.add_record(demo_db, kind, _new_values(demo_db, kind)).value
    after = _as_loaded(demo_db, before, kind, [added.id])
    assert after.facts != before.facts
    records.delete_record(demo_db, kind, added.id)
    assert _as_loaded(demo_db, after, kind, [added.id]).facts == before.facts


@pytest.mark.parametrize(
    "kind",
    [RecordKind.USAGE, RecordKind.EXAM, RecordKind.REFERENCE, RecordKind.FEE_PAYMENT],
    ids=lambda kind: kind.value,
)
def test_a_delete_and_its_undo_equal_a_full_load(demo_db: Database, kind: RecordKind) -> None:
    before = load_indexed_facts(demo_db, usage_from=WINDOW)
    row_id = _first(demo_db, kind)["id"]
    done = records.delete_record(demo_db, kind, row_id)
    assert done.change.kinds == {kind}, "nothing depends on these"
    deleted = _as_loaded(demo_db, before, kind, [row_id])
    assert deleted.facts != before.facts
    records.restore_snapshot(demo_db, done.value)
    assert _as_loaded(demo_db, deleted, kind, [row_id]).facts == before.facts


def test_a_renamed_customer_subscription_and_person_are_renamed_where_rows_name_them(
    demo_db: Database,
) -> None:
    loaded = load_indexed_facts(demo_db, usage_from=WINDOW)
    for kind, values in (
        (RecordKind.CUSTOMER, {"name": "Renamed Traders"}),
        (RecordKind.SUBSCRIPTION, {"external_id": "sub-renamed"}),
        (RecordKind.PERSON, {"mcp_id": "9999999"}),
    ):
        row_id = _first(demo_db, kind)["id"]
        records.update_record(demo_db, kind, row_id, values)
        loaded = _as_loaded(demo_db, loaded, kind, [row_id])
    assert any(sub.customer == "Renamed Traders" for sub in loaded.facts.subscriptions)
    assert any(usage.subscription == "sub-renamed" for usage in loaded.facts.usage)
    assert any(exam.mcp_id == "9999999" for exam in loaded.facts.exams)


def test_facts_loaded_before_a_rename_keep_the_names_they_were_loaded_with(
    demo_db: Database,
) -> None:
    """Usage names its subscriptions through the id map kept with the facts, looked up when
    first read (65c1b9e): a rename applied row by row makes a new map, so the facts loaded
    before it still read the names they were loaded with, though read after it."""
    before = load_indexed_facts(demo_db, usage_from=WINDOW)
    named = [row.subscription for row in load_indexed_facts(demo_db, usage_from=WINDOW).facts.usage]
    held = before.facts.usage.held_columns.subscription
    assert isinstance(held, ConvertedColumn) and not held.converted
    row_id = _first(demo_db, RecordKind.SUBSCRIPTION)["id"]
    records.update_record(demo_db, RecordKind.SUBSCRIPTION, row_id, {"external_id": "sub-renamed"})
    after = _as_loaded(demo_db, before, RecordKind.SUBSCRIPTION, [row_id])
    assert "sub-renamed" in after.facts.usage.columns.subscription
    assert "sub-renamed" not in named
    assert list(held) == named and list(before.facts.usage.columns.subscription) == named


def test_several_changes_apply_in_one_read(demo_db: Database) -> None:
    before = load_indexed_facts(demo_db, usage_from=WINDOW)
    usage = _first(demo_db, RecordKind.USAGE)["id"]
    reference = _first(demo_db, RecordKind.REFERENCE)["id"]
    records.update_record(demo_db, RecordKind.USAGE, usage, EDITS[RecordKind.USAGE])
    records.update_record(demo_db, RecordKind.REFERENCE, reference, EDITS[RecordKind.REFERENCE])
    changed = [(RecordKind.USAGE, (usage,)), (RecordKind.REFERENCE, (reference,))]
    with traced_statements(demo_db) as statements:
        applied = apply_rows(demo_db, before, changed)
    assert applied is not None
    assert applied.facts == load_indexed_facts(demo_db, usage_from=WINDOW).facts
    # One query per change, by id: not the 12-month window of usage.
    queries = selects(statements)
    assert len(queries) == 2, queries
    assert all(" IN " in query.upper() for query in queries), queries


def test_a_row_naming_one_the_facts_do_not_hold_asks_for_a_reload(demo_db: Database) -> None:
    before = load_indexed_facts(demo_db, usage_from=WINDOW)
    values = _new_values(demo_db, RecordKind.SUBSCRIPTION)
    customer = records.add_record(demo_db, RecordKind.CUSTOMER, {"name": "Unseen Ltd"}).value
    subscription = records.add_record(
        demo_db, RecordKind.SUBSCRIPTION, {**values, "customer_id": customer.id}
    ).value
    # The customer's add was not applied: its subscription cannot be named.
    assert apply_rows(demo_db, before, [(RecordKind.SUBSCRIPTION, (subscription.id,))]) is None


def test_kinds_without_rows_of_their_own_and_many_rows_are_not_applied_row_by_row() -> None:
    assert not can_apply_rows(RecordKind.ORGANIZATION, [1])
    assert not can_apply_rows(RecordKind.TARGET, [1])
    assert not can_apply_rows(RecordKind.IMPORT_BATCH, [1])
    assert not can_apply_rows(RecordKind.USAGE, range(10_000))
    assert can_apply_rows(RecordKind.USAGE, [1, 2, 3])


@pytest.mark.parametrize(
    ("kind", "section"), [(RecordKind.USAGE, "usage"), (RecordKind.EXAM, "exams")]
)
def test_an_edit_tells_the_evaluation_the_one_row_it_replaced(
    demo_db: Database, kind: RecordKind, section: str
) -> None:
    # Usage and exams are held by column: the edited rows say which row changed, so the
    # evaluation adds up that row's subscription (or person) again instead of every row.
    before = load_indexed_facts(demo_db, usage_from=WINDOW)
    row = _first(demo_db, kind)
    records.update_record(demo_db, kind, row["id"], EDITS[kind])
    edited = _as_loaded(demo_db, before, kind, [row["id"]])
    at = before.ids[section].index(row["id"])
    held, held_before = getattr(edited.facts, section), getattr(before.facts, section)
    assert held.changed_since(held_before) == [at]
    assert held[at] != held_before[at]
