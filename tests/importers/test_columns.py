"""Recognising columns by their header names, and ``--map COLUMN=FIELD``."""

from __future__ import annotations

import pytest

from mpn_desktop.importers.columns import Field, apply_overrides, suggest_mapping
from mpn_desktop.importers.reading import OptionError


@pytest.mark.parametrize(
    ("header", "field"),
    [
        ("MCP ID", Field.MCP_ID),
        ("mcpid", Field.MCP_ID),
        (" Certification-ID ", Field.MCP_ID),
        ("mcp_id", Field.MCP_ID),
        ("Exam", Field.EXAM_CODE),
        ("EXAM NUMBER", Field.EXAM_CODE),
        ("Exam Code", Field.EXAM_CODE),
        ("Exam Title", Field.EXAM_TITLE),
        ("Date Passed", Field.PASSED_ON),
        ("passed on", Field.PASSED_ON),
        ("Achievement Date", Field.PASSED_ON),
        ("Full Name", Field.NAME),
        ("First Name", Field.FIRST_NAME),
        ("Last Name", Field.LAST_NAME),
        ("E-mail address", Field.EMAIL),
        ("kind", Field.KIND),
    ],
)
def test_usual_spellings_are_recognised(header: str, field: Field) -> None:
    assert suggest_mapping(["Something else", header]).column_of(field) == 1


def test_partner_center_training_details_columns() -> None:
    header = [
        "MPNId",
        "PartnerName",
        "MCPID",
        "IndividualFirstName",
        "IndividualLastName",
        "Email",
        "TrainingActivityId",
        "TrainingTitle",
        "TrainingType",
        "TrainingCompletionDate",
        "Month",
    ]
    mapping = suggest_mapping(header)
    assert {field: header[column] for field, column in mapping.columns.items()} == {
        Field.MCP_ID: "MCPID",
        Field.FIRST_NAME: "IndividualFirstName",
        Field.LAST_NAME: "IndividualLastName",
        Field.EMAIL: "Email",
        Field.EXAM_CODE: "TrainingActivityId",
        Field.EXAM_TITLE: "TrainingTitle",
        Field.KIND: "TrainingType",
        Field.PASSED_ON: "TrainingCompletionDate",
        # Read to refuse a file of another organisation (--allow-other-mpn-id).
        Field.MPN_ID: "MPNId",
    }
    assert mapping.ignored == ("PartnerName", "Month")
    assert mapping.missing() == []


def test_missing_columns_are_said_in_words() -> None:
    assert suggest_mapping(["Full Name", "Exam"]).missing() == [
        "an MCP ID column",
        "a date-passed column",
    ]
    assert "an exam code or exam title column" in suggest_mapping(["MCP ID"]).missing()


def test_map_adds_moves_and_ignores_columns() -> None:
    header = ["Person", "Test", "When", "Exam"]
    mapping = apply_overrides(
        suggest_mapping(header),
        ["Person=mcp_id", "test=exam_code", "When=passed-on", "Exam=ignore"],
    )
    assert mapping.column_of(Field.MCP_ID) == 0
    assert mapping.column_of(Field.EXAM_CODE) == 1
    assert mapping.column_of(Field.PASSED_ON) == 2
    assert mapping.ignored == ("Exam",)


def test_map_of_a_column_whose_name_holds_an_equals_sign() -> None:
    mapping = apply_overrides(suggest_mapping(["a=b", "c"]), ["a=b=mcp_id"])
    assert mapping.column_of(Field.MCP_ID) == 0


@pytest.mark.parametrize(
    ("override", "words"),
    [
        ("Nope=mcp_id", "no column 'Nope'"),
        ("Person=colour", "'colour' is not a field"),
        ("Person", "is not COLUMN=FIELD"),
    ],
)
def test_bad_map_is_a_usage_error(override: str, words: str) -> None:
    with pytest.raises(OptionError, match=words):
        apply_overrides(suggest_mapping(["Person"]), [override])


def test_a_plain_date_column_is_the_date_passed_unless_another_says_so() -> None:
    assert suggest_mapping(["Name", "MCP ID", "Exam", "Date"]).column_of(Field.PASSED_ON) == 3
    both = suggest_mapping(["MCP ID", "Date", "Exam", "Date Passed"])
    assert both.column_of(Field.PASSED_ON) == 3
    assert both.ignored == ("Date",)
