"""A Solutions Partner catalogue with its ``program`` key misspelled, and how it is refused."""

from __future__ import annotations

import json
from pathlib import Path

from mpn_desktop.catalog_files import shipped_catalog_path

SCORED = shipped_catalog_path().parent / "solutions-partner-2023-06.json"


def misspelled(tmp_path: Path, name: str = "programme") -> Path:
    """A copy of a shipped Solutions Partner catalogue with ``program`` written ``name``."""
    document = json.loads(SCORED.read_text(encoding="utf-8"))
    renamed = {(name if key == "program" else key): value for key, value in document.items()}
    path = tmp_path / "partner.json"
    path.write_text(json.dumps(renamed), encoding="utf-8")
    return path


def refusal(path: Path, name: str = "programme") -> str:
    """What the window and every command say of ``misspelled(..., name)`` at ``path``."""
    return (
        f"{path}: unknown key '{name}', did you mean 'program'? (known keys: categories, "
        "certifications, designations, effective_from, effective_until, fee_usd, format, name, "
        "notes, program, qualification_windows, qualifies_at, rate_card, readings, "
        "shared_metrics, sources, version)"
    )
