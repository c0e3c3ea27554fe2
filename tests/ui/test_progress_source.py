"""The progress source: evaluates after each change; off the GUI thread once it is slow."""

from __future__ import annotations

import threading
from decimal import Decimal
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from mpn_desktop.domain.enums import Level, StepKind
from mpn_desktop.domain.evaluate import Evaluator
from mpn_desktop.domain.progress import Progress
from mpn_desktop.store import records
from mpn_desktop.store.changes import RecordKind
from mpn_desktop.ui import progress_source
from mpn_desktop.ui.context import AppContext
from mpn_desktop.ui.progress_source import ProgressSource
from mpn_desktop.ui.undo_commands import EditRecordCommand


def _gold_performance(progress: Progress) -> Decimal:
    level = progress.competency("cloud-platform").level(Level.GOLD)
    return level.option.step(StepKind.PERFORMANCE).have


def _latest_usage(context: AppContext) -> dict[str, object]:
    subscription = next(
        s
        for s in records.list_records(context.db, RecordKind.SUBSCRIPTION)
        if s["external_id"] == "sub-fabrikam-azure"
    )
    return max(
        (
            u
            for u in records.list_records(context.db, RecordKind.USAGE)
            if u["subscription_id"] == subscription["id"]
        ),
        key=lambda u: u["month"],  # type: ignore[arg-type,return-value]
    )


def _edit(context: AppContext, usage: dict[str, object], amount: Decimal) -> None:
    context.undo_stack.push(
        EditRecordCommand(
            context,
            RecordKind.USAGE,
            int(usage["id"]),  # type: ignore[call-overload]
            {"consumption_usd": amount},
            "consumption",
        )
    )


@pytest.fixture
def source(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, sample_context: AppContext
) -> ProgressSource:
    # On a loaded machine the first evaluation can take longer than the real
    # threshold and move to the background before a test has looked; each test
    # starts on the GUI thread and chooses the threshold it is about.
    monkeypatch.setattr(progress_source, "SLOW_SECONDS", 60.0)
    made = ProgressSource(sample_context)
    made.refresh_now()
    return made


def test_a_slow_evaluation_moves_the_next_ones_off_the_gui_thread(
    monkeypatch: pytest.MonkeyPatch, source: ProgressSource
) -> None:
    assert not source.background
    monkeypatch.setattr(progress_source, "SLOW_SECONDS", -1.0)
    source.refresh_now()
    assert source.background


class _WatchedEngine:
    """Wraps the engine (``Evaluator.evaluate``): notes the thread each call runs on;
    ``hold`` keeps a call waiting."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.threads: list[threading.Thread] = []
        self.hold = threading.Event()
        self.hold.set()
        real = Evaluator.evaluate

        def watched(evaluator: Any, *args: Any) -> Progress:
            self.threads.append(threading.current_thread())
            self.hold.wait(10)
            return real(evaluator, *args)

        monkeypatch.setattr(Evaluator, "evaluate", watched)


def test_in_the_background_an_edit_is_evaluated_off_the_gui_thread(
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
    sample_context: AppContext,
    source: ProgressSource,
) -> None:
    assert source.progress is not None
    before = _gold_performance(source.progress)
    usage = _latest_usage(sample_context)
    old = Decimal(str(usage["consumption_usd"]))
    engine = _WatchedEngine(monkeypatch)
    source.background = True
    with qtbot.waitSignal(source.progressChanged, timeout=10000) as got:
        _edit(sample_context, usage, old + 700)
    assert _gold_performance(got.args[0]) == before + 700
    assert source.progress is got.args[0]
    assert engine.threads and threading.main_thread() not in engine.threads


def test_changes_made_while_it_runs_end_in_the_latest_figures_only(
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
    sample_context: AppContext,
    source: ProgressSource,
) -> None:
    assert source.progress is not None
    before = _gold_performance(source.progress)
    usage = _latest_usage(sample_context)
    old = Decimal(str(usage["consumption_usd"]))
    engine = _WatchedEngine(monkeypatch)
    engine.hold.clear()
    source.background = True
    seen: list[Decimal] = []
    source.progressChanged.connect(lambda progress: seen.append(_gold_performance(progress)))
    _edit(sample_context, usage, old + 100)
    qtbot.waitUntil(lambda: len(engine.threads) == 1)  # the first evaluation is under way
    _edit(sample_context, usage, old + 200)
    _edit(sample_context, usage, old + 300)
    engine.hold.set()
    qtbot.waitUntil(lambda: bool(seen) and not source.busy, timeout=10000)
    # The first result was out of date when it came: it was dropped, not shown.
    assert seen == [before + 300]
    assert len(engine.threads) == 2


def test_an_earlier_as_of_day_loads_the_older_usage_it_needs(
    qtbot: QtBot, sample_context: AppContext, source: ProgressSource
) -> None:
    from datetime import timedelta

    from mpn_desktop.domain.evaluate import evaluate
    from mpn_desktop.domain.performance import usage_window_start
    from mpn_desktop.store.facts_loader import load_facts

    first_day = sample_context.as_of
    earlier = first_day - timedelta(days=90)
    catalog, db = sample_context.catalog, sample_context.db
    expected = evaluate(catalog, load_facts(db), earlier)
    stale = evaluate(catalog, load_facts(db, usage_from=usage_window_start(first_day)), earlier)
    assert stale != expected  # the months before the first window matter on that day
    sample_context.set_as_of(earlier)
    progress = source.refresh_now()
    assert progress == expected
