"""What the import wizard does differently per import kind: its title, words, fields, importer.

One wizard imports exam records (File ▸ Import exam records…) and sales data
(File ▸ Import sales data…); a ``WizardKind`` gives it the importer's kind
for the file and the few words that differ. Everything else is shared.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TR_NOOP, QCoreApplication

from mpn_desktop.errors import MpnError
from mpn_desktop.importers.catalog_lookup import CatalogLookup
from mpn_desktop.importers.columns import EXAM_FIELDS, FieldSet, suggest_mapping
from mpn_desktop.importers.kinds import ExamImport, ImportKind
from mpn_desktop.importers.reading import preview
from mpn_desktop.importers.usage_fields import recognise
from mpn_desktop.importers.usage_import import UsageImport
from mpn_desktop.store import records
from mpn_desktop.store.changes import RecordKind

if TYPE_CHECKING:
    from mpn_desktop.ui.context import AppContext
    from mpn_desktop.ui.import_state import ImportState


def _tr(text: str, disambiguation: str | None = None, n: int = -1) -> str:
    return QCoreApplication.translate("ImportKinds", text, disambiguation, n)


@dataclass(frozen=True)
class WizardKind:
    """One import kind as the wizard shows it."""

    name: str
    """``exams`` or ``usage`` (the importer's kind name)."""
    title: str
    """The wizard's title (translated when shown)."""
    fields_for: Callable[[Sequence[str]], FieldSet]
    """The kind's fields for a header line (usage: which Partner Center file it is)."""
    importer: Callable[[AppContext, ImportState], ImportKind]
    """The importer's kind for the file the state has settled."""
    columns_note: str
    """What the column mapping page says is needed (translated when shown)."""
    file_note: str
    """What the file page says the file is (translated when shown)."""

    def records(self, count: int) -> str:
        """``1 exam record``, ``3 usage rows``: the kind's records, counted."""
        # Written out here, not kept in the kinds, so lupdate sees each text with its count.
        if self.name == "usage":
            return _tr("%n usage row(s)", "", count)
        return _tr("%n exam record(s)", "", count)

    @property
    def columns_text(self) -> str:
        """What the column mapping page says is needed, translated."""
        return _tr(self.columns_note)

    @property
    def file_text(self) -> str:
        """What the file page says the file is, translated."""
        return _tr(self.file_note)

    @property
    def window_title(self) -> str:
        """The wizard's title, translated."""
        return _tr(self.title)


def _exams(context: AppContext, _state: ImportState) -> ImportKind:
    # The exams of today's certifications (AZ-104) count toward a designation, not nothing.
    return ExamImport(
        CatalogLookup.with_designations(context.catalog, lambda: context.scored_catalogs)
    )


def _usage(context: AppContext, state: ImportState) -> ImportKind:
    assert state.mapping is not None, "the file was read"
    known = frozenset(
        str(row["external_id"]) for row in records.list_records(context.db, RecordKind.SUBSCRIPTION)
    )
    return UsageImport(state.mapping.fields, state.rates, known, state.months)


EXAM_RECORDS = WizardKind(
    name="exams",
    title=str(QT_TR_NOOP("Import exam records")),
    fields_for=lambda _header: EXAM_FIELDS,
    importer=_exams,
    columns_note=str(
        QT_TR_NOOP(
            "What each column holds. An MCP ID, an exam code or title, and the date "
            "passed are needed; first and last name columns are joined."
        )
    ),
    file_note=str(
        QT_TR_NOOP(
            "A CSV file of exam records: Partner Center's Training details download, "
            "a spreadsheet saved as CSV, or Excel's Unicode text. You can also drop "
            "the file here."
        )
    ),
)
SALES_DATA = WizardKind(
    name="usage",
    title=str(QT_TR_NOOP("Import sales data")),
    fields_for=recognise,
    importer=_usage,
    columns_note=str(
        QT_TR_NOOP(
            "What each column holds. A subscription, a month (or the day of a charge) and a "
            "figure (consumption, revenue, active users or paid seats) are needed; lines "
            "are added up per subscription, month and service."
        )
    ),
    file_note=str(
        QT_TR_NOOP(
            "A file of usage or licences from Partner Center (a reconciliation file, "
            "an Insights download) or a sheet saved as CSV, its header naming the columns. "
            "You can also drop the file here."
        )
    ),
)


def kind_of_file(path: Path) -> WizardKind:
    """Sales data when the file's header is a usage file's (and not exam records'), else exams.

    For a file dropped on the window or opened as a database: a file that
    cannot be read opens the exam wizard, which says what is wrong with it.
    The header is the first line of the preview that names a kind's columns.
    """
    try:
        read = preview(path)
    except MpnError:
        return EXAM_RECORDS
    # The header may be below a title line, as the wizard finds it.
    for record in (read.header, *read.records):
        header = record.fields
        if not suggest_mapping(header).missing():
            return EXAM_RECORDS
        if not suggest_mapping(header, recognise(header)).missing():
            return SALES_DATA
    return EXAM_RECORDS
