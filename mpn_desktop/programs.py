"""Which rules apply on a day: the 2017-2018 competencies or a Solutions Partner catalogue.

Several catalogue files ship, each with its effective dates; the one in force
on the as-of day is used. Between the end of the 2017-2018 competencies and the
first Solutions Partner catalogue no catalogue is shipped: the program says so
plainly and uses the nearest one. A ``--catalog`` file decides by its own
``program``.
"""

from __future__ import annotations

from datetime import date
from importlib import resources
from pathlib import Path

from mpn_desktop.catalog_files import catalog_document, catalog_text, load_catalog
from mpn_desktop.domain.catalog import Catalog
from mpn_desktop.domain.catalog_parse import CatalogFormatError
from mpn_desktop.domain.catalogue_text import reading_language
from mpn_desktop.domain.designations import ScoredCatalog
from mpn_desktop.domain.designations_parse import is_scored_document, parse_scored_catalog
from mpn_desktop.domain.program_choice import ProgramOnDay, choose_program
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


def _catalog_folder() -> Path:
    return Path(str(resources.files("mpn_desktop.resources") / "catalogs"))


def load_scored_catalog(path: Path) -> ScoredCatalog:
    """A Solutions Partner catalogue file; CatalogError names the file, entry and problem."""
    key = (str(path), reading_language())
    if key not in _scored:
        text = catalog_text(path)
        try:
            _scored[key] = parse_scored_catalog(catalog_document(text, shown_path(path)))
        except CatalogFormatError as error:
            raise CatalogError(f"{shown_path(path)}: {error}") from None
    return _scored[key]


def shipped_scored_catalogs() -> tuple[ScoredCatalog, ...]:
    """Every shipped Solutions Partner catalogue, oldest first."""
    folder = _catalog_folder()
    found = [load_scored_catalog(folder / n) for n in SCORED_FILES if (folder / n).is_file()]
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
    return choose_program(day, shipped_scored_catalogs(), load_catalog().effective_until)
