"""Migrations: every stored schema version upgrades with no row lost, ending at the models."""

from __future__ import annotations

import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import Boolean, CheckConstraint, create_engine, inspect

from mpn_desktop.store import models, records
from mpn_desktop.store.backups import list_backups
from mpn_desktop.store.changes import RecordKind
from mpn_desktop.store.database import Database
from mpn_desktop.store.engine import integrity_check
from mpn_desktop.store.migrate import (
    current_revision,
    head_revision,
    known_revisions,
    script_directory,
)

FIXTURES = Path(__file__).parent / "fixtures"
TABLES = [model.__tablename__ for model in models.ALL_MODELS]


def _tables(connection: sqlite3.Connection) -> list[str]:
    """The tables of the models that this database's revision has."""
    present = {row[0] for row in connection.execute("SELECT name FROM sqlite_master")}
    return [table for table in TABLES if table in present]


def _counts(path: Path) -> dict[str, int]:
    connection = sqlite3.connect(path)
    try:
        return {
            table: connection.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0]
            for table in _tables(connection)
        }
    finally:
        connection.close()


def test_there_is_a_fixture_for_every_schema_version() -> None:
    stored = {path.stem.removeprefix("schema_") for path in FIXTURES.glob("schema_*.db")}
    assert stored == known_revisions()


@pytest.mark.parametrize("revision", sorted(known_revisions()))
def test_a_stored_database_upgrades_with_no_row_lost(revision: str, tmp_path: Path) -> None:
    path = _stored(tmp_path, revision)
    before = _counts(path)
    assert all(before[table] > 0 for table in before), "the fixture should fill every table"

    with Database.open(f"sqlite:///{path}") as db, db.session(readonly=True) as session:
        connection = session.connection()
        version = connection.exec_driver_sql("SELECT version_num FROM alembic_version")
        assert version.scalar() == head_revision()
        ana = connection.exec_driver_sql(
            "SELECT name, mcp_id, associated FROM people WHERE id = 1"
        ).one()
    assert tuple(ana) == ("Ana Ruiz", "1234567", 1)
    after = _counts(path)
    assert {table: after[table] for table in before} == before
    assert set(after) == set(TABLES)
    assert integrity_check(path) == ["ok"]
    if revision != head_revision():
        assert len(list_backups(path)) == 1, "a backup is taken before migrating"


def test_the_first_schema_gains_the_new_columns_with_defaults(tmp_path: Path) -> None:
    path = _stored(tmp_path, "0001")
    with Database.open(f"sqlite:///{path}") as db, db.session(readonly=True) as session:
        connection = session.connection()
        contact = connection.exec_driver_sql("SELECT contact FROM customer_references").scalar()
        batch = connection.exec_driver_sql("SELECT import_batch_id FROM people").all()
        foreign = connection.exec_driver_sql("PRAGMA foreign_key_list(people)").all()
    assert contact == ""
    assert batch == [(None,), (None,)]
    assert any(row[2] == "import_batches" for row in foreign)


def test_migrations_build_exactly_the_schema_of_the_models(db: Database) -> None:
    # On both backends: the template ``db`` is copied from was built by the migrations
    # (on SQLite by their snapshot, which the fresh-schema tests below hold to them).
    with db.engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        assert compare_metadata(context, models.Base.metadata) == []
        inspector = inspect(connection)
        checks = {
            table: sorted(c["name"] for c in inspector.get_check_constraints(table))
            for table in TABLES
        }
        native_boolean = connection.dialect.supports_native_boolean
    expected = {
        model.__tablename__: sorted(
            str(constraint.name)
            for constraint in model.__table__.constraints  # type: ignore[attr-defined]
            if isinstance(constraint, CheckConstraint)
            # A boolean column's CHECK is made only where booleans are integers (SQLite).
            and not (native_boolean and _is_boolean_check(constraint))
        )
        for model in models.ALL_MODELS
    }
    assert checks == expected


def _is_boolean_check(constraint: CheckConstraint) -> bool:
    return any(isinstance(column.type, Boolean) for column in constraint.columns) or (
        str(constraint.name).endswith("_is_boolean")
    )


_Columns = dict[str, list[str]]


def _stored(tmp_path: Path, revision: str) -> Path:
    """A copy in ``tmp_path`` of the stored database of ``revision``."""
    path = tmp_path / "tracker.sqlite3"
    shutil.copy(FIXTURES / f"schema_{revision}.db", path)
    return path


def _rows_of(path: Path) -> tuple[_Columns, dict[str, list[tuple[object, ...]]]]:
    """The database's columns, and its rows of them (read again after an upgrade)."""
    columns = _columns(path)
    return columns, _all_rows(path, columns)


def _columns(path: Path) -> _Columns:
    """Each table's columns in this database (a later revision may add more)."""
    connection = sqlite3.connect(path)
    try:
        return {
            table: [row[1] for row in connection.execute(f'PRAGMA table_info("{table}")')]
            for table in _tables(connection)
        }
    finally:
        connection.close()


def _all_rows(path: Path, columns: _Columns) -> dict[str, list[tuple[object, ...]]]:
    """The rows of ``columns`` (those of the revision the test began with)."""
    connection = sqlite3.connect(path)
    try:
        return {
            table: connection.execute(
                f'SELECT {", ".join(names)} FROM "{table}" ORDER BY id'
            ).fetchall()
            for table, names in columns.items()
        }
    finally:
        connection.close()


def test_the_upgrade_to_0003_keeps_every_row_and_drops_the_person_index(tmp_path: Path) -> None:
    path = _stored(tmp_path, "0002")
    columns, before = _rows_of(path)
    connection = sqlite3.connect(path)
    indexes_before = {row[1] for row in connection.execute("PRAGMA index_list(exam_results)")}
    connection.close()
    assert "ix_exam_results_person_id" in indexes_before

    with Database.open(f"sqlite:///{path}"):
        pass

    assert _all_rows(path, columns) == before
    connection = sqlite3.connect(path)
    try:
        indexes = {row[1] for row in connection.execute("PRAGMA index_list(exam_results)")}
        plan = connection.execute(
            "EXPLAIN QUERY PLAN SELECT id FROM exam_results WHERE person_id = 1"
        ).fetchall()
    finally:
        connection.close()
    # 0010 later turns the unique constraint's automatic index into a named unique index.
    assert indexes == indexes_before - {"ix_exam_results_person_id", _AUTOINDEX} | {_UNIQUE_KEY}
    # Look-ups by person (and the cascade from people) now use the unique key.
    assert f"USING COVERING INDEX {_UNIQUE_KEY} (person_id=?)" in str(plan)
    assert integrity_check(path) == ["ok"]


_AUTOINDEX = "sqlite_autoindex_exam_results_1"
_UNIQUE_KEY = "uq_exam_results_person_id_exam_code_passed_on"


def test_the_upgrade_to_0010_keeps_every_row_and_the_unique_key_as_a_unique_index(
    tmp_path: Path,
) -> None:
    path = _stored(tmp_path, "0009")
    columns, before = _rows_of(path)
    connection = sqlite3.connect(path)
    indexes_before = {row[1] for row in connection.execute("PRAGMA index_list(exam_results)")}
    connection.close()
    assert _AUTOINDEX in indexes_before

    with Database.open(f"sqlite:///{path}"):
        pass

    assert _all_rows(path, columns) == before
    connection = sqlite3.connect(path)
    try:
        unique = {row[1]: row[2] for row in connection.execute("PRAGMA index_list(exam_results)")}
        key = [row[2] for row in connection.execute(f"PRAGMA index_info({_UNIQUE_KEY})")]
        with pytest.raises(sqlite3.IntegrityError, match="UNIQUE constraint failed"):
            connection.execute(
                "INSERT INTO exam_results (person_id, exam_code, exam_title, passed_on, kind)"
                " SELECT person_id, exam_code, 'again', passed_on, kind FROM exam_results"
                " WHERE id = 1"
            )
    finally:
        connection.close()
    assert unique == {"ix_exam_results_import_batch_id": 0, _UNIQUE_KEY: 1}
    assert key == ["person_id", "exam_code", "passed_on"]
    assert integrity_check(path) == ["ok"]


def test_the_upgrade_to_0004_keeps_a_flag_another_tool_wrote_as_it_was_read(
    tmp_path: Path,
) -> None:
    path = _stored(tmp_path, "0003")
    connection = sqlite3.connect(path)
    connection.execute("UPDATE subscriptions SET trial = 2 WHERE id = 1")
    connection.execute("UPDATE people SET associated = 'yes' WHERE id = 2")
    connection.commit()
    connection.close()
    columns, before = _rows_of(path)

    with Database.open(f"sqlite:///{path}"):
        pass

    after = _all_rows(path, columns)
    assert after["subscriptions"][0][-1] == 1  # read as true before, stored as 1 now
    assert after["people"][1][4] == 1
    for table in ("subscriptions", "people"):
        assert len(after[table]) == len(before[table])
    assert {key: rows for key, rows in after.items() if key not in ("subscriptions", "people")} == {
        key: rows for key, rows in before.items() if key not in ("subscriptions", "people")
    }
    assert integrity_check(path) == ["ok"]


def test_the_upgrade_to_0005_keeps_every_figure_as_the_month_total_of_no_source(
    tmp_path: Path,
) -> None:
    path = _stored(tmp_path, "0004")
    columns, before = _rows_of(path)

    with Database.open(f"sqlite:///{path}"):
        pass

    assert _all_rows(path, columns) == before
    connection = sqlite3.connect(path)
    try:
        usage = connection.execute(
            "SELECT service, paid_seats, source, import_batch_id FROM usage"
        ).fetchall()
        batches = connection.execute("SELECT kind, source FROM import_batches").fetchall()
        connection.execute("UPDATE subscriptions SET association = 'pal' WHERE id = 1")
        with pytest.raises(sqlite3.IntegrityError):
            connection.execute("UPDATE subscriptions SET association = 'other' WHERE id = 1")
    finally:
        connection.close()
    assert usage == [("", 0, "", None), ("", 0, "", None)]
    assert batches == [("exams", "")]
    assert integrity_check(path) == ["ok"]


def test_the_upgrade_to_0006_gives_every_edited_row_a_version_and_keeps_every_row(
    tmp_path: Path,
) -> None:
    path = _stored(tmp_path, "0005")
    columns, before = _rows_of(path)

    with Database.open(f"sqlite:///{path}") as db:
        person = records.get_record(db, RecordKind.PERSON, 1)
        assert person is not None and person["version"] == 0
        edited = records.update_record(
            db, RecordKind.PERSON, 1, {"email": "ana@fixture.example"}, expected=person
        )

    assert edited.value.version_before == 0
    assert edited.value.version_after not in (None, 0)
    after = _all_rows(path, columns)
    assert after["people"][0][2] == "ana@fixture.example"
    after["people"][0] = before["people"][0]
    assert after == before
    connection = sqlite3.connect(path)
    try:
        versions = {
            model.__tablename__: connection.execute(
                f'SELECT DISTINCT version FROM "{model.__tablename__}" WHERE id <> 1'
            ).fetchall()
            for model in models.VERSIONED_MODELS
        }
    finally:
        connection.close()
    assert all(found in ([], [(0,)]) for found in versions.values()), versions
    assert integrity_check(path) == ["ok"]


def test_the_head_and_known_revisions_read_without_alembic_are_alembics() -> None:
    scripts = script_directory()
    assert head_revision() == scripts.get_current_head()
    assert known_revisions() == {script.revision for script in scripts.walk_revisions()}


@pytest.mark.parametrize("revision", [None, *sorted(known_revisions())])
def test_the_stored_revision_read_with_core_is_alembics(
    revision: str | None, tmp_path: Path
) -> None:
    if revision is None:
        path = tmp_path / "tracker.sqlite3"
        sqlite3.connect(path).close()
    else:
        path = _stored(tmp_path, revision)
    engine = create_engine(f"sqlite:///{path}")
    try:
        with engine.connect() as connection:
            assert current_revision(connection) == revision
            assert MigrationContext.configure(connection).get_current_revision() == revision
    finally:
        engine.dispose()


def test_opening_a_current_database_does_not_import_alembic(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'tracker.sqlite3'}"
    Database.open(url).close()  # created and migrated here: the child finds it current
    code = (
        "import sys\n"
        "from mpn_desktop.store.database import Database\n"
        f"Database.open({url!r}).close()\n"
        "print(sorted(name for name in sys.modules if name.split('.')[0] in "
        "('alembic', 'mako', 'pygments')))\n"
    )
    shown = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    assert shown.strip() == "[]"


def _canonical_sql(sql: str | None) -> str | None:
    """A CREATE TABLE statement with its table constraints sorted by their text.

    Alembic's batch mode rebuilds a table with its constraints in set order,
    which changes from one process to the next (string hashing): two runs of
    the migrations themselves differ in that order and in nothing else.
    """
    if sql is None or not sql.startswith("CREATE TABLE") or "\n\t" not in sql:
        return sql
    head, _, rest = sql.partition("(\n\t")
    body, _, tail = rest.rpartition("\n)")
    items = body.split(", \n\t")
    columns = [item for item in items if not item.startswith("CONSTRAINT ")]
    constraints = sorted(item for item in items if item.startswith("CONSTRAINT "))
    return head + "(\n\t" + ", \n\t".join(columns + constraints) + "\n)" + tail


def _foreign_keys(rows: list[tuple[object, ...]]) -> list[tuple[object, ...]]:
    """PRAGMA foreign_key_list without its ids, which follow the constraints' order."""
    return sorted(row[1:] for row in rows)


def _schema(path: Path) -> dict[str, object]:
    """Everything SQLite tells of a file's schema, and its recorded revision."""
    connection = sqlite3.connect(path)
    try:
        master = sorted(
            (kind, name, table, _canonical_sql(sql))
            for kind, name, table, sql in connection.execute(
                "SELECT type, name, tbl_name, sql FROM sqlite_master"
            )
        )
        tables = [row[1] for row in master if row[0] == "table"]
        indexes = [row[1] for row in master if row[0] == "index"]

        def pragma(name: str, of: str) -> list[tuple[object, ...]]:
            return connection.execute(f'PRAGMA {name}("{of}")').fetchall()

        return {
            "sqlite_master": master,
            "table_info": {table: pragma("table_xinfo", table) for table in tables},
            # Without the seq column: the order the indexes were made in.
            "index_list": {
                table: sorted(row[1:] for row in pragma("index_list", table)) for table in tables
            },
            "foreign_key_list": {
                table: _foreign_keys(pragma("foreign_key_list", table)) for table in tables
            },
            "index_info": {index: pragma("index_xinfo", index) for index in indexes},
            "user_version": connection.execute("PRAGMA user_version").fetchall(),
            "alembic_version": connection.execute("SELECT * FROM alembic_version").fetchall(),
        }
    finally:
        connection.close()


def _migrated_file(path: Path) -> Path:
    """A file given its schema by running every migration, as before the snapshot."""
    from mpn_desktop.store.engine import create_store_engine, migration_connection
    from mpn_desktop.store.migrate import upgrade

    engine = create_store_engine(f"sqlite:///{path}")
    try:
        with migration_connection(engine) as connection:
            upgrade(connection)
    finally:
        engine.dispose()
    return path


@pytest.mark.parametrize("empty_file", [False, True], ids=["missing", "empty"])
def test_a_new_file_gets_exactly_the_schema_the_migrations_build(
    empty_file: bool, tmp_path: Path
) -> None:
    path = tmp_path / "new.sqlite3"
    if empty_file:
        path.touch()
    Database.open(f"sqlite:///{path}").close()
    migrated = _migrated_file(tmp_path / "migrated.sqlite3")
    assert _schema(path) == _schema(migrated)
    assert _schema(path)["alembic_version"] == [(head_revision(),)]
    assert integrity_check(path) == ["ok"]


def test_a_new_file_is_made_without_running_the_migrations(tmp_path: Path) -> None:
    # Alembic is imported only to migrate: not loaded means the snapshot made the file.
    code = (
        "import sys\n"
        "from mpn_desktop.store.database import Database\n"
        "Database.open(sys.argv[1]).close()\n"
        "print('alembic' in sys.modules)\n"
    )
    path = tmp_path / "new.sqlite3"
    run = subprocess.run(
        [sys.executable, "-c", code, f"sqlite:///{path}"],
        capture_output=True,
        text=True,
        check=True,
    )
    assert run.stdout.strip() == "False"
    assert _schema(path)["alembic_version"] == [(head_revision(),)]


def test_a_stale_snapshot_leaves_a_new_file_to_the_migrations(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from mpn_desktop.store import fresh_schema

    # As if a migration were added and the snapshot not regenerated: it must not be used.
    monkeypatch.setattr(fresh_schema, "REVISION", "0000")
    monkeypatch.setattr(fresh_schema, "STATEMENTS", ("CREATE TABLE wrong (id INTEGER)",))
    path = tmp_path / "new.sqlite3"
    Database.open(f"sqlite:///{path}").close()
    assert _schema(path) == _schema(_migrated_file(tmp_path / "migrated.sqlite3"))


def test_the_fresh_schema_snapshot_is_what_the_migrations_build() -> None:
    from mpn_desktop.store import fresh_schema
    from mpn_desktop.store.fresh_schema_build import migrated_schema

    revision, statements = migrated_schema()
    # Sorted: the order of the tables Alembic rebuilds varies from run to run too.
    snapshot = sorted(str(_canonical_sql(sql)) for sql in fresh_schema.STATEMENTS)
    migrated = sorted(str(_canonical_sql(sql)) for sql in statements)
    assert (fresh_schema.REVISION, snapshot) == (revision, migrated), (
        "regenerate it: python -m mpn_desktop.store.fresh_schema_build"
    )
