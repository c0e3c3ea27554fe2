"""A certification a catalogue lists, in words: its exams and the days it is on the list and
counts. Help > Requirements and the ``catalog`` command say it with these same words."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from mpn_desktop.domain.designations import Listed, ScoredCatalog
from mpn_desktop.domain.vocabulary import _
from mpn_desktop.domain.wording import day


def certification_said(
    catalog: ScoredCatalog, entry: Listed, day_text: Callable[[date], str] = day
) -> tuple[str, list[str]] | None:
    """The certification's name and what is said of it ("AZ-104", "counts until
    2024-07-31", ...), days written by ``day_text``; None when the catalogue does not
    describe it (only its id is known)."""
    cert = catalog.certifications.get(entry.certification)
    if cert is None:
        return None
    said = [_(" or ").join(" + ".join(way) for way in cert.exams if way)] if cert.exams else []
    if entry.listed_from is not None:
        said.append(_("on the list from {day}").format(day=day_text(entry.listed_from)))
    if entry.listed_until is not None:
        said.append(_("on the list until {day}").format(day=day_text(entry.listed_until)))
    if cert.eligible_from is not None:
        said.append(_("counts from {day}").format(day=day_text(cert.eligible_from)))
    if cert.eligible_until is not None:
        said.append(_("counts until {day}").format(day=day_text(cert.eligible_until)))
    return cert.name, said
