"""Placeholder for the checklist command(s); replaced by its real module."""

from __future__ import annotations

import argparse
from typing import Any

from mpn_desktop.errors import MpnError


def _not_built(args: argparse.Namespace) -> int:
    raise MpnError(f"the {args.command} command is not available yet")


def register(subparsers: Any) -> None:
    """Adds the command(s) of this module."""
    subparsers.add_parser("checklist", help="(not built yet)").set_defaults(func=_not_built)
