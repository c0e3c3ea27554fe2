"""The questions validation asks the requirements catalogue, answered from a loaded Catalog."""

from __future__ import annotations

from collections.abc import Sequence

from mpn_desktop.domain.catalog import Catalog, Credential, normalize_code
from mpn_desktop.domain.enums import CredentialKind


class CatalogLookup:
    """Exam codes, kinds and titles of a ``domain.catalog.Catalog`` (see validation.ExamCatalog).

    ``catalog`` None stands for an empty catalogue: every code is then unknown.
    Codes are normalised by the catalogue's one rule (``normalize_code``), the
    same the Exams tab uses.
    """

    def __init__(self, catalog: Catalog | None) -> None:
        self._catalog = catalog

    def normalize_code(self, text: str) -> str:
        """The code as the catalogue writes it when it knows it, else in capitals without spaces."""
        credential = self._credential(text)
        return credential.code if credential is not None else normalize_code(text)

    def kind_of(self, code: str) -> CredentialKind | None:
        """The kind of a code the catalogue knows; None for an unknown code."""
        credential = self._credential(code)
        return None if credential is None else credential.kind

    def codes_for_title(self, title: str) -> Sequence[str]:
        """The codes of the credentials called ``title``."""
        if self._catalog is None:
            return []
        found = self._catalog.find_credentials_by_title(title)
        return sorted({credential.code for credential in found})

    def _credential(self, code: str) -> Credential | None:
        if self._catalog is None or not code.strip():
            return None
        return self._catalog.credential(code)
