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
"""

from __future__ import annotations

import importlib
from types import ModuleType
from typing import Any


class LazyModule:
    """Stands for the module ``name``, imported when one of its attributes is first read."""

    def __init__(self, name: str) -> None:
        self._name = name
        self._module: ModuleType | None = None

    def __getattr__(self, attribute: str) -> Any:
        module = self._module
        if module is None:
            module = self._module = importlib.import_module(self._name)
        return getattr(module, attribute)

    def __repr__(self) -> str:
        return f"<lazy module {self._name!r}>"
