"""What a usage import says about the months it brings only some services of.

A usage import replaces the months of its subscriptions with the file's rows.
A file holding only some lines of those months (lines an import skipped, then
corrected; lines copied out of an export) would replace the months' other
services by nothing. The check lists each such month as a user acts on it (what
is there now, what the file brings), and the import waits for a choice:
the file's lines added to the months, or the months replaced by the file.
The command line's options and the window's question say the same.
"""

from __future__ import annotations

from collections.abc import Sequence

from mpn_desktop.domain.dates import Month
from mpn_desktop.domain.vocabulary import _, ngettext
from mpn_desktop.domain.wording import figure, money, month_and_year, number
from mpn_desktop.store.usage_writing import MonthsChoice, UsageOverlap

LISTED = 10
"""Months named one by one; the others are counted."""

ADD_OPTION = "--add-to-months"
"""``import-usage``'s option for ``MonthsChoice.ADD``."""
REPLACE_OPTION = "--replace-months"
"""``import-usage``'s option for ``MonthsChoice.REPLACE``."""


def overlap_line(overlap: UsageOverlap) -> str:
    """``Contoso Ltd, subscription 1a2b…, 2026-02: 3 services, US$ 141.74 now; this file
    brings 1 service, US$ 5.85; added: US$ 147.59, replaced: US$ 5.85`` (what the month
    holds after each choice)."""
    month = Month(overlap.month.year, overlap.month.month)
    if overlap.services_brought:
        brings = _("this file brings {services}, {amount}").format(
            services=figure(overlap.services_brought, "services"),
            amount=money(overlap.amount_brought, 2),
        )
    else:
        brings = _("this file brings nothing for it")
    # What the month holds after each choice: to compare with the invoice or the export.
    if overlap.skipped_by:
        said = _(
            "{customer}, subscription {subscription}, {month}: {services}, {amount} now, "
            "kept by the import of {file}, which skipped lines with errors; {brings}; "
            "added: {added}, replaced: {replaced}"
        )
    else:
        said = _(
            "{customer}, subscription {subscription}, {month}: {services}, {amount} now; "
            "{brings}; added: {added}, replaced: {replaced}"
        )
    return said.format(
        customer=overlap.customer,
        subscription=overlap.subscription,
        month=month_and_year(month),
        services=figure(overlap.services_now, "services"),
        amount=money(overlap.amount_now, 2),
        file=overlap.skipped_by,
        brings=brings,
        added=money(overlap.amount_if_added, 2),
        replaced=money(overlap.amount_if_replaced, 2),
    )


def overlap_lines(overlaps: Sequence[UsageOverlap]) -> list[str]:
    """The first ``LISTED`` months, one a line, then how many more."""
    lines = [overlap_line(overlap) for overlap in overlaps[:LISTED]]
    more = len(overlaps) - LISTED
    if more > 0:
        lines.append(
            ngettext("... and {count} more month", "... and {count} more months", more).format(
                count=number(more)
            )
        )
    return lines


def overlap_groups(overlaps: Sequence[UsageOverlap]) -> list[tuple[str, list[str]]]:
    """The months as a user reads them: a heading and its months' lines, first the months
    the file brings only some services of, then those it changes that an import of another
    file kept with lines skipped."""
    partial = [overlap for overlap in overlaps if overlap.services_left_out]
    skipped = [overlap for overlap in overlaps if not overlap.services_left_out]
    groups = []
    if partial:
        heading = ngettext(
            "This file brings only some of the services of {count} month the database holds:",
            "This file brings only some of the services of {count} months the database holds:",
            len(partial),
        )
        groups.append((heading.format(count=number(len(partial))), overlap_lines(partial)))
    if skipped:
        heading = ngettext(
            "This file changes {count} month that the import of another file kept with lines "
            "skipped (this file may hold those lines, corrected):",
            "This file changes {count} months that the import of another file kept with lines "
            "skipped (this file may hold those lines, corrected):",
            len(skipped),
        )
        groups.append((heading.format(count=number(len(skipped))), overlap_lines(skipped)))
    return groups


def months_refusal(path_name: str, overlaps: Sequence[UsageOverlap]) -> str:
    """The command line's refusal without a choice: the months, then the two options."""
    lines = []
    for heading, months in overlap_groups(overlaps):
        lines.append(f"{path_name}: {heading}")
        lines.extend(f"  {line}" for line in months)
    lines.append(
        _(
            "Nothing was imported. If the file holds corrected or missing lines of these "
            "months, import it with {add}: its lines are added to the months, which keep "
            "their other services. If it is a newer export of the whole months, import it "
            "with {replace}: the months become the file's."
        ).format(add=ADD_OPTION, replace=REPLACE_OPTION)
    )
    return "\n".join(lines)


def months_note(overlaps: Sequence[UsageOverlap], choice: MonthsChoice, summed: int) -> str:
    """What an import did with the months it brings only some services of ("" for none)."""
    if not overlaps:
        return ""
    months = figure(len(overlaps), "months")
    if choice is MonthsChoice.ADD:
        return _(
            "The file's lines added to {months}: their other services kept; {rows} of the "
            "file added to the figures of the same service."
        ).format(months=months, rows=figure(summed, "usage rows"))
    left = sum(overlap.services_left_out for overlap in overlaps)
    if not left:
        return _("{months} replaced by the file's lines (a newer export).").format(months=months)
    return _(
        "{months} replaced whole by the file's lines (a newer export): {services} the file "
        "does not bring removed from them."
    ).format(months=months, services=figure(left, "services"))
