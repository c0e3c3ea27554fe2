"""--language de: a catalogue measure after the count 1 reads right (its plural is named first)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from mpn_desktop.cli import main
from mpn_desktop.store.database import Database
from mpn_desktop.store.sample import load_sample

AS_OF = "2018-03-15"
"""The demo dated then is one new EMS customer short of silver."""

pytestmark = pytest.mark.usefixtures("qapp")


def test_one_more_catalogue_measure_reads_right_in_german(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "tracker.sqlite3"
    with Database.open(f"sqlite:///{path}") as db:
        load_sample(db, date.fromisoformat(AS_OF))
    assert main(["--language", "de", "--db", str(path), "status", "--as-of", AS_OF]) == 0
    german = capsys.readouterr().out
    assert "es fehlt: neue EMS-Kunden: noch 1 mit Zuordnung DPOR" in german
    assert "es fehlt: Azure-Verbrauch: noch US$ 23.000 mit Zuordnung" in german
    assert "noch 1 neue" not in german
    assert main(["--db", str(path), "status", "--as-of", AS_OF]) == 0
    assert "missing: 1 more new EMS customer with DPOR" in capsys.readouterr().out
