"""The export, load and demo commands: exit codes, messages and the files they write."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from mpn_desktop.cli import main


def _exported_demo(db_args: list[str], tmp_path: Path) -> tuple[Path, Any]:
    """The demo organisation in the database, exported to org.json: the file and its document."""
    assert main([*db_args, "demo"]) == 0
    exported = tmp_path / "org.json"
    assert main([*db_args, "export", str(exported)]) == 0
    return exported, json.loads(exported.read_text())


def _exported_import(db_args: list[str], tmp_path: Path) -> Path:
    """A usage file imported into the database (no organisation entered), exported to org.json."""
    usage = Path(__file__).parent / "importers" / "fixtures" / "usage"
    assert main([*db_args, "import-usage", str(usage / "csp-usage-based-recon.2019-01.csv")]) == 0
    exported = tmp_path / "org.json"
    assert main([*db_args, "export", str(exported)]) == 0
    return exported


def test_demo_then_export_then_load_elsewhere_is_identical(
    db_args: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main([*db_args, "demo"]) == 0
    assert "Contoso Cloud Ltd" in capsys.readouterr().out
    first = tmp_path / "first.json"
    assert main([*db_args, "export", str(first)]) == 0
    assert "to " + str(first) in capsys.readouterr().out
    other = ["--db", str(tmp_path / "other.sqlite3")]
    assert main([*other, "load", str(first)]) == 0
    second = tmp_path / "second.json"
    assert main([*other, "export", str(second)]) == 0
    assert json.loads(first.read_text()) == json.loads(second.read_text())
    assert first.read_text() == second.read_text()


def test_demo_refuses_a_database_that_holds_data(
    db_args: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main([*db_args, "demo"]) == 0
    assert main([*db_args, "demo"]) == 1
    assert "--replace" in capsys.readouterr().err
    assert main([*db_args, "demo", "--replace"]) == 0


def test_load_prints_every_error_with_its_path_and_writes_nothing(
    db_args: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    exported, document = _exported_demo(db_args, tmp_path)
    document["exams"][3]["passed_on"] = "2017-13-45"
    document["usage"][0]["active_users"] = -2
    exported.write_text(json.dumps(document))
    capsys.readouterr()
    other = ["--db", str(tmp_path / "other.sqlite3")]
    assert main([*other, "load", str(exported)]) == 1
    err = capsys.readouterr().err
    assert "exams[3].passed_on: 2017-13-45 is not a date" in err
    assert "usage[0].active_users: -2 is negative" in err
    assert "Traceback" not in err
    empty = tmp_path / "empty.json"
    assert main([*other, "export", str(empty)]) == 0
    assert json.loads(empty.read_text())["people"] == []


def test_load_refuses_a_non_empty_database_unless_replace(
    db_args: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    exported, _document = _exported_demo(db_args, tmp_path)
    assert main([*db_args, "load", str(exported)]) == 1
    assert "already holds an organisation" in capsys.readouterr().err
    assert main([*db_args, "load", "--replace", str(exported)]) == 0


def test_load_replace_over_imported_records_replaces_them(
    db_args: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Customers and subscriptions an import created name their import batch: the batches were
    # deleted before them, and 'load --replace' of the database's own export failed with "the
    # record refers to something that does not exist, or is still in use".
    exported = _exported_import(db_args, tmp_path)
    capsys.readouterr()
    assert main([*db_args, "load", "--replace", str(exported)]) == 0, capsys.readouterr().err
    again = tmp_path / "again.json"
    assert main([*db_args, "export", str(again)]) == 0
    assert json.loads(again.read_text()) == json.loads(exported.read_text())
    assert main([*db_args, "imports"]) == 0
    assert "csp-usage-based-recon" not in capsys.readouterr().out  # replaced, imports included


def test_load_over_imported_records_without_an_organisation_says_what_the_database_holds(
    db_args: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # A file imported before any organisation was entered: "already holds an organisation"
    # named something the database did not hold.
    exported = _exported_import(db_args, tmp_path)
    capsys.readouterr()
    assert main([*db_args, "load", str(exported)]) == 1
    err = capsys.readouterr().err
    assert "the database already holds records (no organisation yet)" in err
    assert "'mpn-desktop load --replace" in err


def test_load_of_a_missing_or_broken_file(
    db_args: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main([*db_args, "load", str(tmp_path / "nope.json")]) == 1
    assert "nope.json: no such file" in capsys.readouterr().err
    broken = tmp_path / "broken.json"
    broken.write_text("{ not json")
    assert main([*db_args, "load", str(broken)]) == 1
    assert "broken.json, line 1, column 3: not valid JSON" in capsys.readouterr().err


@pytest.mark.sqlite_only  # looks at the database file
def test_a_refused_database_file_gives_a_message_not_a_traceback(
    db_args: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "tracker.sqlite3"
    bad.write_text("this is my diary, not a database")
    assert main([*db_args, "export", str(tmp_path / "x.json")]) == 1
    err = capsys.readouterr().err
    assert str(bad) in err and "not a database" in err and "Traceback" not in err
    assert bad.read_text() == "this is my diary, not a database"


@pytest.mark.sqlite_only  # looks at the database file
def test_load_refuses_a_competency_the_catalogue_does_not_know(
    db_args: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Before: a target with a typo was stored and then silently left out of
    # status, the checklist and the window.
    exported, document = _exported_demo(db_args, tmp_path)
    document["targets"][1]["competency"] = "cloud-productivty"
    exported.write_text(json.dumps(document))
    database = tmp_path / "tracker.sqlite3"
    before = database.read_bytes()
    capsys.readouterr()
    assert main([*db_args, "load", "--replace", str(exported)]) == 1
    err = capsys.readouterr().err
    assert f"{exported}: the document has 1 problem;" in err
    assert "targets[1].competency: 'cloud-productivty' is not a competency" in err
    assert database.read_bytes() == before


def test_load_of_json_that_is_not_an_object_names_the_file(
    db_args: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "list.json"
    path.write_text("[1, 2]")
    assert main([*db_args, "load", str(path)]) == 1
    err = capsys.readouterr().err
    assert f"{path}: the document is not a JSON object" in err
    assert "$: expected an object, not list" in err


def test_export_into_a_path_under_a_file_is_an_error_not_a_crash(
    db_args: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Before: the clean-up of the partial file raised NotADirectoryError
    # inside the except clause, and the user saw "an unexpected error".
    (tmp_path / "plain.txt").write_text("not a folder")
    target = tmp_path / "plain.txt" / "org.json"
    assert main([*db_args, "export", str(target)]) == 1
    assert (
        f"{target}: cannot be written: a part of the path is a file, not a folder"
        in capsys.readouterr().err
    )


@pytest.mark.sqlite_only  # looks at the database file
def test_export_never_writes_over_the_database_or_another_database(
    db_args: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Before: "export tracker.sqlite3" replaced the database with the JSON: all data lost.
    database = tmp_path / "tracker.sqlite3"
    assert main([*db_args, "demo"]) == 0
    before = database.read_bytes()
    capsys.readouterr()
    for target in (database, Path(f"{database}-wal"), tmp_path / "." / "tracker.sqlite3"):
        assert main([*db_args, "export", str(target)]) == 1
        assert f"{target}: is the database itself" in capsys.readouterr().err
    assert database.read_bytes() == before
    other = tmp_path / "other.sqlite3"
    assert main(["--db", str(other), "demo"]) == 0
    other_before = other.read_bytes()
    capsys.readouterr()
    assert main([*db_args, "export", str(other)]) == 1
    assert (
        f"{other}: is a database file; replacing it would lose its data" in capsys.readouterr().err
    )
    assert other.read_bytes() == other_before
    assert main([*db_args, "status"]) == 0


def test_a_document_wrong_everywhere_prints_a_bounded_list(
    db_args: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Before: one line per problem, 5,000 lines here (500,000 for a large export).
    months = [f"{year}-{month:02d}" for year in range(2000, 2500) for month in range(1, 11)]
    usage = [{"subscription": "nope", "month": month} for month in months]
    path = tmp_path / "wrong.json"
    path.write_text(json.dumps({"format": "mpn-desktop/1", "usage": usage}))
    assert main([*db_args, "load", str(path)]) == 1
    lines = capsys.readouterr().err.splitlines()
    assert lines[0] == f"mpn-desktop: {path}: the document has 5,000 problems; nothing was written"
    assert lines[1] == "  usage[0].subscription: no subscription has the id 'nope'"
    assert len(lines) == 102
    assert lines[-1] == "  ... and 4,900 more problems like these"


@pytest.mark.sqlite_only  # looks at the database file
def test_a_refused_load_into_a_new_file_leaves_no_database_behind(
    db_args: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    exported, document = _exported_demo(db_args, tmp_path)
    document["targets"][0]["competency"] = "cloud-nonsense"
    exported.write_text(json.dumps(document))
    fresh = tmp_path / "new" / "fresh.sqlite3"
    fresh.parent.mkdir()
    capsys.readouterr()
    assert main(["--db", str(fresh), "load", str(exported)]) == 1
    assert "cloud-nonsense" in capsys.readouterr().err
    assert list(fresh.parent.iterdir()) == []
    # A database that was there before keeps its file, untouched.
    database = tmp_path / "tracker.sqlite3"
    before = database.read_bytes()
    assert main([*db_args, "load", "--replace", str(exported)]) == 1
    assert database.read_bytes() == before


def test_the_database_is_chosen_by_db_url_env_or_the_default(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from mpn_desktop.paths import data_dir

    by_url = tmp_path / "by-url.sqlite3"
    assert main(["--db-url", f"sqlite:///{by_url}", "demo"]) == 0
    assert str(by_url) in capsys.readouterr().out

    by_env = tmp_path / "by-env.sqlite3"
    monkeypatch.setenv("MPN_DESKTOP_DB", str(by_env))
    assert main(["demo"]) == 0
    assert str(by_env) in capsys.readouterr().out
    by_option = tmp_path / "by-option.sqlite3"
    assert main(["--db", str(by_option), "demo"]) == 0  # --db wins over the variable
    assert str(by_option) in capsys.readouterr().out

    monkeypatch.delenv("MPN_DESKTOP_DB")
    assert main(["demo"]) == 0
    assert str(data_dir() / "tracker.sqlite3") in capsys.readouterr().out
    assert by_url.exists() and by_env.exists() and by_option.exists()


@pytest.mark.sqlite_only  # looks at the database file
def test_a_refusal_names_the_database_and_the_command_that_replaces_it(
    db_args: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Before: demo and load both said "Load with --replace", naming no database.
    database = tmp_path / "tracker.sqlite3"
    assert main([*db_args, "demo"]) == 0
    assert main([*db_args, "demo"]) == 1
    err = capsys.readouterr().err
    assert f"{database}: the database already holds an organisation" in err
    assert "'mpn-desktop demo --replace' replaces everything" in err
    assert "Load with" not in err
    exported = tmp_path / "org.json"
    assert main([*db_args, "export", str(exported)]) == 0
    capsys.readouterr()
    assert main([*db_args, "load", str(exported)]) == 1
    assert f"'mpn-desktop load --replace {exported}' replaces" in capsys.readouterr().err


def test_load_lists_the_documents_problems_before_refusing_a_filled_database(
    db_args: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    exported, document = _exported_demo(db_args, tmp_path)
    document["exams"][0]["passed_on"] = "2017-13-45"
    exported.write_text(json.dumps(document))
    capsys.readouterr()
    assert main([*db_args, "load", str(exported)]) == 1
    err = capsys.readouterr().err
    assert "exams[0].passed_on: 2017-13-45 is not a date" in err
    assert "already holds" not in err
