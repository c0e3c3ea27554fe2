"""The packaging shell scripts parse, and say how they are used."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SCRIPTS = [ROOT / "packaging" / "build", ROOT / "packaging" / "linux" / "make-deb"]
SCRIPTS += [ROOT / ".ci" / "package", ROOT / ".ci" / "run", ROOT / "benchmarks" / "run"]
SCRIPTS += [ROOT / "scripts" / name for name in ("bootstrap", "run", "test")]


@pytest.mark.parametrize("script", SCRIPTS, ids=lambda path: path.name)
def test_the_script_is_executable_bash_that_parses(script: Path) -> None:
    assert os.access(script, os.X_OK), f"chmod +x {script}"
    assert script.read_text().startswith("#!/usr/bin/env bash\n")
    result = subprocess.run(
        ["bash", "-n", str(script)], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr


@pytest.mark.skipif(shutil.which("shellcheck") is None, reason="shellcheck is not installed")
@pytest.mark.parametrize("script", SCRIPTS, ids=lambda path: path.name)
def test_shellcheck_finds_no_error(script: Path) -> None:
    result = subprocess.run(
        ["shellcheck", "--severity=error", str(script)], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stdout


def test_build_explains_itself_and_refuses_unknown_options() -> None:
    build = str(ROOT / "packaging" / "build")
    usage = subprocess.run([build, "--help"], capture_output=True, text=True, check=True)
    assert "packaging/build [--venv DIR] [--no-installer]" in usage.stdout
    wrong = subprocess.run([build, "--frobnicate"], capture_output=True, text=True, check=False)
    assert wrong.returncode == 2
    assert "unknown option --frobnicate" in wrong.stderr


def test_make_deb_needs_its_three_arguments() -> None:
    result = subprocess.run(
        [str(ROOT / "packaging" / "linux" / "make-deb")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 2
    assert "usage: packaging/linux/make-deb BUNDLE_DIR VERSION OUT_DIR" in result.stderr
