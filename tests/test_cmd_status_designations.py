"""status on a day under the Solutions Partner program: the JSON of DESIGN.md and the table."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from mpn_desktop.cli import main

CATALOG = Path(__file__).parents[1] / "resources" / "catalogs" / "solutions-partner-2023-06.json"


@pytest.fixture
def demo(db_url: str, db_args: list[str]) -> list[str]:
    """Options naming the demo organisation dated around 2023-08-15, on the test's backend."""
    from mpn_desktop.store.database import Database
    from mpn_desktop.store.sample import load_sample

    with Database.open(db_url) as db:
        load_sample(db, date(2023, 8, 15))
    return db_args


def _status_json(demo: list[str], capsys: pytest.CaptureFixture[str], *extra: str) -> dict:  # type: ignore[type-arg]
    capsys.readouterr()
    assert main([*demo, "status", "--json", *extra]) == 0
    document: dict = json.loads(capsys.readouterr().out)  # type: ignore[type-arg]
    return document


def test_a_day_in_2023_scores_every_designation(
    demo: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    document = _status_json(demo, capsys, "--as-of", "2023-08-15")
    assert document["program"] == {
        "id": "solutions-partner",
        "catalog": "Microsoft Cloud Partner Program: Solutions Partner designations 2023-06",
        "in_force": ["2023-06-01", "2026-04-30"],
    }
    assert "competencies" not in document
    by_id = {d["id"]: d for d in document["designations"]}
    assert set(by_id) == {
        "data-ai-azure",
        "infrastructure-azure",
        "digital-app-innovation-azure",
        "business-applications",
        "modern-work",
        "security",
    }
    # The demo targets Cloud Platform, Cloud Productivity and EMM: carried over, with notes.
    assert {i for i, d in by_id.items() if d["target"]} == {
        "infrastructure-azure",
        "modern-work",
        "security",
    }
    assert any(
        "Cloud Platform to Solutions Partner for Infrastructure (Azure)" in n
        for n in document["notes"]
    )
    infra = by_id["infrastructure-azure"]
    assert infra["max"] == 100 and infra["qualifies_at"] == 70
    # Before 2023-09-19 a partner not enrolled (the demo pays silver: legacy benefits)
    # qualifies on the day itself (REN22, ANN2309).
    window = infra["window"]
    assert (window["from"], window["to"], window["enrolled"]) == ("2023-08-15", "2023-08-15", False)
    assert window["status"] in {"in-progress", "qualified"} and window["rule"]
    assert window["qualified"] == (window["qualified_on"] is not None)
    metric = infra["categories"][0]["metrics"][0]
    assert {"id", "have", "need", "unit", "points", "max", "met", "missing"} <= set(metric)
    assert infra["score"] == sum(c["points"] for c in infra["categories"])
    assert infra["qualified"] and not infra["missing"]  # the demo's qualified designation
    security = by_id["security"]
    assert not security["qualified"] and security["missing"] and security["suggestion"]


def test_the_table_names_the_program_and_what_is_missing(
    demo: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    assert main([*demo, "status", "--as-of", "2023-08-15"]) == 0
    out = capsys.readouterr().out
    assert "Program: Microsoft Cloud Partner Program: Solutions Partner designations" in out
    assert "Solutions Partner for Infrastructure (Azure) - target:" in out
    assert "QUALIFIED" in out  # Infrastructure
    assert (
        "missing: Intermediate certifications: 1 more person with Microsoft 365 Fundamentals" in out
    )
    assert "A qualification counts only on the as-of day, 2023-08-15: not qualified on it." in out
    # A way of several steps: each on its own line, numbered (before: one line, the steps
    # joined by "; " running into their own "(...; +30 points)").
    assert "cheapest way to 70 (1 of " in out and "cheapest way to 70 (2 of " in out
    # What is missing and the way at the designation's indentation, as its window sentence
    # (before: 6 columns, deeper than the metrics, as if the last metric's).
    said = [line for line in out.splitlines() if line.lstrip().startswith(("missing:", "cheap"))]
    assert said and all(line.startswith(("  missing: ", "  cheapest way to 70")) for line in said)
    assert all(line.count("; +") <= 1 for line in out.splitlines() if "cheapest way" in line)
    # The tracks named as the window and the checklist name them (before: "smb track",
    # "tracks: enterprise 36.5, smb 63"); "and" between them (German: "57,1, SMB 65,1").
    assert "(qualifies at 70, SMB track): not qualified" in out
    assert "  tracks: Enterprise 36.5 and SMB 63 (the higher counts)\n" in out


def test_a_day_in_2018_still_shows_the_competencies(
    demo: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    document = _status_json(demo, capsys, "--as-of", "2018-03-01")
    assert "designations" not in document and document["competencies"]


def test_a_day_between_the_programs_says_no_catalogue_is_shipped(
    demo: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    early = _status_json(demo, capsys, "--as-of", "2019-06-01")
    assert "competencies" in early
    assert early["notes"][0].startswith("No catalogue is shipped for 2019-06-01")
    late = _status_json(demo, capsys, "--as-of", "2022-01-10")
    assert "designations" in late
    assert "Shown: the nearest, the Solutions Partner rules" in late["notes"][0]


def test_a_scored_catalogue_file_can_be_named(
    demo: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    capsys.readouterr()
    assert (
        main(["--catalog", str(CATALOG), *demo, "status", "--json", "--as-of", "2018-03-01"]) == 0
    )
    assert json.loads(capsys.readouterr().out)["program"]["id"] == "solutions-partner"


@pytest.mark.parametrize(
    ("day", "version"),
    [("2022-11-01", "2022-10"), ("2023-08-15", "2023-06"), ("2026-12-06", "2026-05")],
)
def test_catalog_prints_each_shipped_catalogue(
    day: str, version: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["catalog", "--as-of", day]) == 0
    text = capsys.readouterr().out
    assert f"Solutions Partner designations {version} (in force" in text
    assert "Solutions Partner for Security [security]" in text
    # Before: "step 1: 2 with Azure ..." (2 what?) and "Smb track" beside "SMB" elsewhere.
    assert "step 1: 2 people with Azure Administrator Associate" in text or version == "2023-06"
    assert "\n  SMB track\n" in text and "Smb" not in text
    assert main(["catalog", "--as-of", day, "--json"]) == 0
    document = json.loads(capsys.readouterr().out)
    assert document["version"] == version
    assert len(document["designations"]) == 6
    for designation in document["designations"]:
        for track in designation["tracks"]:
            assert sum(m["max"] for m in track["metrics"]) == 100


def test_catalog_without_a_day_is_the_2017_catalogue_as_before(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["catalog", "--json"]) == 0
    assert "competencies" in json.loads(capsys.readouterr().out)


def test_designations_named_as_targets_replace_the_carried_over_ones(
    db_args: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from mpn_desktop.store.sample import sample_document

    document = sample_document(date(2023, 8, 15))
    document["targets"] = [
        *document["targets"],
        {"designation": "data-ai-azure"},
        {"designation": "modern-work"},
    ]
    source = tmp_path / "org.json"
    source.write_text(json.dumps(document), encoding="utf-8")
    db = db_args
    assert main([*db, "load", str(source)]) == 0
    out = _status_json(db, capsys, "--as-of", "2023-08-15")
    assert {d["id"] for d in out["designations"] if d["target"]} == {"data-ai-azure", "modern-work"}
    assert not any("carried over" in note for note in out["notes"])
    # export -> load -> export gives the same document, designations included.
    first = tmp_path / "first.json"
    assert main([*db, "export", str(first)]) == 0
    exported = json.loads(first.read_text())
    assert {"designation": "modern-work"} in exported["targets"]
    # Into a SQLite file whichever backend exported it: the document is the same.
    again = ["--db", str(tmp_path / "again.sqlite3")]
    assert main([*again, "load", str(first)]) == 0
    second = tmp_path / "second.json"
    assert main([*again, "export", str(second)]) == 0
    assert json.loads(second.read_text()) == exported


def test_a_wrong_or_repeated_designation_target_is_refused_with_its_place(
    db_args: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from mpn_desktop.store.sample import sample_document

    document = sample_document(date(2023, 8, 15))
    document["targets"] = [{"designation": "azure"}, {"designation": "security"}]
    document["targets"].append({"designation": "security"})
    source = tmp_path / "org.json"
    source.write_text(json.dumps(document), encoding="utf-8")
    assert main([*db_args, "load", str(source)]) == 1
    err = capsys.readouterr().err
    assert "targets[0].designation: 'azure' is not a designation" in err
    assert "targets[2]: targets that designation twice (as targets[1])" in err


def test_the_fee_is_one_for_every_designation_due_at_the_next_anniversary(
    demo: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    fee = _status_json(demo, capsys, "--as-of", "2023-08-15")["fee"]
    assert fee["amount_usd"] == 4730
    year = fee["current_year"]
    assert year["start"] <= "2023-08-15" <= year["end"]
    assert fee["due_on"] > year["end"]
    assert isinstance(fee["paid"], bool)


def test_a_metric_of_parts_in_different_units_says_its_points_once(
    db_url: str, db_args: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    # Security's usage growth adds US$ of Azure growth and protected users: its figure is the
    # points, which the line said twice, rounded two ways ("0.50 of 20 points, 0.5 of 20 points").
    from mpn_desktop.store.database import Database
    from mpn_desktop.store.sample import load_sample

    with Database.open(db_url) as db:
        load_sample(db, date(2026, 10, 15))
    capsys.readouterr()
    assert main([*db_args, "status", "--as-of", "2026-10-15"]) == 0
    lines = capsys.readouterr().out.splitlines()
    security = lines.index(
        next(line for line in lines if line.startswith("Solutions Partner for Security"))
    )
    growth = next(line for line in lines[security:] if "] Usage growth:" in line)
    assert growth.endswith("] Usage growth: 0.5 of 20 points"), growth
