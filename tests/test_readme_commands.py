"""README's command table names every command of the command line, with options it takes."""

from __future__ import annotations

import argparse
import re
from pathlib import Path

from mpn_desktop.cli import build_parser

README = Path(__file__).resolve().parents[1] / "README.md"


def _commands() -> dict[str, argparse.ArgumentParser]:
    for action in build_parser()._actions:
        if isinstance(action, argparse._SubParsersAction):
            return dict(action.choices)
    raise AssertionError("no commands")


def _table_rows() -> list[str]:
    text = README.read_text(encoding="utf-8")
    section = text.split("\n## Command line\n", 1)[1].split("\n## ", 1)[0]
    return [line for line in section.splitlines() if line.startswith("| `")]


def test_the_table_names_every_command() -> None:
    # Before: import-usage had no row.
    named = {
        word
        for row in _table_rows()
        for usage in re.findall(r"`([^`]+)`", row.split(" | ")[0])
        for word in usage.split()[:1]
    }
    assert set(_commands()) <= named


def test_each_row_s_options_are_the_command_s() -> None:
    commands = _commands()
    for row in _table_rows():
        for usage in re.findall(r"`([^`]+)`", row.split(" | ")[0]):
            command, *words = usage.split()
            if command not in commands:
                continue
            known = {
                option for action in commands[command]._actions for option in action.option_strings
            }
            for option in re.findall(r"--[a-z-]+", " ".join(words)):
                assert option in known, (command, option)
