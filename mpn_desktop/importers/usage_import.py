"""The usage import kind: customers, subscriptions and monthly usage from Partner Center files.

``plan_usage_import`` settles how a file is read (which Partner Center file
it is, its columns, dates and decimal marks); ``UsageImport`` is the kind
``importing.run_import`` runs, with the rates the user gave for currencies.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date
from decimal import Decimal, InvalidOperation
from pathlib import Path

from mpn_desktop.domain.vocabulary import _
from mpn_desktop.importers.columns import ColumnMapping, FieldSet
from mpn_desktop.importers.dates import DateOrder
from mpn_desktop.importers.kinds import Sink, Validator
from mpn_desktop.importers.planning import ImportPlan, plan_import
from mpn_desktop.importers.reading import OptionError
from mpn_desktop.importers.usage_fields import (
    INSIGHTS_LICENCES,
    LICENSE_RECON,
    NEW_COMMERCE,
    recognise,
)
from mpn_desktop.importers.usage_sums import UsageSums
from mpn_desktop.importers.usage_validation import UsageValidator
from mpn_desktop.store.import_transaction import USAGE, ImportTransaction
from mpn_desktop.store.usage_writing import MonthsChoice

_COUNTS_AT_END = frozenset({INSIGHTS_LICENCES, LICENSE_RECON, NEW_COMMERCE})
"""Files whose seats and users are a month's count (at its end, or of its busiest
workload), not a sum of lines: lines added to a stored month keep the larger count."""


def parse_rates(texts: Sequence[str]) -> dict[str, Decimal]:
    """``--usd-rate EUR=1.18`` (one euro is US$ 1.18), several; a wrong one is an OptionError."""
    rates: dict[str, Decimal] = {}
    for text in texts:
        currency, sep, value = text.partition("=")
        currency = currency.strip().upper()
        if not sep or not currency.isalpha() or len(currency) != 3:
            raise OptionError(
                _("--usd-rate: {text} is not CUR=RATE (e.g. EUR=1.18)").format(text=repr(text))
            )
        try:
            rate = Decimal(value.strip().replace(",", "."))
        except InvalidOperation:
            rate = Decimal(0)
        if not rate.is_finite() or rate <= 0:
            raise OptionError(
                _("--usd-rate: {text} is not a rate above 0 (e.g. 1.18)").format(
                    text=repr(value.strip())
                )
            )
        rates[currency] = rate
    return rates


class UsageImport:
    """Usage: rows summed per subscription, month and service; subscriptions matched or made.

    ``months``: what to do with a month of which the file brings only some services
    (``usage_writing.MonthsChoice``); None refuses such a file once it is checked.
    """

    name = USAGE
    plural = "usage lines"
    # A reconciliation file's lines (a day, a meter, 40-odd columns) are added up into
    # one row per subscription, month and service: a small share of the file is written.
    written_share = 0.04

    def __init__(
        self,
        fields: FieldSet,
        rates: Mapping[str, Decimal] | None = None,
        known_subscriptions: frozenset[str] = frozenset(),
        months: MonthsChoice | None = None,
    ) -> None:
        self._fields = fields
        self._rates = dict(rates or {})
        self._known = known_subscriptions
        self._months = months
        self.source = fields.source

    @property
    def fields(self) -> FieldSet:
        return self._fields

    def validator(
        self,
        mapping: ColumnMapping,
        order: DateOrder | None,
        today: date,
        decimal_marks: Mapping[int, str],
    ) -> Validator:
        return UsageValidator(mapping, order, decimal_marks, self._rates, self._known)

    def sink(self, transaction: ImportTransaction) -> Sink:
        writer = transaction.usage(self._months, counts_summed=self.source not in _COUNTS_AT_END)
        return UsageSums(self.source, writer)


def plan_usage_import(
    path: Path,
    *,
    encoding: str | None = None,
    delimiter: str | None = None,
    overrides: Sequence[str] = (),
    date_format: str | None = None,
    header_line: int | None = None,
) -> ImportPlan:
    """How to read a usage file: recognised by its header names, then as ``plan_import``."""
    return plan_import(
        path,
        encoding=encoding,
        delimiter=delimiter,
        overrides=overrides,
        date_format=date_format,
        fields=recognise,
        header_line=header_line,
    )
