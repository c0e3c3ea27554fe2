"""Keeps the organisation's progress current: loads facts, asks the engine, announces the result.

Changes arriving in one turn of the event loop (an import announces several
kinds, a redo may run two operations) are folded into one evaluation, run
from a zero-delay timer so the edit that caused it returns to the user first.

While an evaluation takes less than ``SLOW_SECONDS`` it runs right there, on
the GUI thread: that is the quickest way to a redrawn panel. Once one takes
longer (a very large organisation), the following ones run on a worker
thread, one at a time; changes made meanwhile are folded into a single
evaluation after it, and a result that no longer matches the database or the
"as of" day is dropped, so the window never waits and never shows stale figures.
On a day whose Solutions Partner designations are scored, every evaluation runs
on the worker (a file or a server): scoring them again after an edit took 20-40
ms of the GUI thread on a large organisation, more than a frame, while the
user typed; the GUI thread only writes the edit and draws the result.

The facts of the last evaluation are kept with the changes since: when each
of them names the records it wrote (an edit, an add, a delete, their undo),
the next evaluation reads just those rows and puts them in place
(``store.facts_rows``); otherwise it re-reads the tables of the kinds changed
(and the ones naming their rows), not the whole organisation; a change of
unknown extent, another database or no facts yet mean a full load.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal

from mpn_desktop.domain.catalog import Catalog
from mpn_desktop.domain.dates import Month
from mpn_desktop.errors import MpnError
from mpn_desktop.lazy_modules import LazyModule
from mpn_desktop.store.changes import Change, RecordKind
from mpn_desktop.store.database import Database
from mpn_desktop.ui.context import AppContext
from mpn_desktop.ui.record_changes import RecordsChange
from mpn_desktop.ui.tasks import Task, let_go, take_outcome

if TYPE_CHECKING:
    from mpn_desktop.domain import designation_score, evaluate, performance
    from mpn_desktop.domain.evaluate import Evaluator
    from mpn_desktop.domain.facts import Facts
    from mpn_desktop.domain.progress import Progress
    from mpn_desktop.domain.requirement_tree import RequirementTree
    from mpn_desktop.store import facts_loader, facts_rows, facts_sqlite
    from mpn_desktop.store.loaded_facts import LoadedFacts
    from mpn_desktop.ui import designation_day
else:
    # With SQLAlchemy: loaded after start-up's first paint (MainWindow.fill), or at first use.
    facts_loader = LazyModule("mpn_desktop.store.facts_loader")
    facts_rows = LazyModule("mpn_desktop.store.facts_rows")
    # The engine and the facts' reader: imported at the first evaluation, after start-up's
    # first paint (a tenth of the time to it went to importing them and their modules).
    designation_day = LazyModule("mpn_desktop.ui.designation_day", after_paint=True)
    designation_score = LazyModule("mpn_desktop.domain.designation_score")
    evaluate = LazyModule("mpn_desktop.domain.evaluate", after_paint=True)
    facts_sqlite = LazyModule("mpn_desktop.store.facts_sqlite", after_paint=True)
    performance = LazyModule("mpn_desktop.domain.performance")

log = logging.getLogger(__name__)

SLOW_SECONDS = 0.05
"""An evaluation slower than this (facts + engine) moves the next ones off the GUI thread."""


Rows = tuple[tuple[RecordKind, tuple[int, ...]], ...]
"""The records changes named, in order: (kind, ids) per change."""


@dataclass(frozen=True)
class _FactsPlan:
    """How to get current facts: a full load, ``previous`` with the ``rows`` changes named
    read again, or ``previous`` with the tables of ``kinds`` read again."""

    usage_from: Month
    previous: LoadedFacts | None = None
    """None: load everything."""
    kinds: frozenset[RecordKind] = frozenset()
    rows: Rows | None = None
    """None: some change did not name its records."""

    @property
    def reuses(self) -> bool:
        """Whether ``previous`` is current as it is (nothing to read)."""
        return (
            self.previous is not None
            and not self.kinds
            and self.usage_from == self.previous.usage_from
        )

    def facts(self, db: Database) -> LoadedFacts:
        """The facts, read from ``db`` as far as needed."""
        previous = self.previous
        if previous is None:
            return facts_sqlite.read_indexed_facts(db, usage_from=self.usage_from)
        if self.reuses:
            return previous
        if self.rows is not None and self.usage_from == previous.usage_from:
            updated = facts_rows.apply_rows(db, previous, self.rows)
            if updated is not None:
                return updated
        return facts_loader.reload_indexed_facts(
            db, previous, self.kinds, usage_from=self.usage_from
        )


@dataclass(frozen=True)
class _Changed:
    """One committed change: its count, the kinds it touched (None: anything) and the
    records it named when those are all it touched and can be read row by row."""

    count: int
    kinds: frozenset[RecordKind] | None
    rows: tuple[RecordKind, tuple[int, ...]] | None


@dataclass(frozen=True)
class _Request:
    """What one evaluation is for; ``generation`` tells a stale result from a current one."""

    generation: int
    changes: int
    db: Database
    catalog: Catalog
    as_of: date
    plan: _FactsPlan
    evaluator: Evaluator
    designations: Callable[[Facts], RequirementTree | None]
    """The day's Solutions Partner scores from the facts (None on a 2017-2018 day)."""


@dataclass(frozen=True)
class _Evaluated:
    """What an evaluation gives back: the facts it used, the ``Progress`` and the day's
    Solutions Partner scores."""

    facts: LoadedFacts
    progress: Progress
    designations: RequirementTree | None


def _evaluate(
    request: _Request, _progress: Callable[[float], None], _cancelled: Callable[[], bool]
) -> _Evaluated:
    """On the worker thread (a ``Task``): loads facts as far as the request says, evaluates
    the competencies and scores the designations (the first scoring of a large
    organisation's day, 50-150 ms, stalled the window when it ran on the GUI thread as the
    result was shown)."""
    facts = request.plan.facts(request.db)
    progress = request.evaluator.evaluate(request.catalog, facts.facts, request.as_of)
    return _Evaluated(facts, progress, request.designations(facts.facts))


class ProgressSource(QObject):
    """Evaluates the open organisation after every committed change and "as of" move."""

    progressChanged = Signal(object)
    """The new ``Progress``."""

    designationsChanged = Signal(object)
    """The Solutions Partner scores of the day as a ``RequirementTree``, or None on a day
    under the 2017-2018 competencies (announced after each ``progressChanged``)."""

    evaluated = Signal()
    """An evaluation ended: its result announced, or why it could not be worked out shown."""

    failed = Signal()
    """An evaluation could not be worked out (why was shown): no result comes for the day."""

    def __init__(self, context: AppContext, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self._facts: LoadedFacts | None = None
        self._facts_db: Database | None = None
        """The database the kept facts were read from."""
        self._changes = 0
        """Counts committed changes; facts loaded at another count are out of date."""
        self._facts_at = -1
        self._changed: list[_Changed] = []
        """The changes after ``_facts_at``, by their count."""
        self._generation = 0
        """Counts requests for an evaluation; only the latest one's result is shown."""
        self._running: _Request | None = None
        self._made_evaluator: Evaluator | None = None
        self._scores: designation_day.DayScores | None = None
        """The day's designation scores, the last kept (made at the first scoring)."""
        self.progress: Progress | None = None
        self.designations: RequirementTree | None = None
        self.background = False
        """Whether evaluations run on the worker thread (set once one was slow)."""
        self._task: Task | None = None
        """The evaluation running off the GUI thread (one at a time)."""
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self._due)
        self._shown: _Evaluated | None = None
        """An evaluation made after a change, announced at the next turn of the event loop."""
        self._show_timer = QTimer(self)
        self._show_timer.setSingleShot(True)
        self._show_timer.setInterval(0)
        self._show_timer.timeout.connect(self._show_evaluated)
        context.changeApplied.connect(self._on_change)
        context.asOfChanged.connect(self._on_as_of)
        context.databaseChanged.connect(self._on_change)

    @property
    def _evaluator(self) -> Evaluator:
        """Evaluates again only the competencies a change of the facts can have changed
        (made at the first evaluation: its module is imported then)."""
        made = self._made_evaluator
        if made is None:
            made = self._made_evaluator = evaluate.Evaluator()
        return made

    @_evaluator.setter
    def _evaluator(self, evaluator: Evaluator) -> None:
        self._made_evaluator = evaluator

    @property
    def facts(self) -> Facts | None:
        """The facts of the last evaluation (for views that show them otherwise, e.g. by month)."""
        return self._facts.facts if self._facts is not None else None

    # -- what asks for an evaluation ----------------------------------------------

    def _on_change(self, what: object) -> None:
        # A Change names the kinds it touched; anything else (another database) may be anything.
        self._changes += 1
        if isinstance(what, Database):
            self._scores = None  # nor kept alive with the database's facts
        kinds = what.kinds if isinstance(what, Change) else None
        rows = None
        # Records named, and nothing else touched (a deleted person's exams are not named).
        if (
            isinstance(what, RecordsChange)
            and what.kind is not None
            and what.kinds == {what.kind}
            and facts_rows.can_apply_rows(what.kind, what.ids)
        ):
            rows = (what.kind, what.ids)
        self._changed.append(_Changed(self._changes, kinds, rows))
        self.schedule()

    def _on_as_of(self, _day: object) -> None:
        # The facts are the same on another day; only the evaluation differs.
        self.schedule()

    def schedule(self) -> None:
        """Asks for a fresh evaluation at the next turn of the event loop."""
        self._generation += 1
        self._timer.start()

    @property
    def busy(self) -> bool:
        """Whether an evaluation is running on the worker thread."""
        return self._running is not None

    def _facts_plan(self) -> _FactsPlan:
        """What to read for the current facts, from the kept ones and the changes since."""
        as_of = self._context.as_of
        start = performance.usage_window_start(as_of)
        if self._context.scores_designations(as_of):
            # The designations compare twelve months with the twelve before, from last month.
            start = min(start, designation_score.usage_start(as_of))
        previous = self._facts
        full = _FactsPlan(start)
        if (
            previous is None
            or previous.usage_from is None
            or self._facts_db is not self._context.db
        ):
            return full
        previous_from = previous.usage_from
        kinds: set[RecordKind] = set()
        rows: list[tuple[RecordKind, tuple[int, ...]]] | None = []
        for changed in self._changed:
            if changed.kinds is None:
                return full
            kinds |= changed.kinds
            if changed.rows is None:
                rows = None
            elif rows is not None:
                rows.append(changed.rows)
        touched = frozenset(kinds)
        # Facts hold usage from one month on: still right for another "as of" day
        # as long as its window starts no earlier, unless usage is read again anyway.
        if previous_from <= start and "usage" not in facts_loader.fields_to_reread(touched):
            start = previous_from
        return _FactsPlan(start, previous, touched, None if rows is None else tuple(rows))

    def _keep(self, facts: LoadedFacts, db: Database, changes: int) -> None:
        """Keeps ``facts``, read from ``db`` after ``changes`` changes, for the next evaluation."""
        self._facts, self._facts_db = facts, db
        self._facts_at = changes
        self._changed = [entry for entry in self._changed if entry.count > changes]

    def _due(self) -> None:
        if self._running is not None:
            return  # _finished asks again, for everything changed meanwhile
        if self._on_worker():
            self._start_worker()
            return
        evaluated = self._evaluate_here()
        if evaluated is not None:
            # Announced (the panel and the tab redrawn) at the next turn of the event
            # loop: a key typed meanwhile is handled between the two halves (each a
            # few ms on the large organisation), not after both.
            self._shown = evaluated
            self._show_timer.start()

    def _on_worker(self) -> bool:
        """Whether the next evaluation runs on the worker thread: once one was slow, and
        on a day of the Solutions Partner program (see the module's docstring)."""
        # A database in memory shares one connection: it is only read on the GUI thread.
        # Files and servers (PostgreSQL) are read by the worker on its own connection.
        if self._context.db.in_memory:
            return False
        return self.background or self._context.scores_designations()

    def _show_evaluated(self) -> None:
        evaluated, self._shown = self._shown, None
        if evaluated is not None:
            self._publish(evaluated)

    # -- on the GUI thread ----------------------------------------------------------

    def refresh_on_worker(self) -> bool:
        """Evaluates on the worker thread, whatever the last evaluation took (the window's
        first: 0.1-0.3 s of facts and engine on the large organisation, which stalled the
        window at the end of its fill); False for a database in memory, which only this
        thread reads (nothing started: ``refresh_now`` then). ``evaluated`` follows."""
        if self._context.db.in_memory:
            return False
        self._timer.stop()
        self._generation += 1
        if self._running is None:
            self._start_worker()
        # else the running one's end sees the generation moved on and evaluates again
        return True

    def refresh_now(self) -> Progress | None:
        """Loads facts when they changed, evaluates on the "as of" day and announces the result."""
        evaluated = self._evaluate_here()
        if evaluated is None:
            return None
        self._publish(evaluated)
        return evaluated.progress

    def _evaluate_here(self) -> _Evaluated | None:
        """Loads facts when they changed, evaluates on the "as of" day and scores its
        designations, on this thread (None after showing why it could not)."""
        self._timer.stop()
        # Newer than an evaluation still to be announced, which is dropped.
        self._show_timer.stop()
        self._shown = None
        started = time.perf_counter()
        try:
            plan = self._facts_plan()
            db = self._context.db
            facts = plan.facts(db)
            if not plan.reuses:
                self._keep(facts, db, self._changes)
            progress = self._evaluator.evaluate(
                self._context.catalog, facts.facts, self._context.as_of
            )
            evaluated = _Evaluated(facts, progress, self._designations_of()(facts.facts))
        except MpnError as error:
            self._unworkable(error)
            return None
        # The designations' scoring counted too: a slow one moves the next off this thread.
        self._note_time(time.perf_counter() - started)
        return evaluated

    def _publish(self, evaluated: _Evaluated) -> None:
        # Both kept before either is announced: a view taking the progress knows whether
        # the day's designations follow (and need not draw the competencies meanwhile).
        self.progress = evaluated.progress
        self.designations = evaluated.designations
        self.progressChanged.emit(evaluated.progress)
        self.designationsChanged.emit(self.designations)
        self.evaluated.emit()

    def _designations_of(self) -> Callable[[Facts], RequirementTree | None]:
        """The day's designation scores from facts, for the "as of" day it is now (read on
        this thread: the worker's scoring is of the day asked for, whatever moves meanwhile); the
        last scores handed back while the facts they read are the same (``DayScores``)."""
        scores = self._scores
        if scores is None:
            scores = self._scores = designation_day.DayScores(self._context)
        return partial(scores.tree_on, as_of=self._context.as_of)

    def _note_time(self, seconds: float) -> None:
        if seconds > SLOW_SECONDS and not self.background:
            log.info("evaluation took %.0f ms: later ones run off the GUI thread", seconds * 1000)
            self.background = True

    # -- on the worker thread -------------------------------------------------------

    def _start_worker(self) -> None:
        context = self._context
        request = _Request(
            self._generation,
            self._changes,
            context.db,
            context.catalog,
            context.as_of,
            self._facts_plan(),
            self._evaluator,
            self._designations_of(),
        )
        self._running = request
        task = Task(partial(_evaluate, request), self, name="evaluate")
        task.done.connect(lambda: self._finished(request, task))
        self._task = task
        task.start()

    def _finished(self, request: _Request, task: Task) -> None:
        self._running = None
        if self._task is task:
            self._task = None
        let_go(task)
        evaluated = task.result if isinstance(task.result, _Evaluated) else None
        # The worker read the database after ``request.changes`` changes (maybe after
        # more, which the changes kept since then re-read): newer than what is kept.
        if evaluated is not None and not request.plan.reuses and request.changes >= self._facts_at:
            self._keep(evaluated.facts, request.db, request.changes)
        if request.generation != self._generation:
            self._timer.start()  # asked again meanwhile: evaluate once more, for the latest
            return
        take_outcome(task, lambda _result: self._publish_evaluated(evaluated), self._unworkable)

    def _publish_evaluated(self, evaluated: _Evaluated | None) -> None:
        if evaluated is not None:
            self._publish(evaluated)

    def _unworkable(self, error: MpnError) -> None:
        """Shows why the day's status could not be worked out; no result comes for it."""
        self._context.show_error(str(error), failure=self.tr("The status could not be worked out."))
        self.failed.emit()
        self.evaluated.emit()

    def wait_for_worker(self) -> None:
        """Blocks until the worker is idle (before the database closes)."""
        if self._task is not None:
            self._task.wait()
