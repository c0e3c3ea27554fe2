"""Figures and days in the tables follow the locale; ISO days and plain figures are always read."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from decimal import Decimal

import pytest
from PySide6.QtCore import QLocale
from pytestqt.qtbot import QtBot

from mpn_desktop.domain import wording
from mpn_desktop.domain.dates import Month
from mpn_desktop.ui import locale_text
from mpn_desktop.ui.models.fields import Field, FieldKind, format_value, parse_text

AMOUNT = Field("amount", "Amount", FieldKind.MONEY)
SEATS = Field("seats", "Seats", FieldKind.COUNT)
DAY = Field("day", "Passed on", FieldKind.DATE)


def _locale(language: QLocale.Language, country: QLocale.Country) -> Iterator[None]:
    before = QLocale()
    QLocale.setDefault(QLocale(language, country))
    yield
    QLocale.setDefault(before)


@pytest.fixture
def german() -> Iterator[None]:
    """QLocale's default is German (Germany) for one test."""
    yield from _locale(QLocale.Language.German, QLocale.Country.Germany)


@pytest.fixture
def english() -> Iterator[None]:
    """QLocale's default is English (United States) for one test."""
    yield from _locale(QLocale.Language.English, QLocale.Country.UnitedStates)


def test_german_tables_write_german_figures_and_days(german: None) -> None:
    assert format_value(AMOUNT, Decimal("1250.5")) == "US$ 1.250,50"
    assert format_value(AMOUNT, Decimal("123456789012.99")) == "US$ 123.456.789.012,99"
    assert format_value(SEATS, 1600) == "1.600"
    assert format_value(DAY, date(2018, 3, 1)) == "01.03.2018"


def test_german_typing_is_read_the_german_way_and_iso_always(german: None) -> None:
    assert parse_text(AMOUNT, "1.250,50") == Decimal("1250.50")
    assert parse_text(AMOUNT, "1250,5") == Decimal("1250.5")
    assert parse_text(AMOUNT, "US$ 15.000") == Decimal(15000)
    assert parse_text(AMOUNT, "1250.50") == Decimal("1250.50")  # a plain figure stays one
    assert parse_text(SEATS, "1.600") == 1600
    assert parse_text(DAY, "01.03.2018") == date(2018, 3, 1)
    assert parse_text(DAY, "1.3.18") == date(2018, 3, 1)
    assert parse_text(DAY, "2018-03-01") == date(2018, 3, 1)
    with pytest.raises(ValueError, match="not a whole number"):
        parse_text(SEATS, "1,5")
    with pytest.raises(ValueError, match="at most two decimals"):
        parse_text(AMOUNT, "1,505")


def test_english_tables_are_as_they_were(english: None) -> None:
    assert format_value(AMOUNT, Decimal("1250.5")) == "US$ 1,250.50"
    assert format_value(SEATS, 1600) == "1,600"
    assert format_value(DAY, date(2018, 3, 1)) == "2018-03-01"
    assert parse_text(AMOUNT, "US$ 1,250.50") == Decimal("1250.50")
    assert parse_text(SEATS, "1,600") == 1600
    assert parse_text(DAY, "2018-03-01") == date(2018, 3, 1)


def test_a_bare_c_locale_is_written_as_american_english() -> None:
    before = QLocale()
    QLocale.setDefault(QLocale.c())
    try:
        assert wording.money(Decimal(1250), 2, locale_text.figures()) == "US$ 1,250.00"
        assert locale_text.day(date(2018, 3, 1)) == "2018-03-01"
    finally:
        QLocale.setDefault(before)


def test_a_german_search_finds_a_day_typed_either_way(german: None, qapp: object) -> None:
    from mpn_desktop.ui.models.record_filter import RecordFilterProxy
    from mpn_desktop.ui.models.record_table import RecordTableModel

    rows = [{"id": 1, "day": date(2018, 3, 1)}, {"id": 2, "day": date(2017, 5, 2)}]
    model = RecordTableModel([DAY], lambda: rows)
    model.reload()
    proxy = RecordFilterProxy()
    proxy.setSourceModel(model)
    for typed in ("01.03.2018", "2018-03-01"):
        proxy.set_search_text(typed)
        assert proxy.rowCount() == 1


def test_a_german_date_field_shows_and_takes_back_its_day(german: None, qtbot: QtBot) -> None:
    from mpn_desktop.ui.editors.date_field import DateField

    field = DateField()
    qtbot.addWidget(field)
    field.set_day(date(2018, 3, 1))
    assert field.text() == "01.03.2018"
    field.commit()
    assert field.day() == date(2018, 3, 1)
    field.setText("2017-05-02")
    field.commit()
    assert field.day() == date(2017, 5, 2)
    assert field.text() == "02.05.2017"


def test_months_are_named_as_the_locale_names_them(german: None) -> None:
    assert locale_text.month(Month(2025, 11)) == "Nov. 2025"
    assert locale_text.month(Month(2026, 3)) == "März 2026"


def test_english_months_stay_iso(english: None) -> None:
    assert locale_text.month(Month(2025, 11)) == "2025-11"


def test_the_figures_follow_the_default_locale_each_time_it_changes() -> None:
    """The locale read is kept, but a new default (another country of one language too) is
    read again at once: the separators and the day's pattern are never an earlier locale's."""
    before = QLocale()
    try:
        seen = []
        for language, country in (
            (QLocale.Language.English, QLocale.Country.UnitedStates),
            (QLocale.Language.German, QLocale.Country.Germany),
            (QLocale.Language.German, QLocale.Country.Switzerland),
            (QLocale.Language.English, QLocale.Country.UnitedStates),
        ):
            QLocale.setDefault(QLocale(language, country))
            seen.append(
                (
                    locale_text.figures(),
                    locale_text.day(date(2018, 3, 1)),
                    locale_text.month(Month(2025, 11)),
                )
            )
    finally:
        QLocale.setDefault(before)
    assert [(f.point, f.group, d) for f, d, _ in seen] == [
        (".", ",", "2018-03-01"),
        (",", ".", "01.03.2018"),
        # Swiss German groups with an apostrophe (which one depends on Qt's CLDR).
        (
            ".",
            QLocale(QLocale.Language.German, QLocale.Country.Switzerland).groupSeparator(),
            "01.03.2018",
        ),
        (".", ",", "2018-03-01"),
    ]
    assert seen[0][2] == "2025-11" and seen[1][2] != "2025-11"
