"""The sample organisation on a 2026 day with holders of Security's final list and a step short."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from mpn_desktop.cli import main
from mpn_desktop.store.sample import sample_document

DAY = date(2026, 10, 15)
HOLDERS = 5
"""People with Identity and Access Administrator Associate (SC-300), on the final list."""


def gated_sample(path: Path) -> None:
    """The sample organisation on ``DAY`` with final-list holders and no SC-200 (a step short)."""
    document = sample_document(DAY)
    for index in range(HOLDERS):
        mcp_id = f"77000{index:02d}"
        document["people"].append(
            {
                "name": f"Idris Person{index}",
                "email": f"idris{index}@contoso.example",
                "mcp_id": mcp_id,
                "associated": True,
                "left_on": None,
            }
        )
        document["exams"].append(
            {
                "mcp_id": mcp_id,
                "exam_code": "SC-300",
                "exam_title": "Microsoft Identity and Access Administrator",
                "passed_on": "2026-06-01",
                "kind": "exam",
            }
        )
    source = path.with_suffix(".json")
    source.write_text(json.dumps(document), encoding="utf-8")
    assert main(["--db", str(path), "load", str(source)]) == 0
