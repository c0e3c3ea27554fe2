"""File ▸ Print checklist… and Export checklist as PDF…, on top of ``mpn_desktop.reports``."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QFileDialog, QWidget

from mpn_desktop.domain.performance import usage_window_start
from mpn_desktop.domain.progress import Progress
from mpn_desktop.reports.checklist import Checklist, build_checklist
from mpn_desktop.reports.render import open_print_preview, render_pdf
from mpn_desktop.store.facts_loader import load_facts
from mpn_desktop.ui.context import AppContext
from mpn_desktop.ui.settings import WindowSettings


def _tr(text: str) -> str:
    return QCoreApplication.translate("ChecklistActions", text)


def checklist_available() -> bool:
    """Whether this build has the printable checklist (it always has, since reports/ landed)."""
    return True


def checklist_document(context: AppContext, progress: Progress | None) -> Checklist:
    """The checklist of every target competency, from the progress the window shows.

    ``progress`` is what the status panel last evaluated; None evaluates afresh.
    """
    facts = load_facts(context.db, usage_from=usage_window_start(context.as_of))
    if progress is None or progress.as_of != context.as_of:
        from mpn_desktop.domain.evaluate import evaluate

        progress = evaluate(context.catalog, facts, context.as_of)
    return build_checklist(context.catalog, facts, progress, printed_on=date.today())


def print_checklist(
    context: AppContext, progress: Progress | None, parent: QWidget
) -> QWidget | None:
    """Opens the print preview of the checklist; printing goes from there."""
    document = context.run(
        lambda: checklist_document(context, progress), failure=_tr("The checklist was not made.")
    )
    if document is None:
        return None
    return open_print_preview(document, parent)


def export_checklist_pdf(
    context: AppContext,
    progress: Progress | None,
    settings: WindowSettings,
    parent: QWidget,
) -> Path | None:
    """Asks where to save the checklist as PDF and writes it."""
    name, _ = QFileDialog.getSaveFileName(
        parent,
        _tr("Export checklist as PDF"),
        str(Path(settings.last_folder()) / f"checklist-{context.as_of.isoformat()}.pdf"),
        _tr("PDF documents (*.pdf)"),
    )
    if not name:
        return None
    path = Path(name)
    if path.suffix.lower() != ".pdf":
        path = path.with_name(path.name + ".pdf")
    return write_checklist_pdf(context, progress, path, settings)


def write_checklist_pdf(
    context: AppContext,
    progress: Progress | None,
    path: Path,
    settings: WindowSettings | None = None,
) -> Path | None:
    """Writes the checklist to ``path``; None (after a message) when it could not be."""

    def write() -> Path:
        render_pdf(checklist_document(context, progress), path)
        return path

    # A long checklist takes a moment (well under a second for the large benchmark
    # organisation): a busy cursor says so without the cost of a worker thread.
    QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        written = context.run(write, failure=_tr("The checklist was not saved."))
    finally:
        QGuiApplication.restoreOverrideCursor()
    if written is not None and settings is not None:
        settings.remember_file(path)
    return written
