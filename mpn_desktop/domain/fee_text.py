"""The fee in two sentences: this membership year (paid, or what is still owed) and the renewal."""

from __future__ import annotations

from mpn_desktop.domain.progress import FeeStatus
from mpn_desktop.domain.vocabulary import _
from mpn_desktop.domain.wording import day, level_word, money


def this_year_sentence(fee: FeeStatus) -> str:
    """ "2017-07-01 to 2018-06-30: silver paid (US$ 1,530); the gold fee of US$ 3,940 is owed"."""
    year = fee.current_year
    if year is None:
        return _("enter the membership anniversary to see the fee")
    period = _("{start} to {end}").format(start=day(year.start), end=day(year.end))
    if year.level_paid is not None:
        paid = _("{level} paid ({amount})").format(
            level=level_word(year.level_paid.value), amount=money(year.amount_paid_usd)
        )
    else:
        paid = _("nothing paid")
    if fee.level is None:
        return _("{period}: {paid}; nothing owed while no competency is aimed for").format(
            period=period, paid=paid
        )
    if year.owed_usd == 0:
        return _("{period}: {paid}").format(period=period, paid=paid)
    level = level_word(fee.level.value)
    owed = (
        _("the {level} fee of {amount}").format(level=level, amount=money(year.owed_usd))
        if year.owed_usd is not None
        else _("the {level} fee (amount not known for that year)").format(level=level)
    )
    return _("{period}: {paid}; {owed} is still owed").format(period=period, paid=paid, owed=owed)


def renewal_sentence(fee: FeeStatus) -> str:
    """ "2018-07-01, gold, US$ 4,730 (the fee in force then): not paid yet"."""
    if fee.due_on is None:
        return _("enter the membership anniversary to see the renewal")
    if fee.level is None:
        return _("{day}: nothing to pay while no competency is aimed for").format(
            day=day(fee.due_on)
        )
    amount = money(fee.amount_usd) if fee.amount_usd is not None else _("amount not known")
    state = _("paid") if fee.paid else _("not paid yet")
    return _("{day}, {level}, {amount} (the fee in force then): {state}").format(
        day=day(fee.due_on), level=level_word(fee.level.value), amount=amount, state=state
    )
