"""A team database on PostgreSQL: libpq's connection details, no password shown, safe upgrades."""

from __future__ import annotations

import logging
import re
import socket
import threading
import time
from datetime import UTC, datetime
from pathlib import Path

import pytest
from helpers.postgres import SUPERUSER, PostgresCluster
from helpers.watches import poll_until
from sqlalchemy import create_engine, text

from mpn_desktop.cli import main
from mpn_desktop.domain import vocabulary
from mpn_desktop.errors import ReadOnlyDatabase, StoreError, ValidationError
from mpn_desktop.store import records
from mpn_desktop.store.change_feed import ChangeListener, NotifyWatch, RemoteChange
from mpn_desktop.store.changes import Change, OutsideChange, RecordKind
from mpn_desktop.store.database import Database
from mpn_desktop.store.migrate import head_revision
from mpn_desktop.store.outside_changes import outside_changes

# Each test runs on the session's PostgreSQL cluster.
pytestmark = pytest.mark.postgresql

PASSWORD = "s3cret-Pa55"


def _revisions(url: str) -> list[str]:
    engine = create_engine(url)
    try:
        with engine.connect() as connection:
            rows = connection.execute(text("SELECT version_num FROM alembic_version")).all()
    finally:
        engine.dispose()
    return [row[0] for row in rows]


def test_several_clients_starting_at_once_on_a_new_database_migrate_it_once(
    postgres: PostgresCluster,
) -> None:
    url = postgres.url(postgres.create_database())
    start = threading.Barrier(4)
    errors: list[BaseException] = []

    def client() -> None:
        start.wait()
        try:
            Database.open(url).close()
        except BaseException as error:  # the test reports it below
            errors.append(error)

    threads = [threading.Thread(target=client, daemon=True) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)  # bounded: without the lock two upgrades may wait on each other
    assert not any(thread.is_alive() for thread in threads), "an upgrade never finished"
    assert errors == []
    assert _revisions(url) == [head_revision()]


def test_libpq_environment_gives_host_user_and_database(
    postgres: PostgresCluster, monkeypatch: pytest.MonkeyPatch
) -> None:
    name = postgres.create_database()
    monkeypatch.setenv("PGHOST", str(postgres.socket_dir))
    monkeypatch.setenv("PGUSER", SUPERUSER)
    monkeypatch.setenv("PGDATABASE", name)
    with Database.open("postgresql+psycopg://") as db, db.session(readonly=True) as session:
        assert session.execute(text("SELECT current_database()")).scalar() == name
    assert _revisions(postgres.url(name)) == [head_revision()]


def test_a_service_file_names_the_database(
    postgres: PostgresCluster, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    name = postgres.create_database()
    services = tmp_path / "pg_service.conf"
    services.write_text(f"[team]\nhost={postgres.socket_dir}\nuser={SUPERUSER}\ndbname={name}\n")
    monkeypatch.setenv("PGSERVICEFILE", str(services))
    with Database.open("postgresql+psycopg://?service=team") as db:
        with db.session(readonly=True) as session:
            assert session.execute(text("SELECT current_database()")).scalar() == name
        assert db.where == "postgresql+psycopg://?service=team"


def test_a_password_in_the_url_is_used_but_never_shown(
    postgres: PostgresCluster,
    capsys: pytest.CaptureFixture[str],
    caplog: pytest.LogCaptureFixture,
) -> None:
    name = postgres.create_database()
    url = f"postgresql+psycopg://{SUPERUSER}:{PASSWORD}@/{name}?host={postgres.socket_dir}"
    caplog.set_level(logging.DEBUG, logger="mpn_desktop")
    with Database.open(url) as db:
        assert PASSWORD not in db.where and "***" in db.where
    assert main(["--db-url", url, "demo"]) == 0
    assert main(["--db-url", url, "status"]) == 0
    missing = url.replace(f"/{name}?", "/no_such_database?")
    assert main(["--db-url", missing, "status"]) != 0
    with pytest.raises(StoreError) as refused:
        Database.open(missing)
    out, err = capsys.readouterr()
    assert "no_such_database" in err and "***" in err
    for text_shown in (out, err, str(refused.value), caplog.text):
        assert PASSWORD not in text_shown


def _wait_for_changes(listener: ChangeListener, count: int) -> list[RemoteChange]:
    found: list[RemoteChange] = []
    deadline = time.monotonic() + 5
    while len(found) < count and time.monotonic() < deadline:
        found += listener.poll()
        time.sleep(0.02)
    return found


def test_a_commit_is_told_to_the_other_clients_with_its_kinds_user_and_time(
    postgres: PostgresCluster,
) -> None:
    url = postgres.url(postgres.create_database())
    with Database.open(url) as mine, Database.open(url) as theirs:
        listener, own = ChangeListener(mine.engine), ChangeListener(theirs.engine)
        try:
            before = datetime.now(UTC)
            records.add_record(theirs, RecordKind.CUSTOMER, {"name": "Fabrikam"})
            with pytest.raises(ValidationError):  # refused and rolled back: told to no one
                records.add_record(theirs, RecordKind.CUSTOMER, {"name": "Fabrikam"})
            (remote,) = _wait_for_changes(listener, 1)
            assert remote.change.kinds == {RecordKind.CUSTOMER}
            assert remote.user == SUPERUSER and before <= remote.at <= datetime.now(UTC)
            assert _wait_for_changes(listener, 1) == []
            assert own.poll() == [], "a client's own commits are not told back to it"
        finally:
            listener.close()
            own.close()


def test_postgresql_is_watched_by_its_notifications_naming_kinds_and_who(
    postgres: PostgresCluster,
) -> None:
    url = postgres.url(postgres.create_database())
    with Database.open(url) as mine, Database.open(url) as theirs:
        watch = outside_changes(mine)
        assert isinstance(watch, NotifyWatch)
        try:
            records.add_record(theirs, RecordKind.CUSTOMER, {"name": "Fabrikam"})
            records.add_record(theirs, RecordKind.PERSON, {"name": "Ana", "mcp_id": "1234567"})
            records.add_record(mine, RecordKind.CUSTOMER, {"name": "Contoso"})
            change = poll_until(watch)
            assert change is not None
            if change.kinds != {RecordKind.CUSTOMER, RecordKind.PERSON}:
                time.sleep(0.2)
                later = watch.poll()
                change = change.with_kinds(later.kinds if later else frozenset(), "")
            assert change.kinds == {RecordKind.CUSTOMER, RecordKind.PERSON}
            assert watch.poll() is None, "our own commit is not an outside change"
        finally:
            watch.close()


@pytest.mark.parametrize(
    ("language", "said"),
    [
        ("en", r"Changed elsewhere \(last change by {who} at \d\d:\d\d:\d\d\)"),
        ("de", r"Anderswo geändert \(letzte Änderung von {who} um \d\d:\d\d:\d\d\)"),
    ],
)
def test_a_team_databases_outside_change_is_named_as_a_files_is(
    postgres: PostgresCluster, language: str, said: str
) -> None:
    """An OutsideChange named by who and when, in the words SQLite's watch uses
    (test_outside_changes): the tables compare their rows' versions and redraw the rows
    that changed, and the status bar tells it. Before, a plain Change in words of its own
    ('Changed elsewhere by ana at 10:01:02'): every table touched was read again whole."""
    assert vocabulary.use_language(language) == language
    url = postgres.url(postgres.create_database())
    with Database.open(url) as mine, Database.open(url) as theirs:
        with theirs.session(readonly=True) as session:
            login = str(session.execute(text("SELECT current_user")).scalar())
        watch = outside_changes(mine)
        assert watch is not None
        try:
            records.add_record(theirs, RecordKind.CUSTOMER, {"name": "Fabrikam"})
            change = poll_until(watch)
            assert isinstance(change, OutsideChange) and change.named, change
            assert change.kinds == {RecordKind.CUSTOMER}
            assert re.fullmatch(said.format(who=re.escape(login)), change.description), (
                change.description
            )
        finally:
            watch.close()


@pytest.mark.expect_logged_warnings
def test_a_lost_connection_to_the_server_is_no_error_and_the_watch_listens_again_once_back(
    postgres: PostgresCluster, caplog: pytest.LogCaptureFixture
) -> None:
    """The server went away under an open window (restarted, the network dropped).

    Before, every tick of the window's watch raised the driver's 'the connection is
    lost' as a traceback, and changes made elsewhere were never seen again.
    """
    name = postgres.create_database()
    url = postgres.url(name)
    with Database.open(url) as mine, Database.open(url) as theirs:
        watch = NotifyWatch(mine.engine, listen_again_after=0)
        try:
            # The server ends every connection but this one (as a restart does).
            postgres.execute(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                f"WHERE datname = '{name}' AND pid <> pg_backend_pid()"
            )
            time.sleep(0.2)
            # Listening again, it cannot know what it missed: everything may have changed.
            back = poll_until(watch)
            assert back is not None and back == Change.everything(back.description)
            lost = [r for r in caplog.records if "connection to the server was lost" in r.message]
            assert len(lost) == 1, "said once, not at every tick"
            records.add_record(theirs, RecordKind.CUSTOMER, {"name": "Fabrikam"})
            seen = poll_until(watch)
            assert seen is not None and seen.kinds == {RecordKind.CUSTOMER}
        finally:
            watch.close()


@pytest.mark.expect_logged_warnings
def test_listening_again_never_holds_the_poll_on_a_server_that_does_not_answer(
    own_postgres: PostgresCluster,
) -> None:
    """The network dropped: the server's address takes the connection and never answers.

    Before, the watch listened again inside poll, on the window's thread, without a
    connect_timeout: the window froze for as long as the operating system waits (here,
    for good, as the socket stays open).
    """
    url = own_postgres.url(own_postgres.create_database())
    with Database.open(url) as db:
        watch = NotifyWatch(db.engine, listen_again_after=0)
        try:
            own_postgres.pause()
            # In the server's place, a socket that takes connections and says nothing.
            address = own_postgres.socket_dir / f".s.PGSQL.{own_postgres.port}"
            silent = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
            silent.bind(str(address))
            silent.listen()
            polls_done: list[Change | None] = []

            def window_ticks() -> None:
                for _ in range(20):
                    polls_done.append(watch.poll())
                    time.sleep(0.02)

            ticks = threading.Thread(target=window_ticks, daemon=True)
            ticks.start()
            silent.settimeout(20)
            waiting, _ = silent.accept()  # an attempt to listen again is under way...
            ticks.join(timeout=20)
            assert not ticks.is_alive(), "a poll waited on the server that does not answer"
            assert polls_done == [None] * 20  # ...and every tick came back, seeing nothing
            waiting.close()
            silent.close()
            address.unlink(missing_ok=True)
            own_postgres.resume()
            back = poll_until(watch, seconds=30)
            assert back is not None and back == Change.everything(back.description)
        finally:
            watch.close()


def test_an_edit_while_the_server_is_away_is_refused_plainly_and_works_once_it_is_back(
    own_postgres: PostgresCluster,
) -> None:
    """Before, the refusal read 'the database failed while writing (connection failed: ...)'.

    It did not say that nothing was changed, nor that trying again once the server
    is back is the way out.
    """
    url = own_postgres.url(own_postgres.create_database())
    with Database.open(url) as db:
        records.add_record(db, RecordKind.CUSTOMER, {"name": "Contoso"})
        own_postgres.pause()
        with pytest.raises(StoreError) as refused:
            records.add_record(db, RecordKind.CUSTOMER, {"name": "Fabrikam"})
        message = str(refused.value)
        assert "cannot reach the database server" in message, message
        assert "nothing was changed" in message and "once the server is back" in message
        own_postgres.resume()
        records.add_record(db, RecordKind.CUSTOMER, {"name": "Fabrikam"})
        names = {row["name"] for row in records.list_records(db, RecordKind.CUSTOMER)}
        assert names == {"Contoso", "Fabrikam"}


def test_libpqs_short_spelling_postgres_names_a_team_database_too(
    postgres: PostgresCluster,
) -> None:
    """psql, libpq and hosting services write postgres://; before, it was refused as a
    database SQLAlchemy does not know, 'made for sqlite:///FILE'."""
    name = postgres.create_database()
    url = postgres.url(name).replace("postgresql+psycopg://", "postgres://")
    with Database.open(url) as db:
        records.add_record(db, RecordKind.CUSTOMER, {"name": "Contoso"})
        assert db.engine.dialect.name == "postgresql"
        assert db.where.startswith("postgresql+psycopg://")
    assert main(["--db-url", url, "status"]) == 0


def test_a_wrong_database_name_is_said_plainly_without_the_drivers_jargon(
    postgres: PostgresCluster,
) -> None:
    """Before: 'cannot open the database (connection failed: connection to server on socket
    "/tmp/..." failed: FATAL:  database "teem" does not exist)' and libpq's hint lines."""
    url = postgres.url("teem")
    with pytest.raises(StoreError) as refused:
        Database.open(url)
    message = str(refused.value)
    assert 'database "teem" does not exist' in message and "cannot open the database" in message
    for jargon in ("FATAL", "connection failed:", "\n"):
        assert jargon not in message, message


def _reader_url(postgres: PostgresCluster, name: str) -> str:
    """The URL of ``name`` for a login granted SELECT alone."""
    postgres.execute(
        "DO $$ BEGIN CREATE ROLE reader LOGIN; EXCEPTION WHEN duplicate_object THEN NULL; END $$"
    )
    engine = create_engine(postgres.url(name))
    try:
        with engine.begin() as connection:
            connection.execute(text("GRANT SELECT ON ALL TABLES IN SCHEMA public TO reader"))
    finally:
        engine.dispose()
    return postgres.url(name).replace(f"{SUPERUSER}@", "reader@")


def test_a_login_that_may_only_read_reads_and_every_write_is_refused(
    postgres: PostgresCluster, capsys: pytest.CaptureFixture[str]
) -> None:
    name = postgres.create_database()
    assert main(["--db-url", postgres.url(name), "demo"]) == 0
    url = _reader_url(postgres, name)
    with Database.open(url) as db:
        assert db.read_only
        before = len(records.list_records(db, RecordKind.CUSTOMER))
        with pytest.raises(ReadOnlyDatabase, match="may only read this database; nothing was"):
            records.add_record(db, RecordKind.CUSTOMER, {"name": "Northwind"})
    capsys.readouterr()
    assert main(["--db-url", url, "status", "--as-of", "2018-03-15"]) == 0
    assert "Contoso Cloud Ltd" in capsys.readouterr().out
    assert main(["--db-url", url, "demo", "--replace"]) == 1
    err = capsys.readouterr().err
    assert "the login reader may only read this database; nothing was changed" in err
    assert "Traceback" not in err
    with Database.open(postgres.url(name)) as db:
        assert not db.read_only
        assert len(records.list_records(db, RecordKind.CUSTOMER)) == before


def test_every_table_a_write_can_touch_is_told_by_its_kind() -> None:
    from mpn_desktop.store import change_feed, models

    written = {model.__tablename__ for model in models.ALL_MODELS} - {"change_log"}
    assert written <= change_feed._KIND_OF_TABLE.keys()
