"""``--map COLUMN=FIELD`` of both imports: its help lists every field the importer takes."""

from __future__ import annotations

import subprocess
import sys

import pytest

from mpn_desktop.cli import build_parser, main
from mpn_desktop.importers.columns import EXAM_FIELDS, Field, parse_field
from mpn_desktop.importers.usage_fields import FIELD_SETS, UsageField


def _help(words: list[str], capsys: pytest.CaptureFixture[str]) -> str:
    with pytest.raises(SystemExit) as exit_info:
        main([*words, "--help"])
    assert exit_info.value.code == 0
    return " ".join(capsys.readouterr().out.split())


@pytest.mark.parametrize(
    ("command", "fields"), [("import-exams", Field), ("import-usage", UsageField)]
)
def test_the_help_lists_every_field_the_importer_takes(
    command: str, fields: type[Field] | type[UsageField], capsys: pytest.CaptureFixture[str]
) -> None:
    # Before: import-usage's list was written by hand and lacked charge_type, invoice, offer,
    # unit_price, ... which --map took all the same (the refusal of a wrong one listed them).
    names = ", ".join(str(field.value) for field in fields)
    for language, ending in (("en", ", or ignore); may be repeated"), ("de", " oder ignore)")):
        said = _help(["--language", language, command], capsys)
        assert f"({names}{ending}" in said, language


def test_the_help_and_the_refusal_list_the_same_fields() -> None:
    for fields in (EXAM_FIELDS, *FIELD_SETS.values()):
        with pytest.raises(Exception) as refused:
            parse_field("nope", fields)
        names = ", ".join(str(field.value) for field in fields.fields)
        assert f"(choose from {names}, ignore)" in str(refused.value)


@pytest.mark.slow
def test_the_parser_does_not_import_the_importers() -> None:
    # Every start builds the parser, the window's too: the fields are read for the help only.
    probe = (
        "import sys; from mpn_desktop.cli import build_parser; build_parser(); "
        "print([name for name in sys.modules if name.startswith('mpn_desktop.importers')])"
    )
    found = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True
    )
    assert found.stdout == "[]\n"


def test_map_may_be_repeated() -> None:
    parser = build_parser()
    args = parser.parse_args(["import-exams", "f.csv", "--map", "A=mcp_id", "--map", "B=ignore"])
    assert args.map == ["A=mcp_id", "B=ignore"]
    assert parser.parse_args(["import-usage", "f.csv"]).map == []
    # The default list is never appended to: a second parse starts empty again.
    assert parser.parse_args(["import-exams", "f.csv"]).map == []
