"""The status panel's cards of one kind (competencies or designations) in its column.

Cards are kept per id and updated in place, so a redraw after an edit costs
little more than setting a few texts. Once the window is on screen, a card
never shown before comes at later turns of the event loop, top to bottom
(``shown`` once the last one is): its widgets made and filled hidden at one
turn, then shown (laid out and painted) at the next. On the large
organisation the first result's five competency cards, some 170 widgets made,
polished and laid out for the first time, stalled the window 0.15-0.25 s in
one go. Cards already built take a new result at once, so no card shows an
earlier result than the rest of the panel.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Generic, TypeVar

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QVBoxLayout, QWidget

if TYPE_CHECKING:
    from mpn_desktop.domain.requirement_tree import RequirementNode


Card = TypeVar("Card", bound=QWidget)


class CardColumn(QObject, Generic[Card]):
    """The cards of one kind, from the layout's index ``first`` on, in the nodes' order."""

    shown = Signal()
    """No card is still to come: the last one asked for is shown, or no longer wanted."""
    grown = Signal()
    """A card came at a later turn: the column may need more room."""

    def __init__(
        self,
        layout: QVBoxLayout,
        first: int,
        make: Callable[[], Card],
        fill: Callable[[Card, RequirementNode], None],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._layout = layout
        self._first = first
        self._make = make
        self._fill = fill
        self.cards: dict[str, Card] = {}
        self._order: list[str] = []
        """The ids the latest nodes show, in order."""
        self._pending: list[RequirementNode] = []
        """Nodes whose card is still to be shown, in order."""
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self._next_step)

    @property
    def showing(self) -> bool:
        """Whether cards of the latest nodes are still to be built and shown."""
        return bool(self._pending)

    def show_nodes(self, nodes: Sequence[RequirementNode], *, at_once: bool) -> None:
        """Shows a card per node in their order, the others hidden; new cards come a turn at
        a time unless ``at_once`` (no one waits for a frame: the window is not shown yet)."""
        self._order = [node.id for node in nodes]
        wanted = set(self._order)
        for card_id, card in self.cards.items():
            if card_id not in wanted:
                card.setVisible(False)
        waiting = self.showing
        self._pending = [node for node in nodes if node.id not in self.cards]
        for node in nodes:
            if node.id in self.cards:
                self._show(self.cards[node.id], node)
        if self._pending and at_once:
            self.finish()
        elif self._pending:
            self._timer.start()
        else:
            self._timer.stop()
            if waiting:
                self.shown.emit()

    def hide_all(self) -> None:
        """Hides every card; none is to come (another view took the panel)."""
        self._timer.stop()
        for card in self.cards.values():
            card.setVisible(False)
        if self._pending:
            self._pending = []
            self.shown.emit()

    def finish(self) -> None:
        """Builds and shows now every card still to come (a card asked for, a test)."""
        while self._pending:
            self._next_step()

    def card(self, card_id: str) -> Card:
        """The card of ``card_id``, the cards still to come shown first."""
        self.finish()
        return self.cards[card_id]

    def _next_step(self) -> None:
        """Makes the next card still to come, hidden, or shows the one made."""
        if not self._pending:
            return
        node = self._pending[0]
        card = self.cards.get(node.id)
        if card is None:
            self._make_hidden(node)
            self._timer.start()
            return
        self._pending.pop(0)
        card.setVisible(True)
        self.grown.emit()
        if self._pending:
            self._timer.start()
        else:
            self._timer.stop()
            self.shown.emit()

    def _make_hidden(self, node: RequirementNode) -> None:
        card = self._make()
        card.setVisible(False)  # else the layout shows it at the next turn
        self.cards[node.id] = card
        self._place(card, node.id)
        self._fill(card, node)
        # Its texts laid out at the width the column gives it, here rather than when shown.
        margins = self._layout.contentsMargins()
        body = self._layout.parentWidget()
        if body is not None and body.width() > margins.left() + margins.right():
            card.heightForWidth(body.width() - margins.left() - margins.right())

    def _show(self, card: Card, node: RequirementNode) -> None:
        self._place(card, node.id)
        self._fill(card, node)
        card.setVisible(True)

    def _place(self, card: Card, card_id: str) -> None:
        """Puts ``card`` in the column right after the card of the node before it."""
        position = self._order.index(card_id)
        before = next(
            (self.cards[i] for i in reversed(self._order[:position]) if i in self.cards), None
        )
        at = self._first if before is None else self._layout.indexOf(before) + 1
        now = self._layout.indexOf(card)
        if now != at:
            if now != -1:
                self._layout.removeWidget(card)
                at -= 1 if now < at else 0
            self._layout.insertWidget(at, card)
