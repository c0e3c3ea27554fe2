"""The column mapping a user chose, remembered per header line for next month's file."""

from __future__ import annotations

import hashlib
import json
import logging
from collections.abc import Sequence

from PySide6.QtCore import QSettings

from mpn_desktop.importers.columns import ColumnMapping, Field, ImportField
from mpn_desktop.store.private_files import keep_private
from mpn_desktop.ui.settings import settings_path

log = logging.getLogger(__name__)

_GROUP = "importMappings"
_IGNORED = "ignore"


def header_set_key(header: Sequence[str]) -> str:
    """A short key for a header line (the same columns in the same order give the same key)."""
    text = "\x1f".join(name.strip().casefold() for name in header)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:24]


class MappingMemory:
    """Mappings in the program's settings file, one per header line."""

    def __init__(self, settings: QSettings | None = None) -> None:
        if settings is None:
            keep_private(settings_path())  # as WindowSettings does: 0600
            settings = QSettings(str(settings_path()), QSettings.Format.IniFormat)
        self._settings = settings

    def recall(self, header: Sequence[str]) -> ColumnMapping | None:
        """The mapping remembered for ``header``, or None (also when the entry is unreadable)."""
        text = self._settings.value(f"{_GROUP}/{header_set_key(header)}", "")
        if not text:
            return None
        try:
            fields = json.loads(str(text))
            if not isinstance(fields, list) or len(fields) != len(header):
                raise ValueError("not one field per column")
            columns: dict[ImportField, int] = {
                Field(value): index for index, value in enumerate(fields) if value != _IGNORED
            }
        except ValueError:
            log.warning("ignoring an unreadable remembered column mapping")
            return None
        if len(columns) != len([value for value in fields if value != _IGNORED]):
            return None  # one field twice: not something the wizard wrote
        return ColumnMapping(tuple(header), columns)

    def remember(self, mapping: ColumnMapping) -> None:
        """Keeps ``mapping`` for the next file with the same header line."""
        fields = [_IGNORED] * len(mapping.header)
        for field, index in mapping.columns.items():
            fields[index] = field.value
        self._settings.setValue(f"{_GROUP}/{header_set_key(mapping.header)}", json.dumps(fields))
        self._settings.sync()
