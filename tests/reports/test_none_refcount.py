"""The guard that keeps None alive under PySide6 builds that leak a reference per void call."""

from __future__ import annotations

import sys

import pytest

from mpn_desktop.reports.none_refcount import keep_none_alive


@pytest.mark.skipif(sys.version_info >= (3, 12), reason="None is immortal from Python 3.12")
def test_none_gets_a_count_no_leak_can_exhaust() -> None:
    keep_none_alive()
    assert sys.getrefcount(None) > 1 << 39
    before = sys.getrefcount(None)
    keep_none_alive()  # only once per process
    assert sys.getrefcount(None) - before < 1 << 39
