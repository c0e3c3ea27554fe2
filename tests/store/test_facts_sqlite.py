"""The facts of a SQLite file read with the sqlite3 driver equal the facts loader's, one by one.

``status`` and ``checklist`` read a plain SQLite file this way, without
importing SQLAlchemy; every column must come back as SQLAlchemy's SQLite
types convert it (days, money with two decimals, enums, flags, months).
"""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from collections.abc import Callable
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from mpn_desktop.domain import facts
from mpn_desktop.domain.dates import Month
from mpn_desktop.domain.enums import (
    Association,
    CredentialKind,
    Level,
    Market,
    ReferenceStatus,
    Workload,
)
from mpn_desktop.store import facts_sqlite
from mpn_desktop.store.database import Database
from mpn_desktop.store.documents import document_from_facts, load_document
from mpn_desktop.store.facts_loader import load_facts, load_indexed_facts
from mpn_desktop.store.facts_sqlite import (
    facts_of_file,
    indexed_facts_of_file,
    read_facts,
    read_indexed_facts,
)

pytestmark = pytest.mark.sqlite_only

_ODD_ORGANIZATION = facts.Facts(
    organization=facts.Organization(
        "Odd Values GmbH", "1234567", Market.DEVELOPING, anniversary=date(2018, 2, 28)
    ),
    targets=(facts.Target("cloud-platform", Level.SILVER),),
    customers=(facts.Customer("Ä Customer", "tenant-1"), facts.Customer("No Tenant")),
    subscriptions=(
        facts.Subscription(
            "sub-1",
            "Ä Customer",
            Workload.AZURE,
            Association.DPOR,
            date(2017, 1, 15),
            date(2017, 1, 15),
            ended_on=date(2018, 1, 31),
            trial=True,
        ),
        facts.Subscription(
            "sub-2",
            "No Tenant",
            Workload.OFFICE365,
            Association.TRANSACTING,
            date(2017, 3, 1),
            date(2017, 3, 1),
        ),
    ),
    usage=(
        facts.Usage("sub-1", Month(2017, 1), Decimal("1250.50"), Decimal("0.01"), 3),
        facts.Usage("sub-1", Month(2017, 2), Decimal("0"), Decimal("99999.99"), 0),
        facts.Usage("sub-2", Month(2018, 2), Decimal("0.10"), Decimal("7"), 12),
    ),
    people=(
        facts.Person("Ana Ruiz", "1234567", "ana@example.com"),
        facts.Person("", "7654321", associated=False, left_on=date(2018, 1, 2)),
    ),
    exams=(
        facts.ExamResult("1234567", "70-533", date(2017, 11, 2), "Implementing Azure"),
        facts.ExamResult("7654321", "AZ-104", date(2018, 1, 1), kind=CredentialKind.CERTIFICATION),
    ),
    references=(
        facts.Reference(
            "Ä Customer",
            "cloud-platform",
            ReferenceStatus.APPROVED,
            date(2017, 8, 1),
            date(2017, 9, 1),
            "Eve, line one\nline two",
        ),
        facts.Reference("No Tenant", "cloud-productivity", ReferenceStatus.DRAFT),
    ),
    fee_payments=(
        facts.FeePayment(date(2017, 6, 30), Level.GOLD, Decimal("3940"), date(2017, 6, 20)),
        facts.FeePayment(date(2018, 6, 30), Level.SILVER, Decimal("1530.25")),
    ),
)


@pytest.fixture
def odd_db(db_path: Path) -> Database:
    db = Database.open(f"sqlite:///{db_path}")
    load_document(db, document_from_facts(_ODD_ORGANIZATION))
    return db


@pytest.mark.parametrize("usage_from", [None, Month(2017, 2), Month(2030, 1)])
@pytest.mark.parametrize(
    ("read_file", "load"),
    [(facts_of_file, load_facts), (indexed_facts_of_file, load_indexed_facts)],
    # The ids and maps: the window's first evaluation; one-row updates later work from them.
    ids=["facts", "ids-and-maps"],
)
def test_the_driver_reads_what_the_facts_loader_reads(
    odd_db: Database,
    demo_db: Database,
    usage_from: Month | None,
    read_file: Callable[..., object],
    load: Callable[..., object],
) -> None:
    for db in (odd_db, demo_db):
        assert db.path is not None
        read = read_file(db.path, usage_from=usage_from)
        loaded = load(db, usage_from=usage_from)
        assert read == loaded
        # Equal Decimals may differ in their digits (1250.5, 1250.50): the output would.
        assert repr(read) == repr(loaded)
        db.close()


def test_read_indexed_facts_takes_the_driver_only_before_the_engine_is_made(
    odd_db: Database, db_path: Path
) -> None:
    odd_db.close()
    with Database.open(f"sqlite:///{db_path}", engine_later=True) as later:
        assert read_indexed_facts(later).facts == _ODD_ORGANIZATION
        assert not later.has_engine
        later.engine  # noqa: B018 (a first write makes it)
        assert read_indexed_facts(later).facts == _ODD_ORGANIZATION


def test_read_indexed_facts_leaves_what_the_driver_refuses_to_the_store(
    odd_db: Database, db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    odd_db.close()

    def refused(_path: Path, **_options: object) -> None:
        raise sqlite3.OperationalError("disk I/O error")

    monkeypatch.setattr(facts_sqlite, "indexed_facts_of_file", refused)
    with Database.open(f"sqlite:///{db_path}", engine_later=True) as later:
        assert read_indexed_facts(later).facts == _ODD_ORGANIZATION
        assert later.has_engine  # read the store's way, which reports its own errors


def test_an_empty_database_gives_the_empty_organisation(db: Database) -> None:
    assert db.path is not None
    assert facts_of_file(db.path) == load_facts(db)


def test_read_facts_takes_the_driver_only_before_the_engine_is_made(
    odd_db: Database, db_path: Path
) -> None:
    odd_db.close()
    with Database.open(f"sqlite:///{db_path}", engine_later=True) as later:
        assert read_facts(later) == _ODD_ORGANIZATION
        assert not later.has_engine
    with sqlite3.connect(db_path) as connection:
        connection.execute("UPDATE customers SET name = 'Renamed' WHERE name = 'No Tenant'")
    with Database.open(f"sqlite:///{db_path}") as made:
        assert made.has_engine
        assert read_facts(made).customers[1].name == "Renamed"


def test_status_and_checklist_run_without_sqlalchemy(odd_db: Database, tmp_path: Path) -> None:
    odd_db.close()
    script = (
        "import sys\n"
        "from mpn_desktop.cli import main\n"
        "code = main(sys.argv[1:])\n"
        "print('exit', code, 'sqlalchemy' in sys.modules)\n"
    )
    for command in (
        ["status", "--as-of", "2018-03-01"],
        ["checklist", "--as-of", "2018-03-01", "--pdf", str(tmp_path / "c.pdf")],
    ):
        done = subprocess.run(
            [sys.executable, "-c", script, "--db", str(odd_db.path), *command],
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
            env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        )
        assert done.stdout.splitlines()[-1] == "exit 0 False", done.stderr
