"""One rule, one place: table editor, importer and store agree on an MCP ID and an exam code."""

from __future__ import annotations

from pathlib import Path

import pytest

from mpn_desktop.catalog_files import load_catalog
from mpn_desktop.domain.identifiers import is_mcp_id
from mpn_desktop.importers.catalog_lookup import CatalogLookup
from mpn_desktop.store import values
from mpn_desktop.ui.models.fields import Field, FieldKind, parse_text
from mpn_desktop.ui.tabs.catalog_lists import find_credential

_MCP_IDS = ["1234567", "9" * 15, "9" * 20, "9" * 21, "98x", "1.23457E+12", "", " 1 2"]


@pytest.mark.parametrize("text", _MCP_IDS)
def test_the_table_editor_and_the_store_accept_the_same_mcp_ids(text: str) -> None:
    field = Field("mcp_id", "MCP ID", FieldKind.MCP_ID, required=True)
    try:
        parse_text(field, text)
        editor = True
    except ValueError:
        editor = False
    try:
        values.mcp_id(text)
        store = True
    except ValueError:
        store = False
    assert editor == store == is_mcp_id(text.strip()), text


@pytest.mark.parametrize("written", ["Exam: 70-533", "exam 70 - 533", "70-533", "Exam #70-533"])
def test_the_exams_tab_finds_a_code_as_the_importer_does(written: str) -> None:
    catalog = load_catalog()
    found = find_credential(catalog, written)
    assert found is not None and found.code == "70-533"
    assert CatalogLookup(catalog).normalize_code(written) == "70-533"


@pytest.mark.parametrize("text", ["4123456", "1234", "1" * 10, "123", "1" * 11, "MPN-1", ""])
def test_the_store_takes_the_mpn_ids_the_first_start_takes(text: str) -> None:
    from mpn_desktop.domain.identifiers import is_mpn_id

    try:
        values.mpn_id(text)
        stored = True
    except ValueError:
        stored = False
    # Empty is "not entered yet", which the store keeps and the first start asks for.
    assert stored == (is_mpn_id(text) or text == "")


def test_a_document_with_a_wrong_mpn_id_is_refused_and_says_where(tmp_path: Path) -> None:
    from mpn_desktop.errors import ValidationError
    from mpn_desktop.store.database import Database
    from mpn_desktop.store.documents import load_document

    document = {"format": "mpn-desktop/1", "organization": {"name": "X", "mpn_id": "MPN-1"}}
    with (
        Database.open(f"sqlite:///{tmp_path / 'x.sqlite3'}") as db,
        pytest.raises(ValidationError) as refused,
    ):
        load_document(db, document)
    assert "mpn_id" in str(refused.value) + " ".join(refused.value.problems)


@pytest.mark.parametrize(
    ("kind", "text"),
    [
        (FieldKind.MONEY, "999999999999.99"),
        (FieldKind.MONEY, "1000000000000"),
        (FieldKind.COUNT, str(2**63 - 1)),
        (FieldKind.COUNT, str(2**63)),
    ],
)
def test_the_table_editor_takes_the_amounts_and_counts_the_store_takes(
    kind: FieldKind, text: str
) -> None:
    field = Field("x", "X", kind)
    store = values.money if kind is FieldKind.MONEY else values.count
    try:
        stored = store(int(text) if kind is FieldKind.COUNT else text) is not None
    except ValueError:
        stored = False
    try:
        parse_text(field, text)
        edited = True
    except ValueError as error:
        edited = False
        assert "at most" in str(error), error
    assert edited == stored, text


def test_the_importer_refuses_a_value_longer_than_the_database_keeps(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from mpn_desktop.cli import main
    from mpn_desktop.store.changes import RecordKind
    from mpn_desktop.store.schema_fields import text_limit

    limit = text_limit(RecordKind.PERSON, "name")
    source = tmp_path / "exams.csv"
    source.write_text(
        "mcp_id,name,exam_code,passed_on\n"
        f"1234567,{'A' * limit},70-533,2017-11-02\n"
        f"7654321,{'B' * (limit + 1)},70-533,2017-11-02\n",
        encoding="utf-8",
    )
    db = ["--db", str(tmp_path / "x.sqlite3")]
    assert main([*db, "import-exams", str(source)]) == 1
    out = capsys.readouterr()
    assert f"longer than {limit} characters" in out.out + out.err


def _text_fields() -> list[tuple[object, str]]:
    from mpn_desktop.store.schema_fields import SPECS, ValueKind

    return [
        (kind, name)
        for kind, spec in SPECS.items()
        for name, field in spec.fields.items()
        if field.value is ValueKind.TEXT
    ]


@pytest.mark.parametrize(("kind", "name"), _text_fields())
def test_a_text_field_takes_as_many_characters_as_its_column_keeps(kind: object, name: str) -> None:
    from mpn_desktop.store.schema_fields import SPECS, text_limit

    try:
        limit = text_limit(kind, name)  # type: ignore[arg-type]
    except TypeError:
        pytest.skip(f"{name} has no length limit in the database")
    parse = SPECS[kind].fields[name].parse  # type: ignore[index]
    assert parse("a" * limit)
    with pytest.raises(ValueError, match="longer than"):
        parse("a" * (limit + 1))


def test_e_mail_is_spelled_one_way_by_the_store_the_importer_and_the_window() -> None:
    """Before, the store's refusals said 'Email', the importer's problems 'email' and the
    window's column 'E-mail'."""
    from mpn_desktop.importers.columns import Field as ImportField
    from mpn_desktop.store.schema_fields import field_label

    assert field_label("email") == "E-mail"
    assert ImportField.EMAIL.label == "e-mail"
    window = Path(__file__).parents[1] / "mpn_desktop" / "ui" / "tabs" / "exams_tab.py"
    assert 'self.tr("E-mail")' in window.read_text(encoding="utf-8")
