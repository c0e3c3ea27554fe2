"""Deleting one record or several as an undo step: the same flow either way.

Redo deletes the records and what depends on them and keeps it; undo puts exactly that back
(the same ids and versions); redo deletes them again, checked against the rows as shown,
and is refused (dropped from the stack, the rows left) when one changed since.
"""

from __future__ import annotations

from typing import Any

import pytest

from mpn_desktop.store import records
from mpn_desktop.store.changes import RecordKind
from mpn_desktop.ui.context import AppContext
from mpn_desktop.ui.undo_commands import DeleteRecordCommand, DeleteRecordsCommand

PEOPLE = {"1234567": "Ana Ruiz", "2345678": "Ben Okafor", "3456789": "Chen Wei"}


@pytest.fixture(params=[1, 2], ids=["one", "several"])
def chosen(request: pytest.FixtureRequest, context: AppContext) -> list[dict[str, Any]]:
    """The people chosen in the table, as it shows them (with their versions)."""
    for mcp_id, name in PEOPLE.items():
        records.add_record(context.db, RecordKind.PERSON, {"name": name, "mcp_id": mcp_id})
    shown: list[dict[str, Any]] = records.list_records(context.db, RecordKind.PERSON)
    return shown[: request.param]


def _command(
    context: AppContext, chosen: list[dict[str, Any]]
) -> DeleteRecordCommand | DeleteRecordsCommand:
    if len(chosen) == 1:
        return DeleteRecordCommand(context, RecordKind.PERSON, chosen[0], chosen[0]["name"])
    return DeleteRecordsCommand(context, RecordKind.PERSON, chosen, f"{len(chosen)} people")


def _people(context: AppContext) -> list[dict[str, Any]]:
    return records.list_records(context.db, RecordKind.PERSON)


def test_delete_undo_redo_and_undo_again(context: AppContext, chosen: list[dict[str, Any]]) -> None:
    everyone = _people(context)
    left = everyone[len(chosen) :]
    command = _command(context, chosen)
    heard: list[object] = []
    context.changeApplied.connect(heard.append)
    context.undo_stack.push(command)
    assert command.done and _people(context) == left
    context.undo_stack.undo()
    # Put back whole: the same ids, values and versions.
    assert not command.done and _people(context) == everyone
    context.undo_stack.redo()
    # Deleted again, though the rows were put back since they were shown.
    assert command.done and _people(context) == left
    context.undo_stack.undo()
    assert _people(context) == everyone
    assert len(heard) == 4  # each step told once, however many records
    assert context.undo_stack.count() == 1


def test_redo_is_refused_when_a_row_changed_after_undo(
    context: AppContext, chosen: list[dict[str, Any]]
) -> None:
    command = _command(context, chosen)
    context.undo_stack.push(command)
    context.undo_stack.undo()
    last = chosen[-1]["id"]
    records.update_record(context.db, RecordKind.PERSON, last, {"name": "Renamed Elsewhere"})
    said: list[str] = []
    context.errorShown.connect(said.append)
    context.undo_stack.redo()
    # Nothing deleted, the command gone from the stack, the change named.
    assert not command.done
    assert len(_people(context)) == len(PEOPLE)
    assert context.undo_stack.count() == 0
    assert said and "changed since it was shown" in said[-1]


def test_undo_is_refused_when_another_row_took_the_id(
    context: AppContext, chosen: list[dict[str, Any]]
) -> None:
    command = _command(context, chosen)
    context.undo_stack.push(command)
    first = chosen[0]
    # A load from elsewhere put another person where the first one was.
    with context.db.session() as session:
        session.execute(
            records.SPECS[RecordKind.PERSON].model.__table__.insert(),
            [{**first, "name": "Someone Else", "mcp_id": "9999999"}],
        )
    said: list[str] = []
    context.errorShown.connect(said.append)
    context.undo_stack.undo()
    assert command.done  # still deleted: nothing was put back
    assert [person["name"] for person in _people(context) if person["id"] == first["id"]] == [
        "Someone Else"
    ]
    assert said and "taken this one's place" in said[-1]
