"""Fuzzing the CSV reader and the JSON loader: a clear error or a commit, never anything else.

Whatever a file holds, the outcome is either the program's own error (and
the database's bytes are as they were) or a committed import/load (and the
database passes SQLite's check). Any other exception fails the property.
"""

from __future__ import annotations

import json
import shutil
import tempfile
from datetime import date
from decimal import Decimal
from functools import cache
from pathlib import Path
from typing import Any

from helpers.databases import SqliteTemplates
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from hostile.input_attacks import DEMO_DAY, demo_document, fingerprint
from mpn_desktop.catalog_files import load_catalog
from mpn_desktop.errors import MpnError
from mpn_desktop.importers.catalog_lookup import CatalogLookup
from mpn_desktop.importers.importing import run_import
from mpn_desktop.importers.kinds import ExamImport
from mpn_desktop.importers.planning import plan_import
from mpn_desktop.store.database import Database
from mpn_desktop.store.documents import load_document, read_document_file
from mpn_desktop.store.engine import quick_check

FUZZ = settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

HEADERS = (
    "MCP ID,Full Name,Exam Code,Exam Title,Date Passed,Kind\n",
    "MCPID;TrainingTitle;TrainingType;TrainingCompletionDate;IndividualFirstName\r\n",
    "mcp_id\texam_code\tpassed_on\tname\n",
)
# Cells of real exports with the hostile characters mixed in: controls, quotes,
# delimiters, line ends, a BOM, non-UTF-8 bytes once encoded, formula marks.
CELL_ALPHABET = (
    ",;\t\n\r\"'0123456789-/.:TZ aéß陈=+@Exam70-533"
    "\x00\x01\x07\x0b\x0c\x1b\x7f\x85\x9b\u2028\ufeff\ud7ff"
)
ENCODINGS = ("utf-8", "utf-8-sig", "utf-16", "cp1252", "latin-1")


@st.composite
def csv_files(draw: st.DrawFn) -> bytes:
    rows = draw(
        st.lists(
            st.one_of(
                st.just("1234567,Ana Ruiz,70-533,,2017-11-02,Exam\n"),
                st.just("7654321;Developing Azure;Exam;11/25/2017;Bo\r\n"),
                st.text(alphabet=CELL_ALPHABET, max_size=60),
            ),
            max_size=30,
        )
    )
    text = draw(st.sampled_from(HEADERS)) + "".join(rows)
    data = text.encode(draw(st.sampled_from(ENCODINGS)), errors="replace")
    if draw(st.booleans()):
        cut = draw(st.integers(0, len(data)))
        data = data[:cut] + draw(st.binary(max_size=6)) + data[cut:]
    return data


@cache
def _lookup() -> CatalogLookup:
    return CatalogLookup(load_catalog())


@FUZZ
@given(data=st.one_of(st.binary(max_size=400), csv_files()), dry_run=st.booleans())
def test_the_csv_reader_refuses_clearly_or_commits(
    data: bytes, dry_run: bool, sqlite_templates: SqliteTemplates
) -> None:
    with tempfile.TemporaryDirectory() as folder:
        db_path = Path(folder) / "tracker.sqlite3"
        sqlite_templates.copy_to(db_path, DEMO_DAY)
        path = Path(folder) / "fuzz.csv"
        path.write_bytes(data)
        before = fingerprint(db_path)
        committed = False
        try:
            plan = plan_import(path, date_format="MDY")
            with Database.open(f"sqlite:///{db_path}") as db:
                result = run_import(
                    db,
                    ExamImport(_lookup()),
                    path,
                    plan.settings,
                    dry_run=dry_run,
                    today=date(2018, 3, 15),
                )
            committed = result.committed
        except MpnError as error:
            assert str(error).strip(), "an error says what is wrong"
        if committed:
            assert not dry_run
            assert quick_check(db_path) is None
        else:
            assert fingerprint(db_path) == before, "nothing committed, yet the bytes changed"


# Values a JSON document may hold anywhere: the hostile ones among ordinary ones.
JSON_VALUES = st.recursive(
    st.one_of(
        st.none(),
        st.booleans(),
        st.integers(min_value=-(2**70), max_value=2**70),
        st.sampled_from(
            ["1e999999999", "-1e999999999", "1e-999999999", "NaN", "Infinity", "9" * 500]
        ).map(Decimal),
        st.floats(allow_nan=True, allow_infinity=True),
        st.text(alphabet=CELL_ALPHABET, max_size=40),
        st.sampled_from(["2017-02-29", "2017-13", "99999-01-01", "sub-1", "gold", "azure"]),
        st.just("x" * 5000),
    ),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3)
    ),
    max_leaves=6,
)


@cache
def _demo(templates: SqliteTemplates) -> str:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "demo.sqlite3"
        templates.copy_to(path, DEMO_DAY)
        return json.dumps(demo_document(path))


@st.composite
def changed_documents(draw: st.DrawFn, original: dict[str, Any]) -> dict[str, Any]:
    document = json.loads(json.dumps(original))
    for _ in range(draw(st.integers(1, 3))):
        section = draw(st.sampled_from(sorted(document)))
        target = document[section]
        if isinstance(target, list) and target:
            target = target[draw(st.integers(0, len(target) - 1))]
        if isinstance(target, dict) and target and draw(st.booleans()):
            key = draw(st.sampled_from(sorted(target)))
        else:
            key = draw(st.sampled_from([section, "colour", "\x1b", ""]))
            target = document if not isinstance(target, dict) else target
        target[key] = draw(JSON_VALUES)
    return document


def _number_text(value: object) -> str:
    # json.dumps cannot write a Decimal; write it as the JSON number it stands for.
    if isinstance(value, Decimal):
        return str(value) if value.is_finite() else {"NaN": "NaN"}.get(str(value), str(value))
    raise TypeError(type(value).__name__)


@FUZZ
@given(data=st.data(), replace=st.booleans())
def test_the_json_loader_refuses_clearly_or_commits(
    data: st.DataObject, replace: bool, sqlite_templates: SqliteTemplates
) -> None:
    original = json.loads(_demo(sqlite_templates))
    document = data.draw(changed_documents(original))
    with tempfile.TemporaryDirectory() as folder:
        db_path = Path(folder) / "tracker.sqlite3"
        sqlite_templates.copy_to(db_path, DEMO_DAY)
        path = Path(folder) / "fuzz.json"
        path.write_text(json.dumps(document, default=_number_text), encoding="utf-8")
        before = fingerprint(db_path)
        committed = False
        try:
            with Database.open(f"sqlite:///{db_path}") as db:
                load_document(
                    db,
                    read_document_file(path),
                    replace=replace,
                    competencies={c.id for c in load_catalog().competencies},
                )
            committed = True
        except MpnError as error:
            assert str(error).strip()
            assert len(str(error)) < 3000
            for problem in getattr(error, "problems", []):
                assert len(problem) < 600, problem[:200]
        if committed:
            assert replace, "a filled database was replaced without --replace"
            assert quick_check(db_path) is None
        else:
            assert fingerprint(db_path) == before


def test_the_unchanged_demo_document_loads(
    sqlite_templates: SqliteTemplates, tmp_path: Path
) -> None:
    # The fuzz's starting point is a valid document, so its errors come from the changes.
    db_path = tmp_path / "tracker.sqlite3"
    sqlite_templates.copy_to(db_path, DEMO_DAY)
    path = tmp_path / "demo.json"
    path.write_text(_demo(sqlite_templates), encoding="utf-8")
    with Database.open(f"sqlite:///{db_path}") as db:
        load_document(db, read_document_file(path), replace=True)
    shutil.rmtree(tmp_path / "unused", ignore_errors=True)
