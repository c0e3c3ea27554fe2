"""File ▸ Print checklist… and Export checklist as PDF…, on top of ``mpn_desktop.reports``."""

from __future__ import annotations

from datetime import date
from functools import partial
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QFileDialog, QWidget

from mpn_desktop.domain.designation_score import usage_start
from mpn_desktop.domain.performance import usage_window_start
from mpn_desktop.domain.progress import Progress
from mpn_desktop.domain.requirement_tree import RequirementTree
from mpn_desktop.errors import MpnError
from mpn_desktop.reports.checklist import Checklist, build_checklist
from mpn_desktop.reports.designation_checklist import build_designation_checklist
from mpn_desktop.reports.render import (
    ChecklistNotWritten,
    default_page_size,
    open_print_preview,
    render_pdf,
)
from mpn_desktop.store.collector import collector_paused
from mpn_desktop.store.facts_loader import load_facts
from mpn_desktop.store.user_files import write_user_file
from mpn_desktop.ui.context import AppContext
from mpn_desktop.ui.designation_day import designation_tree_on
from mpn_desktop.ui.screen_fit import resize_to_fit
from mpn_desktop.ui.settings import WindowSettings


def _tr(text: str) -> str:
    return QCoreApplication.translate("ChecklistActions", text)


def checklist_document(
    context: AppContext, progress: Progress | None, designations: RequirementTree | None = None
) -> Checklist:
    """The checklist of the as-of day, from what the window shows: every target competency's,
    or on a day under the Solutions Partner program every targeted designation's (as
    ``checklist --pdf`` writes it; the window printed the 2017-2018 competencies' on any day).

    ``progress`` is what the status panel last evaluated and ``designations`` its scores of
    the designations; None (or another day's) evaluates afresh.
    """
    program = context.program_on(context.as_of)
    if program.scored is not None:
        tree = designations
        if tree is None or tree.as_of != context.as_of:
            facts = load_facts(context.db, usage_from=usage_start(context.as_of))
            tree = designation_tree_on(context, facts)
        assert tree is not None, "scored on a day of the program"
        return build_designation_checklist(
            program.scored, tree, tree.organization, printed_on=date.today()
        )
    facts = load_facts(context.db, usage_from=usage_window_start(context.as_of))
    if progress is None or progress.as_of != context.as_of:
        from mpn_desktop.domain.evaluate import evaluate

        progress = evaluate(context.catalog, facts, context.as_of)
    return build_checklist(context.catalog, facts, progress, printed_on=date.today())


def chosen_page_size(settings: WindowSettings | None) -> str:
    """The paper the user chose last for the checklist, else the locale's (Letter in the US)."""
    remembered = settings.checklist_page_size() if settings is not None else ""
    return remembered or default_page_size()


def print_checklist(
    context: AppContext,
    progress: Progress | None,
    parent: QWidget,
    settings: WindowSettings | None = None,
    designations: RequirementTree | None = None,
) -> QWidget | None:
    """Opens the print preview of the checklist on the chosen paper; printing goes from there.

    The paper picked in the preview's page setup is remembered in ``settings``
    (when given) for the next checklist, printed or exported.
    """
    QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        document = context.run(
            lambda: checklist_document(context, progress, designations),
            failure=_tr("The checklist was not made."),
        )
        if document is None:
            return None
        opening = chosen_page_size(settings)
        shown = [opening]

        def remember(paper: str) -> None:
            # Only a change made in the page setup is the user's choice; the paper the
            # preview opened on may be the locale's default, which should keep following it.
            if paper != shown[-1] and settings is not None:
                settings.set_checklist_page_size(paper)
            shown.append(paper)

        # Printed to a PDF file, it is written tagged through the one writer of user files.
        save = partial(write_user_file, database=context.db.path)

        def failed(error: MpnError) -> None:
            # The box's first line says the checklist was not printed; under it the reason.
            reason = error.reason if isinstance(error, ChecklistNotWritten) else str(error)
            context.show_error(reason, failure=_tr("The checklist was not printed."))

        preview = open_print_preview(document, parent, opening, remember, save=save, failed=failed)
        # A page and a half tall where the screen allows; never past its free area.
        resize_to_fit(preview, (900, 1000))
        return preview
    finally:
        QGuiApplication.restoreOverrideCursor()


def _pdf_filters() -> dict[str, str]:
    """The save dialog's file types, one per paper size: choosing one chooses the paper."""
    return {
        _tr("PDF document, A4 paper (*.pdf)"): "A4",
        _tr("PDF document, Letter paper (*.pdf)"): "Letter",
    }


def export_checklist_pdf(
    context: AppContext,
    progress: Progress | None,
    settings: WindowSettings,
    parent: QWidget,
    designations: RequirementTree | None = None,
) -> Path | None:
    """Asks where to save the checklist as PDF, and on which paper, and writes it."""
    filters = _pdf_filters()
    paper = chosen_page_size(settings)
    preselected = next(name for name, size in filters.items() if size == paper)
    name, chosen = QFileDialog.getSaveFileName(
        parent,
        _tr("Export checklist as PDF"),
        str(Path(settings.last_folder()) / f"checklist-{context.as_of.isoformat()}.pdf"),
        ";;".join(filters),
        preselected,
    )
    if not name:
        return None
    paper = filters.get(chosen, paper)
    path = Path(name)
    if path.suffix.lower() != ".pdf":
        path = path.with_name(path.name + ".pdf")
    written = write_checklist_pdf(
        context, progress, path, settings, page_size=paper, designations=designations
    )
    if written is not None:
        settings.set_checklist_page_size(paper)
    return written


def write_checklist_pdf(
    context: AppContext,
    progress: Progress | None,
    path: Path,
    settings: WindowSettings | None = None,
    *,
    page_size: str | None = None,
    designations: RequirementTree | None = None,
) -> Path | None:
    """Writes the checklist to ``path`` (on ``page_size``, else the chosen paper); None on failure.

    A failure is shown as a message saying what and where before None returns.
    """
    paper = page_size or chosen_page_size(settings)

    def write() -> Path:
        save = partial(write_user_file, database=context.db.path)
        # As `checklist --pdf` does: the collector would walk the window's whole heap
        # over and over while the pages and their structure tree are built, freeing nothing.
        with collector_paused():
            document = checklist_document(context, progress, designations)
            try:
                render_pdf(document, path, paper, save=save)
            except ChecklistNotWritten as refused:
                # The box's first line says the checklist was not saved; under it the reason
                # alone, not "the checklist was not written: ..." again.
                raise ChecklistNotWritten(refused.reason) from None
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
