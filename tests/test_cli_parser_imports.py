"""Building the command line imports no command's work: the requirement trees, the progress
model and the Solutions Partner catalogue model load when a command that needs them runs
(before, every command's start-up imported them for ``status`` and ``catalog``: ~60 ms of a
command's ~0.3 s start-up on a busy machine)."""

from __future__ import annotations

import subprocess
import sys

_BUILD_AND_LIST = """
import sys
from mpn_desktop.cli import build_parser
build_parser()
print(sorted(name for name in sys.argv[1:] if name in sys.modules))
"""

_HEAVY = (
    "mpn_desktop.domain.competency_tree",
    "mpn_desktop.domain.requirement_tree",
    "mpn_desktop.domain.progress",
    "mpn_desktop.domain.designations",
    "mpn_desktop.commands.scored_catalog_text",
)


def test_the_parser_imports_no_command_s_work() -> None:
    run = subprocess.run(
        [sys.executable, "-c", _BUILD_AND_LIST, *_HEAVY],
        capture_output=True,
        text=True,
        check=True,
    )
    assert run.stdout.strip() == "[]", run.stdout + run.stderr
