"""Helpers of the importer tests: fixture files, a small catalogue, an import as the CLI does it."""

from __future__ import annotations

import csv
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from sqlalchemy import select

from mpn_desktop.domain.catalog import normalize_code
from mpn_desktop.domain.enums import CredentialKind
from mpn_desktop.importers.catalog_lookup import CatalogLookup
from mpn_desktop.importers.importing import ImportResult, run_import
from mpn_desktop.importers.kinds import ExamImport
from mpn_desktop.importers.planning import plan_import
from mpn_desktop.store import models
from mpn_desktop.store.database import Database

FIXTURES = Path(__file__).parent / "fixtures"
TODAY = date(2018, 3, 1)
HEADER = ["MCP ID", "Full Name", "Exam Code", "Exam Title", "Date Passed", "Kind"]


def stored_exams(db: Database) -> set[tuple[str, str, str, date, CredentialKind]]:
    """The exam records stored: MCP ID, name, code, day passed and kind of each."""
    with db.session(readonly=True) as session:
        rows = session.execute(
            select(
                models.Person.mcp_id,
                models.Person.name,
                models.ExamResult.exam_code,
                models.ExamResult.passed_on,
                models.ExamResult.kind,
            ).join(models.ExamResult.person)
        )
        return {tuple(row) for row in rows}  # type: ignore[misc]


def write_csv(path: Path, rows: list[list[str]], header: list[str] = HEADER) -> Path:
    """``rows`` under ``header`` as a CSV file at ``path``."""
    with path.open("w", newline="", encoding="utf-8") as stream:
        writer = csv.writer(stream)
        writer.writerow(header)
        writer.writerows(rows)
    return path


def many_people(count: int = 9000) -> list[list[str]]:
    """Rows of ``count`` people (MCP IDs from 1000000) with one exam each on one day: enough
    for an import to report progress and to ask whether to cancel more than once."""
    return [[str(1000000 + i), "P", "70-533", "", "2017-01-02", ""] for i in range(count)]


def cancel_at_ask(ask: int) -> Callable[[], bool]:
    """An import's ``cancel``: no until it is asked the ``ask``th time."""
    asked: list[bool] = []

    def cancel() -> bool:
        asked.append(True)
        return len(asked) >= ask

    return cancel


@dataclass(frozen=True)
class Credential:
    """A catalogue credential as the importer reads it."""

    code: str
    title: str
    kind: CredentialKind


class SmallCatalog:
    """A few credentials of the seed, shaped like domain.catalog.Catalog for the importer."""

    def __init__(self) -> None:
        items = [
            Credential(
                "70-533",
                "Implementing Microsoft Azure Infrastructure Solutions",
                CredentialKind.EXAM,
            ),
            Credential("70-532", "Developing Microsoft Azure Solutions", CredentialKind.EXAM),
            Credential("70-534", "Architecting Microsoft Azure Solutions", CredentialKind.EXAM),
            Credential("70-535", "Architecting Microsoft Azure Solutions", CredentialKind.EXAM),
            Credential("70-346", "Managing Office 365 Identities", CredentialKind.EXAM),
            Credential(
                "TA-CLOUD-PLATFORM",
                "Cloud Platform Technical Assessment",
                CredentialKind.ASSESSMENT,
            ),
            Credential("MCSA-LINUX-AZURE", "MCSA: Linux on Azure", CredentialKind.CERTIFICATION),
        ]
        self.credentials = tuple(items)
        self._by_code = {item.code: item for item in items}

    def credential(self, code: str) -> Credential | None:
        return self._by_code.get(normalize_code(code))

    def find_credentials_by_title(self, title: str) -> list[Credential]:
        wanted = " ".join(title.split()).casefold()
        return [c for c in self.credentials if " ".join(c.title.split()).casefold() == wanted]


def import_file(
    db: Database,
    catalog: CatalogLookup,
    path: Path,
    *,
    dry_run: bool = False,
    date_format: str | None = None,
    overrides: tuple[str, ...] = (),
) -> ImportResult:
    """Plans and runs an import as the command line does, on TODAY."""
    plan = plan_import(path, date_format=date_format, overrides=overrides)
    return run_import(db, ExamImport(catalog), path, plan.settings, dry_run=dry_run, today=TODAY)
