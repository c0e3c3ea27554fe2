"""commands.text_lines: a wrapped line hangs where its translated template puts the value."""

from __future__ import annotations

from mpn_desktop.commands.text_lines import TextLine, labelled, plain_text, wrap_lines


def test_the_hang_is_where_the_value_lands_in_the_template() -> None:
    line = labelled("  ", "at risk on {day}: {what}", "what", "a long sentence", day="1.7.")
    assert line == TextLine("  at risk on 1.7.: a long sentence", len("  at risk on 1.7.: "))


def test_a_translation_putting_the_value_first_hangs_at_the_indentation() -> None:
    """No label before the value: the continuation hangs under the value, at the indent."""
    line = labelled("      ", "{sentence} fehlt noch", "sentence", "eine Person mehr")
    assert line == TextLine("      eine Person mehr fehlt noch", 6)


def test_a_translation_naming_the_value_twice_hangs_under_its_first_place() -> None:
    line = labelled("", "Hinweis: {note} ({note})", "note", "Text")
    assert line == TextLine("Hinweis: Text (Text)", len("Hinweis: "))


def test_a_translation_without_the_value_hangs_at_the_indentation() -> None:
    line = labelled("  ", "Hinweis", "note", "Text")
    assert line == TextLine("  Hinweis", 2)


def test_braces_in_the_value_or_other_fields_are_text() -> None:
    line = labelled("", "{day}: {what}", "what", "{x} and {}", day="{y}")
    assert line == TextLine("{y}: {x} and {}", len("{y}: "))


def test_wrapped_continuations_hang_under_the_value_plain_lines_under_their_indent() -> None:
    lines = [
        labelled("  ", "missing: {sentence}", "sentence", "one two three four five six"),
        "    plain words that wrap onto a second line here",
    ]
    assert wrap_lines(lines, 31) == [
        "  missing: one two three four",
        "           five six",
        "    plain words that wrap onto",
        "    a second line here",
    ]
    assert plain_text(lines) == [
        "  missing: one two three four five six",
        "    plain words that wrap onto a second line here",
    ]


def test_a_word_longer_than_the_room_stays_whole_on_its_own_line() -> None:
    # Before, textwrap broke it where the line ended: 'Zwische' / 'nzertifizierungen: 2'.
    line = labelled(
        "  ", "es fehlt: {sentence}", "sentence", "+30 Punkte); Zwischenzertifizierungen: 2"
    )
    assert wrap_lines([line], 31) == [
        "  es fehlt: +30 Punkte);",
        "            Zwischenzertifizierungen:",
        "            2",
    ]


def test_words_break_after_their_hyphen_not_inside_a_part() -> None:
    # Before, 'Microsoft 365-Si' / 'cherheits-Workloads' at 45 columns.
    line = "von Microsoft 365-Sicherheits-Workloads, über CPOR"
    assert wrap_lines([line], 31) == ["von Microsoft 365-Sicherheits-", "Workloads, über CPOR"]
    assert wrap_lines([line], 30) == ["von Microsoft", "365-Sicherheits-Workloads,", "über CPOR"]


def test_a_label_wider_than_half_the_line_goes_on_under_the_indentation() -> None:
    # Before, the text kept 20 columns beside the label whatever the width, so the
    # lines ran past the terminal's edge: 'günstigster Weg zu 70: ' at 45 columns.
    line = labelled(
        "      ",
        "günstigster Weg zu 70: {steps}",
        "steps",
        "Nutzungswachstum: nichts, was jetzt hinzukommt",
    )
    wrapped = wrap_lines([line], 45)
    assert wrapped == [
        "      günstigster Weg zu 70:",
        "      Nutzungswachstum: nichts, was jetzt",
        "      hinzukommt",
    ]
    assert max(len(text) for text in wrapped) <= 44
    # At 60 columns it still hangs under its text.
    assert wrap_lines([line], 60)[1].startswith(" " * len("      günstigster Weg zu 70: "))
