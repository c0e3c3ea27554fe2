"""A guard against PySide6 6.12.0 on Python 3.11, which drops a reference to None per void call.

Every Qt method that returns nothing (``QPainter.drawText``, ``QFont.setWeight``,
``QObject.setObjectName``…) decrements ``None``'s reference count once in that
build: it assumes the immortal ``None`` of Python 3.12. Drawing a checklist
makes tens of thousands of such calls, enough to bring the count to zero and
abort the interpreter ("none_dealloc"). Giving ``None`` a very large count
once makes it as good as immortal, which is what Python 3.12 does itself.
PySide6 6.11 and earlier are not affected; on Python 3.12 and later this does
nothing.
"""

from __future__ import annotations

import ctypes
import sys

_MARGIN = 1 << 40
_done = False


def keep_none_alive() -> None:
    """Raises None's reference count far out of reach of the leak (once, Python < 3.12 only)."""
    global _done  # noqa: PLW0603 - once per process, by design
    if _done or sys.version_info >= (3, 12) or sys.implementation.name != "cpython":
        return
    # ob_refcnt is the first field of every CPython object, at the object's address.
    count = ctypes.c_ssize_t.from_address(id(None))
    count.value += _MARGIN
    _done = True
