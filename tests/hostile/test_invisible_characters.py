"""Invisible format characters (U+202E RIGHT-TO-LEFT OVERRIDE and the rest of Unicode's
category Cf) are refused in every text field, naming the field (and the file's line for an
import): they make a name read otherwise than it is stored. The joiners (ZWJ, ZWNJ) stay.
"""

from __future__ import annotations

import sys
import unicodedata
from pathlib import Path

import pytest
from helpers.databases import SqliteTemplates

from hostile.input_attacks import demo_file, fingerprint, run
from mpn_desktop.errors import ValidationError
from mpn_desktop.store import records, values
from mpn_desktop.store.changes import RecordKind
from mpn_desktop.store.document_check import check_document
from mpn_desktop.ui.models.fields import Field, FieldKind, parse_text

pytestmark = pytest.mark.usefixtures("qapp")

RLO = "\u202e"
INVISIBLE = [RLO, "\u202d", "\u2066", "\u2069", "\u200e", "\u200f", "\u061c", "\u200b", "\ufeff"]
FIXTURES = Path(__file__).parent.parent / "importers" / "fixtures"


def test_every_format_character_but_the_joiners_is_found() -> None:
    found = {
        code for code in range(sys.maxunicode + 1) if values.format_character(chr(code)) is not None
    }
    cf = {code for code in range(sys.maxunicode + 1) if unicodedata.category(chr(code)) == "Cf"}
    assert cf - found == {0x200C, 0x200D}  # ZERO WIDTH NON-JOINER and JOINER are text
    # Nothing else is, but for the characters newer versions of Unicode made format ones.
    assert all(unicodedata.category(chr(code)) == "Cn" for code in found - cf)


def test_the_joiners_are_text() -> None:
    persian = "می\u200cخواهم"  # the non-joiner inside a Persian word
    family = "Ana \U0001f469\u200d\U0001f4bb"  # an emoji sequence joined by ZWJ
    for text in (persian, family):
        assert values.text(200)(text) == text
        assert parse_text(Field("name", "Name"), text) == text


@pytest.mark.parametrize("bad", INVISIBLE)
@pytest.mark.parametrize("kind", [FieldKind.TEXT, FieldKind.EMAIL, FieldKind.CREDENTIAL])
def test_an_editor_refuses_a_pasted_format_character_naming_the_field(
    bad: str, kind: FieldKind
) -> None:
    with pytest.raises(ValueError) as refused:
        parse_text(Field("name", "Name", kind), f"Fab{bad}makir")
    message = str(refused.value)
    assert message.startswith("Name: the text holds the invisible character U+")
    assert f"U+{ord(bad):04X} {unicodedata.name(bad)} at character 4" in message
    assert bad not in message


@pytest.mark.parametrize(
    ("kind", "field"),
    [
        (RecordKind.PERSON, "name"),
        (RecordKind.CUSTOMER, "name"),
        (RecordKind.REFERENCE, "contact"),
        (RecordKind.ORGANIZATION, "name"),
        (RecordKind.EXAM, "exam_title"),
    ],
)
def test_the_store_refuses_what_an_editor_let_through(kind: RecordKind, field: str) -> None:
    with pytest.raises(ValidationError, match=f"(?i){field.replace('_', ' ')}: contains U\\+202E"):
        records.check_values(kind, {field: f"Fab{RLO}makir"}, complete=False)


def test_a_document_to_load_names_the_place() -> None:
    document = {
        "format": "mpn-desktop/1",
        "organization": {"name": "Org"},
        "customers": [{"name": f"Fab{RLO}makir"}],
    }
    with pytest.raises(ValidationError) as refused:
        check_document(document)
    assert any(
        problem.startswith("customers[0].name: contains U+202E RIGHT-TO-LEFT OVERRIDE")
        for problem in refused.value.problems
    ), refused.value.problems


@pytest.fixture
def demo(sqlite_templates: SqliteTemplates, tmp_path: Path) -> Path:
    return demo_file(sqlite_templates, tmp_path)


def test_an_exam_file_names_the_line_and_the_field(
    capsys: pytest.CaptureFixture[str], demo: Path
) -> None:
    path = demo.parent / "exams.csv"
    path.write_text(
        "MCP ID,Full Name,Exam Code,Exam Title,Date Passed\n"
        "3000001,Ana Ruiz,70-533,Implementing Azure,2017-11-02\n"
        f"3000002,Ben{RLO}nav,70-533,Implementing Azure,2017-11-02\n"
        f"3000003,Cy Lee,70-533,Implementing{RLO} Azure,2017-11-02\n",
        encoding="utf-8",
    )
    before = fingerprint(demo)
    err = run(capsys, "--db", demo, "import-exams", path).refused()
    assert "line 3, name: holds U+202E RIGHT-TO-LEFT OVERRIDE at character 4" in err
    assert "line 4, exam title: holds U+202E RIGHT-TO-LEFT OVERRIDE at character 13" in err
    assert RLO not in err
    assert fingerprint(demo) == before


def test_a_usage_file_names_the_line_and_the_column(
    capsys: pytest.CaptureFixture[str], demo: Path
) -> None:
    lines = (FIXTURES / "usage" / "csp-usage-based-recon.2019-01.csv").read_text("utf-8")
    first, second, *rest = lines.splitlines(keepends=True)
    second = second.replace("Contoso Pharma", f"Contoso{RLO} Pharma", 1)
    path = demo.parent / "usage.csv"
    path.write_text("".join([first, second, *rest]), encoding="utf-8")
    before = fingerprint(demo)
    err = run(capsys, "--db", demo, "import-usage", path, "--allow-other-mpn-id").refused()
    assert "line 2, CustomerCompanyName: holds U+202E RIGHT-TO-LEFT OVERRIDE at character 8" in err
    assert fingerprint(demo) == before
