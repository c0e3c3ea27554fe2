"""The progress source re-reads only what an edit touched, and ends with a full load's figures."""

from __future__ import annotations

import threading
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from mpn_desktop.domain.evaluate import evaluate
from mpn_desktop.domain.performance import usage_window_start
from mpn_desktop.domain.progress import Progress
from mpn_desktop.store import facts_loader, facts_rows, records
from mpn_desktop.store.changes import Change, RecordKind
from mpn_desktop.store.database import Database
from mpn_desktop.store.facts_loader import load_facts
from mpn_desktop.store.sample import load_sample
from mpn_desktop.ui.context import AppContext
from mpn_desktop.ui.progress_source import ProgressSource
from mpn_desktop.ui.undo_commands import DeleteRecordCommand, EditRecordCommand


class _Reads:
    """Counts the full loads and notes the kinds of each table reload and the records of each
    row-by-row update, with the thread each ran on."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.full = 0
        self.reloads: list[frozenset[RecordKind]] = []
        self.rows: list[list[tuple[RecordKind, tuple[int, ...]]]] = []
        self.threads: list[threading.Thread] = []
        real_load = facts_loader.load_indexed_facts
        real_reload = facts_loader.reload_indexed_facts
        real_rows = facts_rows.apply_rows

        def load(*args: Any, **kwargs: Any) -> Any:
            self.full += 1
            self.threads.append(threading.current_thread())
            return real_load(*args, **kwargs)

        def reload(db: Database, previous: Any, kinds: Any, **kwargs: Any) -> Any:
            self.reloads.append(kinds)
            self.threads.append(threading.current_thread())
            return real_reload(db, previous, kinds, **kwargs)

        def rows(db: Database, previous: Any, changed: Any) -> Any:
            self.rows.append(list(changed))
            self.threads.append(threading.current_thread())
            return real_rows(db, previous, changed)

        # The progress source reads through the modules (imported there when first used).
        monkeypatch.setattr(facts_loader, "load_indexed_facts", load)
        monkeypatch.setattr(facts_loader, "reload_indexed_facts", reload)
        monkeypatch.setattr(facts_rows, "apply_rows", rows)


def _as_a_full_load(context: AppContext) -> Progress:
    """The progress evaluated from every fact in the database, as a fresh start would."""
    return evaluate(context.catalog, load_facts(context.db), context.as_of)


def _first(context: AppContext, kind: RecordKind) -> dict[str, Any]:
    return records.list_records(context.db, kind)[0]


def _edit(context: AppContext, kind: RecordKind, values: dict[str, Any]) -> None:
    row = _first(context, kind)
    context.undo_stack.push(EditRecordCommand(context, kind, row["id"], values, kind.value))


@pytest.fixture
def source(qtbot: QtBot, sample_context: AppContext) -> ProgressSource:
    made = ProgressSource(sample_context)
    made.refresh_now()
    return made


def test_a_reference_edit_rereads_that_reference_only_and_undo_restores(
    monkeypatch: pytest.MonkeyPatch, sample_context: AppContext, source: ProgressSource
) -> None:
    first = source.progress
    reads = _Reads(monkeypatch)
    reference = _first(sample_context, RecordKind.REFERENCE)["id"]
    _edit(sample_context, RecordKind.REFERENCE, {"status": "declined"})
    progress = source.refresh_now()
    assert progress == _as_a_full_load(sample_context)
    assert progress != first, "declining a reference shows"
    assert reads.full == 0 and reads.reloads == []
    assert reads.rows == [[(RecordKind.REFERENCE, (reference,))]]
    sample_context.undo_stack.undo()
    assert source.refresh_now() == first
    sample_context.undo_stack.redo()
    assert source.refresh_now() == progress
    assert reads.full == 0 and reads.reloads == [] and len(reads.rows) == 3


def test_a_customer_rename_and_a_person_delete_fold_into_one_reload(
    monkeypatch: pytest.MonkeyPatch, sample_context: AppContext, source: ProgressSource
) -> None:
    reads = _Reads(monkeypatch)
    _edit(sample_context, RecordKind.CUSTOMER, {"name": "Renamed Traders"})
    person = _first(sample_context, RecordKind.PERSON)
    sample_context.undo_stack.push(
        DeleteRecordCommand(sample_context, RecordKind.PERSON, person["id"], "person")
    )
    assert source.refresh_now() == _as_a_full_load(sample_context)
    assert reads.full == 0
    assert reads.reloads == [{RecordKind.CUSTOMER, RecordKind.PERSON, RecordKind.EXAM}]
    # Undone both: the figures of the start, again without a full load.
    sample_context.undo_stack.undo()
    sample_context.undo_stack.undo()
    assert source.refresh_now() == _as_a_full_load(sample_context)
    assert reads.full == 0


def test_on_the_worker_thread_an_edit_is_reloaded_there(
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
    sample_context: AppContext,
    source: ProgressSource,
) -> None:
    reads = _Reads(monkeypatch)
    source.background = True
    with qtbot.waitSignal(source.progressChanged, timeout=10000) as got:
        _edit(sample_context, RecordKind.EXAM, {"exam_code": "70-535"})
    qtbot.waitUntil(lambda: not source.busy)
    assert got.args[0] == _as_a_full_load(sample_context)
    assert reads.full == 0 and reads.reloads == []
    assert [kind for kind, _ids in reads.rows[0]] == [RecordKind.EXAM]
    assert reads.threads and threading.main_thread() not in reads.threads
    # The worker's facts are kept: the next edit builds on them.
    with qtbot.waitSignal(source.progressChanged, timeout=10000) as again:
        _edit(sample_context, RecordKind.FEE_PAYMENT, {"amount_usd": "1"})
    qtbot.waitUntil(lambda: not source.busy)
    assert again.args[0] == _as_a_full_load(sample_context)
    assert reads.full == 0 and reads.reloads == []
    assert [kind for kind, _ids in reads.rows[-1]] == [RecordKind.FEE_PAYMENT]


def test_a_refresh_after_writes_behind_its_back_reads_everything_again(
    monkeypatch: pytest.MonkeyPatch, sample_context: AppContext, source: ProgressSource
) -> None:
    first = source.progress
    # Another program wrote to the file: no Change said what; Refresh says "everything".
    reference = _first(sample_context, RecordKind.REFERENCE)
    records.update_record(
        sample_context.db, RecordKind.REFERENCE, reference["id"], {"status": "declined"}
    )
    assert source.refresh_now() == first, "nothing announced: the kept facts are used"
    sample_context.announce(Change.everything("Refresh"))
    progress = source.refresh_now()
    assert progress == _as_a_full_load(sample_context) and progress != first


def test_another_database_is_loaded_in_full(
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    sample_context: AppContext,
    source: ProgressSource,
) -> None:
    other = Database.open(f"sqlite:///{tmp_path / 'other.sqlite3'}")
    load_sample(other, sample_context.as_of - timedelta(days=400))
    reads = _Reads(monkeypatch)
    try:
        sample_context.set_database(other, Change.everything("Open"))
        assert source.refresh_now() == _as_a_full_load(sample_context)
        assert reads.full == 1 and reads.reloads == []
    finally:
        other.close()


def test_an_earlier_as_of_day_rereads_usage_with_the_older_months(
    monkeypatch: pytest.MonkeyPatch, sample_context: AppContext, source: ProgressSource
) -> None:
    reads = _Reads(monkeypatch)
    sample_context.set_as_of(sample_context.as_of - timedelta(days=90))
    assert source.refresh_now() == evaluate(
        sample_context.catalog, load_facts(sample_context.db), sample_context.as_of
    )
    assert reads.full == 0 and reads.reloads == [frozenset()]
    # A later day needs no earlier months than those kept: nothing is read.
    sample_context.set_as_of(sample_context.as_of + timedelta(days=30))
    assert source.refresh_now() == _as_a_full_load(sample_context)
    assert len(reads.reloads) == 1


EDITS: dict[RecordKind, dict[str, Any]] = {
    RecordKind.CUSTOMER: {"name": "Renamed Traders"},
    RecordKind.SUBSCRIPTION: {"external_id": "sub-renamed", "trial": True},
    RecordKind.USAGE: {"consumption_usd": "98765.43", "active_users": 77},
    RecordKind.PERSON: {"mcp_id": "9999999", "associated": False},
    RecordKind.EXAM: {"exam_code": "70-535", "passed_on": "2018-01-09"},
    RecordKind.REFERENCE: {"status": "declined", "contact": "Someone Else"},
    RecordKind.FEE_PAYMENT: {"amount_usd": "1.00", "paid_on": "2017-05-05"},
}
"""An edit per kind with rows of its own that changes what its facts say."""


def _kept_as_loaded(context: AppContext, source: ProgressSource) -> Progress:
    """Evaluates at once; checks the kept facts and the progress against a full load."""
    progress = source.refresh_now()
    assert progress is not None
    window = usage_window_start(context.as_of)
    assert source.facts == load_facts(context.db, usage_from=window)
    assert progress == _as_a_full_load(context)
    return progress


@pytest.mark.parametrize("kind", list(EDITS), ids=lambda kind: kind.value)
def test_an_edit_its_undo_and_redo_of_each_kind_are_read_row_by_row_as_a_full_load(
    monkeypatch: pytest.MonkeyPatch,
    sample_context: AppContext,
    source: ProgressSource,
    kind: RecordKind,
) -> None:
    reads = _Reads(monkeypatch)
    first = source.progress
    _edit(sample_context, kind, EDITS[kind])
    edited = _kept_as_loaded(sample_context, source)
    sample_context.undo_stack.undo()
    assert _kept_as_loaded(sample_context, source) == first
    sample_context.undo_stack.redo()
    assert _kept_as_loaded(sample_context, source) == edited
    assert reads.full == 0 and reads.reloads == [] and len(reads.rows) == 3


def test_an_import_its_undo_and_redo_end_as_a_full_load(
    tmp_path: Path, sample_context: AppContext, source: ProgressSource
) -> None:
    from mpn_desktop.importers.catalog_lookup import CatalogLookup
    from mpn_desktop.importers.importing import run_import
    from mpn_desktop.importers.kinds import ExamImport
    from mpn_desktop.importers.planning import plan_import
    from mpn_desktop.ui.import_run_pages import push_import

    path = tmp_path / "exams.csv"
    path.write_text(
        "mcp_id,name,exam_code,passed_on\n6000001,Dee Ng,70-533,2017-11-25\n"
        "6000002,Eli Ross,70-532,2017-12-02\n",
        encoding="utf-8",
    )
    first = source.progress
    lookup = CatalogLookup(sample_context.catalog)
    settings = plan_import(path).settings
    result = run_import(
        sample_context.db, ExamImport(lookup), path, settings, today=sample_context.as_of
    )
    push_import(sample_context, result)
    imported = _kept_as_loaded(sample_context, source)
    assert any(person.mcp_id == "6000002" for person in source.facts.people)  # type: ignore[union-attr]
    sample_context.undo_stack.undo()
    assert _kept_as_loaded(sample_context, source) == first
    sample_context.undo_stack.redo()
    assert _kept_as_loaded(sample_context, source) == imported


def test_a_change_made_by_another_program_is_read_as_a_full_load(
    qtbot: QtBot, sample_context: AppContext, source: ProgressSource, catalog: Any
) -> None:
    from mpn_desktop.store.outside_changes import outside_changes

    assert sample_context.db.path is not None
    watch = outside_changes(sample_context.db)
    assert watch is not None
    try:
        watch.poll()
        # Two edits in another copy of the program on the same file.
        with Database.open(f"sqlite:///{sample_context.db.path}") as other:
            for kind in (RecordKind.USAGE, RecordKind.REFERENCE):
                row = records.list_records(other, kind)[-1]
                records.update_record(other, kind, row["id"], EDITS[kind])
        change = watch.poll()
        assert change is not None
        before = source.facts
        sample_context.announce(change)
        _kept_as_loaded(sample_context, source)
        assert source.facts != before, "the other program's edits show"
    finally:
        watch.close()
