"""The language of the sentences the domain and the reports write (gettext, with plural forms).

English is the source language: while no catalogue is chosen, ``_`` and
``ngettext`` give back the English they are passed, so the status document and
the checklist read byte for byte as before. ``use_language("de")`` reads the
German catalogue ``resources/translations/mpn_desktop_domain_de.mo`` (compiled
from the ``.po`` beside it by ``scripts/po_to_mo.py``). The window
chooses it where it installs its Qt translator; the commands with
``--language`` or the ``LANGUAGE``/``LC_ALL``/``LC_MESSAGES``/``LANG`` variables.

Messages use named ``str.format`` fields ("{short} more ..."), so a translation
may put the figures in its own order.
"""

from __future__ import annotations

import gettext
import logging
import os
from decimal import Decimal
from importlib import resources
from pathlib import Path

log = logging.getLogger(__name__)

TRANSLATED = ("de",)
"""The languages a domain catalogue is shipped for; any other reads in English."""

_STATE: dict[str, gettext.NullTranslations | str] = {
    "catalogue": gettext.NullTranslations(),
    "language": "en",
}


def _(message: str) -> str:
    """``message`` in the chosen language (itself in English)."""
    catalogue = _STATE["catalogue"]
    assert isinstance(catalogue, gettext.NullTranslations)
    return catalogue.gettext(message)


def ngettext(singular: str, plural: str, count: int | Decimal) -> str:
    """The form of a message that reads after ``count`` in the chosen language."""
    catalogue = _STATE["catalogue"]
    assert isinstance(catalogue, gettext.NullTranslations)
    # The plural rules take whole numbers; a fractional amount reads in the plural.
    whole = int(count) if count == int(count) else 2
    return catalogue.ngettext(singular, plural, whole)


def npgettext(context: str, singular: str, plural: str, count: int | Decimal) -> str:
    """As ``ngettext``, for a message whose translation depends on where it stands.

    German puts a unit after "von" in the dative ("von 2.000 aktiven Benutzern")
    but writes it alone in the nominative ("900 aktive Benutzer").
    """
    catalogue = _STATE["catalogue"]
    assert isinstance(catalogue, gettext.NullTranslations)
    whole = int(count) if count == int(count) else 2
    return catalogue.npgettext(context, singular, plural, whole)


def language() -> str:
    """The language the sentences are written in ("en" while no catalogue is chosen)."""
    return str(_STATE["language"])


def catalogue_file(code: str) -> str:
    """The path of the compiled catalogue for ``code`` ('' when none is shipped)."""
    folder = resources.files("mpn_desktop.resources") / "translations"
    item = folder / f"mpn_desktop_domain_{code}.mo"
    return str(item) if item.is_file() else ""


def use_language(code: str) -> str:
    """Writes the sentences in ``code`` from now on; returns the language actually used.

    English, or a language without a catalogue (or one that cannot be read),
    gives the English source sentences.
    """
    code = code.replace("_", "-").split("-")[0].lower()
    path = catalogue_file(code) if code in TRANSLATED else ""
    catalogue: gettext.NullTranslations = gettext.NullTranslations()
    if path:
        try:
            with Path(path).open("rb") as stream:
                catalogue = gettext.GNUTranslations(stream)
        except (OSError, ValueError) as error:
            log.warning("the %s sentences in %s could not be read: %s", code, path, error)
            path = ""
    _STATE["catalogue"] = catalogue
    _STATE["language"] = code if path else "en"
    return language()


def language_of_environment(environ: dict[str, str] | None = None) -> str:
    """The language the environment asks for, as gettext reads it ("en" when none is set).

    ``LANGUAGE`` may list several ("de:en"); the first one shipped wins.
    """
    environ = dict(os.environ) if environ is None else environ
    for variable in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = environ.get(variable, "")
        if not value:
            continue
        for name in value.split(":"):
            code = name.split(".")[0].replace("_", "-").split("-")[0].lower()
            if code in TRANSLATED or code == "en":
                return code
        return "en"
    return "en"


def N_(message: str) -> str:
    """Marks ``message`` for the catalogue where it is declared; ``_()`` translates it later."""
    return message


def Nn_(singular: str, plural: str) -> tuple[str, str]:
    """Marks a message with plural forms where it is declared; ``ngettext(*pair, n)`` later."""
    return singular, plural


def Npn_(context: str, singular: str, plural: str) -> tuple[str, str, str]:
    """As ``Nn_``, with the context that tells it apart; ``npgettext(*marked, n)`` later."""
    return context, singular, plural
