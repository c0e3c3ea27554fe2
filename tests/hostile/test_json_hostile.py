"""Every kind of bad JSON value ``load`` can be given: refused at once, by its key path.

Each attack loads a changed export of the demo organisation with ``--replace``
over the demo database: the refusal must name the place in the document, stay
short, and leave the database's bytes as they were.
"""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path
from typing import Any

import pytest
from helpers.databases import SqliteTemplates

from hostile.input_attacks import (
    Outcome,
    demo_document,
    demo_file,
    fingerprint,
    run,
    run_process,
)
from mpn_desktop.errors import MpnError, ValidationError
from mpn_desktop.input_files import read_input
from mpn_desktop.store import values
from mpn_desktop.store.document_check import SECTIONS, check_document


@pytest.fixture
def demo(sqlite_templates: SqliteTemplates, tmp_path: Path) -> Path:
    return demo_file(sqlite_templates, tmp_path)


def _load_text(capsys: pytest.CaptureFixture[str], db: Path, text: str | bytes) -> Outcome:
    path = db.parent / "attack.json"
    if isinstance(text, str):
        path.write_text(text, encoding="utf-8")
    else:
        path.write_bytes(text)
    before = fingerprint(db)
    outcome = run(capsys, "--db", db, "load", "--replace", path)
    if outcome.code != 0:
        assert fingerprint(db) == before, "a refused load changed the database"
    return outcome


def _with_raw(document: dict[str, Any], section: str, key: str, raw: str) -> str:
    """The document as JSON text with ``section[0].key`` set to the JSON text ``raw``."""
    marker = "\u2603MARKER\u2603"
    if section == "organization":
        document[section][key] = marker
    else:
        document[section][0][key] = marker
    return json.dumps(document).replace(json.dumps(marker), raw)


# (section, key, JSON text of the value, what the refusal says after the key path)
BAD_VALUES = [
    ("usage", "active_users", "1e999999999", "1E+999999999 is too large"),
    ("usage", "active_users", "-1e999999999", "is negative"),
    ("usage", "active_users", "1e-999999999", "is not a whole number"),
    ("usage", "active_users", "1" + "0" * 4000, "is too large"),
    ("usage", "active_users", "9223372036854775808", "is too large"),
    ("usage", "active_users", "1.5", "1.5 is not a whole number"),
    ("usage", "active_users", "NaN", "is not a whole number"),
    ("usage", "active_users", "Infinity", "is not a whole number"),
    ("usage", "active_users", "-Infinity", "is not a whole number"),
    ("usage", "active_users", "true", "True is not a whole number"),
    ("usage", "active_users", '"12"', "12 is not a whole number"),
    ("usage", "active_users", "[]", "is not a whole number"),
    ("usage", "active_users", "{}", "is not a whole number"),
    ("usage", "active_users", "null", "missing: a whole number is needed"),
    ("usage", "consumption_usd", "1e999999999", "is too large"),
    ("usage", "consumption_usd", "-0.01", "is negative"),
    ("usage", "consumption_usd", "1e-999999999", "more than two decimal places"),
    ("usage", "consumption_usd", "NaN", "is not an amount"),
    ("usage", "consumption_usd", '"' + "9" * 100_000 + '"', "is not an amount"),
    ("fee_payments", "amount_usd", "1e308", "is too large"),
    ("fee_payments", "amount_usd", "false", "is not an amount"),
    ("subscriptions", "started_on", '"2017-02-29"', "is not a date"),
    ("subscriptions", "started_on", '"99999-01-01"', "is not a date"),
    ("subscriptions", "started_on", '"20170115"', "is not a date"),
    ("subscriptions", "started_on", "1e999999999", "is not a date"),
    ("subscriptions", "started_on", '"' + "2" * 1_000_000 + '"', "is not a date"),
    ("subscriptions", "started_on", '"2017-01-15\\u0000"', "is not a date"),
    ("subscriptions", "trial", '"yes"', "is not true or false"),
    ("subscriptions", "workload", '"' + "x" * 1_000_000 + '"', "is not one of"),
    ("usage", "month", '"2017-13"', "is not a month"),
    ("usage", "month", '"' + "x" * 10_000_000 + '"', "is not a month"),
    ("people", "name", '"' + "x" * 10_000_000 + '"', "is longer than 200 characters"),
    ("people", "name", '"Ana\\u0000Ruiz"', "contains a NUL character at character 4"),
    ("people", "name", '"Ana\\u001b]0;pwned\\u0007"', "control character \\x1b at character 4"),
    ("people", "name", '"Ana\\u001b[2J"', "control character \\x1b at character 4"),
    ("people", "name", '"Ana\\u0085Ruiz"', "control character \\x85 at character 4"),
    ("people", "name", '"Ana\\u009b2J"', "control character \\x9b at character 4"),
    ("people", "name", '"Ana\\u007f"', "control character \\x7f at character 4"),
    ("people", "name", '"Ana\\nRuiz"', "contains a line break at character 4"),
    ("people", "name", '"Ana\\rRuiz"', "contains a line break at character 4"),
    ("people", "name", '"\\ud800"', "half of a character"),
    ("people", "name", "12", "12 is not text"),
    ("organization", "name", '"Org\\u001b[2J"', "control character \\x1b at character 4"),
    ("customers", "name", '"Fabri\\u000ckam"', "control character \\x0c at character 6"),
    ("exams", "exam_title", '"two\\nlines"', "contains a line break at character 4"),
]


@pytest.mark.parametrize(
    ("section", "key", "raw", "says"),
    BAD_VALUES,
    ids=[f"{s}.{k}={raw[:16]}" for s, k, raw, _ in BAD_VALUES],
)
def test_a_bad_value_is_refused_by_its_key_path(
    capsys: pytest.CaptureFixture[str], demo: Path, *, section: str, key: str, raw: str, says: str
) -> None:
    text = _with_raw(demo_document(demo), section, key, raw)
    err = _load_text(capsys, demo, text).refused()
    place = section if section == "organization" else f"{section}[0]"
    assert f"{place}.{key}: " in err
    assert says in err
    assert "nothing was written" in err


def test_a_billion_digit_exponent_is_refused_at_once_not_after_minutes(
    sqlite_templates: SqliteTemplates, tmp_path: Path
) -> None:
    # In a child process: before the fix, converting 1e999999999 ran for over
    # 10 minutes at 470 MB; this test then fails on its timeout instead of hanging.
    demo = demo_file(sqlite_templates, tmp_path)
    path = tmp_path / "huge.json"
    path.write_text(_with_raw(demo_document(demo), "usage", "active_users", "1e999999999"))
    before = fingerprint(demo)
    err = run_process("--db", demo, "load", "--replace", path, timeout=60).refused()
    assert "usage[0].active_users: 1E+999999999 is too large" in err
    assert fingerprint(demo) == before


TEXT_FIELDS = [
    (section, name)
    for section, keys in {"organization": None, **SECTIONS}.items()
    for name in (keys or {}).keys() | ({"name", "mpn_id"} if keys is None else set())
    if section == "organization"
    or getattr(keys[name].parse, "__qualname__", "").startswith(("text.", "optional_text."))
]


@pytest.mark.parametrize(("section", "key"), sorted(TEXT_FIELDS))
@pytest.mark.parametrize("bad", ["\x00", "\x07", "\x1b", "\x7f", "\x85", "\x9b"])
def test_every_text_field_refuses_control_characters(section: str, key: str, bad: str) -> None:
    document: dict[str, Any] = {"format": "mpn-desktop/1", "organization": {"name": "Org"}}
    row: dict[str, Any] = {}
    if section == "organization":
        document["organization"][key] = f"A{bad}B"
        place = f"organization.{key}"
    else:
        row[key] = f"A{bad}B"
        document[section] = [row]
        place = f"{section}[0].{key}"
    with pytest.raises(ValidationError) as refused:
        check_document(document)
    assert any(
        problem.startswith(f"{place}: contains") and "at character 2" in problem
        for problem in refused.value.problems
    ), refused.value.problems


def test_tab_is_text_and_a_contact_may_hold_line_breaks() -> None:
    assert values.text(200)("Tab\there") == "Tab\there"
    assert values.text(2000, multiline=True)("Ana Ruiz\r\nBuilding 4") == "Ana Ruiz\r\nBuilding 4"
    with pytest.raises(ValueError, match="control character"):
        values.text(2000, multiline=True)("Ana\x1b[2J")


def test_sixty_thousand_bad_rows_print_a_bounded_list(
    capsys: pytest.CaptureFixture[str], demo: Path
) -> None:
    document = demo_document(demo)
    document["people"] = [{"mcp_id": ""} for _ in range(60_000)]
    err = _load_text(capsys, demo, json.dumps(document)).refused(limit=20_000)
    assert "problems; nothing was written" in err
    assert "more problems like these" in err
    assert len(err.splitlines()) < 110


def test_a_ten_megabyte_key_is_not_echoed(capsys: pytest.CaptureFixture[str], demo: Path) -> None:
    document = demo_document(demo)
    document["k" * 10_000_000] = 1
    err = _load_text(capsys, demo, json.dumps(document)).refused()
    assert "more characters): unknown section" in err


@pytest.mark.parametrize(
    ("content", "says"),
    [
        (b"[" * 100_000 + b"]" * 100_000, "nested too deeply"),
        (b'{"a": ' + b"9" * 5000 + b"}", "a number too long to be read"),
        (b"\x00" * 1000, "not valid JSON"),
        (b"", "line 1, column 1: not valid JSON"),
        ('{"format": "Jos\u00e9"}'.encode("utf-16"), "line 1: not UTF-8 text"),
        (b'{"format":\n "mpn-desktop/1",\n "x": "Jos\xe9"}', "line 3: not UTF-8 text"),
        (b"\x89PNG\r\n\x1a\n" + bytes(range(256)), "not UTF-8 text"),
    ],
    ids=["deep", "long-int", "nul", "empty", "utf16", "cp1252-byte", "binary"],
)
def test_a_file_that_is_no_json_document(
    capsys: pytest.CaptureFixture[str], demo: Path, content: bytes, says: str
) -> None:
    assert says in _load_text(capsys, demo, content).refused()


def test_a_byte_order_mark_is_allowed(capsys: pytest.CaptureFixture[str], demo: Path) -> None:
    # Notepad saves UTF-8 with a byte order mark; it was refused as "not valid JSON".
    text = json.dumps(demo_document(demo))
    outcome = _load_text(capsys, demo, b"\xef\xbb\xbf" + text.encode("utf-8"))
    assert outcome.code == 0, outcome.err


def test_a_fifo_is_refused_without_waiting_for_a_writer(
    sqlite_templates: SqliteTemplates, tmp_path: Path
) -> None:
    demo = demo_file(sqlite_templates, tmp_path)
    fifo = tmp_path / "pipe.json"
    os.mkfifo(fifo)
    err = run_process("--db", demo, "load", "--replace", fifo, timeout=60).refused()
    assert f"{fifo}: is a named pipe (FIFO), not a file" in err


def _device(tmp_path: Path) -> Path:
    if os.geteuid() != 0:
        return Path("/dev/zero")
    node = tmp_path / "zero-device"
    os.mknod(node, 0o666 | stat.S_IFCHR, os.makedev(1, 5))  # /dev/zero's numbers
    return node


def test_an_endless_device_is_refused_before_reading(
    sqlite_templates: SqliteTemplates, tmp_path: Path
) -> None:
    demo = demo_file(sqlite_templates, tmp_path)
    device = _device(tmp_path)
    err = run_process("--db", demo, "load", "--replace", device, timeout=60).refused()
    assert f"{device}: is a device, not a file" in err


def test_a_folder_is_refused(capsys: pytest.CaptureFixture[str], demo: Path) -> None:
    folder = demo.parent / "folder.json"
    folder.mkdir()
    err = run(capsys, "--db", demo, "load", "--replace", folder).refused()
    assert f"{folder}: is a folder, not a file" in err


def test_a_file_larger_than_a_document_can_be_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "big.json"
    path.write_bytes(b" " * 2048)
    with pytest.raises(MpnError, match="is 2,048 bytes, more than the 1,024"):
        read_input(path, max_bytes=1024)


@pytest.mark.parametrize("kind", ["fifo", "device-link"])
def test_a_workbook_that_is_no_file_is_refused_without_waiting(
    sqlite_templates: SqliteTemplates, tmp_path: Path, kind: str
) -> None:
    demo = demo_file(sqlite_templates, tmp_path)
    path = tmp_path / "org.xlsx"
    if kind == "fifo":
        os.mkfifo(path)
    else:
        path.symlink_to(_device(tmp_path))
    err = run_process("--db", demo, "load", "--replace", path, timeout=60).refused()
    assert "not a file" in err


def test_a_workbook_with_a_damaged_sheet_is_refused(
    capsys: pytest.CaptureFixture[str], demo: Path
) -> None:
    import zipfile

    good = demo.parent / "org.xlsx"
    assert run(capsys, "--db", demo, "export", good).code == 0
    bad = demo.parent / "damaged.xlsx"
    with zipfile.ZipFile(good) as source, zipfile.ZipFile(bad, "w") as damaged:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename.endswith("sheet1.xml"):
                data = data.replace(
                    b"</sheetData>", b"<row><c t='inlineStr'>\x1b</c></row></sheetData>"
                )
            damaged.writestr(item, data)
    before = fingerprint(demo)
    err = run(capsys, "--db", demo, "load", "--replace", bad).refused()
    assert "damaged" in err or "not an Excel workbook" in err
    assert fingerprint(demo) == before
