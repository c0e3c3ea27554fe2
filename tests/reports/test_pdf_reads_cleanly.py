"""Every checklist PDF reads without a complaint: each language, a 2018, 2023 and 2026 day.

Poppler's pdfinfo and pdftotext are the strict readers (poppler-utils; .ci/run
installs it); the document information is also checked byte by byte, so the
cause of poppler's "Unterminated string" (a long literal title, pdf_strings)
is caught where poppler is missing.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pypdf
import pytest

from mpn_desktop.cli import main
from mpn_desktop.domain.vocabulary import TRANSLATED
from mpn_desktop.reports.pdf_strings import MalformedString, literal_strings_in_hex
from mpn_desktop.store.database import Database

pytestmark = pytest.mark.usefixtures("qapp")

LANGUAGES = ("en", *TRANSLATED)
DAYS = {
    # A day of each program, with a page kind of its own printed alone.
    "2018-03-15": "cloud-platform",
    "2023-08-15": "modern-work",
    "2026-06-15": "business-applications",
}
TITLES = {
    ("en", "2018-03-15"): "Cloud competency checklist: Contoso Cloud Ltd",
    ("de", "2018-03-15"): "Checkliste der Cloud-Kompetenzen: Contoso Cloud Ltd",
    ("en", "2023-08-15"): "Solutions Partner checklist: Contoso Cloud Ltd",
    ("de", "2023-08-15"): "Checkliste der Solutions Partner-Designations: Contoso Cloud Ltd",
}


def write_checklist(db: Database, path: Path, language: str, day: str, *only: str) -> Path:
    assert db.path is not None
    arguments = ["--language", language, "--db", str(db.path), "checklist", "--pdf", str(path)]
    assert main([*arguments, "--as-of", day, "--page-size", "A4", *only]) == 0
    return path


def poppler_complaints(path: Path) -> str:
    """What pdfinfo (with the structure tree) and pdftotext say on stderr about the file."""
    pdfinfo, pdftotext = shutil.which("pdfinfo"), shutil.which("pdftotext")
    if pdfinfo is None or pdftotext is None:
        pytest.skip("pdfinfo and pdftotext (poppler-utils) are not installed")
    said = []
    commands = ([pdfinfo, str(path)], [pdfinfo, "-struct", str(path)], [pdftotext, str(path), "-"])
    for command in commands:
        done = subprocess.run(command, capture_output=True, text=True, check=False)
        said.append(done.stderr)
        assert done.returncode == 0, done.stderr
    return "".join(said)


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("day", list(DAYS))
def test_poppler_reads_every_checklist_without_a_complaint(
    demo_db: Database, tmp_path: Path, language: str, day: str
) -> None:
    whole = write_checklist(demo_db, tmp_path / "all.pdf", language, day)
    alone = write_checklist(demo_db, tmp_path / "one.pdf", language, day, "--competency", DAYS[day])
    assert poppler_complaints(whole) == ""
    # The German Modern Work page alone was refused ("Syntax Error (163): Unterminated string").
    assert poppler_complaints(alone) == ""


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("day", ["2018-03-15", "2023-08-15"])
def test_the_title_is_written_in_hex_and_read_whole(
    demo_db: Database, tmp_path: Path, language: str, day: str
) -> None:
    path = write_checklist(demo_db, tmp_path / "one.pdf", language, day, "--competency", DAYS[day])
    raw = path.read_bytes()
    # Written as Qt wrote it, a literal (UTF-16) title over 128 bytes, which poppler refuses.
    assert re.search(rb"/Title <FEFF[0-9A-F]+>", raw), raw[:300]
    assert re.search(rb"/Title\s*\(", raw) is None
    assert pypdf.PdfReader(path).metadata.title == TITLES[(language, day)]


def test_literal_strings_become_the_same_bytes_in_hex() -> None:
    body = rb"<< /T (a\(b\)c) /N (x(y)z) /E (\n\r\t\b\f\\\101\7) /H <0A> /D << /K () >> >>"
    assert literal_strings_in_hex(body) == (
        b"<< /T <6128622963> /N <782879297A> /E <0A0D09080C5C4107> /H <0A> /D << /K <> >> >>"
    )


def test_an_end_of_line_is_kept_unless_escaped() -> None:
    # Qt writes UTF-16 unescaped: a raw carriage return is a byte of a character.
    assert literal_strings_in_hex(b"(\x00\r\x00\n)") == b"<000D000A>"
    assert literal_strings_in_hex(b"(a\\\r\nb\\\nc)") == b"<616263>"


def test_a_string_that_does_not_end_is_refused() -> None:
    with pytest.raises(MalformedString):
        literal_strings_in_hex(b"<< /Title (unended >>")
    with pytest.raises(MalformedString):
        literal_strings_in_hex(b"<< /Title <FEFF00")


def test_qt_titles_with_brackets_and_backslashes_read_back_the_same() -> None:
    from PySide6.QtCore import QBuffer, QIODevice
    from PySide6.QtGui import QPainter, QPdfWriter

    title = "Müller (Köln) \\ Partner) ( GmbH\r\nZweigstelle\tNord"
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setTitle(title)
    painter = QPainter(writer)
    painter.drawText(10, 10, "x")
    painter.end()
    del writer
    qt_wrote = re.search(rb"/Title (\(.*?\))\n/Creator", bytes(buffer.data().data()), re.DOTALL)
    assert qt_wrote is not None
    written = literal_strings_in_hex(qt_wrote.group(1))
    assert bytes.fromhex(written[1:-1].decode()).decode("utf-16") == title
