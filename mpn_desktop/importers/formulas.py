"""Text a spreadsheet would run as a formula: recognised on import, neutralised on export."""

from __future__ import annotations

# A cell starting with one of these is evaluated by Excel, LibreOffice and
# Google Sheets (tab and carriage return too, as OWASP's CSV-injection note says).
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def looks_like_formula(text: str) -> bool:
    """True when a spreadsheet opening a CSV with this cell would run it as a formula."""
    return text.startswith(_FORMULA_STARTS)


def neutralise_for_csv(text: str) -> str:
    """The text to write into a CSV cell so that a spreadsheet shows it instead of running it.

    A leading apostrophe is the spreadsheets' own "this is text" mark; text
    that is not formula-looking is returned unchanged. Text that already starts
    with apostrophes before a formula gets one more, so that reading the file
    back (``remove_csv_mark``) gives exactly the text written. Every CSV the
    program writes passes its cells through here.
    """
    return "'" + text if looks_like_formula(text.lstrip("'")) else text


def remove_csv_mark(text: str) -> str:
    """The inverse of ``neutralise_for_csv``: the text without the apostrophe it added."""
    if text.startswith("'") and looks_like_formula(text.lstrip("'")):
        return text[1:]
    return text
