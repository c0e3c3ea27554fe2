"""The column mapping a user chose, remembered per header line for next month's file;
and the last US$ rate given for each currency."""

from __future__ import annotations

import hashlib
import json
import logging
from collections.abc import Sequence

from PySide6.QtCore import QSettings

from mpn_desktop.importers.columns import EXAM_FIELDS, ColumnMapping, FieldSet, ImportField
from mpn_desktop.store.private_files import keep_private
from mpn_desktop.ui.settings import settings_path

log = logging.getLogger(__name__)

_GROUP = "importMappings"
_RATES = "importRates"
_IGNORED = "ignore"


def header_set_key(header: Sequence[str], fields: FieldSet = EXAM_FIELDS) -> str:
    """A short key for a header line (the same columns in the same order give the same key).

    Another kind's fields (usage) get keys of their own: an exam mapping is
    never read as a usage one.
    """
    text = "\x1f".join(name.strip().casefold() for name in header)
    key = hashlib.sha256(text.encode("utf-8")).hexdigest()[:24]
    return key if fields is EXAM_FIELDS else f"{fields.source}-{key}"


class MappingMemory:
    """Mappings in the program's settings file, one per header line."""

    def __init__(self, settings: QSettings | None = None) -> None:
        if settings is None:
            keep_private(settings_path())  # as WindowSettings does: 0600
            settings = QSettings(str(settings_path()), QSettings.Format.IniFormat)
        self._settings = settings

    def recall(
        self, header: Sequence[str], kind_fields: FieldSet = EXAM_FIELDS
    ) -> ColumnMapping | None:
        """The mapping remembered for ``header``, or None (also when the entry is unreadable)."""
        text = self._settings.value(f"{_GROUP}/{header_set_key(header, kind_fields)}", "")
        if not text:
            return None
        try:
            fields = json.loads(str(text))
            if not isinstance(fields, list) or len(fields) != len(header):
                raise ValueError("not one field per column")
            columns: dict[ImportField, int] = {
                kind_fields.fields(value): index
                for index, value in enumerate(fields)
                if value != _IGNORED
            }
        except ValueError:
            log.warning("ignoring an unreadable remembered column mapping")
            return None
        if len(columns) != len([value for value in fields if value != _IGNORED]):
            return None  # one field twice: not something the wizard wrote
        return ColumnMapping(tuple(header), columns, kind_fields)

    def remember(self, mapping: ColumnMapping) -> None:
        """Keeps ``mapping`` for the next file with the same header line."""
        fields = [_IGNORED] * len(mapping.header)
        for field, index in mapping.columns.items():
            fields[index] = field.value
        key = header_set_key(mapping.header, mapping.fields)
        self._settings.setValue(f"{_GROUP}/{key}", json.dumps(fields))
        self._settings.sync()

    def rate(self, currency: str) -> str:
        """The US$ rate last given for ``currency`` (as typed), or ""."""
        return str(self._settings.value(f"{_RATES}/{currency}", "") or "")

    def remember_rate(self, currency: str, text: str) -> None:
        """Keeps the rate given for ``currency`` for the next file in it."""
        self._settings.setValue(f"{_RATES}/{currency}", text)
        self._settings.sync()
