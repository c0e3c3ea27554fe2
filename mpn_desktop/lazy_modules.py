"""Modules imported on the first use of one of their names, so start-up does not pay for them.

The window names the store's modules at the top of its own (``records.add``,
``documents.load_document``); importing them there pulled SQLAlchemy and its
ORM in before the first paint (issue 15). ``LazyModule`` stands for such a
module until one of its names is used, then imports it the usual way: the
import system's own locks make a first use from two threads at once safe
(the second waits for the first import to finish).

Use it with the real import for the type checker::

    if TYPE_CHECKING:
        from mpn_desktop.store import records
    else:
        records = LazyModule("mpn_desktop.store.records")

A module the window needs as soon as it fills (the engine, the designations'
rules) is declared ``after_paint=True``: the fill's worker imports every such
module (``import_after_paint``) before the GUI thread first uses one, which
otherwise stalled the window for 50-80 ms on the large organisation.
"""

from __future__ import annotations

import importlib
from types import ModuleType
from typing import Any

_AFTER_PAINT: dict[str, None] = {}
"""The names of the modules declared ``after_paint``, in the order declared (a set)."""


class LazyModule:
    """Stands for the module ``name``, imported when one of its attributes is first read
    (``after_paint``: or by ``import_after_paint``, whichever comes first)."""

    def __init__(self, name: str, *, after_paint: bool = False) -> None:
        self._name = name
        self._module: ModuleType | None = None
        if after_paint:
            _AFTER_PAINT[name] = None

    def __getattr__(self, attribute: str) -> Any:
        module = self._module
        if module is None:
            module = self._module = importlib.import_module(self._name)
        return getattr(module, attribute)

    def __repr__(self) -> str:
        return f"<lazy module {self._name!r}>"


def after_paint_modules() -> tuple[str, ...]:
    """The modules declared ``after_paint`` by the modules imported so far."""
    return tuple(_AFTER_PAINT)


def import_after_paint() -> None:
    """Imports every module declared ``after_paint`` (the fill's worker, after the first paint)."""
    for name in after_paint_modules():
        importlib.import_module(name)
