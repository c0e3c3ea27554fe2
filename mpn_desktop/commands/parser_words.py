"""argparse's own words (usage, error, invalid choice, ...) in the command line's language.

argparse says them through ``gettext`` (``argparse._`` and ``argparse.ngettext``, looked
up as each message is made). While ``argparse_in_our_language()`` runs, they are looked up
in the program's own catalogue (``resources/translations/mpn_desktop_domain_de.po``), so
``--language de`` reads ``Aufruf: …`` and ``Fehler: …``; English gives them back as
argparse writes them, byte for byte, and the exit codes are argparse's.
"""

from __future__ import annotations

import argparse
from collections.abc import Iterator
from contextlib import contextmanager

from mpn_desktop.domain.vocabulary import N_, Nn_, _, ngettext

ARGPARSE_WORDS = (
    N_("usage: "),
    N_("%(prog)s: error: %(message)s\n"),
    N_("argument %(argument_name)s: %(message)s"),
    N_("invalid choice: %(value)r (choose from %(choices)s)"),
    N_("the following arguments are required: %s"),
    N_("one of the arguments %s is required"),
    N_("expected one argument"),
    N_("expected at most one argument"),
    N_("expected at least one argument"),
    N_("unrecognized arguments: %s"),
    N_("not allowed with argument %s"),
    N_("ambiguous option: %(option)s could match %(matches)s"),
    N_("invalid %(type)s value: %(value)r"),
    N_("ignored explicit argument %r"),
    N_("positional arguments"),
    N_("options"),
    N_("show this help message and exit"),
)
"""The messages of argparse (Python 3.11's wording) a user of the command line meets; the
German of each keeps its %-fields, which argparse fills in (tests/test_cli_german.py)."""

ARGPARSE_COUNTED = (Nn_("expected %s argument", "expected %s arguments"),)
"""argparse's one counted message a user may meet (an option taking a fixed number)."""


def parser_word(message: str | None) -> str | None:
    """argparse's ``message`` in the chosen language (argparse may pass None: no description)."""
    return _(message) if message else message


@contextmanager
def argparse_in_our_language() -> Iterator[None]:
    """argparse says its words in the chosen language while the block runs (building the
    parser, parsing, printing a usage), and as before after it."""
    # argparse's names as the module holds them: its type stubs do not declare them.
    names = vars(argparse)
    saved = {name: names[name] for name in ("_", "ngettext")}
    names.update({"_": parser_word, "ngettext": ngettext})
    try:
        yield
    finally:
        names.update(saved)
