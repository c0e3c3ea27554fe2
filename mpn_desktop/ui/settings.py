"""What the window remembers between runs: geometry, dock state, tabs, last folder, language.

Kept in an INI file under ``platformdirs.user_config_dir`` (readable, easy to
delete to start afresh). The tabs' own states are dictionaries; INI files
keep no types, so each is stored as JSON with byte strings in base64.
"""

from __future__ import annotations

import base64
import json
import logging
from pathlib import Path
from typing import Any

from PySide6.QtCore import QByteArray, QSettings

from mpn_desktop.paths import config_dir
from mpn_desktop.store.private_files import keep_private

log = logging.getLogger(__name__)

SETTINGS_FILE_NAME = "mpn-desktop.ini"
_BYTES_TAG = "__bytes__"


def settings_path() -> Path:
    """The INI file the window's settings live in."""
    return config_dir() / SETTINGS_FILE_NAME


def _encode(value: Any) -> Any:
    if isinstance(value, QByteArray):
        value = value.data()
    if isinstance(value, bytes | bytearray):
        return {_BYTES_TAG: base64.b64encode(bytes(value)).decode("ascii")}
    if isinstance(value, dict):
        return {str(key): _encode(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [_encode(item) for item in value]
    return value


def _decode(value: Any) -> Any:
    if isinstance(value, dict):
        if set(value) == {_BYTES_TAG}:
            return QByteArray(base64.b64decode(value[_BYTES_TAG]))
        return {key: _decode(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_decode(item) for item in value]
    return value


RECENT_LIMIT = 8
"""How many recent databases File ▸ Open recent lists."""


class WindowSettings:
    """Typed access to the remembered window settings."""

    def __init__(self, path: Path | None = None) -> None:
        target = path or settings_path()
        target.parent.mkdir(parents=True, exist_ok=True)
        # Made 0600 before Qt writes it (Qt keeps an existing file's mode): it names
        # the user's databases and folders.
        keep_private(target)
        self._settings = QSettings(str(target), QSettings.Format.IniFormat)

    @property
    def file_name(self) -> str:
        """Where the settings are written."""
        return self._settings.fileName()

    def _bytes(self, key: str) -> QByteArray | None:
        value = self._settings.value(key)
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None

    def geometry(self) -> QByteArray | None:
        """The main window's saved geometry."""
        return self._bytes("window/geometry")

    def window_state(self) -> QByteArray | None:
        """The main window's saved toolbars and docks."""
        return self._bytes("window/state")

    def save_window(self, geometry: QByteArray, state: QByteArray) -> None:
        """Remembers the window's geometry and dock state."""
        self._settings.setValue("window/geometry", geometry)
        self._settings.setValue("window/state", state)

    def last_tab(self) -> int:
        """The index of the tab shown last (0 when unknown)."""
        value = self._settings.value("window/lastTab", 0)
        try:
            return int(str(value))
        except ValueError:
            return 0

    def set_last_tab(self, index: int) -> None:
        """Remembers the tab shown."""
        self._settings.setValue("window/lastTab", index)

    def last_folder(self) -> str:
        """The folder of the last file opened or saved (the home folder when unknown)."""
        value = self._settings.value("files/lastFolder", "")
        folder = str(value) if value else ""
        return folder if folder and Path(folder).is_dir() else str(Path.home())

    def remember_file(self, path: str | Path) -> None:
        """Remembers the folder of a file the user chose."""
        self._settings.setValue("files/lastFolder", str(Path(path).parent))

    def checklist_page_size(self) -> str:
        """The paper the checklist was last printed or exported on ("A4", "Letter"; "" if none)."""
        value = self._settings.value("checklist/pageSize", "")
        return str(value) if value in ("A4", "Letter") else ""

    def set_checklist_page_size(self, name: str) -> None:
        """Remembers the paper the user chose for the checklist."""
        self._settings.setValue("checklist/pageSize", name)

    def language(self) -> str:
        """View ▸ Language: "system" (the default), "en" or "de"."""
        value = str(self._settings.value("ui/language", "system") or "system")
        return value if value in ("system", "en", "de") else "system"

    def set_language(self, code: str) -> None:
        """Remembers the language chosen (read at the next start)."""
        self._settings.setValue("ui/language", code)

    def recent_databases(self) -> list[Path]:
        """The database files opened last, most recent first (at most ``RECENT_LIMIT``)."""
        text = self._settings.value("files/recentDatabases", "")
        try:
            names = json.loads(str(text)) if text else []
        except ValueError:
            log.warning("ignoring an unreadable list of recent databases")
            return []
        if not isinstance(names, list):
            return []
        return [Path(name) for name in names if isinstance(name, str) and name][:RECENT_LIMIT]

    def remember_database(self, path: Path) -> None:
        """Puts ``path`` first in the recent databases."""
        chosen = path.expanduser().absolute()
        others = [item for item in self.recent_databases() if item != chosen]
        names = [str(item) for item in [chosen, *others][:RECENT_LIMIT]]
        self._settings.setValue("files/recentDatabases", json.dumps(names))

    def recent_team_databases(self) -> list[str]:
        """The team databases (URLs, never with a password) opened last, most recent first."""
        text = self._settings.value("files/recentTeamDatabases", "")
        try:
            urls = json.loads(str(text)) if text else []
        except ValueError:
            log.warning("ignoring an unreadable list of recent team databases")
            return []
        if not isinstance(urls, list):
            return []
        return [url for url in urls if isinstance(url, str) and url][:RECENT_LIMIT]

    def remember_team_database(self, url: str) -> None:
        """Puts ``url`` first in the recent team databases, with any password taken out."""
        from mpn_desktop.store.engine import shown_url

        kept = shown_url(url).replace(":***@", "@")
        others = [item for item in self.recent_team_databases() if item != kept]
        self._settings.setValue(
            "files/recentTeamDatabases", json.dumps([kept, *others][:RECENT_LIMIT])
        )

    def forget_database(self, path: Path) -> None:
        """Takes ``path`` out of the recent databases (it is gone, or was refused)."""
        names = [str(item) for item in self.recent_databases() if item != path]
        self._settings.setValue("files/recentDatabases", json.dumps(names))

    def tab_state(self, name: str) -> dict[str, Any]:
        """A tab's saved state (column widths, splitters); empty when none or unreadable."""
        text = self._settings.value(f"tabs/{name}", "")
        if not text:
            return {}
        try:
            value = _decode(json.loads(str(text)))
        except ValueError:
            log.warning("ignoring unreadable saved state of tab %s", name)
            return {}
        return value if isinstance(value, dict) else {}

    def set_tab_state(self, name: str, state: dict[str, Any]) -> None:
        """Remembers a tab's state."""
        self._settings.setValue(f"tabs/{name}", json.dumps(_encode(state)))

    def sync(self) -> None:
        """Writes everything to the file now."""
        self._settings.sync()
