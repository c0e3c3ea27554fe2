"""Allows ``python -m mpn_desktop``."""

from mpn_desktop.cli import run

run()
