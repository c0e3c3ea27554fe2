"""A file the user chose that is refused or not written says so in German under German.

Before, every such refusal was an English sentence inside a German one ("Die Checkliste
wurde nicht geschrieben: /x.pdf: the folder /x does not exist").
"""

from __future__ import annotations

import errno
import os
import sqlite3
from pathlib import Path
from typing import BinaryIO

import pytest

from mpn_desktop.catalog_files import load_catalog
from mpn_desktop.domain import vocabulary
from mpn_desktop.errors import CatalogError
from mpn_desktop.store.user_files import FileNotWritten, describe_os_error, write_user_file


@pytest.fixture(autouse=True)
def german() -> None:
    """The sentences in German (the autouse english_sentences_after puts English back)."""
    assert vocabulary.use_language("de") == "de"


def _refusal(path: Path, **options: object) -> str:
    with pytest.raises(FileNotWritten) as refused:
        write_user_file(path, b"data", **options)  # type: ignore[arg-type]
    return str(refused.value)


def _database(path: Path) -> Path:
    sqlite3.connect(path).execute("CREATE TABLE t (x)").connection.close()
    return path


def test_no_name() -> None:
    assert _refusal(Path()) == "es wurde kein Dateiname angegeben; es wurde nichts geschrieben"


def test_a_missing_folder(tmp_path: Path) -> None:
    path = tmp_path / "nothing" / "x.pdf"
    assert _refusal(path) == f"{path}: Der Ordner {path.parent} existiert nicht"


def test_a_file_as_the_folder(tmp_path: Path) -> None:
    (tmp_path / "file").write_text("x")
    path = tmp_path / "file" / "x.pdf"
    assert _refusal(path) == (
        f"{path}: kann nicht geschrieben werden: ein Teil des Pfads ist eine Datei, kein Ordner"
    )


def test_a_folder(tmp_path: Path) -> None:
    assert _refusal(tmp_path) == (
        f"{tmp_path}: ist ein Ordner; geben Sie einen Dateinamen darin an, etwa "
        f"{tmp_path / 'output'}; es wurde nichts geschrieben"
    )


def test_a_device() -> None:
    assert _refusal(Path("/dev/null")) == (
        "/dev/null: ist ein Gerät, keine Datei; es wurde nichts geschrieben"
    )


def test_a_named_pipe(tmp_path: Path) -> None:
    path = tmp_path / "pipe"
    os.mkfifo(path)
    assert _refusal(path) == (
        f"{path}: ist eine benannte Pipe (FIFO), keine Datei; es wurde nichts geschrieben"
    )


def test_a_link_to_nothing(tmp_path: Path) -> None:
    path = tmp_path / "link"
    path.symlink_to(tmp_path / "gone")
    assert _refusal(path) == (
        f"{path}: ist ein Link auf {tmp_path / 'gone'}, das nicht existiert; es wurde nichts "
        "geschrieben (geben Sie den eigenen Namen der Datei an)"
    )


def test_an_existing_file_without_replace(tmp_path: Path) -> None:
    path = tmp_path / "x.csv"
    path.write_text("old")
    assert _refusal(path, replace=False) == (
        f"{path}: Eine Datei mit diesem Namen existiert bereits; wählen Sie eine andere"
    )


def test_the_file_read(tmp_path: Path) -> None:
    path = tmp_path / "in.csv"
    path.write_text("old")
    assert _refusal(path, reads=[path]) == (
        f"{path}: ist die Datei, die dieser Befehl liest; sie zu überschreiben, würde sie "
        "verlieren, daher wurde nichts geschrieben. Wählen Sie eine andere Datei."
    )


def test_a_database_file(tmp_path: Path) -> None:
    path = _database(tmp_path / "other.sqlite3")
    assert _refusal(path) == (
        f"{path}: ist eine Datenbankdatei; sie zu ersetzen, würde ihre Daten verlieren, daher "
        "wurde nichts geschrieben. Wählen Sie eine andere Datei."
    )


def test_the_database_itself(tmp_path: Path) -> None:
    path = tmp_path / "mpn.sqlite3-wal"
    assert _refusal(path, database=tmp_path / "mpn.sqlite3") == (
        f"{path}: ist die Datenbank selbst (oder ihr Journal); sie zu ersetzen, würde ihre "
        "Daten verlieren, daher wurde nichts geschrieben. Wählen Sie eine andere Datei."
    )


def test_a_backup_name(tmp_path: Path) -> None:
    path = tmp_path / "mpn.refused-1.sqlite3"
    assert _refusal(path, database=tmp_path / "mpn.sqlite3") == (
        f"{path}: ist eine Sicherung der Datenbank (oder trägt den Namen einer Sicherung); es "
        "wurde nichts geschrieben. Wählen Sie eine andere Datei."
    )


def test_another_databases_journal(tmp_path: Path) -> None:
    base = _database(tmp_path / "other.db")
    path = tmp_path / "other.db-journal"
    assert _refusal(path) == (
        f"{path}: ist das Journal der Datenbank {base}; es zu ersetzen, würde diese Datenbank "
        "beschädigen, daher wurde nichts geschrieben. Wählen Sie eine andere Datei."
    )


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes a read-only file anyway")
def test_a_read_only_file(tmp_path: Path) -> None:
    path = tmp_path / "x.csv"
    path.write_text("old")
    path.chmod(0o400)
    assert _refusal(path) == (
        f"{path}: ist schreibgeschützt; es wurde nichts geschrieben (heben Sie den "
        "Schreibschutz auf, oder wählen Sie eine andere Datei)"
    )


def test_a_failed_check(tmp_path: Path) -> None:
    path = tmp_path / "x.pdf"
    assert _refusal(path, verify=lambda _made: "kaputt") == (
        f"{path}: wurde nicht geschrieben: Die erstellte Datei wurde geprüft: kaputt"
    )


def _full_disk(_file: BinaryIO) -> None:
    raise OSError(errno.ENOSPC, "No space left on device")


def test_a_full_disk_for_a_new_file(tmp_path: Path) -> None:
    path = tmp_path / "x.pdf"
    with pytest.raises(FileNotWritten) as refused:
        write_user_file(path, _full_disk)
    assert str(refused.value) == (
        f"{path}: wurde nicht geschrieben: der Datenträger ist voll; es wurde keine Datei angelegt"
    )


def test_a_full_disk_keeps_the_old_file(tmp_path: Path) -> None:
    path = tmp_path / "x.pdf"
    path.write_text("old")
    with pytest.raises(FileNotWritten) as refused:
        write_user_file(path, _full_disk)
    assert str(refused.value) == (
        f"{path}: wurde nicht geschrieben: der Datenträger ist voll; die vorhandene Datei ist "
        "unverändert"
    )


@pytest.mark.parametrize(
    ("code", "said"),
    [
        (errno.EROFS, "der Datenträger oder Ordner ist schreibgeschützt"),
        (
            errno.EACCES,
            "Zugriff verweigert (Sie dürfen die Datei oder ihren Ordner nicht schreiben)",
        ),
        (errno.ENAMETOOLONG, "der Dateiname ist zu lang"),
        (errno.ENOTDIR, "ein Teil des Pfads ist eine Datei, kein Ordner"),
    ],
)
def test_the_systems_reasons(code: int, said: str) -> None:
    assert describe_os_error(OSError(code, "English")) == said


def test_a_missing_catalogue(tmp_path: Path) -> None:
    path = tmp_path / "none.json"
    with pytest.raises(CatalogError) as refused:
        load_catalog(path)
    assert str(refused.value).endswith(": Die Katalogdatei existiert nicht")
