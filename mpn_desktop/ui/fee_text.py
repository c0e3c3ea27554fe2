"""The fee as the status panel and the Fee tab say it: the domain's sentences, locale figures."""

from __future__ import annotations

from typing import TYPE_CHECKING

from mpn_desktop.lazy_modules import LazyModule
from mpn_desktop.ui import locale_text

if TYPE_CHECKING:
    from mpn_desktop.domain import fee_text
    from mpn_desktop.domain.progress import FeeStatus
else:
    # Imported by the fill's worker, not on the GUI thread when the status panel first says it.
    fee_text = LazyModule("mpn_desktop.domain.fee_text", after_paint=True)


def _capitalised(sentence: str) -> str:
    # Shown on a line of its own after a label: it starts like a sentence.
    return sentence[:1].upper() + sentence[1:]


def this_year_text(fee: FeeStatus) -> tuple[str, bool]:
    """What was paid for the membership year of the as-of day and what is still owed.

    The flag is True when nothing is owed for it. The period is left out: the
    views show the membership year beside it.
    """
    sentence = fee_text.this_year_sentence(fee, with_period=False, figures=locale_text.figures())
    return _capitalised(sentence), fee_text.this_year_settled(fee)


def renewal_text(fee: FeeStatus) -> tuple[str, bool]:
    """The next renewal: its day, level and the amount in force then; True when paid."""
    sentence = fee_text.renewal_sentence(fee, figures=locale_text.figures())
    return _capitalised(sentence), fee_text.renewal_settled(fee)
