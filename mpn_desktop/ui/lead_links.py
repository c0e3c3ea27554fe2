"""Missing items as links: each item whose ``Lead`` is known opens the form that adds it.

A designation card writes its "Still missing" list and its cheapest way to 70
through one ``LeadLinks``: the links carry an index into the leads (data from
the requirement tree, never a sentence read back), each says in its tooltip
what it opens, and a click or Enter on a focused link emits ``activated``.
"""

from __future__ import annotations

import html
from collections.abc import Sequence

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QLabel

from mpn_desktop.domain.missing_lead import Lead, LeadKind
from mpn_desktop.ui.models.fields import enum_label

_LINK = "lead:"

SELECTABLE_LINKS = (
    Qt.TextInteractionFlag.TextSelectableByMouse
    | Qt.TextInteractionFlag.LinksAccessibleByMouse
    | Qt.TextInteractionFlag.LinksAccessibleByKeyboard
)
"""A label's text selectable, its links followed by mouse and by Tab and Enter."""


class LeadLinks(QObject):
    """The leads of one card's links, by the index each link names."""

    activated = Signal(object)
    """The ``Lead`` of the link clicked (or Enter on it)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.leads: list[Lead] = []
        self._items: list[str] = []

    def follow(self, label: QLabel) -> None:
        """Makes the label's links reachable by mouse and by Tab and Enter, and followed."""
        label.setTextInteractionFlags(SELECTABLE_LINKS)
        label.linkActivated.connect(self._clicked)

    def clear(self) -> None:
        """Forgets the leads of the texts drawn before."""
        self.leads = []
        self._items = []

    def bullets(self, items: Sequence[str], leads: Sequence[Lead | None]) -> str:
        """Rich text: one bullet per item, a link where its lead is known."""
        rows = "".join(f"<li>{self._item(item, lead)}</li>" for item, lead in _pairs(items, leads))
        return f"<ul style='margin-left:-24px; margin-top:0px; margin-bottom:0px'>{rows}</ul>"

    def inline(self, items: Sequence[str], leads: Sequence[Lead | None]) -> str:
        """Rich text: the items one after another, separated by semicolons, linked likewise."""
        return "; ".join(self._item(item, lead) for item, lead in _pairs(items, leads))

    def described(self, since: int = 0) -> str:
        """What each link from the ``since``-th on opens, for a screen reader."""
        return " ".join(
            self.tr("{item}: {action}.").format(item=item, action=self.what_it_does(lead))
            for item, lead in zip(self._items[since:], self.leads[since:], strict=True)
        )

    def what_it_does(self, lead: Lead) -> str:
        """What clicking a link opens, in a few words (its tooltip and accessible text)."""
        if lead.kind is LeadKind.CERTIFICATION:
            if lead.code:
                return self.tr(
                    "Opens Add exam on the Skilling tab with {code} ({certification}) filled in"
                ).format(code=lead.code, certification=lead.certification)
            return self.tr("Opens Add exam on the Skilling tab")
        if lead.kind is LeadKind.CUSTOMER:
            if lead.association is not None:
                return self.tr(
                    "Opens Add customer on the Performance tab, then its subscription "
                    "through {association}"
                ).format(association=enum_label(lead.association))
            return self.tr("Opens Add customer on the Performance tab")
        return self.tr("Opens Usage by month on the Performance tab: {what}").format(
            what=lead.note or lead.metric_name
        )

    def _item(self, item: str, lead: Lead | None) -> str:
        if lead is None:
            return html.escape(item)
        index = len(self.leads)
        self.leads.append(lead)
        self._items.append(item)
        tip = html.escape(self.what_it_does(lead), quote=True)
        return f"<a href='{_LINK}{index}' title='{tip}'>{html.escape(item)}</a>"

    def _clicked(self, link: str) -> None:
        index = link.removeprefix(_LINK)
        if index.isdigit() and int(index) < len(self.leads):
            self.activated.emit(self.leads[int(index)])


def _pairs(items: Sequence[str], leads: Sequence[Lead | None]) -> list[tuple[str, Lead | None]]:
    """Each item with its lead; none where the leads do not go with the items one to one."""
    if len(leads) != len(items):
        return [(item, None) for item in items]
    return list(zip(items, leads, strict=True))
