"""What the tabs offer from the requirements catalogue: credential codes and titles, competencies.

The one place the tabs read the catalogue, so its shape is known here only.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from mpn_desktop.domain.enums import CredentialKind, Level


@dataclass(frozen=True)
class CredentialChoice:
    """An exam, assessment or certification the catalogue knows."""

    code: str
    title: str
    kind: CredentialKind


def credentials(catalog: Any) -> list[CredentialChoice]:
    """Every credential of the catalogue, by code."""
    found = [
        CredentialChoice(str(item.code), str(item.title), CredentialKind(item.kind.value))
        for item in getattr(catalog, "credentials", ())
    ]
    return sorted(found, key=lambda item: item.code)


def credential_completions(catalog: Any) -> list[str]:
    """The codes offered while typing an exam code."""
    return [item.code for item in credentials(catalog)]


def find_credential(catalog: Any, code: str) -> CredentialChoice | None:
    """The catalogue's credential with that code (case and spacing ignored), if any."""
    wanted = _normal(code)
    for item in credentials(catalog):
        if _normal(item.code) == wanted:
            return item
    return None


def competency_choices(catalog: Any, *, include_retired: bool = False) -> list[tuple[object, str]]:
    """(id, name) of the catalogue's competencies, the retired ones only when asked."""
    return [
        (str(item.id), str(item.name))
        for item in getattr(catalog, "competencies", ())
        if include_retired or not getattr(item, "retired", False)
    ]


def fee_due(catalog: Any, level: Level, on: date) -> Decimal | None:
    """The fee at that level in force on that day, from the catalogue's schedule."""
    fee = getattr(catalog, "fee_due", None)
    if fee is None:
        return None
    amount = fee(level, on)
    return None if amount is None else Decimal(amount)


def _normal(code: str) -> str:
    text = code.strip().casefold()
    if text.startswith("exam "):
        text = text[5:]
    return "".join(text.split())
