"""The mpn-desktop/1 document: identical round trip, every error with its path, all or nothing."""

from __future__ import annotations

import copy
import json
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from mpn_desktop.errors import ValidationError
from mpn_desktop.store.database import Database
from mpn_desktop.store.documents import (
    export_document,
    load_document,
    read_document_file,
    write_document_file,
)
from mpn_desktop.store.sample import sample_document

DESIGN_EXAMPLE: dict[str, Any] = {
    "format": "mpn-desktop/1",
    "organization": {
        "name": "Contoso Cloud Ltd",
        "mpn_id": "4123456",
        "market": "developed",
        "anniversary": "2018-06-30",
    },
    "targets": [{"competency": "cloud-platform", "level": "gold"}],
    "customers": [{"name": "Fabrikam", "tenant_id": "optional"}],
    "subscriptions": [
        {
            "id": "sub-1",
            "customer": "Fabrikam",
            "workload": "azure",
            "association": "dpor",
            "associated_on": "2017-01-15",
            "started_on": "2017-01-15",
            "ended_on": None,
            "trial": False,
        }
    ],
    "usage": [
        {
            "subscription": "sub-1",
            "month": "2017-12",
            "consumption_usd": 1250.0,
            "revenue_usd": 0,
            "active_users": 0,
        }
    ],
    "people": [
        {
            "name": "Ana Ruiz",
            "email": "ana@contoso.example",
            "mcp_id": "1234567",
            "associated": True,
            "left_on": None,
        }
    ],
    "exams": [
        {
            "mcp_id": "1234567",
            "exam_code": "70-533",
            "exam_title": "...",
            "passed_on": "2017-11-02",
            "kind": "exam",
        }
    ],
    "references": [
        {
            "customer": "Fabrikam",
            "competency": "cloud-platform",
            "status": "approved",
            "submitted_on": "2017-08-01",
            "approved_on": "2017-09-01",
        }
    ],
    "fee_payments": [
        {
            "membership_year_start": "2017-06-30",
            "level": "gold",
            "amount_usd": 3940,
            "paid_on": "2017-06-20",
        }
    ],
}


def test_the_design_example_loads(db: Database) -> None:
    load_document(db, DESIGN_EXAMPLE)
    exported = export_document(db)
    assert exported["usage"][0]["consumption_usd"] == 1250
    assert exported["references"][0]["contact"] == ""
    assert exported["subscriptions"] == DESIGN_EXAMPLE["subscriptions"]


def test_export_load_export_is_identical(demo_db: Database, tmp_path: Path) -> None:
    first = export_document(demo_db)
    path = tmp_path / "org.json"
    write_document_file(first, path)
    with Database.open(f"sqlite:///{tmp_path / 'copy.sqlite3'}") as copy_db:
        load_document(copy_db, read_document_file(path))
        second = export_document(copy_db)
    assert second == first
    assert json.dumps(second, sort_keys=True) == json.dumps(first, sort_keys=True)


def test_cents_survive_the_round_trip(db: Database) -> None:
    document = copy.deepcopy(DESIGN_EXAMPLE)
    document["usage"][0]["consumption_usd"] = Decimal("1250.37")
    load_document(db, document)
    assert export_document(db)["usage"][0]["consumption_usd"] == 1250.37


def test_every_error_is_reported_with_its_path_and_nothing_is_written(db: Database) -> None:
    document = sample_document()
    document["exams"][4]["passed_on"] = "2017-13-45"
    document["usage"][2]["consumption_usd"] = -5
    document["subscriptions"][1]["workload"] = "sharepoint"
    document["references"][0]["customer"] = "Nobody Inc"
    document["people"].append(dict(document["people"][0]))
    document["customers"][0]["colour"] = "blue"
    del document["fee_payments"][0]["level"]
    with pytest.raises(ValidationError) as error:
        load_document(db, document)
    problems = error.value.problems
    assert "exams[4].passed_on: 2017-13-45 is not a date (expected YYYY-MM-DD)" in problems
    assert "usage[2].consumption_usd: -5 is negative" in problems
    assert any(
        p.startswith("subscriptions[1].workload: sharepoint is not one of") for p in problems
    )
    assert "references[0].customer: no customer is named 'Nobody Inc'" in problems
    repeat = len(document["people"]) - 1  # the demo holds more people on a later day
    assert any(
        p.startswith(f"people[{repeat}]: repeats an MCP ID (as people[0])") for p in problems
    )
    assert "customers[0].colour: unknown field" in problems
    assert "fee_payments[0].level: missing" in problems
    assert len(problems) == 7
    assert export_document(db)["organization"] is None


def test_not_a_document_at_all(db: Database) -> None:
    with pytest.raises(ValidationError) as error:
        load_document(db, {"format": "something/2", "people": {}})
    assert "format: 'something/2' is not 'mpn-desktop/1'" in error.value.problems
    assert "people: expected a list" in error.value.problems


def test_a_non_empty_database_is_refused_unless_replace(demo_db: Database) -> None:
    before = export_document(demo_db)
    with pytest.raises(ValidationError, match="--replace"):
        load_document(demo_db, DESIGN_EXAMPLE)
    assert export_document(demo_db) == before
    load_document(demo_db, DESIGN_EXAMPLE, replace=True)
    after = export_document(demo_db)
    assert after["organization"]["name"] == "Contoso Cloud Ltd"
    assert len(after["people"]) == 1 and len(after["usage"]) == 1


def test_a_file_that_is_not_json_names_line_and_column(tmp_path: Path) -> None:
    path = tmp_path / "broken.json"
    path.write_text('{\n  "format": "mpn-desktop/1",\n  "people": [,]\n}\n')
    with pytest.raises(ValidationError, match=r"broken.json, line 3, column 14: not valid JSON"):
        read_document_file(path)


def _file_bytes(path: Path) -> dict[str, bytes]:
    """The database file and its WAL companions, byte for byte."""
    return {
        suffix: Path(f"{path}{suffix}").read_bytes()
        for suffix in ("", "-wal", "-shm")
        if Path(f"{path}{suffix}").exists()
    }


@pytest.mark.parametrize(
    ("where", "value", "problem"),
    [
        (("usage", 0, "active_users"), 10**30, "usage[0].active_users: 1000"),
        (("usage", 0, "active_users"), float("inf"), "usage[0].active_users: inf is not a whole"),
        (("organization", None, "name"), "Con\ud800toso", "organization.name: contains \\ud800"),
        (("people", 0, "name"), "Ana\x00Ruiz", "people[0].name: contains a NUL character"),
    ],
)
@pytest.mark.sqlite_only  # compares the file's bytes
def test_values_sqlite_cannot_hold_are_problems_of_their_entry(
    demo_db: Database,
    db_path: Path,
    where: tuple[str, int | None, str],
    value: Any,
    problem: str,
) -> None:
    # Before: an integer past SQLite's 64 bits (OverflowError) or a lone
    # surrogate (UnicodeEncodeError) got through the checks and failed in the
    # INSERT, with a traceback; a NUL was stored and cut the name short in Qt.
    document = copy.deepcopy(DESIGN_EXAMPLE)
    section, index, name = where
    entry = document[section] if index is None else document[section][index]
    entry[name] = value
    demo_db.engine.dispose()
    before = _file_bytes(db_path)
    with pytest.raises(ValidationError) as error:
        load_document(demo_db, document, replace=True)
    assert [p for p in error.value.problems if p.startswith(problem)], error.value.problems
    demo_db.engine.dispose()
    assert _file_bytes(db_path) == before


def test_a_document_nested_too_deeply_is_refused_with_the_file_name(tmp_path: Path) -> None:
    path = tmp_path / "deep.json"
    path.write_text("[" * 100_000 + "]" * 100_000)
    with pytest.raises(ValidationError, match=r"deep.json: .*nested too deeply"):
        read_document_file(path)


def test_targets_and_references_must_name_a_competency_of_the_catalogue(
    demo_db: Database,
) -> None:
    document = copy.deepcopy(DESIGN_EXAMPLE)
    document["targets"][0]["competency"] = "cloud-platfrom"
    document["references"][0]["competency"] = "cloud-crm-typo"
    before = export_document(demo_db)
    with pytest.raises(ValidationError) as error:
        load_document(
            demo_db,
            document,
            replace=True,
            competencies={"cloud-platform", "cloud-crm"},
            source="org.json",
        )
    assert str(error.value).startswith("org.json: the document has 2 problems")
    assert [p.split(":")[0] for p in error.value.problems] == [
        "targets[0].competency",
        "references[0].competency",
    ]
    assert "'cloud-platfrom' is not a competency of the catalogue" in error.value.problems[0]
    assert export_document(demo_db) == before


def test_a_missing_format_says_missing(db: Database) -> None:
    with pytest.raises(ValidationError) as error:
        load_document(db, {"people": []})
    assert error.value.problems == ["format: missing (expected 'mpn-desktop/1')"]


def test_a_number_python_cannot_read_is_refused_with_the_file_name(tmp_path: Path) -> None:
    # Before: json raised ValueError (more than 4,300 digits), shown as a crash.
    path = tmp_path / "long.json"
    path.write_text('{"format": "mpn-desktop/1", "usage": [{"active_users": 1' + "0" * 5000 + "}]}")
    with pytest.raises(ValidationError, match=r"long.json: holds a number too long"):
        read_document_file(path)


@pytest.mark.parametrize("text", ["20170115", "2017-W03-7", "2017-1-15"])
def test_dates_are_read_only_as_yyyy_mm_dd(db: Database, text: str) -> None:
    # Before: "20170115" and "2017-W03-7" loaded as 2017-01-15 (date.fromisoformat).
    document = copy.deepcopy(DESIGN_EXAMPLE)
    document["subscriptions"][0]["started_on"] = text
    with pytest.raises(ValidationError) as error:
        load_document(db, document)
    assert error.value.problems == [
        f"subscriptions[0].started_on: {text} is not a date (expected YYYY-MM-DD)"
    ]
