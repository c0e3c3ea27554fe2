"""argparse's own words (usage, error, invalid choice, ...) in German under ``--language de``."""

from __future__ import annotations

import argparse
import gettext
import re
from pathlib import Path

import pytest

from mpn_desktop.cli import main
from mpn_desktop.commands.parser_words import ARGPARSE_COUNTED, ARGPARSE_WORDS
from mpn_desktop.domain import vocabulary

TOP_USAGE = "mpn-desktop [-h] [--version] [--db PATH | --db-url URL]"
CHOICES = (
    "'catalog', 'status', 'export', 'load', 'demo', 'backup', 'restore', 'import-exams', "
    "'import-usage', 'imports', 'checklist'"
)


def _refused(words: list[str], capsys: pytest.CaptureFixture[str]) -> str:
    """What argparse says on stderr for ``words``; its exit code must be 2, as in English."""
    with pytest.raises(SystemExit) as exit_info:
        main(words)
    assert exit_info.value.code == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    return captured.err


def test_a_wrong_command_is_refused_in_german(capsys: pytest.CaptureFixture[str]) -> None:
    # Before: 'usage: …' and 'mpn-desktop: error: argument COMMAND: invalid choice: …'.
    err = _refused(["--language", "de", "statu"], capsys)
    assert err.startswith(f"Aufruf: {TOP_USAGE}\n")
    # The usage's continued lines stand under the first one's options, after 'Aufruf: '.
    assert "\n                    [--catalog FILE]" in err
    assert err.endswith(
        "mpn-desktop: Fehler: Argument COMMAND: ungültige Auswahl: 'statu' "
        f"(möglich sind {CHOICES})\n"
    )


def test_a_missing_argument_is_refused_in_german(capsys: pytest.CaptureFixture[str]) -> None:
    err = _refused(["--language", "de", "import-exams"], capsys)
    assert err.startswith("Aufruf: mpn-desktop import-exams [-h] [--dry-run]")
    assert err.endswith("mpn-desktop import-exams: Fehler: Diese Argumente fehlen: FILE\n")
    err = _refused(["--language=de", "status", "--as-of"], capsys)
    assert err == (
        "Aufruf: mpn-desktop status [-h] [--as-of YYYY-MM-DD] [--json]\n"
        "mpn-desktop status: Fehler: Argument --as-of: erwartet einen Wert\n"
    )


@pytest.mark.parametrize(
    ("words", "said"),
    [
        (["status", "extra"], "mpn-desktop status: Fehler: unbekannte Argumente: extra\n"),
        (["--db", "", "status"], "mpn-desktop: Fehler: Argument --db: ist leer\n"),
        (
            ["--db", "x", "--db-url", "y", "status"],
            "mpn-desktop: Fehler: Argument --db-url: nicht zusammen mit Argument --db erlaubt\n",
        ),
        (
            ["checklist", "--pdf", "x.pdf", "--page-size", "B5"],
            "mpn-desktop checklist: Fehler: Argument --page-size: 'B5' ist kein Papierformat "
            "(möglich sind A4 oder Letter)\n",
        ),
        # Before: "ungültiger int-Wert: 'abc'" (argparse's int named by its Python type).
        (
            ["imports", "--remove", "abc"],
            "mpn-desktop imports: Fehler: Argument --remove: 'abc' ist keine Import-ID "
            "(eine ganze Zahl: „mpn-desktop imports“ listet sie auf)\n",
        ),
    ],
)
def test_the_other_refusals_a_user_meets_are_german(
    words: list[str], said: str, capsys: pytest.CaptureFixture[str]
) -> None:
    err = _refused(["--lang", "de", *words], capsys)
    assert err.startswith("Aufruf: mpn-desktop ")
    assert err.endswith(said)


def _actions(parser: argparse.ArgumentParser) -> list[argparse.Action]:
    """Every option and argument of ``parser`` and of its commands' parsers."""
    found = []
    for action in parser._actions:
        found.append(action)
        if isinstance(action, argparse._SubParsersAction):
            for command in action.choices.values():
                found.extend(_actions(command))
    return found


def test_no_value_is_checked_by_a_python_type() -> None:
    # argparse refuses a value a Python type (int, float) does not take with "invalid int
    # value", the type's name in German text too; our own checks say what the value must be.
    from mpn_desktop.cli import build_parser

    checked = [action for action in _actions(build_parser()) if action.type is not None]
    assert checked  # --page-size, --remove, the database options
    for action in checked:
        assert getattr(action.type, "__module__", "").startswith("mpn_desktop."), action.dest


def test_the_help_says_argparse_s_words_in_german(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["--language", "de", "status", "--help"])
    assert exit_info.value.code == 0
    out = capsys.readouterr().out
    assert out.startswith("Aufruf: mpn-desktop status [-h]")
    assert "\nOptionen:\n" in out
    assert "-h, --help          diese Hilfe zeigen und beenden\n" in out


def test_the_english_is_argparse_s_byte_for_byte(capsys: pytest.CaptureFixture[str]) -> None:
    err = _refused(["statu"], capsys)
    assert err.startswith(f"usage: {TOP_USAGE}\n")
    assert "\n                   [--catalog FILE]" in err
    assert err.endswith(
        f"mpn-desktop: error: argument COMMAND: invalid choice: 'statu' (choose from {CHOICES})\n"
    )
    err = _refused(["--language", "en", "import-exams"], capsys)
    assert err.endswith(
        "mpn-desktop import-exams: error: the following arguments are required: FILE\n"
    )
    assert _refused(["status", "--as-of"], capsys) == (
        "usage: mpn-desktop status [-h] [--as-of YYYY-MM-DD] [--json]\n"
        "mpn-desktop status: error: argument --as-of: expected one argument\n"
    )


def test_german_only_when_the_program_would_speak_it(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("LANGUAGE", "de_DE")
    # The commands speak English unless asked (--language's default is en), and so does argparse.
    assert _refused(["statu"], capsys).startswith("usage: ")
    err = _refused(["--language", "system", "statu"], capsys)
    assert err.startswith("Aufruf: ") and "ungültige Auswahl: 'statu'" in err
    # The last --language given wins, as argparse reads it; nothing after '--' counts.
    assert _refused(["--language", "de", "--language", "en", "statu"], capsys).startswith("usage")
    assert _refused(["status", "--", "--language", "de"], capsys).startswith("usage: ")


def test_a_usage_error_found_after_parsing_is_german_too(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    database = ["--db", str(tmp_path / "tracker.sqlite3")]
    assert main(["--language", "de", *database, "status", "--as-of", "2018-02-30"]) == 2
    assert capsys.readouterr().err == (
        "Aufruf: mpn-desktop status [-h] [--as-of YYYY-MM-DD] [--json]\n"
        "mpn-desktop status: Fehler: --as-of: '2018-02-30' ist kein Datum (erwartet JJJJ-MM-TT)\n"
    )
    assert not (tmp_path / "tracker.sqlite3").exists()


def test_argparse_has_its_own_words_back_after_the_command_line(
    capsys: pytest.CaptureFixture[str],
) -> None:
    _refused(["--language", "de", "statu"], capsys)
    assert vars(argparse)["_"] is gettext.gettext
    assert vars(argparse)["ngettext"] is gettext.ngettext


def _percent_fields(text: str) -> list[str]:
    return sorted(re.findall(r"%(?:\(\w+\))?[rsd]", text))


def test_each_german_word_keeps_argparse_s_fields() -> None:
    # A field lost or added would make argparse's '%' formatting fail: a traceback.
    vocabulary.use_language("de")
    for message in ARGPARSE_WORDS:
        german = vocabulary._(message)
        assert german != message, message
        assert _percent_fields(german) == _percent_fields(message), message
        assert german.endswith("\n") == message.endswith("\n"), message
    for singular, plural in ARGPARSE_COUNTED:
        for count in (1, 2):
            german = vocabulary.ngettext(singular, plural, count)
            assert german not in (singular, plural)
            assert _percent_fields(german) == _percent_fields(singular)


def _help(words: list[str], capsys: pytest.CaptureFixture[str]) -> str:
    """The --help of the command line, its lines joined as one text."""
    with pytest.raises(SystemExit) as exit_info:
        main([*words, "--help"])
    assert exit_info.value.code == 0
    return " ".join(capsys.readouterr().out.split())


def test_the_help_says_which_databases_db_url_opens(capsys: pytest.CaptureFixture[str]) -> None:
    # Before: 'a database URL: sqlite:///FILE, or postgresql://USER@HOST/DATABASE for a team',
    # in English under --language de too; another database's URL is refused before it opens.
    assert (
        "--db-url URL the database as a URL: a SQLite file (sqlite:///FILE) or a PostgreSQL "
        "team database (postgresql://USER@HOST/DATABASE); other databases (MySQL, Oracle, ...) "
        "are refused"
    ) in _help([], capsys)
    german = _help(["--language", "de"], capsys)
    assert (
        "--db-url URL die Datenbank als URL: eine SQLite-Datei (sqlite:///DATEI) oder eine "
        "PostgreSQL-Teamdatenbank (postgresql://BENUTZER@HOST/DATENBANK); andere Datenbanken "
        "(MySQL, Oracle, …) werden abgelehnt"
    ) in german
    # The rest of the command line's own help is German with it.
    assert "Verfolgt den Weg Ihrer Organisation" in german
    # The program's description names both programs it follows (before: the 2017-2018
    # competencies alone).
    assert "und zu den Solutions Partner-Designations (ab Oktober 2022)" in german
    assert "and to the Solutions Partner designations (from October 2022)" in _help([], capsys)
    assert "--db PATH die SQLite-Datenbankdatei" in german
    assert "Exit-Codes: 0 erledigt;" in german
    assert "the SQLite database file" not in german
    # --language says that the commands write in it, help and usage errors included
    # (before: 'status, checklist, catalog and the imports', while all of them do).
    assert "--language {en,de,system} the language of what the commands write" in _help([], capsys)
    assert "die Sprache, in der die Befehle schreiben (auch ihre Hilfe" in german


def test_the_help_lists_the_commands_in_the_chosen_language(
    capsys: pytest.CaptureFixture[str],
) -> None:
    # Before: the commands' lines were English under the German headings.
    german = _help(["--language", "de"], capsys)
    assert (
        "status der Fortschritt jeder angestrebten Kompetenz oder Designation und was noch fehlt"
        in german
    )
    assert "restore die Datenbank durch eine Sicherung ersetzen" in german
    assert "import-exams Prüfungsergebnisse aus einer CSV-Datei importieren" in german
    assert "what is still missing" not in german
    english = _help([], capsys)
    # Before: "of every targeted competency" alone, while a day from October 2022 on shows
    # the designations.
    assert (
        "status progress of every targeted competency or designation, and what is still missing"
        in english
    )
    assert "load read a whole organisation from a JSON file or an Excel workbook" in english


@pytest.mark.parametrize(
    ("command", "german", "english"),
    [
        ("status", "das Status-JSON-Dokument ausgeben", "print the status JSON document"),
        ("restore", "Ersetzt die Datenbank durch eine mit „backup“ angelegte", "Replaces"),
        (
            "import-exams",
            "--map COLUMN=FIELD COLUMN als FIELD lesen (mcp_id, name, first_name, last_name, "
            "email, exam_code, exam_title, passed_on, kind, mpn_id oder ignore); mehrfach möglich",
            "--map COLUMN=FIELD read COLUMN as FIELD (mcp_id, name, first_name, last_name, "
            "email, exam_code, exam_title, passed_on, kind, mpn_id, or ignore); may be repeated",
        ),
        (
            "import-usage",
            "--usd-rate CUR=RATE der Wert in US$ einer Einheit einer Währung",
            "--usd-rate CUR=RATE the US$ value of one unit of a currency the file uses",
        ),
        # Before: "Nothing is written when any record has an error." (--skip-bad-rows writes).
        (
            "import-exams",
            "einen Fehler hat, außer mit",
            "has an error, unless",
        ),
        (
            "import-usage",
            "einen Fehler hat, außer mit",
            "has an error, unless",
        ),
    ],
)
def test_each_command_s_own_help_is_in_the_chosen_language(
    command: str, german: str, english: str, capsys: pytest.CaptureFixture[str]
) -> None:
    # Before: its description and options were English under 'Aufruf:' and 'Optionen:'.
    said = _help(["--language", "de", command], capsys)
    assert german in said
    assert english not in said
    assert english in _help([command], capsys)


def test_each_word_is_one_argparse_says() -> None:
    # A message written otherwise than argparse's own (or changed by a later Python) would
    # never be looked up: that refusal would quietly stay English.
    import inspect

    source = inspect.getsource(argparse)
    words = [*ARGPARSE_WORDS, *(text for pair in ARGPARSE_COUNTED for text in pair)]
    for message in words:
        written = repr(message)
        assert written in source or written.replace("'", '"') in source, message


def test_status_s_help_names_the_cheapest_way_in_the_accusative(
    capsys: pytest.CaptureFixture[str],
) -> None:
    # Before: "Zeigt ... was noch fehlt und der günstigste Weg zur Qualifizierung": a
    # nominative after "Zeigt", and "Qualifizierung", the skilling category's name, for
    # qualifying.
    german = _help(["--language", "de", "status"], capsys)
    assert "was noch fehlt und den günstigsten Weg, sich zu qualifizieren." in german
    # Before: "ihre Punktzahl von 100" (its score is 100) for "its score of 100 points".
    assert "Solutions Partner-Designation: ihre Punktzahl (von 100 möglichen Punkten)," in german
    english = _help(["status"], capsys)
    assert "every Solutions Partner designation instead: its score out of 100 points," in english


def test_the_commands_list_says_what_skip_bad_rows_lets_import_exams_do(
    capsys: pytest.CaptureFixture[str],
) -> None:
    # Before: "(all or nothing; re-imports add no duplicates)" in the commands' list, though
    # --skip-bad-rows imports the good records (fbc9458 said so in the command's own help).
    assert (
        "import-exams import exam records from a CSV file (all or nothing unless "
        "--skip-bad-rows; re-imports add no duplicates)"
    ) in _help([], capsys)
    assert (
        "import-exams Prüfungsergebnisse aus einer CSV-Datei importieren (alles oder nichts, "
        "außer mit --skip-bad-rows; erneute Importe fügen keine Duplikate hinzu)"
    ) in _help(["--language", "de"], capsys)
