"""mpn-desktop: track an organisation's way to a silver or gold MPN cloud competency (2017-2018)
and to the Solutions Partner designations (from October 2022)."""

from __future__ import annotations

import sys
from functools import cache
from pathlib import Path

__all__ = ["__version__"]

_DISTRIBUTION = "mpn_desktop"
"""The distribution's name as importlib.metadata normalises it (PEP 503, '-' as '_')."""


@cache
def _installed_version() -> str:
    return _version_on_path() or _version_from_metadata()


def _version_from_metadata() -> str:
    from importlib import metadata

    try:
        return metadata.version("mpn-desktop")
    except metadata.PackageNotFoundError:  # a source tree that was never installed
        return "0.0.0+source"


def _version_on_path() -> str | None:
    """The version importlib.metadata would find, read without importing it, or None.

    importlib.metadata (with the email parser, zipfile and csv it loads) was a
    twentieth of ``checklist --pdf``, which writes the version into the PDF. Its
    search is followed: the first ``*.dist-info`` or ``*.egg-info`` folder of the
    distribution along ``sys.path``, each folder's entries in the order listed,
    then the ``Version`` field of its METADATA or PKG-INFO. Anything else (a zip
    on the path, a file without the field) is left to importlib.metadata.
    """
    import re

    for entry in sys.path:
        try:
            children = list(Path(entry or ".").iterdir())
        except OSError:  # not a folder (a zip file), or gone
            continue
        for child in children:
            name = child.name
            low = name.lower()
            if not low.endswith((".dist-info", ".egg-info")):
                continue
            project = low.rpartition(".")[0].partition("-")[0]
            if re.sub(r"[-_.]+", "_", project) == _DISTRIBUTION:
                return _version_field(child)
    return None


def _version_field(folder: Path) -> str | None:
    for file_name in ("METADATA", "PKG-INFO"):
        try:
            with (folder / file_name).open(encoding="utf-8") as metadata:
                for line in metadata:
                    if not line.strip():
                        break  # the end of the header fields
                    field, colon, value = line.partition(":")
                    if colon and field == "Version":
                        return value.strip() or None
        except OSError:
            continue  # importlib.metadata reads PKG-INFO when there is no METADATA
        except ValueError:  # not UTF-8: importlib.metadata says what is wrong
            return None
        return None
    return None


def __getattr__(name: str) -> str:
    """``__version__``, read from the installed package's metadata when first asked for.

    importlib.metadata (with the email parser it loads) cost start-up 20 ms of
    CPU before the window could paint; the version is wanted later, if at all.
    """
    if name == "__version__":
        return _installed_version()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
