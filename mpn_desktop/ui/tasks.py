"""Slow work off the GUI thread, with progress, cancel, result and error: one helper for all.

The work is a plain function of the layers below (an import step, an
evaluation) given ``progress(fraction)`` and ``cancelled() -> bool``; it
runs on a thread of its own and its outcome is kept on the task, so a caller
that must stop at once can cancel, ``wait`` and still learn whether the work
had already committed. ``progressed`` and ``done`` reach the GUI thread as
queued signals; whoever takes the outcome sets ``handled``, so it is taken once.

On the GUI thread, the owner of a task that ended hands it to ``take_outcome``
(the result used, the program's own error shown, a bug raised) and ``let_go``
(deleted there, never on its worker).
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Signal

from mpn_desktop.errors import MpnError

log = logging.getLogger(__name__)

_RUNNING: set[threading.Event] = set()
"""The end events of the tasks started and not yet ended (guarded by ``_RUNNING_LOCK``)."""
_RUNNING_LOCK = threading.Lock()

_LETTING_GO: set[Task] = set()
"""Tasks ``let_go`` handed to the event loop for deletion, kept until it deletes them."""


def wait_for_running() -> None:
    """Blocks until every task started so far has ended: before the database they may read
    closes (another one is opened), so that none reads a closed connection."""
    with _RUNNING_LOCK:
        running = list(_RUNNING)
    for ended in running:
        ended.wait()


Work = Callable[[Callable[[float], None], Callable[[], bool]], Any]
"""A function given ``progress(fraction)`` and ``cancelled() -> bool``; returns the result."""


class Task(QObject):
    """Runs ``work`` on a thread of its own; ``done`` is emitted (on the GUI thread) when it ends.

    After ``done``: ``result`` holds what the work returned, or ``failure``
    the exception it raised. ``error`` is the message for the user: the
    program's own error's text, or ``unexpected`` for any other exception
    (logged; without ``unexpected`` the owner decides, e.g. raises it as a
    bug). ``cancelled`` tells a cancel asked for from a failure.
    """

    progressed = Signal(float)
    """How far the work is, from 0 to 1."""

    done = Signal()
    """The work ended: see ``result``, ``failure``, ``error`` and ``cancelled``."""

    def __init__(
        self,
        work: Work,
        parent: QObject | None = None,
        *,
        name: str = "task",
        unexpected: str | None = None,
    ) -> None:
        super().__init__(parent)
        self._work = work
        self._unexpected = unexpected
        self._cancel = threading.Event()
        self._thread = threading.Thread(target=self._run, name=name, daemon=True)
        self._ended = threading.Event()
        self.result: Any = None
        self.failure: BaseException | None = None
        self.error = ""
        self.cancelled = False
        self.handled = False
        """Set by whoever took the outcome, so that it is taken once."""

    def start(self) -> None:
        """Starts the work on its thread."""
        with _RUNNING_LOCK:
            _RUNNING.add(self._ended)
        self._thread.start()

    @property
    def running(self) -> bool:
        """Whether the work has started and not yet ended (false by the time ``done`` arrives)."""
        return self._thread.ident is not None and not self._ended.is_set()

    @property
    def finished(self) -> bool:
        """Whether the work has ended: its outcome is there to take."""
        return self._ended.is_set()

    def cancel(self) -> None:
        """Asks the work to stop at its next check (it writes nothing then)."""
        self._cancel.set()

    def cancel_requested(self) -> bool:
        """Whether ``cancel`` was called (the work's ``cancelled`` check)."""
        return self._cancel.is_set()

    def wait(self) -> None:
        """Blocks until the work has ended (or at once when it never started)."""
        if self._thread.ident is not None:
            self._ended.wait()

    def _run(self) -> None:
        try:
            self.result = self._work(self.progressed.emit, self._cancel.is_set)
        except MpnError as error:
            self.failure, self.error = error, str(error)
            self.cancelled = self._cancel.is_set()
        except Exception as error:  # kept for the owner: a message, or raised as a bug
            self.failure = error
            if self._unexpected is not None:
                log.exception("%s failed", self._thread.name)
                self.error = self._unexpected
        finally:
            self._ended.set()
            with _RUNNING_LOCK:
                _RUNNING.discard(self._ended)
            try:
                self.done.emit()
            except RuntimeError:
                # Deleted with its owner meanwhile (a window closed while its table was
                # read): nobody is left to take the outcome.
                log.debug("%s ended after its owner was deleted", self._thread.name)


def take_outcome(
    task: Task,
    use: Callable[[Any], object],
    show: Callable[[MpnError], object] | None = None,
) -> None:
    """On the GUI thread once ``task`` is done: its result to ``use``; the program's own error
    (an ``MpnError``, whose message says what was wrong and where) to ``show``, which tells
    the user; any other exception raised again here, where the crash handler reports it (a
    bug, not the user's doing), as is an ``MpnError`` when there is no ``show``."""
    task.handled = True
    failure = task.failure
    if failure is None:
        use(task.result)
    elif show is not None and isinstance(failure, MpnError):
        show(failure)
    else:
        raise failure


def let_go(task: Task) -> None:
    """On the GUI thread once ``task`` is done, whether its outcome is taken or not (a newer
    one was asked for): deletes it there at the event loop's next turn, and keeps it until
    then. Its worker may still hold a reference as ``done`` arrives; a task without a
    parent is deleted with its last one, which must not go on the worker (a Qt object
    freed on another thread crashes the program)."""
    _LETTING_GO.add(task)
    task.destroyed.connect(lambda: _LETTING_GO.discard(task))
    task.deleteLater()
