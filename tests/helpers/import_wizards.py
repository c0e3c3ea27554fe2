"""Import wizards opened in a test as the window opens them, and waited for."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from mpn_desktop.ui.context import AppContext
from mpn_desktop.ui.import_kinds import EXAM_RECORDS, WizardKind
from mpn_desktop.ui.import_run_pages import _StepPage
from mpn_desktop.ui.import_wizard import ImportWizard

OpenWizard = Callable[..., ImportWizard]


@contextmanager
def opened_wizards(
    qtbot: QtBot, settings: QSettings
) -> Iterator[Callable[[AppContext, Path | None, WizardKind], ImportWizard]]:
    """Opens wizards (shown, remembering mappings in ``settings``); on leaving, waits for
    every check and import they started, so no worker outlives the test's database."""
    opened: list[ImportWizard] = []

    def make(
        context: AppContext, path: Path | None = None, kind: WizardKind = EXAM_RECORDS
    ) -> ImportWizard:
        wizard = ImportWizard(context, None, path=path, settings=settings, kind=kind)
        qtbot.addWidget(wizard)
        wizard.show()
        opened.append(wizard)
        return wizard

    try:
        yield make
    finally:
        for wizard in opened:
            for page in (wizard.check_page, wizard.run_page):
                if page.task is not None:
                    page.task.wait()


def wait_for(qtbot: QtBot, page: _StepPage) -> None:
    """Waits until the page's worker has ended and the page took its outcome."""
    qtbot.waitUntil(lambda: page.task is not None and page.task.handled, timeout=60_000)
