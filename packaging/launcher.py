"""The bundle's entry point: the same ``run`` as the ``mpn-desktop`` script of the wheel."""

from mpn_desktop.cli import run

if __name__ == "__main__":
    run()
