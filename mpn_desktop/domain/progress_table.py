"""The requirement tree as one flat table (a row per node), for spreadsheets.

The workbook's ``Status`` sheet is this table: plain values (dates, numbers,
true/false, text), one row per requirement node of the targeted competencies
or designations (every one when none is targeted), parents before their
children. The same columns serve both programs: a competency's level and step,
or a designation's category and metric, sit in ``part`` and ``item``.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from decimal import Decimal

from mpn_desktop.domain.requirement_tree import RequirementNode, RequirementTree

Cell = str | date | Decimal | bool | None

STATUS_COLUMNS = (
    "as_of",
    "program",
    "requirement",
    "part",
    "item",
    "detail",
    "label",
    "targeted",
    "met",
    "have",
    "need",
    "unit",
    "points",
    "max_points",
    "missing",
)

_DEPTH = 4
"""requirement, part, item, detail: the deepest a tree goes (competency, level, step, measure)."""


def tree_rows(tree: RequirementTree) -> Iterator[tuple[Cell, ...]]:
    """The rows of the status table, in the order of ``STATUS_COLUMNS``."""
    shown = tree.targeted or tree.requirements
    for node in shown:
        yield from _rows(tree, node, ())


def _rows(
    tree: RequirementTree, node: RequirementNode, path: tuple[str, ...]
) -> Iterator[tuple[Cell, ...]]:
    here = (*path, node.id)
    ids: list[Cell] = [*here[:_DEPTH], *([None] * (_DEPTH - len(here[:_DEPTH])))]
    yield (
        tree.as_of,
        tree.program,
        *ids,
        node.label,
        node.targeted if not path else None,
        node.met,
        node.have,
        node.need,
        node.unit or None,
        node.points,
        node.max_points,
        "; ".join(node.missing) or None,
    )
    for child in node.children:
        yield from _rows(tree, child, here)
