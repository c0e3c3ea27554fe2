"""Lines of a command's text table, each carrying where its wrapped continuation hangs."""

from __future__ import annotations

import textwrap
from collections.abc import Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class TextLine:
    """A line of text and the column its continuation lines start at once wrapped."""

    text: str
    hang: int


_MARK = "\x00"
"""Stands in for the labelled field while the template is formatted, to find where it lands."""


def labelled(indent: str, template: str, field: str, value: str, **fields: str) -> TextLine:
    """``indent`` + ``template`` formatted, hanging under where ``field``'s ``value`` begins.

    The label is whatever the (translated) template puts before the field, so the
    hang follows any translation without the label's words being compared.
    """
    shown = template.format(**{field: _MARK}, **fields)
    label = shown.find(_MARK)  # -1 for a translation without the field: hang at the indent
    return TextLine(indent + shown.replace(_MARK, value), len(indent) + max(label, 0))


MIN_WIDTH = 20
"""Columns a wrapped line takes at least, however narrow the terminal says it is."""


def plain_text(lines: Sequence[str | TextLine]) -> list[str]:
    """The lines' texts, one item a line (piped output, for grep)."""
    return [line.text if isinstance(line, TextLine) else line for line in lines]


def wrap_lines(lines: Sequence[str | TextLine], width: int) -> list[str]:
    """Each line wrapped to ``width``: under its label's text, or under its own indentation."""
    return [wrapped for line in lines for wrapped in _wrap(line, width)]


def _wrap(line: str | TextLine, width: int) -> list[str]:
    text = line.text if isinstance(line, TextLine) else line
    indentation = len(text) - len(text.lstrip())
    hang = line.hang if isinstance(line, TextLine) else indentation
    limit = max(width - 1, MIN_WIDTH)  # the last column: a full line would wrap again
    if hang > limit // 2:
        # A label taking more than half the line ('günstigster Weg zu 70: ' at 45 columns)
        # leaves its text too narrow a column: it goes on under the line's indentation.
        hang = indentation
    # Words break at spaces and after a word's hyphen only, never inside a word: a
    # German compound longer than the room stays whole on its own line.
    return textwrap.wrap(
        text,
        limit,
        subsequent_indent=" " * hang,
        break_long_words=False,
        break_on_hyphens=True,
    ) or [text]
