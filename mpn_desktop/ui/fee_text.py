"""The fee as the status panel and the Fee tab say it: this membership year and the next renewal."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from mpn_desktop.domain import wording
from mpn_desktop.domain.progress import FeeStatus
from mpn_desktop.ui import locale_text
from mpn_desktop.ui.language import in_sentence
from mpn_desktop.ui.status_text import level_name


def _tr(text: str) -> str:
    return QCoreApplication.translate("FeeText", text)


def this_year_text(fee: FeeStatus) -> tuple[str, bool]:
    """What was paid for the membership year of the as-of day and what is still owed.

    The flag is True when nothing is owed for it.
    """
    year = fee.current_year
    if year is None:
        return _tr("Enter the membership anniversary to see the fee."), False
    if year.level_paid is not None:
        paid = _tr("{level} paid ({amount})").format(
            level=level_name(year.level_paid),
            amount=wording.money(year.amount_paid_usd, figures=locale_text.figures()),
        )
    else:
        paid = _tr("nothing paid")
    if fee.level is None:
        return _tr("{paid}; nothing owed while no competency is aimed for").format(paid=paid), True
    if year.owed_usd == 0:
        return paid, True
    if year.owed_usd is None:
        owed = _tr("the {level} fee is still owed (amount not known for that year)").format(
            level=in_sentence(level_name(fee.level))
        )
    else:
        owed = _tr("{amount} still owed for {level}").format(
            amount=wording.money(year.owed_usd, figures=locale_text.figures()),
            level=in_sentence(level_name(fee.level)),
        )
    return _tr("{paid}; {owed}").format(paid=paid, owed=owed), False


def renewal_text(fee: FeeStatus) -> tuple[str, bool]:
    """The next renewal: its day, level and the amount in force then; True when paid."""
    if fee.due_on is None:
        return _tr("Enter the membership anniversary to see the renewal."), False
    if fee.level is None:
        return _tr("{day}: nothing to pay while no competency is aimed for").format(
            day=locale_text.day(fee.due_on)
        ), True
    amount = (
        wording.money(fee.amount_usd, figures=locale_text.figures())
        if fee.amount_usd is not None
        else _tr("amount not known")
    )
    state = _tr("paid") if fee.paid else _tr("not paid yet")
    return _tr("{day}: {level}, {amount} — {state}").format(
        day=locale_text.day(fee.due_on), level=level_name(fee.level), amount=amount, state=state
    ), fee.paid
