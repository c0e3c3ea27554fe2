"""A table column as the store declares its field: the kind of value, whether required, the enum.

One declaration per field: ``store.schema_fields`` states it once, and the
tabs' columns take it from there, adding labels and widgets.
"""

from __future__ import annotations

from dataclasses import replace

from mpn_desktop.store.changes import RecordKind
from mpn_desktop.store.schema_fields import SPECS, ValueKind
from mpn_desktop.ui.models.fields import Field, FieldKind

_FIELD_KINDS = {
    ValueKind.TEXT: FieldKind.TEXT,
    ValueKind.MCP_ID: FieldKind.MCP_ID,
    ValueKind.MPN_ID: FieldKind.TEXT,  # only the organisation dialog edits it, with its rule
    ValueKind.DAY: FieldKind.DATE,
    ValueKind.MONTH: FieldKind.MONTH,
    ValueKind.MONEY: FieldKind.MONEY,
    ValueKind.COUNT: FieldKind.COUNT,
    ValueKind.FLAG: FieldKind.BOOL,
    ValueKind.CHOICE: FieldKind.ENUM,
    ValueKind.RECORD: FieldKind.CHOICE,
}


def from_store(record: RecordKind, field: Field) -> Field:
    """The column as the store declares its field: the kind of value, required or not, the enum.

    A tab gives the label and what the store cannot know: the choices of a
    record column, completions, and a kind that says more than text does (an
    e-mail address, an exam code, one of the catalogue's competencies). A
    computed column, or a key the store does not have, is the tab's own.
    """
    spec = SPECS[record].fields.get(field.key)
    if spec is None or field.compute is not None:
        return field
    kind = field.kind if field.kind is not FieldKind.TEXT else _FIELD_KINDS[spec.value]
    # A choice with a default always holds one of its members (a new reference is
    # a draft): "none" is not offered. An amount left empty is its default, 0.
    required = spec.required or (spec.enum is not None and spec.default is not None)
    return replace(field, kind=kind, required=required, enum=spec.enum or field.enum)
