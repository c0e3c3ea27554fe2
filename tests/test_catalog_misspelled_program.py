"""A Solutions Partner catalogue whose ``program`` key is misspelled is told so, by every command.

It was read by the 2017-2018 reader and refused with "unknown key 'categories' (known keys:
...)": the user was told about the wrong key. The file's shape now chooses the reader, which
names the misspelled key and the one meant, as the window does (tests/ui).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from helpers.misspelled_catalogs import SCORED, misspelled, refusal

from mpn_desktop.catalog_files import load_catalog
from mpn_desktop.cli import main
from mpn_desktop.errors import CatalogError
from mpn_desktop.programs import program_on, window_catalogues


@pytest.mark.parametrize("name", ["programme", "progam"])
def test_every_reader_of_the_file_says_which_key_is_wrong(tmp_path: Path, name: str) -> None:
    path = misspelled(tmp_path, name)
    for read in (
        lambda: program_on(date(2018, 3, 15), path),
        lambda: program_on(date(2026, 12, 7), path),
        lambda: window_catalogues(path),
        lambda: load_catalog(path),
    ):
        with pytest.raises(CatalogError) as refused:
            read()
        assert str(refused.value) == refusal(path, name)


def test_a_whole_solutions_partner_file_is_not_taken_for_a_broken_2017_one(
    tmp_path: Path,
) -> None:
    """Where a 2017-2018 catalogue alone is read (the commands take the shipped one's
    competencies beside such a file: tests/test_cmd_catalog_options.py)."""
    with pytest.raises(CatalogError) as refused:
        load_catalog(SCORED)
    assert str(refused.value) == (
        f"{SCORED}: a catalogue of the Solutions Partner program, where one of the 2017-2018 "
        "competencies is needed"
    )


@pytest.mark.parametrize(
    "command",
    [
        ["catalog"],
        ["catalog", "--json", "--as-of", "2024-01-15"],
        ["status"],
        ["status", "--as-of", "2018-03-15", "--json"],
        ["checklist", "--pdf", "checklist.pdf"],
        ["export", "organisation.xlsx"],
    ],
)
def test_every_command_says_it_in_one_line_without_traceback(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    command: list[str],
) -> None:
    path = misspelled(tmp_path)
    monkeypatch.chdir(tmp_path)
    code = main(["--db", str(tmp_path / "tracker.sqlite3"), "--catalog", str(path), *command])
    captured = capsys.readouterr()
    assert (code, captured.out) == (1, "")
    assert captured.err == f"mpn-desktop: {refusal(path)}\n"
    assert not (tmp_path / "checklist.pdf").exists()
    assert not (tmp_path / "organisation.xlsx").exists()


def test_german_names_the_key_meant_too(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = misspelled(tmp_path, "progam")
    code = main(["--language", "de", "--catalog", str(path), "catalog"])
    assert code == 1
    assert capsys.readouterr().err.startswith(
        f"mpn-desktop: {path}: unbekannter Schlüssel 'progam', ist 'program' gemeint? "
        "(bekannte Schlüssel: categories, "
    )


def test_german_refuses_a_solutions_partner_file_where_only_competencies_do(
    tmp_path: Path,
) -> None:
    from mpn_desktop.domain.vocabulary import use_language

    use_language("de")
    with pytest.raises(CatalogError) as refused:
        load_catalog(SCORED)
    assert str(refused.value) == (
        f"{SCORED}: ein Katalog des Solutions Partner-Programms; hier wird ein "
        "Katalog der Kompetenzen von 2017-2018 gebraucht"
    )
