"""An import's whole-file problems follow ``--language de``: the reader's, the plan's, the OS's."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest
from helpers.fixtures import cli_options

from mpn_desktop.catalog_files import load_catalog
from mpn_desktop.cli import main
from mpn_desktop.domain.vocabulary import use_language
from mpn_desktop.errors import MpnError
from mpn_desktop.importers.catalog_lookup import CatalogLookup
from mpn_desktop.importers.importing import run_import
from mpn_desktop.importers.kinds import ExamImport
from mpn_desktop.importers.planning import plan_import
from mpn_desktop.input_files import open_input, problem_of
from mpn_desktop.store.database import Database

HEADER = "MCP ID,Full Name,Exam Code,Date Passed\n"
ROW = "3000001,Ana Ruiz,70-533,2017-11-02\n"


def _refused(
    db_url: str, capsys: pytest.CaptureFixture[str], path: Path, *options: str, code: int = 1
) -> str:
    args = ["--language", "de", *cli_options(db_url), "import-exams", str(path), *options]
    assert main(args) == code
    return capsys.readouterr().err


def _file(tmp_path: Path, content: bytes) -> Path:
    path = tmp_path / "export.csv"
    path.write_bytes(content)
    return path


@pytest.mark.parametrize(
    "case",
    [
        pytest.param(
            (
                b"MCP ID,Name\x00\x01\x02\n",
                (),
                1,
                "export.csv: Die Datei sieht binär aus, nicht wie Text (sie enthält NUL-Bytes)",
            ),
            id="binary",
        ),
        pytest.param(
            (
                (HEADER + "3000001,José Núñez,70-533,2017-11-02\n").encode()
                + b"3000002,Jos\xe9,x,y\n",
                (),
                1,
                "export.csv: Die Datei ist UTF-8-Text bis auf 1 Byte in Zeile 3, das kein "
                "UTF-8 ist",
            ),
            id="bad-bytes",
        ),
        pytest.param(
            (
                b"hello\nworld\n",
                (),
                1,
                "export.csv: Das sieht nicht wie eine CSV-Datei aus: Weder Komma noch Semikolon",
            ),
            id="not-csv",
        ),
        pytest.param(
            (
                (HEADER + ROW + '3000002,"Ana Ruiz,70-533,2017-11-02\n' + ROW).encode(),
                (),
                1,
                'export.csv: Zeile 3: Ein in diesem Datensatz geöffnetes Anführungszeichen (") '
                "wird nie geschlossen, daher werden die Zeilen 3 bis 4 als ein Datensatz gelesen",
            ),
            id="unclosed-quote",
        ),
        pytest.param(
            (
                (HEADER + ROW).encode("utf-16-le"),
                ("--encoding", "utf-16"),
                1,
                "export.csv: Die Datei beginnt nicht mit einer Byte-Order-Mark, daher kann utf-16",
            ),
            id="no-byte-order-mark",
        ),
        pytest.param(
            (
                (HEADER + ROW * 30).encode() + b"3000002,Jos\xe9,70-533,2017-11-02\n",
                ("--encoding", "utf-8"),
                1,
                "export.csv: Zeile 32: Bytes, die kein utf-8-Text sind",
            ),
            id="not-the-encoding",
        ),
        pytest.param(
            (
                (HEADER + "3000001,Ana\x07Ruiz,70-533,2017-11-02\n").encode(),
                (),
                1,
                "export.csv: Zeile 2, Spalte 12: enthält das Steuerzeichen \\x07, das kein "
                "Textexport enthält",
            ),
            id="control-character",
        ),
        pytest.param(
            (
                (HEADER + "x" * 1_000_000 + ",Ana,70-533,2017-11-02\n").encode(),
                (),
                1,
                "export.csv: Zeile 2: kein wohlgeformter CSV-Datensatz",
            ),
            id="not-a-record",
        ),
        pytest.param(
            (
                (HEADER + ROW).encode(),
                ("--encoding", "klingon"),
                2,
                "--encoding: 'klingon' ist keine Kodierung, die Python kennt",
            ),
            id="unknown-encoding",
        ),
        pytest.param(
            (
                (HEADER + ROW).encode(),
                ("--encoding", "rot13"),
                2,
                "--encoding: 'rot13' ist keine Textkodierung",
            ),
            id="not-a-text-encoding",
        ),
        pytest.param(
            (
                (HEADER + ROW).encode(),
                ("--delimiter", "ab"),
                2,
                "--delimiter: 'ab' ist nicht ein einzelnes Zeichen",
            ),
            id="delimiter",
        ),
    ],
)
def test_the_readers_file_problems_follow_language_de(
    db_url: str,
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    case: tuple[bytes, tuple[str, ...], int, str],
) -> None:
    content, options, code, german = case
    err = _refused(db_url, capsys, _file(tmp_path, content), *options, code=code)
    assert german in err


def test_a_file_changed_while_read_is_said_in_german(db_url: str, tmp_path: Path) -> None:
    path = tmp_path / "growing.csv"
    rows = "".join(f"{3000000 + i},Person {i},70-533,2017-11-02\n" for i in range(3000))
    path.write_text(HEADER + rows, encoding="utf-8")
    plan = plan_import(path, date_format="MDY")
    use_language("de")

    def another_program_writes(_fraction: float) -> None:
        with path.open("a", encoding="utf-8") as more:
            more.write("4000001,Bea Ruiz,70-533,2017-11-02\n")

    lookup = CatalogLookup(load_catalog())
    with Database.open(db_url) as db, pytest.raises(MpnError) as refused:
        run_import(db, ExamImport(lookup), path, plan.settings, progress=another_program_writes)
    assert "growing.csv: Die Datei wurde geändert, während sie gelesen wurde" in str(refused.value)


def _command_refused(
    db_url: str, capsys: pytest.CaptureFixture[str], command: str, path: Path, code: int = 1
) -> str:
    assert main(["--language", "de", *cli_options(db_url), command, str(path)]) == code
    return capsys.readouterr().err


@pytest.mark.parametrize(
    "case",
    [
        pytest.param(
            (
                "import-exams",
                "Colour,Size\nblue,x\n",
                "other.csv: Das sieht nicht wie eine Datei mit Prüfungsergebnissen aus: Keine "
                "der Spalten von Zeile 1 ('Colour', 'Size') kennt der Import",
            ),
            id="no-exam-column",
        ),
        pytest.param(
            (
                "import-usage",
                "Name,Colour\nAna,blue\n",
                "other.csv: Das sieht nicht wie eine Datei mit Nutzungszeilen aus",
            ),
            id="no-usage-column",
        ),
        pytest.param(
            (
                "import-exams",
                "MCP ID,Full Name,Exam Code,Note\n3000001,Ana Ruiz,70-533,x\n",
                "other.csv: Zeile 1: ein Prüfungsergebnis braucht eine Spalte für das "
                "Bestehensdatum, und keine der Spalten ('MCP ID', 'Full Name', 'Exam Code', "
                "'Note') ist eine; benennen Sie sie mit --map COLUMN=FIELD (z. B. --map "
                "Note=passed_on)",
            ),
            id="exam-column-missing",
        ),
        pytest.param(
            (
                "import-exams",
                "Full Name,Note\nAna Ruiz,x\n",
                "braucht eine MCP-ID-Spalte und eine Spalte für Prüfungscode oder Prüfungstitel "
                "und eine Spalte für das Bestehensdatum",
            ),
            id="exam-columns-missing",
        ),
        pytest.param(
            (
                "import-usage",
                "Subscription,Note\ns1,x\n",
                "other.csv: Zeile 1: eine Nutzungszeile braucht eine Monatsspalte und eine Spalte "
                "für Verbrauch, Umsatz, aktive Benutzer oder bezahlte Lizenzen",
            ),
            id="usage-columns-missing",
        ),
        pytest.param(
            (
                "import-exams",
                ",".join(f"Column {n}" for n in range(14)) + "\n" + "x," * 13 + "x\n",
                "'Column 10', 'Column 11' und 2 weitere) kennt der Import",
            ),
            id="many-columns",
        ),
        pytest.param(
            (
                "import-usage",
                "CompetencyName\tCompetencyAttainmentOptionName\tMonth\tMetricName\t"
                "MetricMonthlyContribution\tTTMAggregate\tAnniversaryYearAggregate\t"
                "GoldThreshold\tSilverThreshold\n"
                "Cloud Platform\tAzure consumption\t1/1/2020\tACR\t1200\t14400\t14400\t60000\t"
                "12000\n",
                "other.csv: Zeile 1: Es wurde nichts importiert: Die Datei braucht Nutzung pro "
                "Abonnement, die ein Insights-Download zur Kompetenzleistung nicht enthält",
            ),
            id="competency-performance",
        ),
        pytest.param(
            (
                "import-usage",
                "customer,subscription,workload,association,month,consumption_usd\n"
                + "A,s1,azure,dpor,2019-01,999999999999.00\n" * 2,
                "die Zeilen des Abonnements s1 für 2019-01 ergeben mehr, als das Programm "
                "speichert (US$ 999.999.999.999,99 oder 999.999.999 Lizenzen oder Benutzer); "
                "es wurde nichts importiert",
            ),
            id="sums-too-large",
        ),
    ],
)
def test_what_a_file_lacks_follows_language_de(
    db_url: str, capsys: pytest.CaptureFixture[str], tmp_path: Path, case: tuple[str, str, str]
) -> None:
    command, content, german = case
    path = tmp_path / "other.csv"
    path.write_text(content, encoding="utf-8")
    assert german in _command_refused(db_url, capsys, command, path)


def test_a_file_that_is_not_there_or_a_folder_is_said_in_german(
    db_url: str, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    missing = tmp_path / "gone.csv"
    assert f"{missing}: keine solche Datei" in _command_refused(
        db_url, capsys, "import-exams", missing
    )
    assert f"{tmp_path}: ist ein Ordner, keine Datei" in _command_refused(
        db_url, capsys, "import-usage", tmp_path
    )


@pytest.mark.parametrize(
    ("code", "german_text"),
    [
        (errno.ENOENT, "keine solche Datei"),
        (errno.ENAMETOOLONG, "der Pfad ist für dieses System zu lang"),
        (errno.EACCES, "Zugriff verweigert: Dieser Benutzer kann die Datei nicht lesen"),
        (errno.EISDIR, "ist ein Ordner, keine Datei"),
        (errno.ENOTDIR, "ein Teil des Pfads ist kein Ordner"),
        (errno.ELOOP, "der Pfad hat zu viele symbolische Links (eine Schleife?)"),
        (errno.EIO, "kann nicht gelesen werden (Input/output error)"),
    ],
)
def test_what_an_os_error_means_is_said_in_german(code: int, german_text: str) -> None:
    use_language("de")
    assert problem_of(OSError(code, os.strerror(code))).startswith(german_text)


def test_what_is_not_a_file_is_said_in_german(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.csv"
    os.mkfifo(fifo)
    use_language("de")
    # A socket is refused as it is opened (ENXIO, "cannot be read"), before its kind is asked.
    cases = [
        (fifo, "ist eine benannte Pipe (FIFO), keine Datei; speichern Sie die Daten"),
        (Path("/dev/null"), "ist ein Gerät, keine Datei"),
        (Path("a\x00b.csv"), "ist kein gültiger Pfad (er enthält ein NUL-Zeichen)"),
    ]
    for path, german_text in cases:
        with pytest.raises(MpnError) as refused:
            open_input(path)
        assert german_text in str(refused.value)
