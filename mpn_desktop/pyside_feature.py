"""PySide6's look at each newly imported module, made from the file's bytes instead of ``inspect``.

Once PySide6 is imported, it asks of every module imported after it whether
its source names "PySide6" (``shibokensupport.feature._mod_uses_pyside``:
such a module may switch on ``from __feature__ import snake_case``). It asks
``inspect.getsource``, which decodes the whole file into lines, keeps them in
``linecache`` and joins them again: ~0.13 ms a module, 230 modules between
PySide6's import and the main window's first paint (~30 ms, a twentieth of
start-up). The same question asked of the file's bytes costs ~0.01 ms.

The answer is the same: "PySide6" is ASCII, found in the bytes exactly when
in the text of every source encoding Python reads. A module without a ``.py``
file, or one that cannot be read, is asked the original way.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from types import ModuleType

_MARK = "_mpn_desktop_reads_bytes"


def read_feature_use_from_bytes() -> bool:
    """Makes PySide6's per-module question read the file's bytes; True when it was installed
    (now or before), False when this PySide6 asks no such question (nothing is changed)."""
    feature = sys.modules.get("shibokensupport.feature")
    original = getattr(feature, "_mod_uses_pyside", None)
    if feature is None or not callable(original):
        return False
    if getattr(original, _MARK, False):
        return True
    vars(feature)["_mod_uses_pyside"] = _reading_bytes(original)
    return True


def _reading_bytes(original: Callable[[ModuleType], bool]) -> Callable[[ModuleType], bool]:
    def uses_pyside(module: ModuleType) -> bool:
        path = getattr(module, "__file__", None)
        if isinstance(path, str) and path.endswith(".py"):
            try:
                return b"PySide6" in Path(path).read_bytes()
            except OSError:
                pass
        return original(module)

    setattr(uses_pyside, _MARK, True)
    return uses_pyside
