"""``utf8_text`` and ``json_value`` take their arguments in one order: what is read, where it
comes from, then the error and the sentence by name.

Before, ``utf8_text(data, not_utf8, where, error)`` and ``json_value(text, where, error,
too_deep)`` put the sentence and the place in different orders, all positional: two strings
swapped read as a refusal naming the sentence as the file.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable
from typing import Any

import pytest

from mpn_desktop.domain.json_reading import json_value, utf8_text


class Refused(Exception):
    """The caller's own error."""


@pytest.mark.parametrize(("read", "sentence"), [(utf8_text, "not_utf8"), (json_value, "too_deep")])
def test_both_read_what_then_where_then_the_rest_by_name(
    read: Callable[..., Any], sentence: str
) -> None:
    parameters = list(inspect.signature(read).parameters.values())
    positional = [p.name for p in parameters if p.kind is p.POSITIONAL_OR_KEYWORD]
    by_name = {p.name for p in parameters if p.kind is p.KEYWORD_ONLY}
    assert positional[1:] == ["where"]
    assert {"error", sentence} <= by_name


def test_bytes_that_are_not_utf8_are_refused_naming_where_and_the_line() -> None:
    with pytest.raises(Refused, match=r"^broken\.json, line 2: not UTF-8$"):
        utf8_text(
            b"{\n\xff}", "broken.json", error=Refused, not_utf8="{where}, line {line}: not UTF-8"
        )


def test_nesting_too_deep_is_refused_in_the_caller_s_sentence() -> None:
    with pytest.raises(Refused, match=r"^deep\.json: too deep$"):
        json_value("[" * 100_000, "deep.json", error=Refused, too_deep="{where}: too deep")


def test_a_byte_order_mark_and_a_value_read() -> None:
    text = utf8_text(b"\xef\xbb\xbf[1]", "a.json", error=Refused, not_utf8="{where}")
    assert json_value(text, "a.json", error=Refused, too_deep="{where}") == [1]
