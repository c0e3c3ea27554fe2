"""The status command on the demo organisation: the JSON contract and the readable table."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from helpers.fixtures import cli_options

from mpn_desktop.cli import main
from mpn_desktop.store.database import Database

AS_OF = "2018-03-15"


@pytest.fixture
def demo(demo_db: Database) -> list[str]:
    """Command-line options naming a database holding the demo organisation dated around AS_OF."""
    return cli_options(demo_db.url)


def test_status_json_follows_the_contract(
    demo: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    assert main([*demo, "status", "--as-of", AS_OF, "--json"]) == 0
    document = json.loads(capsys.readouterr().out)
    assert document["as_of"] == AS_OF
    assert document["organization"]["name"] == "Contoso Cloud Ltd"
    # The next renewal (2018-07-01, gold as Cloud Platform is aimed at gold) is not paid yet;
    # this year's silver fee is, and the gold fee of the year is still owed.
    assert document["fee"]["paid"] is False
    assert document["fee"]["due_on"] == "2018-07-01" and document["fee"]["level"] == "gold"
    assert document["fee"]["amount_usd"] == 4730
    assert document["fee"]["current_year"] == {
        "start": "2017-07-01",
        "end": "2018-06-30",
        "level_paid": "silver",
        "amount_paid_usd": 1530,
        "owed_usd": 3940,
    }
    platform = next(c for c in document["competencies"] if c["id"] == "cloud-platform")
    assert platform["target"] == "gold"
    silver, gold = platform["levels"]["silver"], platform["levels"]["gold"]
    assert silver["attained"] is True and silver["missing"] == []
    assert gold["attained"] is False and gold["missing"]
    for step in gold["steps"].values():
        assert {"met", "have", "need", "unit"} <= set(step)


def test_status_table_shows_each_target_level_step_and_what_is_missing(
    demo: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    assert main([*demo, "status", "--as-of", AS_OF]) == 0
    out = capsys.readouterr().out
    assert "Contoso Cloud Ltd" in out and AS_OF in out
    assert "Cloud Platform" in out and "target gold" in out
    assert "Silver: ATTAINED" in out and "Gold: not attained" in out
    assert "missing:" in out
    assert "performance" in out and "references" in out
    # Figures read as the panel writes them: the unit once, singular for one.
    assert "exams        1 of 1 person\n" in out
    assert "references   4 of 3 references\n" in out
    assert "US$ 77,000 of US$ 15,000" in out
    assert " people of " not in out and " references of " not in out


def test_status_on_an_empty_database(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--db", str(tmp_path / "t.sqlite3"), "status", "--as-of", AS_OF]) == 0
    assert "No competency is targeted yet." in capsys.readouterr().out


def test_a_bad_as_of_date_is_a_usage_error(
    demo: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    # Before: exit 1, though DESIGN.md's 2 is for usage errors (as --level platinum gives).
    assert main([*demo, "status", "--as-of", "2018-02-30"]) == 2
    err = capsys.readouterr().err
    assert "mpn-desktop status: error: --as-of: '2018-02-30' is not a date" in err
    assert err.startswith("usage: mpn-desktop status [-h] [--as-of YYYY-MM-DD] [--json]")


@pytest.mark.parametrize("text", ["20180315", "2018-W11-4", ""])
def test_as_of_takes_only_yyyy_mm_dd(
    demo: list[str], capsys: pytest.CaptureFixture[str], text: str
) -> None:
    # Before: date.fromisoformat read the basic and week forms, and "" meant today.
    assert main([*demo, "status", "--as-of", text]) == 2
    assert f"--as-of: {text!r} is not a date (expected YYYY-MM-DD)" in capsys.readouterr().err


@pytest.mark.parametrize("command", [["status"], ["status", "--json"], ["checklist", "--pdf"]])
@pytest.mark.parametrize("text", ["0001-06-01", "9999-12-31"])
def test_an_as_of_at_the_ends_of_the_calendar_is_refused_not_a_crash(
    demo: list[str],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    command: list[str],
    text: str,
) -> None:
    # Before: the membership year or the 12-month window fell off the calendar
    # (ValueError: year 10000 is out of range) and the user saw a crash.
    if command[-1] == "--pdf":
        command = [*command, str(tmp_path / "out.pdf")]
    assert main([*demo, *command, "--as-of", text]) == 2
    err = capsys.readouterr().err
    assert f"--as-of: {text} is outside the days the program evaluates" in err
    assert not (tmp_path / "out.pdf").exists()


def test_the_table_wraps_to_a_terminal_width_under_each_label(
    demo_db: Database, capsys: pytest.CaptureFixture[str]
) -> None:
    # Before: a "missing:" sentence or the catalogue note ran 150-250 columns wide,
    # wrapped by the terminal into the next line's indentation.
    from datetime import date

    from mpn_desktop.catalog_files import load_catalog
    from mpn_desktop.commands.status import render_text
    from mpn_desktop.domain.evaluate import evaluate
    from mpn_desktop.domain.performance import usage_window_start
    from mpn_desktop.store.facts_loader import load_facts

    day = date.fromisoformat("2027-03-15")  # after the catalogue: its note is shown too
    facts = load_facts(demo_db, usage_from=usage_window_start(day))
    progress = evaluate(load_catalog(None), facts, day)
    text = render_text(progress, width=80)
    lines = text.splitlines()
    assert max(len(line) for line in lines) <= 79
    assert len(lines) > len(render_text(progress).splitlines())
    starts = [i for i, line in enumerate(lines) if line.startswith("      missing: ")]
    assert starts and lines[starts[0] + 1].startswith(" " * 15)
    assert lines[starts[0] + 1][15] != " "
    # Unwrapped (piped), every item stays on its own line for grep.
    assert all(line.count("missing: ") <= 1 for line in render_text(progress).splitlines())


def test_a_line_wraps_under_a_label_only_where_the_program_put_one(
    demo_db: Database,
) -> None:
    # Before: a line's label was found by comparing its text with the labels' words,
    # so a heading whose organisation is called "Note: ..." hung under "Note: ".
    from dataclasses import replace
    from datetime import date

    from mpn_desktop.catalog_files import load_catalog
    from mpn_desktop.commands.status import render_text
    from mpn_desktop.domain.evaluate import evaluate
    from mpn_desktop.domain.performance import usage_window_start
    from mpn_desktop.store.facts_loader import load_facts

    day = date.fromisoformat(AS_OF)
    facts = load_facts(demo_db, usage_from=usage_window_start(day))
    progress = evaluate(load_catalog(None), facts, day)
    name = "Note: a partner whose name is long enough to wrap at forty columns"
    progress = replace(progress, organization=replace(progress.organization, name=name))
    lines = render_text(progress, width=40).splitlines()
    assert lines[0].startswith("Note: a partner")
    assert not lines[1].startswith(" ")


def test_the_fee_line_names_the_membership_year(
    demo: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    assert main([*demo, "status", "--as-of", AS_OF]) == 0
    out = capsys.readouterr().out
    assert (
        "Fee this year: 2017-07-01 to 2018-06-30: silver paid (US$ 1,530); the gold fee of "
        "US$ 3,940 is still owed\n" in out
    )
    assert (
        "Fee at renewal: 2018-07-01, gold, US$ 4,730 (the fee in force then): not paid yet\n" in out
    )


def test_an_empty_database_says_what_to_do(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Before: "(no organisation entered yet) (MPN ID -), as of ..." and no way forward.
    assert main(["--db", str(tmp_path / "t.sqlite3"), "status", "--as-of", AS_OF]) == 0
    out = capsys.readouterr().out
    assert out.startswith(f"No organisation entered yet; as of {AS_OF}\n")
    assert "(MPN ID -)" not in out
    assert "mpn-desktop demo" in out and "mpn-desktop load FILE.json" in out
    assert "Edit > Organisation and targets" in out


@pytest.mark.parametrize(
    ("text", "said"),
    [
        ("2018-13-01", "--as-of: '2018-13-01' ist kein Datum (erwartet JJJJ-MM-TT)"),
        (
            "9999-12-31",
            "--as-of: 9999-12-31 liegt außerhalb der Tage, die das Programm auswertet "
            "(1900-01-01 bis 9000-12-31)",
        ),
    ],
)
def test_a_wrong_as_of_is_said_in_the_chosen_language(
    demo: list[str], capsys: pytest.CaptureFixture[str], text: str, said: str
) -> None:
    """status writes in --language's language: its refusals of --as-of did not."""
    assert main(["--language", "de", *demo, "status", "--as-of", text]) == 2
    assert capsys.readouterr().err.endswith(f"mpn-desktop status: Fehler: {said}\n")


def test_a_database_in_no_folder_is_refused_in_the_chosen_language(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "nowhere" / "tracker.sqlite3"
    assert main(["--language", "de", "--db", str(path), "status"]) == 1
    assert capsys.readouterr().err == (
        f"mpn-desktop: {path}: keine solche Datenbank: Der Ordner {path.parent} existiert "
        "nicht. status liest die Datenbank nur, daher wurde nichts angelegt; prüfen Sie den "
        "Pfad (demo, load und die Importe legen dort eine neue Datenbank an)\n"
    )
    assert list(tmp_path.iterdir()) == []
