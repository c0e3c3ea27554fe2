"""Which rules apply on a day: the 2017-2018 competencies or a Solutions Partner catalogue.

Several catalogue files ship, each with its effective dates; the one in force
on the as-of day is used. Between the end of the 2017-2018 competencies and the
first Solutions Partner catalogue no catalogue is shipped: the program says so
plainly and uses the nearest one. A ``--catalog`` file decides by its own
``program``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from importlib import resources
from pathlib import Path

from mpn_desktop.catalog_files import _json_document, load_catalog
from mpn_desktop.domain.catalog_parse import CatalogFormatError
from mpn_desktop.domain.designations import ScoredCatalog
from mpn_desktop.domain.designations_parse import is_scored_document, parse_scored_catalog
from mpn_desktop.errors import CatalogError

SCORED_FILES = (
    "solutions-partner-2022-10.json",
    "solutions-partner-2023-06.json",
    "solutions-partner-2026-05.json",
)
"""The Solutions Partner catalogues that ship (those present), oldest first."""

_scored: dict[str, ScoredCatalog] = {}


@dataclass(frozen=True, slots=True)
class ProgramOnDay:
    """The Solutions Partner catalogue to use (None: the 2017-2018 competencies) and why."""

    scored: ScoredCatalog | None
    notes: tuple[str, ...] = ()


def _catalog_folder() -> Path:
    return Path(str(resources.files("mpn_desktop.resources") / "catalogs"))


def load_scored_catalog(path: Path) -> ScoredCatalog:
    """A Solutions Partner catalogue file; CatalogError names the file, entry and problem."""
    key = str(path)
    if key not in _scored:
        try:
            text = path.read_text(encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError) as error:
            raise CatalogError(f"{path}: cannot be read ({error})") from None
        try:
            _scored[key] = parse_scored_catalog(_json_document(text, str(path)))
        except CatalogFormatError as error:
            raise CatalogError(f"{path}: {error}") from None
    return _scored[key]


def shipped_scored_catalogs() -> tuple[ScoredCatalog, ...]:
    """Every shipped Solutions Partner catalogue, oldest first."""
    folder = _catalog_folder()
    found = [load_scored_catalog(folder / n) for n in SCORED_FILES if (folder / n).is_file()]
    return tuple(sorted(found, key=lambda c: c.effective_from))


def is_scored_file(path: Path) -> bool:
    """Whether a catalogue file the user names is of the Solutions Partner program."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError):
        return False  # load_catalog then says what is wrong with it
    try:
        return is_scored_document(_json_document(text, str(path)))
    except CatalogError:
        return False


def program_on(day: date, catalog_file: Path | None = None) -> ProgramOnDay:
    """The rules for ``day``: the user's file, the shipped one in force, or the nearest."""
    if catalog_file is not None:
        if is_scored_file(catalog_file):
            return ProgramOnDay(load_scored_catalog(catalog_file))
        return ProgramOnDay(None)
    shipped = list(shipped_scored_catalogs())
    in_force = [c for c in shipped if c.in_force_on(day)]
    if in_force:
        return ProgramOnDay(in_force[-1])
    first = shipped[0]
    competencies_end = load_catalog().effective_until
    if day >= first.effective_from:
        latest = [c for c in shipped if c.effective_from <= day][-1]
        return ProgramOnDay(
            latest,
            (
                f"No catalogue of the program is shipped for {day}; the rules of the latest "
                f"one, {latest.version} (from {latest.effective_from}), are used.",
            ),
        )
    if competencies_end is None or day <= competencies_end:
        return ProgramOnDay(None)
    gap = (
        f"No catalogue is shipped for {day}: the 2017-2018 competencies end on "
        f"{competencies_end} and the Solutions Partner designations begin on "
        f"{first.effective_from}."
    )
    if (day - competencies_end) <= (first.effective_from - day):
        return ProgramOnDay(None, (f"{gap} Shown: the nearest, the 2017-2018 competencies.",))
    return ProgramOnDay(
        first, (f"{gap} Shown: the nearest, the Solutions Partner rules of {first.version}.",)
    )
