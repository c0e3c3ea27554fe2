"""Finding and reading catalogue files: the shipped one, or one the user names with --catalog."""

from __future__ import annotations

from importlib import resources
from pathlib import Path
from typing import Any

from mpn_desktop.domain.catalog import Catalog
from mpn_desktop.domain.catalog_parse import CatalogFormatError, parse_catalog
from mpn_desktop.domain.catalogue_text import reading_language
from mpn_desktop.domain.designations_parse import (
    is_scored_document,
    neither_catalogue,
    parse_scored_catalog,
)
from mpn_desktop.domain.json_reading import json_value, utf8_text
from mpn_desktop.domain.vocabulary import _
from mpn_desktop.errors import CatalogError
from mpn_desktop.input_files import problem_of, read_input
from mpn_desktop.shown import shown_path

DEFAULT_CATALOG = "mpn-2017-2018.json"
MAX_CATALOG_BYTES = 16 * 1024 * 1024
"""The largest catalogue file read (the shipped one is a few dozen KB)."""

_cache: dict[tuple[str, int, int, str], Catalog] = {}
"""Parsed catalogues by file, its change time and size, and the language its texts were read in."""


def shipped_catalog_path() -> Path:
    """The catalogue file that ships with the program."""
    return Path(str(resources.files("mpn_desktop.resources") / "catalogs" / DEFAULT_CATALOG))


def parse_catalog_text(text: str, name: str) -> Catalog:
    """The catalogue in ``text``; CatalogError names ``name``, the entry and the problem."""
    document = catalog_document(text, name)
    neither = neither_catalogue(document)
    if neither is not None:
        raise CatalogError(f"{name}: {neither}")
    try:
        if is_scored_document(document):
            _refuse_scored(document, name)
        catalog = parse_catalog(document)
    except CatalogFormatError as error:
        raise CatalogError(f"{name}: {error}") from None
    return _named(catalog, name)


def _refuse_scored(document: Any, name: str) -> None:
    """A document shaped as a Solutions Partner catalogue is refused by what is wrong with it
    as one (a misspelled ``program``), else as not a 2017-2018 catalogue: this reader's own
    "unknown key 'categories'" said neither."""
    parse_scored_catalog(document)
    raise CatalogError(
        _(
            "{file}: a catalogue of the Solutions Partner program, where one of the "
            "2017-2018 competencies is needed"
        ).format(file=name)
    )


def catalog_document(text: str, name: str) -> Any:
    """The JSON value of a catalogue file's text; CatalogError says why it is not one."""
    return json_value(
        text,
        name,
        error=CatalogError,
        too_deep=_("{where}: its lists and objects are nested too deeply to be a catalogue"),
    )


def catalog_text(file: Path) -> str:
    """The text of a catalogue file; CatalogError names the file and says why it cannot be read.

    A regular file only, of a size a catalogue can be: --catalog /dev/zero never ended.
    """
    data = read_input(file, max_bytes=MAX_CATALOG_BYTES, error=CatalogError)
    return utf8_text(
        data,
        shown_path(file),
        error=CatalogError,
        not_utf8=_("{where}, line {line}: not a UTF-8 text file ({reason})"),
    )


def _named(catalog: Catalog, name: str) -> Catalog:
    from dataclasses import replace

    return replace(catalog, file=name)


def load_catalog(path: Path | str | None = None) -> Catalog:
    """Reads and validates a catalogue file (None: the shipped one); CatalogError if unusable."""
    file = Path(path) if path is not None else shipped_catalog_path()
    try:
        stat = file.stat()
        key = (str(file.resolve()), stat.st_mtime_ns, stat.st_size, reading_language())
    except FileNotFoundError:
        raise CatalogError(
            _("{path}: the catalogue file does not exist").format(path=shown_path(file))
        ) from None
    except OSError as error:
        raise CatalogError(f"{shown_path(file)}: {problem_of(error)}") from None
    if key in _cache:
        return _cache[key]
    text = catalog_text(file)
    catalog = parse_catalog_text(text, shown_path(file))
    _cache[key] = catalog
    return catalog
