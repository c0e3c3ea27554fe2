"""The import's pause of the garbage collector ends with the collector as it was."""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator

import pytest

from mpn_desktop.store.collector import collector_paused


@pytest.fixture(autouse=True)
def collector_on() -> Iterator[None]:
    was = gc.isenabled()
    gc.enable()
    yield
    if not was:
        gc.disable()


def test_the_collector_is_off_inside_and_on_after_also_after_an_error() -> None:
    with collector_paused():
        assert not gc.isenabled()
    assert gc.isenabled()
    with pytest.raises(ValueError), collector_paused():
        raise ValueError("a failing import")
    assert gc.isenabled()


def test_nested_and_overlapping_pauses_turn_it_on_once_the_last_ends() -> None:
    inner_started, outer_ended = threading.Event(), threading.Event()
    seen: list[bool] = []

    def other_import() -> None:
        with collector_paused():
            inner_started.set()
            outer_ended.wait(5)
            seen.append(gc.isenabled())
        seen.append(gc.isenabled())

    with collector_paused():
        thread = threading.Thread(target=other_import)
        thread.start()
        inner_started.wait(5)
    outer_ended.set()
    thread.join(5)
    assert seen == [False, True], "still off while the other import ran, on after it"


def test_a_collector_turned_off_before_stays_off() -> None:
    gc.disable()
    with collector_paused():
        pass
    assert not gc.isenabled()
