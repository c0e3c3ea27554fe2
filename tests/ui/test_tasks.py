"""The one helper for slow work off the GUI thread: progress, cancel, result and error."""

from __future__ import annotations

import threading
from collections.abc import Callable

import pytest
from pytestqt.qtbot import QtBot
from shiboken6 import isValid

from mpn_desktop.errors import MpnError, StoreError, ValidationError
from mpn_desktop.ui.tasks import Task, let_go, take_outcome

Progress = Callable[[float], None]
Cancelled = Callable[[], bool]


def _run(qtbot: QtBot, task: Task) -> Task:
    with qtbot.waitSignal(task.done, timeout=10_000):
        task.start()
    task.wait()
    assert not task.running
    return task


def test_the_result_and_the_progress_reach_the_gui_thread(qtbot: QtBot) -> None:
    threads: list[str] = []

    def work(progress: Progress, _cancelled: Cancelled) -> int:
        threads.append(threading.current_thread().name)
        progress(0.5)
        progress(1.0)
        return 42

    task = Task(work, name="work")
    seen: list[float] = []
    task.progressed.connect(seen.append)
    _run(qtbot, task)
    qtbot.waitUntil(lambda: seen == [0.5, 1.0], timeout=10_000)
    assert task.result == 42 and task.failure is None and task.error == ""
    assert threads == ["work"], "ran on its own thread"


def test_cancel_is_seen_by_the_work_and_told_from_a_failure(qtbot: QtBot) -> None:
    started = threading.Event()

    def work(_progress: Progress, cancelled: Cancelled) -> None:
        started.set()
        while not cancelled():
            threading.Event().wait(0.001)
        raise ValidationError("stopped: nothing was written")

    task = Task(work)
    with qtbot.waitSignal(task.done, timeout=10_000):
        task.start()
        assert started.wait(10)
        task.cancel()
    assert task.cancelled and task.result is None
    assert task.error == "stopped: nothing was written"


def test_our_own_error_is_the_message(qtbot: QtBot) -> None:
    def work(_progress: Progress, _cancelled: Cancelled) -> None:
        raise ValidationError("people.csv, line 3: not a date")

    task = _run(qtbot, Task(work))
    assert isinstance(task.failure, ValidationError)
    assert task.error == "people.csv, line 3: not a date" and not task.cancelled


@pytest.mark.expect_logged_errors
def test_any_other_failure_becomes_the_given_message_and_is_logged(
    qtbot: QtBot, caplog: pytest.LogCaptureFixture
) -> None:
    def work(_progress: Progress, _cancelled: Cancelled) -> None:
        raise KeyError("a bug")

    task = _run(qtbot, Task(work, name="import", unexpected="Something went wrong."))
    assert task.error == "Something went wrong."
    assert isinstance(task.failure, KeyError)
    assert "import failed" in caplog.text


def test_without_a_message_another_failure_is_left_to_the_owner(qtbot: QtBot) -> None:
    def work(_progress: Progress, _cancelled: Cancelled) -> None:
        raise KeyError("a bug")

    task = _run(qtbot, Task(work))
    assert isinstance(task.failure, KeyError) and task.error == ""


def test_a_task_deleted_with_its_owner_ends_quietly(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtCore import QObject

    raised: list[BaseException | None] = []
    monkeypatch.setattr(threading, "excepthook", lambda args: raised.append(args.exc_value))
    release = threading.Event()
    owner = QObject()
    task = Task(lambda _progress, _cancelled: release.wait(10), owner, name="orphaned")
    task.start()
    thread = next(item for item in threading.enumerate() if item.name == "orphaned")
    owner.deleteLater()  # the window closed while the table was read
    qtbot.waitUntil(lambda: not isValid(task))
    release.set()
    thread.join(10)
    assert not thread.is_alive()
    assert raised == []


class _Taken:
    """What ``take_outcome`` handed on: results used, errors shown."""

    def __init__(self) -> None:
        self.used: list[object] = []
        self.shown: list[MpnError] = []

    def use(self, result: object) -> None:
        self.used.append(result)

    def show(self, error: MpnError) -> None:
        self.shown.append(error)


def _ended(qtbot: QtBot, work: Callable[[], object]) -> Task:
    return _run(qtbot, Task(lambda _progress, _cancelled: work(), name="outcome"))


def test_the_outcome_hands_on_the_result_and_shows_nothing(qtbot: QtBot) -> None:
    task, taken = _ended(qtbot, lambda: [1, 2]), _Taken()
    take_outcome(task, taken.use, taken.show)
    assert taken.used == [[1, 2]] and taken.shown == [] and task.handled


def test_our_own_error_is_shown_with_where_it_happened_and_nothing_used(qtbot: QtBot) -> None:
    def refused() -> None:
        raise StoreError("tracker.sqlite3: the file is damaged")

    task, taken = _ended(qtbot, refused), _Taken()
    take_outcome(task, taken.use, taken.show)  # nothing raised: the user is told
    assert [str(error) for error in taken.shown] == ["tracker.sqlite3: the file is damaged"]
    assert taken.used == []


@pytest.mark.parametrize("bug", [KeyError("a bug"), TypeError("a bug"), RuntimeError("a bug")])
def test_a_bug_is_raised_for_the_crash_handler_never_shown_as_the_users_error(
    qtbot: QtBot, bug: Exception
) -> None:
    def broken() -> None:
        raise bug

    task, taken = _ended(qtbot, broken), _Taken()
    with pytest.raises(type(bug)) as raised:
        take_outcome(task, taken.use, taken.show)
    assert raised.value is bug
    assert taken.shown == [] and taken.used == []


def test_our_own_error_with_nobody_to_show_it_is_raised(qtbot: QtBot) -> None:
    def refused() -> None:
        raise ValidationError("people.csv, line 3: not a date")

    task, taken = _ended(qtbot, refused), _Taken()
    with pytest.raises(ValidationError):
        take_outcome(task, taken.use)
    assert taken.used == []


def test_a_bug_in_a_slot_reaches_the_crash_handler(qtbot: QtBot) -> None:
    """As the window's owners take it: in the slot ``done`` calls, on the GUI thread, where
    an exception raised goes to ``sys.excepthook`` (the crash handler)."""

    def broken() -> None:
        raise KeyError("a bug")

    task, taken = Task(lambda _progress, _cancelled: broken(), name="outcome"), _Taken()
    task.done.connect(lambda: take_outcome(task, taken.use, taken.show))
    with qtbot.capture_exceptions() as exceptions, qtbot.waitSignal(task.done, timeout=10_000):
        task.start()
    qtbot.waitUntil(lambda: len(exceptions) == 1, timeout=10_000)
    assert isinstance(exceptions[0][1], KeyError) and taken.shown == []


def test_a_task_let_go_is_deleted_on_the_gui_thread_and_kept_until_then(qtbot: QtBot) -> None:
    task = _ended(qtbot, lambda: "read")
    deleted_on: list[str] = []
    task.destroyed.connect(lambda: deleted_on.append(threading.current_thread().name))
    let_go(task)
    let_go(task)  # twice: still deleted once, on this thread
    del task  # the owner's reference gone: the task is kept for the event loop to delete
    assert deleted_on == []
    qtbot.waitUntil(lambda: deleted_on != [], timeout=10_000)
    assert deleted_on == [threading.main_thread().name]
