"""The catalogue files' own texts (names, descriptions, notes) in the chosen language.

The catalogue files (``resources/catalogs/*.json``) stay the single source and
stay English. Their German lives in a gettext catalogue of its own keyed by the
English text, ``resources/translations/mpn_desktop_catalog_de.po`` (compiled to
the ``.mo`` beside it by ``scripts/po_to_mo.py``; its entries are listed by
``scripts/catalogue_texts.py`` from the shipped files). The catalogue readers
pass every text a person reads through ``catalogue_text`` as they parse, so a
catalogue read while German is chosen reads in German; a text the translation
does not hold (a user's own catalogue file) stays as the file writes it.

Exam and certification titles are Microsoft's and stay as written (their
imports are matched by them); so do the titles of the source documents.
"""

from __future__ import annotations

import gettext
import logging
from collections.abc import Iterator
from contextlib import contextmanager
from importlib import resources
from pathlib import Path

from mpn_desktop.domain import vocabulary

log = logging.getLogger(__name__)

_LOADED: dict[str, gettext.NullTranslations] = {}
_ASKED: list[list[str]] = []
"""The lists ``texts_asked`` is filling (the extraction script and the tests read them)."""


def translation_file(code: str) -> str:
    """The path of the compiled catalogue-text translation for ``code`` ('' when none ships)."""
    folder = resources.files("mpn_desktop.resources") / "translations"
    item = folder / f"mpn_desktop_catalog_{code}.mo"
    return str(item) if item.is_file() else ""


def _translations(code: str) -> gettext.NullTranslations:
    if code not in _LOADED:
        found: gettext.NullTranslations = gettext.NullTranslations()
        path = translation_file(code)
        if path:
            try:
                with Path(path).open("rb") as stream:
                    found = gettext.GNUTranslations(stream)
            except (OSError, ValueError) as error:
                log.warning("the %s catalogue texts in %s could not be read: %s", code, path, error)
        _LOADED[code] = found
    return _LOADED[code]


def catalogue_text(text: str) -> str:
    """``text`` of a catalogue file in the chosen language (as written when none is known)."""
    for asked in _ASKED:
        asked.append(text)
    code = vocabulary.language()
    if code == "en" or not text.strip():
        return text
    return _translations(code).gettext(text)


def reading_language() -> str:
    """The language catalogue texts are read in now (part of a parsed catalogue's cache key)."""
    return vocabulary.language()


@contextmanager
def texts_asked() -> Iterator[list[str]]:
    """Collects every text ``catalogue_text`` is asked for while the block runs."""
    asked: list[str] = []
    _ASKED.append(asked)
    try:
        yield asked
    finally:
        _ASKED.remove(asked)
