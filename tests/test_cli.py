"""The command line's own behaviour: version, usage errors, and no traceback on failure."""

from __future__ import annotations

import argparse
import gc
from collections.abc import Callable
from pathlib import Path

import pytest
from helpers.fixtures import cli_options

from mpn_desktop import __version__
from mpn_desktop.cli import build_parser, main
from mpn_desktop.store.database import Database


def test_version_is_printed(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["--version"])
    assert exit_info.value.code == 0
    assert __version__ in capsys.readouterr().out


def test_unknown_command_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["no-such-command"])
    assert exit_info.value.code == 2
    assert "invalid choice" in capsys.readouterr().err


@pytest.mark.parametrize("option", ["--db", "--db-url", "--catalog"])
def test_an_empty_database_or_catalogue_option_is_a_usage_error(
    option: str, capsys: pytest.CaptureFixture[str]
) -> None:
    # Before: "--db ''" quietly opened (and changed) the default database.
    with pytest.raises(SystemExit) as exit_info:
        main([option, "", "status"])
    assert exit_info.value.code == 2
    assert f"argument {option}: is empty" in capsys.readouterr().err


def test_a_bad_database_url_is_an_error_with_the_url_and_creates_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    url = f"sqlite+nosuchdriver:///{tmp_path / 'x.sqlite3'}"
    assert main(["--db-url", url, "status"]) == 1
    err = capsys.readouterr().err
    assert f"{url}: SQLAlchemy knows no database of that name" in err
    assert "unexpected" not in err
    assert list(tmp_path.iterdir()) == []


OTHER_DATABASE_REFUSALS = {
    "en": (
        "{url}: mpn-desktop opens SQLite files (sqlite:///FILE) and PostgreSQL team "
        "databases (postgresql://USER@HOST/DATABASE), not {scheme} databases."
    ),
    "de": (
        "{url}: mpn-desktop öffnet SQLite-Dateien (sqlite:///DATEI) und "
        "PostgreSQL-Teamdatenbanken (postgresql://BENUTZER@HOST/DATENBANK), keine "
        "{scheme}-Datenbanken."
    ),
}


USAGE = {"en": "usage: ", "de": "Aufruf: "}
ERROR = {"en": "error: ", "de": "Fehler: "}
"""How a usage error begins its two parts in each language (argparse's words)."""


@pytest.mark.parametrize("language", ["en", "de"])
@pytest.mark.parametrize(
    ("url", "shown", "scheme"),
    [
        ("mysql://ana:secret@db.example.com/mpn", "mysql://ana:***@db.example.com/mpn", "mysql"),
        ("oracle://ana@db.example.com/mpn", "oracle://ana@db.example.com/mpn", "oracle"),
        ("foo://x/y", "foo://x/y", "foo"),
    ],
)
@pytest.mark.parametrize("command", ["status", "demo", "backup"])
@pytest.mark.parametrize("option", ["--db-url", "--db"])
def test_a_url_of_neither_sqlite_nor_postgresql_is_a_usage_error_as_the_window_says_it(
    *,
    option: str,
    url: str,
    shown: str,
    scheme: str,
    language: str,
    command: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """Before, the command tried it: 'the database driver it needs is not installed', exit 1
    (the window refused it by name: tests/ui/test_startup_recovery.py); given as --db, it
    was taken for a path (demo made the folders 'mysql:/ana:secret@db.example.com')."""
    monkeypatch.chdir(tmp_path)
    assert main(["--language", language, option, url, command]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"{USAGE[language]}mpn-desktop ")
    said = OTHER_DATABASE_REFUSALS[language].format(url=shown, scheme=scheme)
    assert err.endswith(f"mpn-desktop: {ERROR[language]}{said}\n")
    assert "secret" not in err
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(
    ("language", "said"),
    [
        ("en", "--db takes a file's path, not a URL: give {url} with --db-url"),
        ("de", "--db nimmt den Pfad einer Datei, keine URL: Geben Sie {url} mit --db-url an"),
    ],
)
@pytest.mark.parametrize("url", ["sqlite:///tracker.sqlite3", "postgresql://ana@db/mpn"])
def test_a_url_given_as_a_path_is_a_usage_error_naming_the_option_it_goes_with(
    *,
    url: str,
    language: str,
    said: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """Before, demo made a folder 'sqlite:' and a new database in it."""
    monkeypatch.chdir(tmp_path)
    assert main(["--language", language, "--db", url, "demo"]) == 2
    error = f"mpn-desktop: {ERROR[language]}{said.format(url=url)}\n"
    assert capsys.readouterr().err.endswith(error)
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(
    ("option", "code", "said"),
    [
        (
            "--db-url",
            2,  # a bad option value, as --db's (it was 1, 'nothing done because of errors')
            "mpn-desktop: error: 'mysql://ana:***@h:abc/mpn' is not a database URL: its port "
            "'abc' is not a number (expected, for example, sqlite:///path/to/file.sqlite3)",
        ),
        (
            "--db",
            2,
            "mpn-desktop: error: --db takes a file's path, not a URL: give "
            "mysql://ana:***@h:abc/mpn with --db-url",
        ),
    ],
)
def test_a_url_whose_port_is_no_number_is_refused_as_no_url_hiding_its_password(
    *,
    option: str,
    code: int,
    said: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """SQLAlchemy raises ValueError, not its ArgumentError, for 'h:abc': the command said
    'an unexpected error stopped the command' (and the refusal of other databases, run
    before the command, let it out as a traceback)."""
    monkeypatch.chdir(tmp_path)
    assert main([option, "mysql://ana:s3cret@h:abc/mpn", "demo"]) == code
    err = capsys.readouterr().err
    assert err.endswith(said + "\n"), err
    assert "s3cret" not in err
    assert list(tmp_path.iterdir()) == []


def test_a_url_given_as_a_path_is_left_to_the_windows_start_up_box_to_refuse(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """The commands refuse it on stderr, exit 2; the window is started and its start-up box
    refuses it (tests/ui/test_startup_recovery.py). Before, the window refused it on stderr
    too, in English, and nothing appeared for someone starting it from a desktop menu."""
    import mpn_desktop.app

    started: list[str | None] = []

    def window(args: argparse.Namespace) -> int:
        started.append(args.db)
        return 1  # the person quit at the box

    monkeypatch.setattr(mpn_desktop.app, "run_gui", window)
    monkeypatch.chdir(tmp_path)
    assert main(["--db", "sqlite:///tracker.sqlite3"]) == 1
    assert started == ["sqlite:///tracker.sqlite3"]
    assert capsys.readouterr().err == ""
    monkeypatch.setenv("MPN_DESKTOP_DB", "postgresql://ana@db/mpn")
    assert main(["status"]) == 2
    assert capsys.readouterr().err.endswith(
        "mpn-desktop: error: MPN_DESKTOP_DB takes a file's path, not a URL: give "
        "postgresql://ana@db/mpn with --db-url\n"
    )
    assert main([]) == 1
    monkeypatch.setenv("MPN_DESKTOP_DB", "mysql://x/y")
    assert main([]) == 1
    assert started == ["sqlite:///tracker.sqlite3", None, None]
    assert capsys.readouterr().err == ""
    assert list(tmp_path.iterdir()) == []
    monkeypatch.delenv("MPN_DESKTOP_DB")
    # Another database's --db-url is the start-up box's to refuse, with its ways out.
    assert main(["--db-url", "mysql://db/mpn"]) == 1


@pytest.mark.parametrize(
    "given",
    [
        ["--db-url", "nonsense"],
        ["--db-url", "mysql://ana:secret@db/mpn"],
        ["--db", "postgresql://ana@db/mpn"],
        ["env", "mysql://x/y"],
    ],
)
def test_catalog_which_opens_no_database_is_not_refused_for_its_option(
    given: list[str],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """Before, every command had the database option checked: ``catalog`` (which lists the
    catalogue alone) was refused, exit 2, for a bad MPN_DESKTOP_DB or --db-url."""
    monkeypatch.chdir(tmp_path)
    if given[0] == "env":
        monkeypatch.setenv("MPN_DESKTOP_DB", given[1])
        given = []
    assert main([*given, "catalog"]) == 0
    out, err = capsys.readouterr()
    assert "Cloud Platform" in out and err == ""
    assert list(tmp_path.iterdir()) == []
    # A command that opens the database still refuses it.
    assert main([*given, "status"]) == 2


@pytest.mark.parametrize(
    ("language", "said"),
    [
        ("en", "'nonsense' is not a database URL (expected, for example, "),
        ("de", "'nonsense' ist keine Datenbank-URL (erwartet wird zum Beispiel "),
    ],
)
def test_a_db_url_that_is_no_url_is_a_usage_error_like_the_db_option(
    *,
    language: str,
    said: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """Before, exit 1 ('nothing done because of errors') while --db's bad value gave 2."""
    monkeypatch.chdir(tmp_path)
    assert main(["--language", language, "--db-url", "nonsense", "demo"]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"{USAGE[language]}mpn-desktop"), err
    assert f"mpn-desktop: {ERROR[language]}{said}" in err
    assert list(tmp_path.iterdir()) == []


def test_the_windows_refusal_names_the_option_once_whatever_the_translation_says(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Before, whether the sentence already named the option was read from its first words:
    a translation putting the option later got it named twice ('--db: With --db ...')."""
    from mpn_desktop.commands import common

    reordered = "With {option}, give a file's path, not a URL: give {url} with --db-url"
    template = "{option} takes a file's path, not a URL: give {url} with --db-url"
    monkeypatch.setattr(common, "_", lambda text: reordered if text == template else text)
    args = build_parser().parse_args(["--db", "sqlite:///t.sqlite3"])
    refused = common.window_database_refused(args)
    assert str(refused) == (
        "With --db, give a file's path, not a URL: give sqlite:///t.sqlite3 with --db-url"
    )
    args = build_parser().parse_args(["--db", "mysql://db/mpn"])
    # Another database's refusal names the option in a sentence of its own (it read
    # '--db: mysql://db/mpn: mpn-desktop opens ...', the option glued before the URL).
    assert str(common.window_database_refused(args)) == (
        "--db names a mysql database (mysql://db/mpn): mpn-desktop opens SQLite files "
        "(sqlite:///FILE) and PostgreSQL team databases (postgresql://USER@HOST/DATABASE)."
    )
    # The command line keeps its sentence, which names the URL it was given.
    assert str(common.database_option_refused(args)).startswith("mysql://db/mpn: ")


@pytest.mark.expect_logged_errors
def test_a_failure_while_the_database_option_is_checked_is_no_traceback(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """The check runs inside the command's guard: whatever it meets, no traceback."""
    from mpn_desktop.store import database

    def broken(_url: str) -> None:
        raise RuntimeError("a fault of ours")

    monkeypatch.setattr(database, "refusal_of_other_database", broken)
    assert main(["--db-url", "mysql://db/mpn", "status"]) == 1
    assert "an unexpected error stopped the command" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("language", "query", "said"),
    [
        ("en", "mode=ro&uri=true", "the options 'mode', 'uri' after '?' are not supported"),
        ("en", "timeout=5", "the option 'timeout' after '?' is not supported for SQLite"),
        ("de", "timeout=5", "Die Option „timeout“ nach „?“ wird für SQLite nicht unterstützt"),
        ("de", "mode=ro&uri=true", "Die Optionen „mode“, „uri“ nach „?“ werden für SQLite"),
    ],
)
@pytest.mark.parametrize("command", ["demo", "status", "backup"])
def test_sqlite_url_options_are_a_usage_error_naming_them_before_any_file_is_made(
    *,
    language: str,
    query: str,
    said: str,
    command: str,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    # ?mode=ro&uri=true made the driver open a file named 'x.sqlite3?mode=ro' instead.
    # Before: exit 1 ('nothing done because of errors'), the options unnamed; backup said
    # there was no database to back up.
    url = f"sqlite:///{tmp_path / 'x.sqlite3'}?{query}"
    assert main(["--language", language, "--db-url", url, command]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"{USAGE[language]}mpn-desktop "), err
    assert f"mpn-desktop: {ERROR[language]}{url}: {said}" in err
    assert f"(sqlite:///{tmp_path / 'x.sqlite3'})" in err
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(
    ("words", "usage"),
    [
        (["catalog", "--bogus"], "usage: mpn-desktop catalog [-h] [--json]"),
        (["status", "extra"], "usage: mpn-desktop status [-h]"),
        (["--bogus", "status"], "usage: mpn-desktop [-h] [--version]"),
    ],
    ids=["option", "argument", "before-the-command"],
)
def test_an_unknown_option_is_blamed_on_the_command_it_follows(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], words: list[str], usage: str
) -> None:
    # Before: "catalog --bogus" said "mpn-desktop: error: unrecognized arguments"
    # under the top-level usage, which does not show the command's options.
    with pytest.raises(SystemExit) as exit_info:
        main(["--db", str(tmp_path / "t.sqlite3"), *words])
    assert exit_info.value.code == 2
    err = capsys.readouterr().err
    assert err.startswith(usage)
    command = words[0] if not words[0].startswith("-") else ""
    prog = f"mpn-desktop {command}" if command else "mpn-desktop"
    assert f"{prog}: error: unrecognized arguments: {words[1] if command else words[0]}" in err


def test_the_help_says_what_no_command_does_where_the_database_is_and_the_exit_codes(
    capsys: pytest.CaptureFixture[str],
) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["--help"])
    assert exit_info.value.code == 0
    out = capsys.readouterr().out
    assert "Without a COMMAND, opens the main window." in out
    assert "$MPN_DESKTOP_DB" in out and "tracker.sqlite3" in out
    assert "Exit codes: 0 done; 1 nothing done because of errors" in out
    assert "2 a usage error" in out


@pytest.mark.parametrize(
    "command",
    ["catalog", "status", "export", "load", "demo", "backup", "restore", "imports"],
)
def test_each_commands_help_describes_it_and_its_file(
    command: str, capsys: pytest.CaptureFixture[str]
) -> None:
    # Before: these printed only their usage and options, and FILE.json had no help.
    from mpn_desktop.cli import build_parser

    parser = build_parser()
    sub = next(
        action.choices[command]
        for action in parser._actions
        if isinstance(action, argparse._SubParsersAction)
    )
    assert sub.description and len(sub.description) > 60
    for action in sub._actions:
        if not action.option_strings:
            assert action.help, f"{command} {action.metavar} has no help"


def test_quick_commands_run_without_the_garbage_collector_and_give_it_back(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import gc

    from mpn_desktop.commands import status

    seen: list[bool] = []

    def fake_status(_args: object) -> int:
        seen.append(gc.isenabled())
        return 0

    monkeypatch.setattr(status, "run_status", fake_status)
    # From a known state: an evaluation another test left running may hold the collector.
    gc.enable()
    assert main(["status"]) == 0
    assert seen == [False]
    assert gc.isenabled()


@pytest.mark.parametrize(
    "command",
    [
        ["status"],
        ["status", "--json", "--as-of", "2018-03-01"],
        ["status", "--as-of", "2024-03-01"],
        ["checklist", "--pdf", "OUT/checklist.pdf", "--as-of", "2018-03-01"],
        ["export", "OUT/export.json"],
        ["export", "OUT/export.xlsx"],
    ],
)
def test_a_reading_command_on_a_database_in_a_missing_folder_creates_nothing(
    command: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Before: the folder and an empty database were created, and status reported on nothing.
    out = tmp_path / "out"
    out.mkdir()
    database = tmp_path / "no-such-folder" / "tracker.sqlite3"
    words = [word.replace("OUT", str(out)) for word in command]
    assert main(["--db", str(database), *words]) == 1
    err = capsys.readouterr().err
    assert f"{database}: no such database: the folder {database.parent} does not exist" in err
    assert f"{command[0]} only reads the database, so nothing was created" in err
    assert sorted(path.name for path in tmp_path.iterdir()) == ["out"]
    assert list(out.iterdir()) == []


def test_the_environment_s_database_in_a_missing_folder_is_refused_too(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    database = tmp_path / "gone" / "tracker.sqlite3"
    monkeypatch.setenv("MPN_DESKTOP_DB", str(database))
    assert main(["status"]) == 1
    assert f"the folder {database.parent} does not exist" in capsys.readouterr().err
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("command", [["catalog"], ["demo"]])
def test_a_missing_folder_is_no_matter_for_catalog_and_is_created_by_demo(
    command: list[str], tmp_path: Path
) -> None:
    database = tmp_path / "new" / "tracker.sqlite3"
    assert main(["--db", str(database), *command]) == 0
    # catalog never opens the database; demo writes one, folder and all (as before).
    assert database.exists() is (command == ["demo"])


@pytest.fixture
def freezes(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Records gc.freeze calls instead of freezing the test process's objects."""
    calls: list[str] = []
    monkeypatch.setattr(gc, "freeze", lambda: calls.append("freeze"))
    return calls


def test_a_quick_command_ending_the_process_freezes_its_objects(
    demo_db: Database, freezes: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    assert main([*cli_options(demo_db.url), "status"], ends_process=True) == 0
    assert freezes == ["freeze"]
    assert gc.isenabled()  # the collector is on again after the command, as before


def test_main_called_in_a_running_program_never_freezes_its_objects(
    demo_db: Database, freezes: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    assert main([*cli_options(demo_db.url), "status"]) == 0
    assert freezes == []


def test_the_readme_says_which_urls_db_url_takes_and_its_examples_are_taken() -> None:
    """Before, it called --db-url's value 'a SQLAlchemy URL', while the command line and the
    window refuse every database but SQLite and PostgreSQL."""
    import re

    from mpn_desktop.commands.common import database_option_refused

    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
    assert "SQLAlchemy URL" not in readme
    assert "`--db-url` takes a SQLite file" in readme
    examples = re.findall(r"--db-url '?([^\s']+)", readme)
    assert len(examples) >= 4
    for url in examples:
        args = build_parser().parse_args(["--db-url", url, "status"])
        assert database_option_refused(args) is None, url


@pytest.mark.expect_logged_errors
def test_the_command_line_s_own_sentences_follow_the_language(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Before, an interrupted or failed command, the problems cut short and a checklist not
    written said it in English under --language de."""
    from mpn_desktop.errors import MpnError

    def interrupted(_args: argparse.Namespace) -> int:
        raise KeyboardInterrupt

    def broken(_args: argparse.Namespace) -> int:
        raise RuntimeError("a fault of ours")

    def many(_args: argparse.Namespace) -> int:
        error = MpnError("wrong everywhere")
        error.problems = [f"problem {n}" for n in range(1101)]  # type: ignore[attr-defined]
        raise error

    for run, code, said in (
        (interrupted, 130, "mpn-desktop: Abgebrochen; es wurde nichts mehr geschrieben.\n"),
        (broken, 1, "mpn-desktop: Ein unerwarteter Fehler hat den Befehl abgebrochen; "),
        (many, 1, "  ... und 1.001 weitere Probleme dieser Art\n"),
    ):
        with monkeypatch.context() as patch:
            # The command's function is bound when its parser is built: catalog runs ``run``.
            patch.setattr("mpn_desktop.cli.build_parser", _parser_running(run))
            assert main(["--language", "de", "catalog"]) == code
        err = capsys.readouterr().err
        assert said in err, err
    out = tmp_path / "missing folder" / "x.pdf"
    assert main(["--language", "de", "checklist", "--pdf", str(out)]) == 1
    assert "Die Checkliste wurde nicht geschrieben: " in capsys.readouterr().err


def _parser_running(
    run: Callable[[argparse.Namespace], int],
) -> Callable[[], argparse.ArgumentParser]:
    def parser() -> argparse.ArgumentParser:
        built = build_parser()
        for action in built._actions:
            if isinstance(action, argparse._SubParsersAction):
                action.choices["catalog"].set_defaults(func=run)
        return built

    return parser
