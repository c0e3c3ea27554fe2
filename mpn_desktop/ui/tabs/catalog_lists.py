"""What the tabs offer from the requirements catalogue: credential codes and titles, competencies.

The one place the tabs read the catalogue, so its shape is known here only.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from mpn_desktop.domain.catalog import Catalog, normalize_code
from mpn_desktop.domain.designation_exams import designation_exam_codes
from mpn_desktop.domain.designations import ScoredCatalog
from mpn_desktop.domain.enums import CredentialKind, Level


@dataclass(frozen=True)
class CredentialChoice:
    """An exam, assessment or certification the catalogue knows."""

    code: str
    title: str
    kind: CredentialKind


def credentials(catalog: Catalog) -> list[CredentialChoice]:
    """Every credential of the catalogue, by code."""
    found = [CredentialChoice(item.code, item.title, item.kind) for item in catalog.credentials]
    return sorted(found, key=lambda item: item.code)


def credential_completions(catalog: Catalog) -> list[str]:
    """The codes offered while typing an exam code."""
    return [item.code for item in credentials(catalog)]


def exam_completions(catalog: Catalog, scored: ScoredCatalog | None) -> list[str]:
    """The codes offered while typing an exam code: the competencies' credentials, and on a day
    under the Solutions Partner program the exams its certifications are earned with."""
    codes = set(credential_completions(catalog))
    if scored is not None:
        codes.update(designation_exam_codes((scored,)))
    return sorted(codes)


def find_credential(catalog: Catalog, code: str) -> CredentialChoice | None:
    """The catalogue's credential with that code, as the importer finds it.

    Case, spaces and a leading "Exam", "Exam:" or "Exam #" are ignored
    (``domain.catalog.normalize_code``), so 'Exam: 70-533' is 70-533 here too.
    """
    item = catalog.credential(code)
    return None if item is None else CredentialChoice(item.code, item.title, item.kind)


def find_exam(
    catalog: Catalog, designation_titles: Mapping[str, str], code: str
) -> CredentialChoice | None:
    """The credential with that code: the 2017-2018 catalogue's, else an exam of the
    Solutions Partner catalogues (``designation_exams.designation_exam_titles``: AZ-104,
    MS-700, SC-200 ...) with the title they give it, "" where they give none."""
    known = find_credential(catalog, code)
    if known is not None or not code.strip():
        return known
    normal = normalize_code(code)
    title = designation_titles.get(normal)
    return None if title is None else CredentialChoice(normal, title, CredentialKind.EXAM)


def competency_choices(
    catalog: Catalog, *, include_retired: bool = False
) -> list[tuple[object, str]]:
    """(id, name) of the catalogue's competencies, the retired ones only when asked."""
    return [
        (item.id, item.name) for item in catalog.competencies if include_retired or not item.retired
    ]


def fee_due(catalog: Catalog, level: Level, on: date) -> Decimal | None:
    """The fee at that level in force on that day, from the catalogue's schedule."""
    return catalog.fee_due(level, on)


def reference_years(catalog: Catalog, competency_id: str) -> int | None:
    """How many years an approved reference counts for that competency (None: not known)."""
    item = next((item for item in catalog.competencies if item.id == competency_id), None)
    rule = item.references if item is not None else None
    return rule.valid_years if rule is not None else None
