"""A designation metric's net figure says under its figures how it comes about."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from mpn_desktop.domain.requirement_tree import RequirementNode
from mpn_desktop.ui.main_window import MainWindow
from tests.ui.test_designation_panel import window  # noqa: F401  (the 2023 sample's window)


def test_net_customer_adds_say_now_a_year_earlier_and_the_net(window: MainWindow) -> None:  # noqa: F811
    tree = window.progress_source.designations
    assert tree is not None
    for designation in tree.targeted:
        card = window.panel.designation_card(designation.id)
        shown = [label for label in card.findChildren(QLabel, "metricNet") if label.isVisible()]
        metrics = [m for c in designation.children for m in c.children]
        net = [m for m in metrics if m.workings]
        assert len(shown) == len(net)
        for label, metric in zip(shown, net, strict=True):
            # The tree's sentences alone (the catalogue's note stays in the tooltip).
            assert label.text().replace("\xa0", " ") == "\n".join(metric.workings)
            assert set(metric.workings) <= set(metric.notes)
            assert " a year earlier = net " in label.text()
    infrastructure = window.panel.designation_card("infrastructure-azure")
    assert infrastructure.findChildren(QLabel, "metricNet")[0].isVisible()


def test_a_card_drawn_in_another_shape_keeps_no_earlier_net_line(
    qtbot: QtBot,
    window: MainWindow,  # noqa: F811
) -> None:
    tree = window.progress_source.designations
    assert tree is not None

    def shape(node: RequirementNode) -> tuple[int, ...]:
        return tuple(len(category.children) for category in node.children)

    first = tree.targeted[0]
    other = next(node for node in tree.targeted if shape(node) != shape(first))
    card = window.panel.designation_card(first.id)
    card.show_designation(other)
    qtbot.waitUntil(
        lambda: (
            len(card.findChildren(QLabel, "metricNet"))
            == sum(1 for c in other.children for m in c.children if m.workings)
        )
    )
