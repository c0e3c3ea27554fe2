"""The sample files of PARTNER-CENTER-FILES.md through the import wizard, as a user takes them:
as downloaded, saved again by Excel (a ``sep=`` line) or with a title above the header, and
with a line cut short; each import undone.

What the database holds after each is compared with the file as downloaded:
a title or a delimiter line must change nothing of what is imported, and
the record skipped must reach the rejects file with every cell it had.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from helpers.import_wizards import opened_wizards, wait_for
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot

from mpn_desktop.importers.rejects import ERROR_COLUMN
from mpn_desktop.store.changes import RecordKind
from mpn_desktop.store.database import Database
from mpn_desktop.store.records import list_records
from mpn_desktop.ui.context import AppContext
from mpn_desktop.ui.import_kinds import EXAM_RECORDS, SALES_DATA, kind_of_file
from mpn_desktop.ui.import_wizard import ImportWizard, PageId

FIXTURES = Path(__file__).parents[1] / "importers" / "fixtures"
SAMPLES = [
    FIXTURES / "partner_center_training_details.csv",
    *sorted((FIXTURES / "usage").iterdir()),
]
Snapshot = dict[str, list[tuple[Any, ...]]]


def _snapshot(db: Database) -> Snapshot:
    """What the imports wrote, by kind, without ids (each import numbers them anew)."""
    customers = {row["id"]: row["name"] for row in list_records(db, RecordKind.CUSTOMER)}
    subscriptions = list_records(db, RecordKind.SUBSCRIPTION)
    external = {row["id"]: row["external_id"] for row in subscriptions}
    people = list_records(db, RecordKind.PERSON)
    mcp_ids = {row["id"]: row["mcp_id"] for row in people}
    links = {"customer_id": customers, "subscription_id": external, "person_id": mcp_ids}
    shot: Snapshot = {}
    for kind in (
        RecordKind.CUSTOMER,
        RecordKind.SUBSCRIPTION,
        RecordKind.USAGE,
        RecordKind.PERSON,
        RecordKind.EXAM,
    ):
        rows = [
            tuple(
                (name, links[name][value] if name in links else str(value))
                for name, value in row.items()
                if name not in {"id", "import_batch_id", "version"}
            )
            for row in list_records(db, kind)
        ]
        shot[kind.value] = sorted(rows)
    return shot


def _lines(path: Path) -> tuple[bytes, list[str], str]:
    """The file's byte order mark, its lines and its delimiter."""
    raw = path.read_bytes()
    bom = b"\xef\xbb\xbf" if raw.startswith(b"\xef\xbb\xbf") else b""
    delimiter = "\t" if path.suffix == ".tsv" else ","
    return bom, raw[len(bom) :].decode("utf-8").splitlines(keepends=True), delimiter


def _saved_again(sample: Path, folder: Path) -> Path:
    """The sample as Excel saves it with its delimiter line, below a report's title."""
    bom, lines, delimiter = _lines(sample)
    title = f"Report downloaded 2021-02-03{delimiter}{delimiter}\n\n"
    path = folder / sample.name
    path.write_bytes(bom + (f"sep={delimiter}\n" + title + "".join(lines)).encode())
    return path


def _cut_short(sample: Path, folder: Path) -> tuple[Path, list[str]]:
    """The sample with a copy of its first record cut after three cells, as line 3."""
    bom, lines, delimiter = _lines(sample)
    cells = next(csv.reader([lines[1]], delimiter=delimiter))[:3]
    text = io.StringIO()
    csv.writer(text, delimiter=delimiter, lineterminator="\n").writerow(cells)
    lines.insert(2, text.getvalue())
    path = folder / sample.name
    path.write_bytes(bom + "".join(lines).encode())
    return path, cells


@pytest.fixture
def open_wizard(
    qtbot: QtBot, context: AppContext, tmp_path: Path
) -> Iterator[Callable[[Path], ImportWizard]]:
    """Opens the wizard of the file's kind on the file, as a file dropped on the window does."""
    settings = QSettings(str(tmp_path / "import.ini"), QSettings.Format.IniFormat)
    with opened_wizards(qtbot, settings) as make:
        yield lambda path: make(context, path, kind_of_file(path))


def _checked(qtbot: QtBot, wizard: ImportWizard) -> None:
    assert wizard.currentId() == PageId.PREVIEW, wizard.preview_page.error_label.text()
    wizard.next()
    assert wizard.currentId() == PageId.MAPPING, "the preview lets the user on"
    wizard.next()
    assert wizard.currentId() == PageId.CHECK, wizard.mapping_page.status_label.text()
    wait_for(qtbot, wizard.check_page)


def _imported(qtbot: QtBot, wizard: ImportWizard) -> None:
    _checked(qtbot, wizard)
    wizard.next()
    assert wizard.currentId() == PageId.RUN, wizard.check_page.verdict_label.text()
    wait_for(qtbot, wizard.run_page)
    assert "Edit ▸ Undo removes the whole import" in wizard.run_page.verdict_label.text()


@pytest.mark.parametrize("sample", SAMPLES, ids=lambda path: path.name)
def test_a_sample_saved_again_below_a_title_imports_as_downloaded_and_undoes(
    qtbot: QtBot,
    context: AppContext,
    open_wizard: Callable[[Path], ImportWizard],
    tmp_path: Path,
    sample: Path,
) -> None:
    empty = _snapshot(context.db)
    _imported(qtbot, open_wizard(sample))
    downloaded = _snapshot(context.db)
    assert downloaded != empty
    context.undo_stack.undo()
    assert _snapshot(context.db) == empty, "the undo took out the whole import"

    wizard = open_wizard(_saved_again(sample, tmp_path))
    said = wizard.preview_page.format_label.text()
    assert "Line 1 (sep=) names the delimiter" in said
    assert "The header is on line 4; lines 2-3 skipped." in said
    _imported(qtbot, wizard)
    assert _snapshot(context.db) == downloaded
    context.undo_stack.undo()
    assert _snapshot(context.db) == empty


@pytest.mark.parametrize("sample", SAMPLES, ids=lambda path: path.name)
def test_a_line_cut_short_is_named_and_kept_whole_in_the_rejects_file(
    qtbot: QtBot,
    context: AppContext,
    open_wizard: Callable[[Path], ImportWizard],
    tmp_path: Path,
    *,
    sample: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    empty = _snapshot(context.db)
    _imported(qtbot, open_wizard(sample))
    downloaded = _snapshot(context.db)
    context.undo_stack.undo()

    path, cells = _cut_short(sample, tmp_path)
    wizard = open_wizard(path)
    _checked(qtbot, wizard)
    assert wizard.check_page.subTitle().startswith(f"Every record of {sample.name} is checked")
    problems = wizard.check_page.problems
    first = [problems.index(0, column).data() for column in range(3)]
    assert first[:2] == [3, "whole line"]
    assert first[2].startswith("3 fields where the header has ")
    assert all(problems.index(row, 1).data() for row in range(problems.rowCount()))

    rejects = tmp_path / "rejects.csv"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a, **_k: (str(rejects), ""))
    wizard.check_page.skip_button.click()
    wait_for(qtbot, wizard.run_page)
    assert _snapshot(context.db) == downloaded, "the good records are all imported"
    with rejects.open(encoding="utf-8-sig", newline="") as stream:
        rows = list(csv.reader(stream))
    header = next(csv.reader([_lines(sample)[1][0]], delimiter=_lines(sample)[2]))
    assert rows[0][:-1] == header and rows[0][-1] == ERROR_COLUMN
    assert len(rows) == 2
    kept, error = rows[1][:-1], rows[1][-1]
    assert kept == [*cells, *[""] * (len(header) - len(cells))]
    assert error.startswith("line 3: 3 fields where the header has ")

    # Usage lines go back through their own file: alone they would replace the kept months.
    usage = wizard.kind.name == "usage"
    advice = f"Correct the skipped lines in {sample.name} itself and import it again"
    assert (advice in wizard.run_page.verdict_label.text()) is usage
    again = open_wizard(rejects)
    again.next()
    again.next()
    wait_for(qtbot, again.check_page)
    refused = "this file holds the lines an import skipped"
    assert (refused in again.check_page.verdict_label.text()) is usage
    assert _snapshot(context.db) == downloaded
    context.undo_stack.undo()
    assert _snapshot(context.db) == empty, "the undo took out the import of the good records"


def test_the_file_page_names_the_kinds_files(qtbot: QtBot, context: AppContext) -> None:
    """The sales data wizard asked for "a CSV file of exam records"."""
    texts = {}
    for kind in (EXAM_RECORDS, SALES_DATA):
        wizard = ImportWizard(context, None, kind=kind)
        qtbot.addWidget(wizard)
        texts[kind.name] = wizard.file_page.subTitle()
    assert texts["exams"].startswith("A CSV file of exam records")
    assert texts["usage"].startswith("A file of usage or licences from Partner Center")
