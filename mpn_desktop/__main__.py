"""Allows ``python -m mpn_desktop``."""

import sys

from mpn_desktop.cli import main

sys.exit(main())
