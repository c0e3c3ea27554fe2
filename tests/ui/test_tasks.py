"""The one helper for slow work off the GUI thread: progress, cancel, result and error."""

from __future__ import annotations

import threading
from collections.abc import Callable

import pytest
from pytestqt.qtbot import QtBot
from shiboken6 import isValid

from mpn_desktop.errors import ValidationError
from mpn_desktop.ui.tasks import Task

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
