"""File ▸ Print checklist… and Export checklist as PDF…, on top of ``mpn_desktop.reports``."""

from __future__ import annotations

import importlib
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QWidget

from mpn_desktop.domain.progress import Progress
from mpn_desktop.store.facts_loader import load_facts
from mpn_desktop.ui.context import AppContext
from mpn_desktop.ui.file_actions import module_available
from mpn_desktop.ui.settings import WindowSettings

_CHECKLIST = "mpn_desktop.reports.checklist"
_RENDER = "mpn_desktop.reports.render"


def _tr(text: str) -> str:
    return QCoreApplication.translate("ChecklistActions", text)


def checklist_available() -> bool:
    """Whether this build has the printable checklist."""
    return module_available(_CHECKLIST) and module_available(_RENDER)


def _document(context: AppContext, progress: Progress | None) -> Any:
    checklist = importlib.import_module(_CHECKLIST)
    facts = load_facts(context.db)
    if progress is None:
        from mpn_desktop.domain.evaluate import evaluate

        progress = evaluate(context.catalog, facts, context.as_of)
    return checklist.build_checklist(context.catalog, facts, progress, printed_on=date.today())


def print_checklist(context: AppContext, progress: Progress | None, parent: QWidget) -> None:
    """Opens the print preview of the checklist of every target competency."""
    render = importlib.import_module(_RENDER)
    document = context.run(
        lambda: _document(context, progress), failure=_tr("The checklist was not made.")
    )
    if document is not None:
        render.open_print_preview(document, parent)


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
    return write_checklist_pdf(context, progress, path, settings)


def write_checklist_pdf(
    context: AppContext,
    progress: Progress | None,
    path: Path,
    settings: WindowSettings | None = None,
) -> Path | None:
    """Writes the checklist to ``path``; None (after a message) when it could not be."""
    render = importlib.import_module(_RENDER)

    def write() -> Path:
        render.render_pdf(_document(context, progress), path)
        return path

    written = context.run(write, failure=_tr("The checklist was not saved."))
    if written is not None and settings is not None:
        settings.remember_file(path)
    return written
