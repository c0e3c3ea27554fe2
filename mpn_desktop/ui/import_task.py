"""One long import step (the check or the import itself) as a ``Task`` off the GUI thread.

The step is a plain function of the importer that takes a progress callback
and a cancel check (``tasks.Work``); a failure that is not the importer's own
error becomes a message that says nothing was written.
"""

from __future__ import annotations

from PySide6.QtCore import QObject

from mpn_desktop.ui.tasks import Task, Work

UNEXPECTED = (
    "Something unexpected went wrong; nothing was written. The details are in the program's log."
)

Step = Work
"""A step given ``progress(fraction)`` and ``cancelled() -> bool``."""


def import_task(step: Step, parent: QObject | None = None) -> Task:
    """The task running ``step``: see ``Task`` for its progress, cancel and outcome."""
    return Task(step, parent, name="import", unexpected=UNEXPECTED)
