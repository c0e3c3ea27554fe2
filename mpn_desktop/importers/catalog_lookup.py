"""The questions validation asks the requirements catalogue, answered from a loaded Catalog
(and the exams the Solutions Partner catalogues' certifications are earned with)."""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from functools import cache

from mpn_desktop.domain.catalog import Catalog, Credential, normalize_code
from mpn_desktop.domain.designation_exams import (
    designation_certification_codes,
    designation_exam_codes,
)
from mpn_desktop.domain.designations import ScoredCatalog
from mpn_desktop.domain.enums import CredentialKind

_CODE_IN_TITLE = re.compile(r"(?<![\w-])(?:[A-Za-z]{1,3}\d?|\d{2})-\d{3}[A-Za-z]?(?![\w-])")
"""What an exam code looks like inside a title: AZ-104, MB2-717, 70-533 (a word of its own)."""

_CERTIFIED = re.compile(r"^\s*Microsoft Certified\s*:\s*", re.IGNORECASE)
"""How Microsoft Learn begins a certification's title, before the name catalogues give it."""


def looks_like_exam_code(text: str) -> bool:
    """Whether ``text`` is written as an exam code is (AZ-104, 70-533), not as an id (100234)."""
    return _CODE_IN_TITLE.fullmatch(normalize_code(text)) is not None


class CatalogLookup:
    """Exam codes, kinds and titles of a ``domain.catalog.Catalog`` (see validation.ExamCatalog).

    ``catalog`` None stands for an empty catalogue: every code is then unknown.
    Codes are normalised by the catalogue's one rule (``normalize_code``), the
    same the Exams tab uses. ``designation_exams`` gives the exam codes of the
    Solutions Partner certifications (``domain.designation_exams.designation_exam_codes``),
    asked for the first code the 2017-2018 catalogue does not know: such an exam counts
    toward a designation, not toward nothing. ``designation_certifications`` likewise gives
    the certifications themselves as codes (``designation_certification_codes``): a record of
    "Azure Administrator Associate" counts too.
    """

    def __init__(
        self,
        catalog: Catalog | None,
        designation_exams: Callable[[], Collection[str]] | None = None,
        designation_certifications: Callable[[], Mapping[str, str]] | None = None,
    ) -> None:
        self._catalog = catalog
        self._designation_exams = designation_exams
        self._designation_codes: Collection[str] | None = None
        self._designation_certifications = designation_certifications
        self._certification_codes: Mapping[str, str] | None = None

    @classmethod
    def with_designations(
        cls, catalog: Catalog | None, scored: Callable[[], Iterable[ScoredCatalog]]
    ) -> CatalogLookup:
        """A lookup that knows the exams and certifications of the Solutions Partner
        catalogues ``scored`` gives too (asked for once, when a code first needs them)."""

        @cache
        def catalogs() -> tuple[ScoredCatalog, ...]:
            return tuple(scored())

        return cls(
            catalog,
            lambda: designation_exam_codes(catalogs()),
            lambda: designation_certification_codes(catalogs()),
        )

    def normalize_code(self, text: str) -> str:
        """The code as the catalogue writes it when it knows it, else in capitals without spaces."""
        credential = self._credential(text)
        if credential is not None:
            return credential.code
        return self._certification_code(text) or normalize_code(text)

    def kind_of(self, code: str) -> CredentialKind | None:
        """The kind of a code the catalogue knows; None for an unknown code."""
        credential = self._credential(code)
        if credential is not None:
            return credential.kind
        if not code.strip():
            return None
        if self._designation_exams is not None:
            if self._designation_codes is None:
                self._designation_codes = self._designation_exams()
            if normalize_code(code) in self._designation_codes:
                return CredentialKind.EXAM
        if self._certification_code(code) is not None:
            return CredentialKind.CERTIFICATION
        return None

    def _certification_code(self, text: str) -> str | None:
        """The code a designation certification named ``text`` is kept under; None for
        anything else."""
        if self._designation_certifications is None or not text.strip():
            return None
        if self._certification_codes is None:
            self._certification_codes = self._designation_certifications()
        return self._certification_codes.get(normalize_code(text))

    def codes_for_title(self, title: str) -> Sequence[str]:
        """The codes of the credentials called ``title``; failing that, the known codes the
        title names ("AZ-305: Designing Microsoft Azure Infrastructure Solutions").

        Partner Center's training download has no code column, and today's titles are
        Microsoft Learn's, which no catalogue lists: the code in them is what identifies the
        exam. A code no catalogue knows is never taken from a title (it may be anything).
        """
        if self._catalog is None:
            return []
        found = self._catalog.find_credentials_by_title(title)
        if found:
            return sorted({credential.code for credential in found})
        certification = self._certification_code(_CERTIFIED.sub("", title))
        if certification is not None:
            return [certification]  # "Microsoft Certified: Azure Administrator Associate"
        named = (self.normalize_code(code) for code in _CODE_IN_TITLE.findall(title))
        return sorted({code for code in named if self.kind_of(code) is not None})

    def _credential(self, code: str) -> Credential | None:
        if self._catalog is None or not code.strip():
            return None
        return self._catalog.credential(code)
