"""Help ▸ Requirements: each competency of the loaded catalogue with its figures, sources, notes.

The catalogue is a tree of frozen dataclasses; this dialog walks it rather
than naming each class, so a newer catalogue format (another kind of step)
is still shown in full. Sources and notes are set apart, as they are what a
user checks when a figure looks surprising.
"""

from __future__ import annotations

import dataclasses
import html
from datetime import date
from decimal import Decimal
from enum import Enum
from typing import Any

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

_MAX_DEPTH = 8
_SKIPPED = frozenset({"id", "name", "retired"})
_ASIDE = ("source", "sources", "note", "notes")


def _label(name: str) -> str:
    return name.replace("_", " ").capitalize()


def _scalar(value: Any) -> str:
    if isinstance(value, Enum):
        return str(value.value)
    if isinstance(value, Decimal):
        return f"{value:,f}".rstrip("0").rstrip(".") if "." in f"{value}" else f"{value:,}"
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, bool):
        return "yes" if value else "no"
    return str(value)


def _aside(name: str, value: Any) -> str:
    items = value if isinstance(value, tuple | list) else (value,)
    texts = [html.escape(_scalar(item)) for item in items if item]
    if not texts:
        return ""
    return f"<p class='aside'><i>{html.escape(_label(name))}:</i> " + "; ".join(texts) + "</p>"


def _render(value: Any, depth: int = 0) -> str:
    """HTML for one catalogue value: dataclasses as lists of fields, tuples as lists."""
    if depth > _MAX_DEPTH:
        return html.escape(_scalar(value))
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        title = getattr(value, "name", None) or getattr(value, "id", None)
        parts = [f"<b>{html.escape(str(title))}</b>"] if title and depth else []
        rows: list[str] = []
        asides: list[str] = []
        for field in dataclasses.fields(value):
            item = getattr(value, field.name)
            if field.name in _SKIPPED or item in (None, (), [], ""):
                continue
            if field.name in _ASIDE:
                asides.append(_aside(field.name, item))
            elif isinstance(item, tuple | list) or dataclasses.is_dataclass(item):
                rows.append(
                    f"<li>{html.escape(_label(field.name))}: {_render(item, depth + 1)}</li>"
                )
            elif isinstance(item, dict):
                inner = "".join(
                    f"<li>{html.escape(_scalar(key))}: {_render(val, depth + 1)}</li>"
                    for key, val in item.items()
                )
                rows.append(f"<li>{html.escape(_label(field.name))}:<ul>{inner}</ul></li>")
            else:
                rows.append(
                    f"<li>{html.escape(_label(field.name))}: {html.escape(_scalar(item))}</li>"
                )
        if rows:
            parts.append("<ul>" + "".join(rows) + "</ul>")
        parts.extend(asides)
        return "".join(parts)
    if isinstance(value, tuple | list):
        if all(not dataclasses.is_dataclass(item) for item in value):
            return html.escape(", ".join(_scalar(item) for item in value))
        return "<ul>" + "".join(f"<li>{_render(item, depth + 1)}</li>" for item in value) + "</ul>"
    return html.escape(_scalar(value))


def requirements_html(catalog: Any) -> str:
    """The whole catalogue as one readable HTML page."""
    title = " ".join(
        str(part)
        for part in (getattr(catalog, "program", ""), getattr(catalog, "version", ""))
        if part
    )
    parts = [f"<h2>{html.escape(title or 'Requirements')}</h2>"]
    for note in getattr(catalog, "notes", ()) or ():
        parts.append(f"<p class='aside'><i>Note:</i> {html.escape(_scalar(note))}</p>")
    competencies = list(getattr(catalog, "competencies", ()))
    for competency in sorted(competencies, key=lambda item: bool(getattr(item, "retired", False))):
        name = html.escape(str(getattr(competency, "name", getattr(competency, "id", ""))))
        if getattr(competency, "retired", False):
            name += " <i>(retired)</i>"
        parts.append(f"<h3>{name}</h3>")
        parts.append(_render(competency))
    return "".join(parts)


class RequirementsDialog(QDialog):
    """The loaded catalogue's requirements, with their sources and notes, to read or copy."""

    def __init__(self, catalog: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("requirementsDialog")
        self.setWindowTitle(self.tr("Requirements of the loaded catalogue"))
        self.resize(720, 600)
        layout = QVBoxLayout(self)
        self.browser = QTextBrowser(self)
        self.browser.setObjectName("requirementsText")
        self.browser.setAccessibleName(self.tr("Requirements"))
        self.browser.setOpenExternalLinks(True)
        self.browser.document().setDefaultStyleSheet(".aside { margin-left: 12px; }")
        self.browser.setHtml(requirements_html(catalog))
        layout.addWidget(self.browser)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
