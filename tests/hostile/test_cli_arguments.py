"""Bad arguments to every command of DESIGN.md: a one-line message each, exit 1 or 2.

These used to end in "an unexpected error stopped the command" (very long
paths, non-text codecs, catalogue devices, a file name that is not UTF-8) or
hang (a FIFO). Output paths are attacked in ``test_output_paths``.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest
from helpers.databases import SqliteTemplates

from hostile.input_attacks import demo_file, fingerprint, run, run_process

LONG_NAME = "n" * 300  # one name longer than the 255 bytes a file system allows
LONG_PATH = "/".join(["d" * 200] * 30)  # 6,000 characters: past PATH_MAX


@pytest.fixture
def demo(sqlite_templates: SqliteTemplates, tmp_path: Path) -> Path:
    return demo_file(sqlite_templates, tmp_path)


@pytest.mark.parametrize("long", [LONG_NAME, LONG_PATH], ids=["long-name", "long-path"])
@pytest.mark.parametrize(
    "command",
    [
        ("import-exams", "{path}"),
        ("import-usage", "{path}"),
        ("load", "{path}"),
        ("--catalog", "{path}", "catalog"),
    ],
    ids=["import-exams", "import-usage", "load", "catalog"],
)
def test_a_path_too_long_for_the_system(
    capsys: pytest.CaptureFixture[str],
    demo: Path,
    tmp_path: Path,
    long: str,
    command: tuple[str, ...],
) -> None:
    path = tmp_path / long
    before = fingerprint(demo)
    words = [word.format(path=path) for word in command]
    err = run(capsys, "--db", demo, *words).refused()
    assert "the path is too long" in err
    assert "more characters" in err or len(str(path)) < 300 or "characters)..." in err
    assert fingerprint(demo) == before


@pytest.mark.parametrize("long", [LONG_NAME, LONG_PATH], ids=["long-name", "long-path"])
def test_a_database_path_too_long_for_the_system(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, long: str
) -> None:
    err = run(capsys, "--db", tmp_path / long, "status").refused()
    assert "the path is too long" in err


def _device(tmp_path: Path) -> Path:
    if os.geteuid() != 0:
        return Path("/dev/zero")
    node = tmp_path / "zero-device"
    os.mknod(node, 0o666 | stat.S_IFCHR, os.makedev(1, 5))  # /dev/zero's numbers
    return node


def test_a_catalogue_that_is_an_endless_device(tmp_path: Path) -> None:
    device = _device(tmp_path)
    err = run_process("--catalog", device, "catalog", timeout=60).refused()
    assert f"{device}: is a device, not a file" in err


def test_a_catalogue_that_is_a_fifo(tmp_path: Path) -> None:
    fifo = tmp_path / "catalog.json"
    os.mkfifo(fifo)
    err = run_process("--catalog", fifo, "catalog", timeout=60).refused()
    assert f"{fifo}: is a named pipe (FIFO), not a file" in err


def test_a_catalogue_that_is_a_folder(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    err = run(capsys, "--catalog", tmp_path, "catalog").refused()
    assert f"{tmp_path}: is a folder, not a file" in err


def test_a_file_name_that_is_not_utf8_is_named_when_missing(tmp_path: Path) -> None:
    missing = os.fsencode(tmp_path) + b"/d\xe9.json"
    err = run_process("load", missing, timeout=60).refused()
    assert "d\\udce9.json: no such file" in err


@pytest.mark.parametrize(
    "words",
    [
        ("status", "--as-of", "9" * 5000),
        ("imports", "--remove", "9" * 5000),
        ("checklist", "--pdf", "{tmp}/c.pdf", "--competency", "x" * 100_000),
        ("import-exams", "{tmp}/none.csv", "--map", "x" * 100_000),
        ("import-exams", "{tmp}/none.csv", "--date-format", "x" * 100_000),
        ("import-exams", "{tmp}/none.csv", "--delimiter", "x" * 100_000),
        ("import-exams", "{tmp}/none.csv", "--encoding", "x" * 100_000),
    ],
    ids=["as-of", "remove", "competency", "map", "date-format", "delimiter", "encoding"],
)
def test_a_huge_option_value_is_not_echoed(
    capsys: pytest.CaptureFixture[str], demo: Path, tmp_path: Path, words: tuple[str, ...]
) -> None:
    before = fingerprint(demo)
    outcome = run(capsys, "--db", demo, *(word.format(tmp=tmp_path) for word in words))
    assert outcome.code in (1, 2)
    outcome.refused(code=outcome.code)
    assert fingerprint(demo) == before


def test_a_control_character_in_an_argument_is_escaped_in_the_message(
    capsys: pytest.CaptureFixture[str], demo: Path
) -> None:
    err = run(capsys, "--db", demo, "status", "--as-of", "\x1b]0;pwned\x07").refused(code=2)
    assert "\x1b" not in err
    assert "\\x1b" in err


def test_a_directory_or_device_as_the_database_names_the_problem(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    err = run(capsys, "--db", tmp_path, "status").refused()
    assert "folder" in err


def test_names_stored_with_control_characters_do_not_reach_the_terminal(
    capsys: pytest.CaptureFixture[str], demo: Path
) -> None:
    # A database written before control characters were refused may hold them.
    import sqlite3

    from mpn_desktop.store import records
    from mpn_desktop.store.changes import RecordKind
    from mpn_desktop.store.database import Database

    with sqlite3.connect(demo) as connection:
        connection.execute("UPDATE organization SET name = 'Evil\x1b]0;pwned\x07\x85Org'")
    with Database.open(f"sqlite:///{demo}") as db:
        assert "\x1b" in records.list_records(db, RecordKind.ORGANIZATION)[0]["name"]
    for words in (("status",), ("status", "--json")):
        outcome = run(capsys, "--db", demo, *words, "--as-of", "2018-03-15")
        assert outcome.code == 0, outcome.err
        assert "\x1b" not in outcome.out and "\x07" not in outcome.out
        assert "\x85" not in outcome.out
    assert "Evil\\u001b]0;pwned\\u0007\\u0085Org" in outcome.out  # still valid JSON, same text


def test_a_huge_usd_rate_is_not_echoed(capsys: pytest.CaptureFixture[str], demo: Path) -> None:
    path = demo.parent / "usage.csv"
    path.write_text("customer,subscription,month,consumption_usd\nF,s,2017-12,1\n")
    err = run(capsys, "--db", demo, "import-usage", path, "--usd-rate", "x" * 100_000)
    assert "more characters" in err.refused(code=2)


@pytest.mark.skipif(not Path("/proc/self/mem").exists(), reason="no /proc on this system")
def test_a_file_the_system_will_not_let_be_read_is_named(
    capsys: pytest.CaptureFixture[str],
) -> None:
    outcome = run(capsys, "--db", "/proc/self/mem", "status")
    assert outcome.code == 1
    assert outcome.err.startswith("mpn-desktop: /proc/self/mem: cannot open this database: ")
    assert "it cannot be read (Input/output error)" in outcome.err
    assert len(outcome.err.splitlines()) == 1
