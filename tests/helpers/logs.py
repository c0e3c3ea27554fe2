"""Failing a test during which the program logged a warning or an error it did not expect."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager

import pytest

PROGRAM_LOGGER = "mpn_desktop"


class _Catcher(logging.Handler):
    def __init__(self) -> None:
        super().__init__(level=logging.WARNING)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


def _allowed_level(node: pytest.Item) -> int:
    """The lowest level the test lets through: above ERROR, WARNING's or none at all."""
    if node.get_closest_marker("expect_logged_errors"):
        return logging.CRITICAL + 1
    if node.get_closest_marker("expect_logged_warnings"):
        return logging.ERROR
    return logging.WARNING


@contextmanager
def failing_on_unexpected_logs(node: pytest.Item) -> Iterator[None]:
    """Fails ``node`` when the program logged a WARNING or worse its markers did not expect.

    As qutebrowser's logfail: a warning nobody looks at is how a slowly
    breaking feature goes unnoticed. ``expect_logged_warnings`` lets warnings
    through, ``expect_logged_errors`` errors and warnings.
    """
    catcher = _Catcher()
    logger = logging.getLogger(PROGRAM_LOGGER)
    logger.addHandler(catcher)
    try:
        yield
    finally:
        logger.removeHandler(catcher)
    unexpected = [r for r in catcher.records if r.levelno >= _allowed_level(node)]
    if unexpected:
        messages = "; ".join(f"{r.levelname}: {r.getMessage()}" for r in unexpected)
        pytest.fail(f"the program logged what the test did not expect: {messages}")
