"""Text typed or pasted into the record forms and table editors: no control characters.

The editors check while typing (``parse_text``) and the store checks again
before writing (``records.check_values``); both refuse a NUL, an escape
sequence or a C1 control character, naming where it is.
"""

from __future__ import annotations

import re

import pytest

from mpn_desktop.errors import ValidationError
from mpn_desktop.store import records
from mpn_desktop.store.changes import RecordKind
from mpn_desktop.store.schema_fields import field_label
from mpn_desktop.ui.models.fields import Field, FieldKind, parse_text

pytestmark = pytest.mark.usefixtures("qapp")

PASTED = ["Ana\x00Ruiz", "Ana\x1b[2J", "Ana\x1b]0;pwned\x07", "Ana\x85Ruiz", "Ana\x9b2J", "Ana\x7f"]


@pytest.mark.parametrize("kind", [FieldKind.TEXT, FieldKind.EMAIL, FieldKind.CREDENTIAL])
@pytest.mark.parametrize("text", PASTED)
def test_an_editor_refuses_a_pasted_control_character(kind: FieldKind, text: str) -> None:
    with pytest.raises(ValueError, match="control character at character 4") as refused:
        parse_text(Field("name", "Name", kind), text)
    assert "\x1b" not in str(refused.value)


def test_a_tab_is_kept_and_a_huge_count_is_refused_with_a_short_message() -> None:
    assert parse_text(Field("name", "Name"), "Ana\tRuiz") == "Ana\tRuiz"
    with pytest.raises(ValueError) as refused:
        parse_text(Field("n", "Users", FieldKind.COUNT), "9" * 5000)
    assert len(str(refused.value)) < 200
    with pytest.raises(ValueError):
        parse_text(Field("n", "Users", FieldKind.COUNT), "²")  # "²".isdigit() is true


@pytest.mark.parametrize(
    ("kind", "field"),
    [
        (RecordKind.PERSON, "name"),
        (RecordKind.PERSON, "email"),
        (RecordKind.CUSTOMER, "name"),
        (RecordKind.REFERENCE, "contact"),
        (RecordKind.ORGANIZATION, "name"),
    ],
)
@pytest.mark.parametrize("text", PASTED)
def test_the_store_refuses_what_an_editor_let_through(
    kind: RecordKind, field: str, text: str
) -> None:
    label = re.escape(field_label(field))  # as the window names it ("E-mail", "Contact")
    with pytest.raises(ValidationError, match=f"{label}: contains .* at character 4"):
        records.check_values(kind, {field: text}, complete=False)
