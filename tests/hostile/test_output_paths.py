"""Every bad output path against every command that writes a file the user names.

Each attack must end in a one-line refusal (exit 1, no traceback), leave the
database's bytes as they were and the path as it was (a device stays a
device, a FIFO a FIFO, a folder keeps its files, another database its bytes).
"""

from __future__ import annotations

import os
import stat
from collections.abc import Callable
from pathlib import Path

import pytest

from mpn_desktop.cli import main
from mpn_desktop.store import backups
from mpn_desktop.store.engine import quick_check

pytestmark = pytest.mark.usefixtures("qapp")

Attack = Callable[[Path, Path], Path]
"""Builds a bad path from (the database file, a scratch folder)."""


def _device(db: Path, scratch: Path) -> Path:
    if os.geteuid() != 0:
        return Path("/dev/full")  # not replaceable by a user: a failed refusal cannot harm it
    node = scratch / "full-device"
    os.mknod(node, 0o666 | stat.S_IFCHR, os.makedev(1, 7))  # /dev/full's numbers
    return node


def _fifo(db: Path, scratch: Path) -> Path:
    fifo = scratch / "pipe.json"
    os.mkfifo(fifo)
    return fifo


def _folder(db: Path, scratch: Path) -> Path:
    folder = scratch / "folder.pdf"
    folder.mkdir()
    (folder / "inside.txt").write_text("kept")
    return folder


def _link_to(target: Callable[[Path, Path], Path], name: str) -> Attack:
    def attack(db: Path, scratch: Path) -> Path:
        link = scratch / name
        link.symlink_to(target(db, scratch))
        return link

    return attack


def _hard_link_to_database(db: Path, scratch: Path) -> Path:
    link = scratch / "hard.json"
    os.link(db, link)
    return link


def _existing_backup(db: Path, scratch: Path) -> Path:
    return backups.backup(db)


def _new_backup_name(db: Path, scratch: Path) -> Path:
    return db.with_name(f"{db.stem}.backup-20990101-000000-000000-manual{db.suffix}")


def _other_database(db: Path, scratch: Path) -> Path:
    other = scratch / "other.sqlite3"
    assert main(["--db", str(other), "demo"]) == 0
    return other


def _journal_of_other_database(db: Path, scratch: Path) -> Path:
    return Path(f"{_other_database(db, scratch)}-journal")


def _missing_folder(db: Path, scratch: Path) -> Path:
    return scratch / "no such folder" / "out.pdf"


def _under_a_file(db: Path, scratch: Path) -> Path:
    plain = scratch / "plain.txt"
    plain.write_text("not a folder")
    return plain / "out.pdf"


def _dangling_link(db: Path, scratch: Path) -> Path:
    link = scratch / "dangling.pdf"
    link.symlink_to(scratch / "nowhere" / "x.pdf")
    return link


def _long_name(db: Path, scratch: Path) -> Path:
    return scratch / ("x" * 300 + ".pdf")


ATTACKS: dict[str, Attack] = {
    "the database": lambda db, scratch: db,
    "the database by another spelling": lambda db, scratch: db.parent / "." / db.name,
    "its -wal": lambda db, scratch: Path(f"{db}-wal"),
    "its -shm": lambda db, scratch: Path(f"{db}-shm"),
    "its -journal": lambda db, scratch: Path(f"{db}-journal"),
    "a symlink to the database": _link_to(lambda db, scratch: db, "link.pdf"),
    "a hard link to the database": _hard_link_to_database,
    "an existing backup": _existing_backup,
    "a new name of a backup": _new_backup_name,
    "another database": _other_database,
    "another database's journal": _journal_of_other_database,
    "a device (/dev/full)": _device,
    "a symlink to a device": _link_to(_device, "device-link.pdf"),
    "a FIFO": _fifo,
    "a symlink to a FIFO": _link_to(_fifo, "fifo-link.pdf"),
    "a folder": _folder,
    "a symlink to a folder": _link_to(_folder, "folder-link.pdf"),
    "a dangling symlink": _dangling_link,
    "a missing folder": _missing_folder,
    "a path under a file": _under_a_file,
    "a name too long": _long_name,
}

EXAMS_CSV = (
    "MCP ID,Name,Exam,Date Passed\n"
    "9000001,Hana Sato,70-533,2017-06-01\n"
    "98x,Ivo Horvat,70-347,2017-07-01\n"  # a bad MCP ID: one record for the rejects file
)


COMMANDS: dict[str, Callable[[Path], list[str]]] = {
    "checklist --pdf": lambda out: ["checklist", "--pdf", str(out), "--as-of", "2018-03-15"],
    "export": lambda out: ["export", str(out)],
    "backup": lambda out: ["backup", str(out)],
    "import-exams --skip-bad-rows": lambda out: [
        "import-exams",
        os.environ["MPN_HOSTILE_EXAMS_CSV"],
        "--skip-bad-rows",
        str(out),
    ],
}


@pytest.fixture(autouse=True)
def exams_csv(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A CSV with one good and one bad record, for the import's rejects file."""
    path = tmp_path / "input" / "exams.csv"
    path.parent.mkdir()
    path.write_text(EXAMS_CSV, encoding="utf-8")
    monkeypatch.setenv("MPN_HOSTILE_EXAMS_CSV", str(path))
    return path


def _state(path: Path) -> object:
    """What is at ``path``, to compare after the attack: kind, bytes or listing."""
    try:
        info = path.lstat()
    except OSError:
        return None
    if stat.S_ISLNK(info.st_mode):
        return ("link", str(path.readlink()), _state(path.resolve()))
    if stat.S_ISDIR(info.st_mode):
        return ("folder", sorted(p.name for p in path.iterdir()))
    if stat.S_ISREG(info.st_mode):
        return ("file", path.read_bytes(), stat.S_IMODE(info.st_mode))
    return ("special", stat.S_IFMT(info.st_mode), info.st_rdev)


@pytest.mark.parametrize("command", list(COMMANDS))
@pytest.mark.parametrize("attack", list(ATTACKS))
def test_a_bad_output_path_is_refused_and_destroys_nothing(
    attack: str,
    command: str,
    demo_path: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    scratch = tmp_path / "scratch"
    scratch.mkdir()
    target = ATTACKS[attack](demo_path, scratch)
    database_before = demo_path.read_bytes()
    target_before = _state(target)
    backups_before = {p: p.read_bytes() for p in backups.list_backups(demo_path)}
    listing_before = sorted(p.name for p in scratch.iterdir())
    capsys.readouterr()
    if (attack, command) == ("a missing folder", "backup"):
        # The one case that is no attack: a backup makes its folder (0700), as before.
        assert main(["--db", str(demo_path), *COMMANDS[command](target)]) == 0
        assert quick_check(target) is None
        assert stat.S_IMODE(target.stat().st_mode) == 0o600
        return

    code = main(["--db", str(demo_path), *COMMANDS[command](target)])

    err = capsys.readouterr().err
    assert code == 1, err
    assert err.startswith("mpn-desktop: ") and "unexpected" not in err
    assert "Traceback" not in err
    assert demo_path.read_bytes() == database_before
    assert quick_check(demo_path) is None
    after = _state(target)
    if attack in ("its -wal", "its -shm") and target_before is None:
        # SQLite itself may have opened the companion meanwhile: never the command's output.
        assert after is None or after[:2] == ("file", b"") or attack == "its -shm"  # type: ignore[index]
    else:
        assert after == target_before
    assert {p: p.read_bytes() for p in backups.list_backups(demo_path)} == backups_before
    # No temporary file (.part) left beside the target or in the scratch folder.
    assert sorted(p.name for p in scratch.iterdir()) == listing_before
    assert not [p for p in demo_path.parent.iterdir() if p.name.endswith(".part")]


@pytest.mark.parametrize("command", ["checklist --pdf", "export", "import-exams --skip-bad-rows"])
def test_an_existing_file_keeps_its_mode_and_a_new_one_is_private(
    command: str, demo_path: Path, tmp_path: Path
) -> None:
    # Before: an 0600 file came back 0644 (the umask's mode for a new file).
    kept = tmp_path / "kept.out"
    kept.write_bytes(b"old")
    kept.chmod(0o640)
    new = tmp_path / "new.out"
    for target in (kept, new):
        assert main(["--db", str(demo_path), *COMMANDS[command](target)]) == 0
    assert stat.S_IMODE(kept.stat().st_mode) == 0o640
    assert kept.read_bytes() != b"old"
    assert stat.S_IMODE(new.stat().st_mode) == 0o600
    assert sorted(p.name for p in tmp_path.iterdir() if p.name not in ("data", "input")) == [
        "kept.out",
        "new.out",
    ]


def test_a_symlink_to_a_regular_file_replaces_the_file_and_keeps_the_link(
    demo_path: Path, tmp_path: Path
) -> None:
    real = tmp_path / "real.json"
    real.write_text("old")
    link = tmp_path / "link.json"
    link.symlink_to(real)
    assert main(["--db", str(demo_path), "export", str(link)]) == 0
    assert link.is_symlink()
    assert real.read_text().startswith("{")


def test_an_empty_backup_name_is_refused_not_taken_for_no_name(
    demo_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Before: 'backup ""' quietly made an automatic backup next to the database.
    assert main(["--db", str(demo_path), "backup", ""]) == 1
    assert "no file name was given" in capsys.readouterr().err
    assert backups.list_backups(demo_path) == []


@pytest.mark.skipif(os.geteuid() == 0, reason="root may write any file")
@pytest.mark.parametrize("command", ["checklist --pdf", "export"])
def test_a_read_only_file_is_not_replaced(
    command: str, demo_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # The folder is writable, so a rename would have replaced the file the user protected.
    kept = tmp_path / "kept.out"
    kept.write_bytes(b"protected")
    kept.chmod(0o444)
    assert main(["--db", str(demo_path), *COMMANDS[command](kept)]) == 1
    assert "is read-only; nothing was written" in capsys.readouterr().err
    assert kept.read_bytes() == b"protected"


def _shipped_catalog_copy(folder: Path) -> Path:
    from mpn_desktop.catalog_files import shipped_catalog_path

    copy = folder / "my-catalog.json"
    copy.write_bytes(shipped_catalog_path().read_bytes())
    return copy


@pytest.mark.parametrize(
    "command",
    [
        ["checklist", "--as-of", "2018-03-15", "--pdf"],
        ["export"],
    ],
)
def test_the_catalogue_a_command_reads_is_never_its_output(
    command: list[str], demo_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    catalog = _shipped_catalog_copy(tmp_path)
    before = catalog.read_bytes()
    assert main(["--db", str(demo_path), "--catalog", str(catalog), *command, str(catalog)]) == 1
    assert "is the file this command reads" in capsys.readouterr().err
    assert catalog.read_bytes() == before


def test_an_import_never_writes_its_rejects_over_the_file_it_imports(
    demo_path: Path, exams_csv: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Before: the import was committed and its CSV replaced by the rejects (the good rows lost).
    before = exams_csv.read_bytes()
    database = demo_path.read_bytes()
    args = ["import-exams", str(exams_csv), "--skip-bad-rows", str(exams_csv)]
    assert main(["--db", str(demo_path), *args]) == 1
    assert "is the file this command reads" in capsys.readouterr().err
    assert exams_csv.read_bytes() == before
    assert demo_path.read_bytes() == database


def test_a_write_killed_a_day_ago_leaves_no_temporary_file_after_the_next_write(
    demo_path: Path, tmp_path: Path
) -> None:
    target = tmp_path / "org.json"
    stale = tmp_path / ".org.json.a1b2c3d4.part"  # what a kill -9 during a write leaves
    fresh = tmp_path / ".org.json.e5f6g7h8.part"  # another write, still running
    for partial in (stale, fresh):
        partial.write_bytes(b"half a document")
    two_days_ago = stale.stat().st_mtime - 2 * 24 * 3600
    os.utime(stale, (two_days_ago, two_days_ago))
    assert main(["--db", str(demo_path), "export", str(target)]) == 0
    assert not stale.exists()
    assert fresh.exists()


@pytest.mark.skipif(os.geteuid() != 0, reason="only root may give a file to another user")
def test_a_file_replaced_by_root_keeps_its_owner(demo_path: Path, tmp_path: Path) -> None:
    # Before: 'sudo mpn-desktop export' left the user's file owned by root.
    kept = tmp_path / "kept.json"
    kept.write_text("old")
    os.chown(kept, 65534, 65534)
    assert main(["--db", str(demo_path), "export", str(kept)]) == 0
    assert (kept.stat().st_uid, kept.stat().st_gid) == (65534, 65534)
    assert kept.read_text().startswith("{")
