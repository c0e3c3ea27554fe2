"""The fee in two sentences: this membership year (paid, or what is still owed) and the renewal.

One wording for every view: ``status``, the checklist, the status panel and
the Fee tab (the window passes its locale's separators and leaves out the
period, which it shows beside them).
"""

from __future__ import annotations

from mpn_desktop.domain.progress import FeeStatus
from mpn_desktop.domain.vocabulary import _
from mpn_desktop.domain.wording import Figures, day, level_word, money


def this_year_sentence(
    fee: FeeStatus, *, with_period: bool = True, figures: Figures | None = None
) -> str:
    """ "2017-07-01 to 2018-06-30: silver paid (US$ 1,530); the gold fee of US$ 3,940 is owed"."""
    year = fee.current_year
    if year is None:
        return _("enter the membership anniversary to see the fee")
    if year.level_paid is not None:
        paid = _("{level} paid ({amount})").format(
            level=level_word(year.level_paid.value),
            amount=money(year.amount_paid_usd, figures=figures),
        )
    else:
        paid = _("nothing paid")
    if fee.level is None:
        sentence = _("{paid}; nothing owed while no competency is aimed for").format(paid=paid)
    elif year.owed_usd == 0:
        sentence = paid
    else:
        level = level_word(fee.level.value)
        owed = (
            _("the {level} fee of {amount}").format(
                level=level, amount=money(year.owed_usd, figures=figures)
            )
            if year.owed_usd is not None
            else _("the {level} fee (amount not known for that year)").format(level=level)
        )
        sentence = _("{paid}; {owed} is still owed").format(paid=paid, owed=owed)
    if not with_period:
        return sentence
    period = _("{start} to {end}").format(start=day(year.start), end=day(year.end))
    return _("{period}: {sentence}").format(period=period, sentence=sentence)


def this_year_settled(fee: FeeStatus) -> bool:
    """True when nothing is owed for the membership year of the as-of day."""
    year = fee.current_year
    return year is not None and (fee.level is None or year.owed_usd == 0)


def renewal_sentence(fee: FeeStatus, *, figures: Figures | None = None) -> str:
    """ "2018-07-01, gold, US$ 4,730 (the fee in force then): not paid yet"."""
    if fee.due_on is None:
        return _("enter the membership anniversary to see the renewal")
    if fee.level is None:
        return _("{day}: nothing to pay while no competency is aimed for").format(
            day=day(fee.due_on)
        )
    amount = (
        money(fee.amount_usd, figures=figures)
        if fee.amount_usd is not None
        else _("amount not known")
    )
    state = _("paid") if fee.paid else _("not paid yet")
    return _("{day}, {level}, {amount} (the fee in force then): {state}").format(
        day=day(fee.due_on), level=level_word(fee.level.value), amount=amount, state=state
    )


def renewal_settled(fee: FeeStatus) -> bool:
    """True when the next renewal is paid (or nothing is aimed for)."""
    return fee.due_on is not None and (fee.level is None or fee.paid)
