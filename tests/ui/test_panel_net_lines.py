"""A designation metric's net figure says under its figures how it comes about."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from mpn_desktop.domain import vocabulary
from mpn_desktop.domain.requirement_tree import RequirementNode
from mpn_desktop.ui.main_window import MainWindow
from mpn_desktop.ui.net_lines import net_lines
from tests.ui.test_designation_panel import window  # noqa: F401  (the 2023 sample's window)


def test_net_customer_adds_say_now_a_year_earlier_and_the_net(window: MainWindow) -> None:  # noqa: F811
    tree = window.progress_source.designations
    assert tree is not None
    for designation in tree.targeted:
        card = window.panel.designation_card(designation.id)
        shown = [label for label in card.findChildren(QLabel, "metricNet") if label.isVisible()]
        metrics = [m for c in designation.children for m in c.children]
        net = [m for m in metrics if net_lines(m.notes)]
        assert len(shown) == len(net)
        for label, metric in zip(shown, net, strict=True):
            # The tree's sentences alone (the catalogue's note stays in the tooltip).
            assert label.text().replace("\xa0", " ") == "\n".join(net_lines(metric.notes))
            assert " a year earlier = net " in label.text()
    infrastructure = window.panel.designation_card("infrastructure-azure")
    assert infrastructure.findChildren(QLabel, "metricNet")[0].isVisible()


def test_only_the_tree_s_net_sentences_are_picked_in_either_language() -> None:
    sentence = "141 customers now - 107 a year earlier = net 34 (56 new, 22 lost)"
    note = "Customers with at least 40 % of their paid seats active."
    assert net_lines([note, sentence, f"Azure customers: {sentence}"]) == [
        sentence,
        f"Azure customers: {sentence}",
    ]
    vocabulary.use_language("de")
    try:
        german = "141 Kunden jetzt - 107 ein Jahr zuvor = netto 34 (56 neu, 22 verloren)"
        assert net_lines([note, german]) == [german]
    finally:
        vocabulary.use_language("en")


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
            == sum(1 for c in other.children for m in c.children if net_lines(m.notes))
        )
    )
