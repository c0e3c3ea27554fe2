"""mpn-desktop: track an organisation's way to a silver or gold MPN cloud competency."""

from importlib import metadata

try:
    __version__ = metadata.version("mpn-desktop")
except metadata.PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0.0.0+source"

__all__ = ["__version__"]
