"""The questions validation asks the requirements catalogue, answered from a loaded Catalog."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from mpn_desktop.domain.enums import CredentialKind

_EXAM_PREFIX = re.compile(r"^exam\s*[:#]?\s*", re.IGNORECASE)


def normalize_code_text(text: str) -> str:
    """A code without case, spaces or a leading "Exam " (``exam 70 - 533`` -> ``70-533``)."""
    return "".join(_EXAM_PREFIX.sub("", text.strip()).split()).upper()


class CatalogLookup:
    """Exam codes, kinds and titles of a ``domain.catalog.Catalog`` (see validation.ExamCatalog).

    ``catalog`` None stands for an empty catalogue: every code is then unknown.
    """

    def __init__(self, catalog: Any | None) -> None:
        self._catalog = catalog
        self._normalize = getattr(catalog, "normalize_exam_code", normalize_code_text)

    def normalize_code(self, text: str) -> str:
        """The code as the catalogue writes it when it knows it, else in capitals without spaces."""
        code = str(self._normalize(text)).strip()
        credential = self._credential(code)
        return str(credential.code) if credential is not None else code

    def kind_of(self, code: str) -> CredentialKind | None:
        """The kind of a code the catalogue knows; None for an unknown code."""
        credential = self._credential(code)
        if credential is None:
            return None
        return CredentialKind(getattr(credential.kind, "value", credential.kind))

    def codes_for_title(self, title: str) -> Sequence[str]:
        """The codes of the credentials called ``title``."""
        if self._catalog is None:
            return []
        found = self._catalog.find_credentials_by_title(title)
        return sorted({str(credential.code) for credential in found})

    def _credential(self, code: str) -> Any | None:
        if self._catalog is None or not code:
            return None
        return self._catalog.credential(code)
