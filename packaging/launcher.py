"""The bundle's entry point: the same ``main`` as the ``mpn-desktop`` script of the wheel."""

import sys

from mpn_desktop.cli import main

if __name__ == "__main__":
    sys.exit(main())
