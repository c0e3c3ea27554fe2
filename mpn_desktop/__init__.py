"""mpn-desktop: track an organisation's way to a silver or gold MPN cloud competency."""

from __future__ import annotations

from functools import cache

__all__ = ["__version__"]


@cache
def _installed_version() -> str:
    from importlib import metadata

    try:
        return metadata.version("mpn-desktop")
    except metadata.PackageNotFoundError:  # a source tree that was never installed
        return "0.0.0+source"


def __getattr__(name: str) -> str:
    """``__version__``, read from the installed package's metadata when first asked for.

    importlib.metadata (with the email parser it loads) cost start-up 20 ms of
    CPU before the window could paint; the version is wanted later, if at all.
    """
    if name == "__version__":
        return _installed_version()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
