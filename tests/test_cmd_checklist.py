"""The checklist command: a PDF on the demo organisation, its options, and its exit codes."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import date
from pathlib import Path
from typing import Any

import pypdf
import pytest

from mpn_desktop.cli import main
from mpn_desktop.store.database import Database
from mpn_desktop.store.sample import load_sample

AS_OF = "2018-03-15"

pytestmark = pytest.mark.usefixtures("qapp")


@pytest.fixture
def demo(db_url: str, db_args: list[str]) -> list[str]:
    """Options naming a database of the test's backend holding the demo dated around AS_OF."""
    with Database.open(db_url) as db:
        load_sample(db, date.fromisoformat(AS_OF))
    return db_args


def pdf_text(path: Path) -> str:
    return " ".join(" ".join(page.extract_text().split()) for page in pypdf.PdfReader(path).pages)


def test_writes_the_checklist_of_every_target(
    demo: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "checklist.pdf"
    code = main([*demo, "checklist", "--pdf", str(out), "--as-of", AS_OF, "--page-size", "A4"])
    assert code == 0
    message = capsys.readouterr().out
    assert f"Checklist written to {out}" in message and "A4" in message
    text = pdf_text(out)
    for name in ("Cloud Platform", "Cloud Productivity", "Enterprise Mobility Management"):
        assert name in text
    assert "Contoso Cloud Ltd" in text and "As of 2018-03-15" in text


def test_one_competency_at_one_level_on_letter_paper(demo: list[str], tmp_path: Path) -> None:
    out = tmp_path / "crm.pdf"
    args = ["--competency", "cloud-platform", "--level", "gold", "--page-size", "letter"]
    assert main([*demo, "checklist", "--pdf", str(out), "--as-of", AS_OF, *args]) == 0
    reader = pypdf.PdfReader(out)
    assert float(reader.pages[0].mediabox.width) == pytest.approx(612, abs=1)
    text = pdf_text(out)
    assert "Cloud Platform" in text and "Gold" in text
    assert "Cloud Productivity" not in text
    assert "Not attained yet" in text and "Attained Option" not in text


def test_an_unknown_competency_exits_1_listing_the_valid_ids(
    demo: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "x.pdf"
    checklist = [*demo, "checklist", "--pdf", str(out), "--as-of", "2018-03-15"]
    assert main([*checklist, "--competency", "azure"]) == 1
    error = capsys.readouterr().err
    assert "'azure' is not a competency" in error
    assert "cloud-platform" in error and "enterprise-mobility-management" in error
    assert not out.exists()


def test_a_retired_competency_exits_1(
    demo: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "x.pdf"
    checklist = [*demo, "checklist", "--pdf", str(out), "--as-of", "2018-03-15"]
    assert main([*checklist, "--competency", "hosting"]) == 1
    assert "was retired on 2018-01-30" in capsys.readouterr().err
    assert not out.exists()
    # Before: English under --language de, its day in ISO.
    assert main(["--language", "de", *checklist, "--competency", "hosting"]) == 1
    assert "(hosting) wurde am 30.01.2018 eingestellt und kann nicht mehr erreicht werden; " in (
        capsys.readouterr().err
    )
    assert main(["--language", "de", *checklist, "--competency", "nope"]) == 1
    assert "--competency: 'nope' ist keine Kompetenz des Katalogs; gültige IDs: " in (
        capsys.readouterr().err
    )


@pytest.mark.parametrize(
    "options", [["--level", "platinum"], ["--page-size", "A5"], []], ids=["level", "size", "pdf"]
)
def test_usage_errors_exit_2(demo: list[str], tmp_path: Path, options: list[str]) -> None:
    pdf = ["--pdf", str(tmp_path / "x.pdf")] if options else []
    with pytest.raises(SystemExit) as raised:
        main([*demo, "checklist", *pdf, *options])
    assert raised.value.code == 2


def test_a_bad_date_exits_2_and_an_unwritable_file_exits_1(
    demo: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # A wrong option value is a usage error (2); a file that cannot be written is not (1).
    assert (
        main([*demo, "checklist", "--pdf", str(tmp_path / "x.pdf"), "--as-of", "2018-13-01"]) == 2
    )
    assert "checklist: error: --as-of: '2018-13-01' is not a date" in capsys.readouterr().err
    out = tmp_path / "missing folder" / "x.pdf"
    assert main([*demo, "checklist", "--pdf", str(out), "--as-of", AS_OF]) == 1
    assert f"the checklist was not written: {out}: the folder" in capsys.readouterr().err


def test_an_empty_database_gives_a_checklist_saying_so(db_args: list[str], tmp_path: Path) -> None:
    out = tmp_path / "empty.pdf"
    assert main([*db_args, "checklist", "--pdf", str(out), "--as-of", AS_OF]) == 0
    assert "No competency is targeted yet." in pdf_text(out)


@pytest.mark.slow  # starts another process
def test_works_without_a_display_in_a_fresh_process(demo: list[str], tmp_path: Path) -> None:
    env: dict[str, Any] = {
        key: value
        for key, value in os.environ.items()
        if key not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")
    }
    out = tmp_path / "headless.pdf"
    result = subprocess.run(
        [sys.executable, "-m", "mpn_desktop", *demo, "checklist", "--pdf", str(out)],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert out.read_bytes().startswith(b"%PDF")
