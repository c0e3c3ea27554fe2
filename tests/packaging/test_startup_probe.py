"""MPN_DESKTOP_SMOKE_EXIT: the GUI quits once the main window is shown and says how long it took."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import time

import pytest
from PySide6.QtWidgets import QApplication

from mpn_desktop.startup_probe import ENV_VAR, FILLED_VAR, arm_startup_probe, process_start_time

# Each test starts other processes: out of the fast loop.
pytestmark = pytest.mark.slow

# A stand-in for app.py: a window shown late, from the event loop, as a real one is.
_PROGRAM = """
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
from mpn_desktop import startup_probe
startup_probe.TIMEOUT_S = int(sys.argv[2])
app = QApplication([])
startup_probe.arm_startup_probe(app)
window = QMainWindow()
if sys.argv[1] == "show":
    QTimer.singleShot(300, window.show)
sys.exit(app.exec())
"""


def run_program(*args: str, env_value: str | None) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    env.pop(ENV_VAR, None)
    if env_value is not None:
        env[ENV_VAR] = env_value
    return subprocess.run(
        [sys.executable, "-c", _PROGRAM, *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def test_the_program_quits_after_the_main_window_is_shown_and_prints_the_time() -> None:
    launched = time.time()
    result = run_program("show", "60", env_value=f"{launched:.6f}")
    assert result.returncode == 0, result.stderr
    match = re.search(r"main window shown after (\d+\.\d+) s", result.stdout)
    assert match, result.stdout
    # The window is shown 0.3 s after the loop starts, so the time cannot be less.
    assert float(match.group(1)) >= 0.3


# A window painted first and filled later, as the program's (its ``filled`` signal).
_FILLED_PROGRAM = """
import sys
from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QApplication, QMainWindow
from mpn_desktop import startup_probe
class Window(QMainWindow):
    filled = Signal()
app = QApplication([])
startup_probe.arm_startup_probe(app)
window = Window()
window.show()
QTimer.singleShot(400, window.filled.emit)
sys.exit(app.exec())
"""


def test_with_the_filled_variable_the_probe_waits_for_the_window_to_be_filled() -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", ENV_VAR: "1", FILLED_VAR: "1"}
    result = subprocess.run(
        [sys.executable, "-c", _FILLED_PROGRAM],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    shown = re.search(r"main window shown after (\d+\.\d+) s", result.stdout)
    filled = re.search(r"main window filled after (\d+\.\d+) s", result.stdout)
    assert shown and filled, result.stdout
    assert float(filled.group(1)) >= float(shown.group(1)) + 0.3


def test_without_a_main_window_the_probe_gives_up_with_code_3() -> None:
    result = run_program("hide", "1", env_value="1")
    assert result.returncode == 3
    assert "no main window was shown within 1 s" in result.stderr


def test_the_probe_is_not_armed_without_the_variable(
    qapp: QApplication, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv(ENV_VAR, raising=False)
    assert arm_startup_probe(qapp) is None


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
def test_the_process_start_time_is_in_the_recent_past() -> None:
    started = process_start_time()
    assert started is not None
    assert 0 <= time.time() - started < 24 * 3600
