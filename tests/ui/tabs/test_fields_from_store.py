"""The tabs' columns take the kind of value, required and the enum from the store's field specs."""

from __future__ import annotations

from typing import Any

from mpn_desktop.domain.enums import Association, ReferenceStatus
from mpn_desktop.store.changes import RecordKind
from mpn_desktop.store.schema_fields import SPECS
from mpn_desktop.ui.models.fields import Field, FieldKind
from mpn_desktop.ui.models.store_fields import from_store
from mpn_desktop.ui.tabs.exams_tab import ExamsTab
from mpn_desktop.ui.tabs.fee_tab import FeeTab
from mpn_desktop.ui.tabs.record_section import RecordSection
from mpn_desktop.ui.tabs.references_tab import ReferencesTab
from mpn_desktop.ui.tabs.sales_tab import SalesTab


def test_a_bare_field_gets_its_kind_requirement_and_enum_from_the_store() -> None:
    assert from_store(RecordKind.PERSON, Field("mcp_id", "MCP ID")).kind is FieldKind.MCP_ID
    association = from_store(RecordKind.SUBSCRIPTION, Field("association", "Association"))
    assert (association.kind, association.required, association.enum) == (
        FieldKind.ENUM,
        True,
        Association,
    )
    started = from_store(RecordKind.SUBSCRIPTION, Field("started_on", "Started on"))
    assert (started.kind, started.required) == (FieldKind.DATE, True)
    # A choice with a default is never empty; an amount with one may be left empty.
    status = from_store(RecordKind.REFERENCE, Field("status", "Status"))
    assert (status.required, status.enum) == (True, ReferenceStatus)
    assert not from_store(RecordKind.USAGE, Field("revenue_usd", "Revenue")).required


def test_a_tab_keeps_a_kind_that_says_more_than_text() -> None:
    email = from_store(RecordKind.PERSON, Field("email", "E-mail", FieldKind.EMAIL))
    assert email.kind is FieldKind.EMAIL and not email.required


def test_every_store_field_a_tab_shows_is_required_as_the_store_says(
    context: Any, qtbot: Any
) -> None:
    shown = 0
    for cls in (SalesTab, ExamsTab, ReferencesTab, FeeTab):
        tab = cls(context)
        qtbot.addWidget(tab)
        for section in tab.findChildren(RecordSection):
            specs = SPECS[section.kind].fields
            for field in section.model.fields:
                spec = specs.get(field.key)
                if spec is None or field.compute is not None:
                    continue
                shown += 1
                assert field.required >= spec.required, (section.kind, field.key)
                assert field.enum is spec.enum or spec.enum is None, (section.kind, field.key)
    assert shown > 25
