"""What the usage importer tests read back and start from: the stored rows, the recon sample
and that sample with one line broken (the file an import skips a line of)."""

from __future__ import annotations

from pathlib import Path

from mpn_desktop.cli import main
from mpn_desktop.store.changes import RecordKind
from mpn_desktop.store.database import Database
from mpn_desktop.store.records import list_records

SAMPLES = Path(__file__).parents[1] / "importers" / "fixtures" / "usage"
RECON = SAMPLES / "csp-usage-based-recon.2019-02.csv"
S1 = "1d2e3f40-5a6b-4c7d-8e9f-0a1b2c3d4e01"
"""Contoso Pharma's subscription, whose February of the recon sample has three services."""

StoredUsage = list[tuple[str, str, str, str, str]]


def stored_usage(url: str) -> StoredUsage:
    """Every usage row, sorted: subscription (as Partner Center names it), month, service,
    source, consumption (US$, two decimals)."""
    with Database.open(url) as db:
        external = {
            row["id"]: row["external_id"] for row in list_records(db, RecordKind.SUBSCRIPTION)
        }
        return sorted(
            (
                external[row["subscription_id"]],
                str(row["month"]),
                row["service"],
                row["source"],
                f"{row['consumption_usd']:.2f}",
            )
            for row in list_records(db, RecordKind.USAGE)
        )


def downloaded(tmp_path: Path, source: Path) -> StoredUsage:
    """The rows of ``source`` as it is, imported into a database of its own."""
    clean = tmp_path / f"clean-{source.stem}.sqlite3"
    assert main(["--db", str(clean), "import-usage", str(source)]) == 0
    return stored_usage(f"sqlite:///{clean}")


def broken_recon(tmp_path: Path) -> Path:
    """``recon.csv``: the recon sample with line 4's day made impossible (2/31)."""
    lines = RECON.read_text(encoding="utf-8-sig").splitlines(keepends=True)
    lines[3] = lines[3].replace("2/1/2019", "2/31/2019", 1)
    path = tmp_path / "recon.csv"
    path.write_text("".join(lines), encoding="utf-8")
    return path


def newer_export(tmp_path: Path, old: str = "", new: str = "") -> Path:
    """``newer.csv``: the recon sample again with Contoso's Bandwidth gone (a charge taken
    back), so it brings only some services of the month; ``old`` figures read ``new``."""
    lines = RECON.read_text(encoding="utf-8-sig").splitlines(keepends=True)
    text = "".join(line for line in lines if not (S1 in line and ",Bandwidth," in line))
    path = tmp_path / "newer.csv"
    path.write_text(text.replace(old, new) if old else text, encoding="utf-8")
    return path
