"""Help ▸ Getting started (the four steps, or the Solutions Partner categories on a day of that
program: what to enter where, where the data comes from in Partner Center) and Help ▸ Keyboard
shortcuts (read off the window's own actions)."""

from __future__ import annotations

import html

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from mpn_desktop.ui.screen_fit import resize_to_fit


def _tr(text: str) -> str:
    return QCoreApplication.translate("GettingStarted", text)


def _competency_steps() -> list[tuple[str, str]]:
    """The 2017-2018 competencies' four steps, each with its tab."""
    return [
        (
            _tr("1. Sales performance — tab Sales performance"),
            _tr(
                "Add each customer, its subscriptions (workload, how it is associated with "
                "you and since when) and their monthly usage: Azure consumption in US$, or "
                "paid active users for Office 365, EMS and Dynamics. File ▸ Import sales data… "
                "reads Partner Center's files instead of typing: the reconciliation files "
                "(Billing ▸ invoice ▸ reconciliation file), the daily rated usage file, or "
                "Insights ▸ Download reports (Azure usage, licence usage)."
            ),
        ),
        (
            _tr("2. Technical exams — tab Exams and people"),
            _tr(
                "Add the people of your organisation with their MCP ID, and the exams, "
                "assessments and certifications they passed. File ▸ Import exam records… "
                "(Ctrl+I) reads Partner Center's Insights ▸ Download reports ▸ Training "
                "details, the older Competencies ▸ Download skills report, or any sheet with "
                "MCP ID, exam and date columns. Only people who associated their MCP ID with "
                "your MPN ID count."
            ),
        ),
        (
            _tr("3. Customer references — tab Customer references"),
            _tr(
                "Add each reference you submitted, its competency, status and the days it "
                "was submitted and approved. Partner Center has no export of references: copy "
                "them from its reference list. An approved reference counts for two years."
            ),
        ),
        (
            _tr("4. The yearly fee — tab Fee"),
            _tr(
                "Enter your membership anniversary (Edit ▸ Organisation and targets…) and "
                "each fee payment. The status panel says what this year's fee still needs "
                "and what the next renewal will cost."
            ),
        ),
    ]


def _designation_steps() -> list[tuple[str, str]]:
    """The Solutions Partner program's categories, each with the tab its facts are kept on."""
    return [
        (
            _tr("1. Performance and customer success — tab Performance and customer success"),
            _tr(
                "Add each customer with its tenant ID, its subscriptions (workload, how it is "
                "associated with you: CSP, DPOR, Partner Admin Link or CPOR, and since when) "
                "and their monthly usage, by service where the score counts services. "
                "File ▸ Import sales data… reads Partner Center's files instead of typing. "
                "Net customer adds, usage growth and deployments are worked out from them."
            ),
        ),
        (
            _tr("2. Skilling — tab Skilling: people and certifications"),
            _tr(
                "Add the people of your organisation with their MCP ID, and the exams and "
                "certifications they passed. File ▸ Import exam records… (Ctrl+I) reads "
                "Partner Center's Training details. The catalogue knows which exams earn "
                "which certification; the column Counts for says which designation and "
                "metric each person counts toward. Only people who associated their MCP ID "
                "with your partner ID count."
            ),
        ),
        (
            _tr("3. Customer references — tab Customer references"),
            _tr(
                "Customer references do not count toward the designations: the tab keeps "
                "them for the 2017-2018 competencies and your own records."
            ),
        ),
        (
            _tr("4. The yearly fee — tab Fee"),
            _tr(
                "Enter your membership anniversary (Edit ▸ Organisation and targets…) and "
                "each fee payment: one yearly fee however many designations."
            ),
        ),
    ]


def getting_started_html(designations: bool = False) -> str:
    """The page: the four steps in order, each with its tab, what to type and where from;
    with ``designations``, the Solutions Partner program's categories and the tabs' titles
    of a day under it."""
    steps = _designation_steps() if designations else _competency_steps()
    parts = [
        f"<h2>{html.escape(_tr('Getting started'))}</h2>",
        "<p>" + html.escape(_designation_intro() if designations else _competency_intro()) + "</p>",
    ]
    for title, text in steps:
        parts.append(f"<h3>{html.escape(title)}</h3><p>{html.escape(text)}</p>")
    parts.append(
        "<p>"
        + html.escape(
            _tr(
                "Status as of (at the top) moves the day everything is worked out on: "
                "plan ahead, or look back. File ▸ Print checklist… makes a page to take to a "
                "meeting. Help ▸ Requirements lists every figure and where it comes from."
            )
        )
        + "</p>"
    )
    return "".join(parts)


def _competency_intro() -> str:
    return _tr(
        "A cloud competency is attained at silver or gold when all four steps below "
        "are met. Start with Edit ▸ Organisation and targets… (the competencies and "
        "levels you aim for); then fill the four tabs. The status panel on the right "
        "says at once what is still missing; a click on a missing item opens the "
        "form that adds it."
    )


def _designation_intro() -> str:
    return _tr(
        "A Solutions Partner designation is earned with a partner capability score of at "
        "least 70 of 100 points over performance, skilling and customer success, every "
        "metric above zero. Start with Edit ▸ Organisation and targets… (the designations "
        "you aim for); then fill the tabs. The status panel on the right says at once each "
        "designation's score and what is still missing; a click on a missing item opens "
        "the form that adds it."
    )


def shortcut_rows(window: QWidget) -> list[tuple[str, str]]:
    """(what, keys) for every action of ``window`` that has a key, in menu order, once each."""
    rows: list[tuple[str, str]] = []
    seen: set[str] = set()
    for action in window.findChildren(QAction):
        keys = [
            key.toString(QKeySequence.SequenceFormat.NativeText)
            for key in action.shortcuts()
            if not key.isEmpty()
        ]
        text = action.text().replace("&&", "\0").replace("&", "").replace("\0", "&")
        text = text.split(":")[0].rstrip("…").strip()
        if not keys or not text or text in seen:
            continue
        seen.add(text)
        rows.append((text, ", ".join(keys)))
    return rows


def shortcuts_html(window: QWidget) -> str:
    """The keyboard shortcuts as a table, read off the window's actions (so it never goes stale)."""
    rows = "".join(
        f"<tr><td>{html.escape(what)}</td><td><b>{html.escape(keys)}</b></td></tr>"
        for what, keys in shortcut_rows(window)
    )
    extra = [
        (_tr("Open the calendar of a date field"), "Alt+Down"),
        (_tr("Take a typed date"), "Enter"),
        (_tr("Edit the selected cell"), "F2"),
        (_tr("Explain the field under the mouse"), "Shift+F1"),
    ]
    rows += "".join(
        f"<tr><td>{html.escape(what)}</td><td><b>{html.escape(keys)}</b></td></tr>"
        for what, keys in extra
    )
    return f"<h2>{html.escape(_tr('Keyboard shortcuts'))}</h2><table cellpadding='4'>{rows}</table>"


def _page_dialog(parent: QWidget, name: str, title: str, page: str) -> QDialog:
    dialog = QDialog(parent)
    dialog.setObjectName(name)
    dialog.setWindowTitle(title)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    browser = QTextBrowser(dialog)
    browser.setObjectName(f"{name}Text")
    browser.setOpenExternalLinks(False)
    browser.setHtml(page)
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, dialog)
    buttons.rejected.connect(dialog.reject)
    layout = QVBoxLayout(dialog)
    layout.addWidget(browser)
    layout.addWidget(buttons)
    resize_to_fit(dialog, (640, 620))
    dialog.open()
    return dialog


def show_getting_started(parent: QWidget, *, designations: bool = False) -> QDialog:
    """Help ▸ Getting started (``designations``: for a day under the Solutions Partner
    program)."""
    return _page_dialog(
        parent, "gettingStartedDialog", _tr("Getting started"), getting_started_html(designations)
    )


def show_shortcuts(window: QWidget) -> QDialog:
    """Help ▸ Keyboard shortcuts."""
    return _page_dialog(
        window, "shortcutsDialog", _tr("Keyboard shortcuts"), shortcuts_html(window)
    )
