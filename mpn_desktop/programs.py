"""Which rules apply on a day: the 2017-2018 competencies or a Solutions Partner catalogue.

Several catalogue files ship, each with its effective dates; the one in force
on the as-of day is used, chosen by the dates alone (``shipped_catalogs``): only
the catalogue chosen is parsed in full. Between the end of the 2017-2018 competencies and the
first Solutions Partner catalogue no catalogue is shipped: the program says so
plainly and uses the nearest one. A ``--catalog`` file decides by its own
``program``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from importlib import resources
from pathlib import Path
from threading import Lock
from typing import Any, TypeVar

from mpn_desktop.catalog_files import catalog_document, catalog_text, load_catalog
from mpn_desktop.domain.catalog import Catalog
from mpn_desktop.domain.catalog_parse import CatalogFormatError
from mpn_desktop.domain.catalogue_text import reading_language
from mpn_desktop.domain.designations import ScoredCatalog
from mpn_desktop.domain.designations_parse import (
    is_scored_document,
    parse_scored_catalog,
    scored_dates,
)
from mpn_desktop.domain.program_choice import ProgramOnDay, chosen_on
from mpn_desktop.errors import CatalogError
from mpn_desktop.shown import shown_path

SCORED_FILES = (
    "solutions-partner-2022-10.json",
    "solutions-partner-2023-06.json",
    "solutions-partner-2026-05.json",
)
"""The Solutions Partner catalogues that ship (those present), oldest first."""

_scored: dict[tuple[str, str], ScoredCatalog] = {}
"""Parsed catalogues by file and the language their texts were read in."""

_parsing = Lock()
"""Held while a catalogue is parsed (``load_scored_catalog``)."""

_dated: dict[Path, ShippedCatalog] = {}
"""The shipped catalogues' versions and dates by file (no text of theirs is kept)."""

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class ShippedCatalog:
    """A shipped Solutions Partner catalogue known by its version and dates, read from its
    file; parsed in full (``scored``) only once it is chosen: the choice needs no more."""

    path: Path
    version: str
    effective_from: date
    effective_until: date | None

    def scored(self) -> ScoredCatalog:
        """The whole catalogue; CatalogError names the file, entry and problem."""
        return load_scored_catalog(self.path)


def _catalog_folder() -> Path:
    return Path(str(resources.files("mpn_desktop.resources") / "catalogs"))


def _read(path: Path, read: Callable[[Any], T]) -> T:
    """``read`` of the JSON document of a Solutions Partner catalogue file; CatalogError
    names the file, entry and problem."""
    text = catalog_text(path)
    try:
        return read(catalog_document(text, shown_path(path)))
    except CatalogFormatError as error:
        raise CatalogError(f"{shown_path(path)}: {error}") from None


def load_scored_catalog(path: Path) -> ScoredCatalog:
    """A Solutions Partner catalogue file; CatalogError names the file, entry and problem.

    Parsed once whichever thread asks first: the window's worker scores days too, and two
    copies of one catalogue (equal, not the same object) would miss what is kept by it.
    """
    key = (str(path), reading_language())
    found = _scored.get(key)
    if found is None:
        with _parsing:
            found = _scored.get(key)
            if found is None:
                found = _scored[key] = _read(path, parse_scored_catalog)
    return found


def _shipped_files() -> list[Path]:
    folder = _catalog_folder()
    return [folder / name for name in SCORED_FILES if (folder / name).is_file()]


def shipped_catalogs() -> tuple[ShippedCatalog, ...]:
    """Every shipped Solutions Partner catalogue by its dates, oldest first (their files' JSON
    is read, and only their version and dates taken: a full parse is several times that)."""
    found = []
    for path in _shipped_files():
        if path not in _dated:
            _dated[path] = ShippedCatalog(path, *_read(path, scored_dates))
        found.append(_dated[path])
    return tuple(sorted(found, key=lambda c: c.effective_from))


def shipped_scored_catalogs() -> tuple[ScoredCatalog, ...]:
    """Every shipped Solutions Partner catalogue, oldest first."""
    found = [load_scored_catalog(path) for path in _shipped_files()]
    return tuple(sorted(found, key=lambda c: c.effective_from))


def is_scored_file(path: Path) -> bool:
    """Whether a catalogue file the user names is of the Solutions Partner program."""
    try:
        return is_scored_document(catalog_document(catalog_text(path), shown_path(path)))
    except CatalogError:
        return False  # load_catalog then says what is wrong with it


def window_catalogues(catalog_file: Path | None) -> tuple[Catalog, ScoredCatalog | None]:
    """The competencies' catalogue for the window, and the Solutions Partner catalogue of
    ``catalog_file`` (``--catalog``) when it is one: the window then scores every day by that
    file, as the commands do (``program_on``). CatalogError names the file, entry and problem."""
    if catalog_file is not None and is_scored_file(catalog_file):
        return load_catalog(), load_scored_catalog(catalog_file)
    return load_catalog(catalog_file), None


def program_on(day: date, catalog_file: Path | None = None) -> ProgramOnDay:
    """The rules for ``day``: the user's file, the shipped one in force, or the nearest."""
    if catalog_file is not None:
        if is_scored_file(catalog_file):
            return ProgramOnDay(load_scored_catalog(catalog_file))
        return ProgramOnDay(None)
    # Chosen by their dates: only the catalogue chosen is parsed.
    chosen, notes = chosen_on(day, shipped_catalogs(), load_catalog().effective_until)
    return ProgramOnDay(None if chosen is None else chosen.scored(), notes)
