"""PySide6's question "does this module's source name PySide6?", asked of the file's bytes
(``mpn_desktop.pyside_feature``), answers as PySide6's own (``inspect.getsource``) does."""

from __future__ import annotations

import importlib
import linecache
import os
import pkgutil
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest

import mpn_desktop
from mpn_desktop.pyside_feature import read_feature_use_from_bytes

pytest.importorskip("PySide6.QtCore")

_FEATURE = sys.modules.get("shibokensupport.feature")


def _modules() -> list[ModuleType]:
    """The program's modules, a few of the standard library's, one extension and one built-in."""
    names = [
        info.name
        for info in pkgutil.walk_packages(mpn_desktop.__path__, "mpn_desktop.")
        if (".ui." in info.name or info.name.count(".") == 1) and "__main__" not in info.name
    ]
    names += ["json", "argparse", "email.message", "_sqlite3", "sys"]
    return [importlib.import_module(name) for name in names]


def test_the_answer_from_the_bytes_is_pysides_own_for_every_module(tmp_path: Path) -> None:
    assert _FEATURE is not None  # PySide6 asks the question at all
    original = _FEATURE._mod_uses_pyside
    modules = _modules()
    assert read_feature_use_from_bytes()
    try:
        from_bytes = _FEATURE._mod_uses_pyside
        assert from_bytes is not original
        # Installed once: asked again, the same function stays.
        assert read_feature_use_from_bytes()
        assert _FEATURE._mod_uses_pyside is from_bytes
        # A module whose file is gone, and one named in Latin-1 with "PySide6" in a comment.
        gone = ModuleType("gone")
        gone.__file__ = str(tmp_path / "gone.py")
        latin = tmp_path / "latin.py"
        latin.write_bytes(b"# -*- coding: latin-1 -*-\n# caf\xe9 PySide6\nx = 1\n")
        named = ModuleType("latin")
        named.__file__ = str(latin)
        modules += [gone, named]
        answers = [from_bytes(module) for module in modules]
        expected = [original(module) for module in modules]
    finally:
        _FEATURE._mod_uses_pyside = original
        linecache.clearcache()
    assert answers == expected
    # Both answers occur: the window's modules name PySide6, the domain's do not.
    assert True in answers and False in answers
    assert answers[-1] is True


_SHOW_AND_ASK = """
import sys
from mpn_desktop import startup_probe
report = startup_probe.StartupProbe._report
def asking_report(self, **options):
    feature = sys.modules["shibokensupport.feature"]
    print("reads bytes", getattr(feature._mod_uses_pyside, "_mpn_desktop_reads_bytes", False))
    report(self, **options)
startup_probe.StartupProbe._report = asking_report
from mpn_desktop.cli import main
print("exit", main(["--db", sys.argv[1]]))
"""


def test_the_window_asks_the_bytes(tmp_path: Path) -> None:
    """Start-up installs it (``app._run_gui``): the window's modules are asked from their bytes."""
    env = {**os.environ, "MPN_DESKTOP_SMOKE_EXIT": "1", "QT_QPA_PLATFORM": "offscreen"}
    shown = subprocess.run(
        [sys.executable, "-c", _SHOW_AND_ASK, str(tmp_path / "tracker.sqlite3")],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )
    assert "main window shown" in shown.stdout, shown.stderr
    assert "reads bytes True" in shown.stdout.splitlines()


@pytest.mark.parametrize("asks", [False, True], ids=["no-question", "question-not-callable"])
def test_a_pyside6_that_asks_no_such_question_is_left_as_it_is(
    monkeypatch: pytest.MonkeyPatch, asks: bool
) -> None:
    """A later PySide6 may drop or rename its private check: nothing is installed then."""
    feature = ModuleType("shibokensupport.feature")
    if asks:
        vars(feature)["_mod_uses_pyside"] = None
    monkeypatch.setitem(sys.modules, "shibokensupport.feature", feature)
    assert read_feature_use_from_bytes() is False
    assert vars(feature).get("_mod_uses_pyside") is None
    monkeypatch.delitem(sys.modules, "shibokensupport.feature")
    assert read_feature_use_from_bytes() is False
