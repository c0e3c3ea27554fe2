"""Builds the QApplication and the main window (placeholder until the UI lands)."""

from __future__ import annotations

import argparse

from mpn_desktop.errors import MpnError


def run_gui(args: argparse.Namespace) -> int:
    """Opens the main window on the chosen database and runs the event loop."""
    raise MpnError("the main window is not available yet")
