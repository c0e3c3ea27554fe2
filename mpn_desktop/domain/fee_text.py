"""The fee in two sentences: this membership year (paid, or what is still owed) and the renewal."""

from __future__ import annotations

from mpn_desktop.domain.progress import FeeStatus
from mpn_desktop.domain.wording import money


def this_year_sentence(fee: FeeStatus) -> str:
    """ "2017-07-01 to 2018-06-30: silver paid (US$ 1,530); the gold fee of US$ 3,940 is owed"."""
    year = fee.current_year
    if year is None:
        return "enter the membership anniversary to see the fee"
    period = f"{year.start.isoformat()} to {year.end.isoformat()}"
    if year.level_paid is not None:
        paid = f"{year.level_paid.value} paid ({money(year.amount_paid_usd)})"
    else:
        paid = "nothing paid"
    if fee.level is None:
        return f"{period}: {paid}; nothing owed while no competency is aimed for"
    if year.owed_usd == 0:
        return f"{period}: {paid}"
    owed = (
        f"the {fee.level.value} fee of {money(year.owed_usd)}"
        if year.owed_usd is not None
        else f"the {fee.level.value} fee (amount not known for that year)"
    )
    return f"{period}: {paid}; {owed} is still owed"


def renewal_sentence(fee: FeeStatus) -> str:
    """ "2018-07-01, gold, US$ 4,730 (the fee in force then): not paid yet"."""
    if fee.due_on is None:
        return "enter the membership anniversary to see the renewal"
    if fee.level is None:
        return f"{fee.due_on.isoformat()}: nothing to pay while no competency is aimed for"
    amount = money(fee.amount_usd) if fee.amount_usd is not None else "amount not known"
    state = "paid" if fee.paid else "not paid yet"
    return f"{fee.due_on.isoformat()}, {fee.level.value}, {amount} (the fee in force then): {state}"
