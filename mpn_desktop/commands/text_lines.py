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


def plain_text(lines: Sequence[str | TextLine]) -> list[str]:
    """The lines' texts, one item a line (piped output, for grep)."""
    return [line.text if isinstance(line, TextLine) else line for line in lines]


def wrap_lines(lines: Sequence[str | TextLine], width: int) -> list[str]:
    """Each line wrapped to ``width``: under its label's text, or under its own indentation."""
    return [wrapped for line in lines for wrapped in _wrap(line, width)]


def _wrap(line: str | TextLine, width: int) -> list[str]:
    if isinstance(line, TextLine):
        text, hang = line.text, line.hang
    else:
        text, hang = line, len(line) - len(line.lstrip())
    indent = " " * hang
    return textwrap.wrap(
        text, max(width - 1, hang + 20), subsequent_indent=indent, break_on_hyphens=False
    ) or [text]
