"""The References tab says how long a reference counts from the catalogue, not in its own words."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from mpn_desktop.domain.catalog import Catalog
from mpn_desktop.domain.enums import ReferenceStatus
from mpn_desktop.ui.context import AppContext
from mpn_desktop.ui.tabs.references_tab import ReferencesTab


def _with_years(catalog: Catalog, years: int) -> Catalog:
    competencies = tuple(
        replace(item, references=replace(item.references, valid_years=years))
        if item.references is not None
        else item
        for item in catalog.competencies
    )
    return replace(catalog, competencies=competencies)


def _tooltip(context: Any, qtbot: Any) -> str:
    tab = ReferencesTab(context)
    qtbot.addWidget(tab)
    record = {
        "status": ReferenceStatus.APPROVED,
        "approved_on": None,
        "competency": "cloud-platform",
        "customer_id": -1,
    }
    style = tab._reference_style(record)
    assert style is not None
    return str(style.tooltip)


def test_an_undated_approval_names_the_catalogues_years(context: Any, qtbot: Any) -> None:
    assert "counts for 2 years from that day" in _tooltip(context, qtbot)
    longer = AppContext(context.db, _with_years(context.catalog, 3), context.as_of)
    assert "counts for 3 years from that day" in _tooltip(longer, qtbot)
