"""After an edit on a day of the Solutions Partner program, the designations shown are those a
fresh evaluation of the reloaded database gives; an edit of what no score reads (a customer
reference) hands back the very scores, and their cards are not drawn again."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from dataclasses import fields
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path
from types import SimpleNamespace
from typing import Any, cast

import pytest
from pytestqt.qtbot import QtBot

from mpn_desktop.domain.catalog import Catalog
from mpn_desktop.domain.dates import Month
from mpn_desktop.domain.facts import Facts
from mpn_desktop.domain.requirement_tree import RequirementTree
from mpn_desktop.programs import shipped_scored_catalogs
from mpn_desktop.store import records
from mpn_desktop.store.changes import RecordKind
from mpn_desktop.store.database import Database
from mpn_desktop.store.sample import load_sample
from mpn_desktop.ui import designation_day, progress_source
from mpn_desktop.ui.context import AppContext
from mpn_desktop.ui.designation_card import DesignationCard
from mpn_desktop.ui.progress_source import ProgressSource
from mpn_desktop.ui.undo_commands import EditRecordCommand

DAY = date(2023, 8, 15)
"""A day of the 2023-06 catalogue (the sample's designations scored)."""


def _context(path: Path, catalog: Catalog, day: date = DAY) -> AppContext:
    db = Database.open(f"sqlite:///{path}")
    return AppContext(db, catalog, as_of=day, scored_catalogs=shipped_scored_catalogs())


@pytest.fixture
def edited(tmp_path: Path, catalog: Catalog, qapp: Any) -> Iterator[AppContext]:
    """A context on the sample dated around ``DAY``, in a file (closed afterwards)."""
    context = _context(tmp_path / "tracker.sqlite3", catalog)
    load_sample(context.db, DAY)
    yield context
    context.db.close()


@pytest.fixture
def kept_source(edited: AppContext) -> ProgressSource:
    """A progress source on ``edited`` kept until the test's last events are handled (its
    worker's task is deleted then, as its child)."""
    return ProgressSource(edited)


def _fresh_scores(context: AppContext) -> RequirementTree | None:
    """The designations of a fresh start on the database as it is now (opened again), on the
    context's day."""
    url = context.db.engine.url
    assert url.database is not None
    fresh = _context(Path(url.database), context.catalog, context.as_of)
    try:
        source = ProgressSource(fresh)
        source.refresh_now()
        return source.designations
    finally:
        fresh.db.close()


def _row(context: AppContext, kind: RecordKind, **match: Any) -> dict[str, Any]:
    return next(
        row
        for row in records.list_records(context.db, kind)
        if all(row[name] == value for name, value in match.items())
    )


def _edit(context: AppContext, kind: RecordKind, row: dict[str, Any], **values: Any) -> None:
    context.undo_stack.push(EditRecordCommand(context, kind, row["id"], values, kind.value))


def _usage(context: AppContext) -> None:
    sub = _row(context, RecordKind.SUBSCRIPTION, external_id="sub-fabrikam-azure")
    row = _row(context, RecordKind.USAGE, subscription_id=sub["id"], month=Month(2023, 7))
    _edit(context, RecordKind.USAGE, row, consumption_usd=row["consumption_usd"] + Decimal(5000))


def _exam(context: AppContext) -> None:
    row = _row(context, RecordKind.EXAM, exam_code="AZ-700")
    _edit(context, RecordKind.EXAM, row, passed_on=DAY + timedelta(days=200))  # not held yet


def _subscription(context: AppContext) -> None:
    row = _row(context, RecordKind.SUBSCRIPTION, external_id="sub-fabrikam-azure")
    _edit(context, RecordKind.SUBSCRIPTION, row, trial=True)


def _person(context: AppContext) -> None:
    row = _row(context, RecordKind.PERSON, name="Hana Sato")
    _edit(context, RecordKind.PERSON, row, left_on=date(2023, 1, 1))


SCORED_EDITS = {"usage": _usage, "exam": _exam, "subscription": _subscription, "person": _person}
"""Edits of what the designations read, each changing the sample's scores on ``DAY``."""


@pytest.mark.parametrize("name", list(SCORED_EDITS))
def test_an_edit_shows_the_scores_of_a_fresh_evaluation_and_undo_the_first_again(
    edited: AppContext, name: str
) -> None:
    source = ProgressSource(edited)
    source.refresh_now()
    first = source.designations
    assert first is not None
    SCORED_EDITS[name](edited)
    source.refresh_now()
    after = source.designations
    assert after != first, "the edit changes the scores"
    assert after == _fresh_scores(edited)
    edited.undo_stack.undo()
    source.refresh_now()
    assert source.designations == first


def test_a_reference_edit_hands_back_the_very_scores_a_fresh_evaluation_gives(
    edited: AppContext, monkeypatch: pytest.MonkeyPatch
) -> None:
    source = ProgressSource(edited)
    source.refresh_now()
    first, progress = source.designations, source.progress
    scored: list[date | None] = []
    real = designation_day.designation_tree_on

    def counted(context: AppContext, facts: Facts, as_of: date | None = None) -> Any:
        scored.append(as_of)
        return real(context, facts, as_of)

    monkeypatch.setattr(designation_day, "designation_tree_on", counted)
    row = records.list_records(edited.db, RecordKind.REFERENCE)[0]
    declined = "approved" if row["status"].value == "declined" else "declined"
    _edit(edited, RecordKind.REFERENCE, row, status=type(row["status"])(declined))
    source.refresh_now()
    assert source.progress != progress, "the competencies count the reference"
    assert source.designations is first and scored == []
    # Another day is scored for itself.
    edited.set_as_of(DAY + timedelta(days=1))
    source.refresh_now()
    assert scored == [DAY + timedelta(days=1)]
    edited.set_as_of(DAY)
    assert first == _fresh_scores(edited)


_FIELDS = tuple(f.name for f in fields(Facts))


@pytest.mark.parametrize("name", _FIELDS)
def test_the_kept_scores_are_handed_back_only_while_every_field_read_is_the_same(
    monkeypatch: pytest.MonkeyPatch, name: str
) -> None:
    made: list[object] = []

    def scored(_context: AppContext, _facts: Facts, as_of: date | None = None) -> Any:
        made.append(object())
        return made[-1]

    monkeypatch.setattr(designation_day, "designation_tree_on", scored)
    scores = designation_day.DayScores(cast(AppContext, None))
    facts = {field: object() for field in _FIELDS}
    first = scores.tree_on(cast(Facts, SimpleNamespace(**facts)), DAY)
    assert scores.tree_on(cast(Facts, SimpleNamespace(**facts)), DAY) is first
    changed = scores.tree_on(cast(Facts, SimpleNamespace(**{**facts, name: object()})), DAY)
    if name in ("references", "kept"):
        assert changed is first and len(made) == 1
    else:
        assert changed is not first and len(made) == 2
    assert (
        scores.tree_on(cast(Facts, SimpleNamespace(**facts)), DAY + timedelta(days=1)) is made[-1]
    )
    assert len(made) == (2 if changed is first else 3)


def test_a_card_given_the_node_it_shows_is_not_drawn_again_until_the_palette_changes(
    qtbot: QtBot, edited: AppContext
) -> None:
    source = ProgressSource(edited)
    source.refresh_now()
    assert source.designations is not None
    node = source.designations.requirements[0]
    card = DesignationCard()
    qtbot.addWidget(card)
    card.show_designation(node)
    drawn = card.score.text()
    card.score.setText("not drawn again")
    card.show_designation(node)
    assert card.score.text() == "not drawn again"
    palette = card.palette()
    palette.setColor(palette.ColorRole.WindowText, palette.color(palette.ColorRole.Base))
    card.setPalette(palette)
    card.show_designation(node)
    assert card.score.text() == drawn


@pytest.mark.parametrize("day", [DAY, date(2018, 3, 15)], ids=["designations", "2018"])
def test_after_an_edit_a_designations_day_is_evaluated_on_the_worker_a_2018_day_here(
    qtbot: QtBot,
    edited: AppContext,
    kept_source: ProgressSource,
    monkeypatch: pytest.MonkeyPatch,
    day: date,
) -> None:
    """Scoring the designations again took 20-40 ms of the GUI thread after each edit on a
    large organisation; the competencies alone stay on it (the quickest way to the panel)."""
    edited.set_as_of(day)
    monkeypatch.setattr(progress_source, "SLOW_SECONDS", 60.0)  # none moves it for being slow
    source = kept_source
    source.refresh_now()
    assert not source.background
    threads: list[threading.Thread] = []
    real = designation_day.designation_tree_on

    def watched(context: AppContext, facts: Facts, as_of: date | None = None) -> Any:
        threads.append(threading.current_thread())
        return real(context, facts, as_of)

    monkeypatch.setattr(designation_day, "designation_tree_on", watched)
    with qtbot.waitSignal(source.evaluated, timeout=30_000):
        _usage(edited)
    source.wait_for_worker()
    on_worker = day == DAY
    assert [t is not threading.main_thread() for t in threads] == [on_worker]
    assert source.designations == _fresh_scores(edited)
    assert (source.designations is not None) == on_worker
