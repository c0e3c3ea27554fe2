"""Placeholder for the import-exams command(s); replaced by its real module."""

from __future__ import annotations

import argparse
from typing import Any

from mpn_desktop.errors import MpnError


def _not_built(args: argparse.Namespace) -> int:
    raise MpnError(f"the {args.command} command is not available yet")


def register(subparsers: Any) -> None:
    """Adds the command(s) of this module."""
    subparsers.add_parser("import-exams", help="(not built yet)").set_defaults(func=_not_built)
