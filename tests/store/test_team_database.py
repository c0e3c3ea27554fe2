"""A team database on PostgreSQL: libpq's connection details, no password shown, safe upgrades."""

from __future__ import annotations

import logging
import threading
from pathlib import Path

import pytest
from helpers.postgres import SUPERUSER, PostgresCluster
from sqlalchemy import create_engine, text

from mpn_desktop.cli import main
from mpn_desktop.errors import StoreError
from mpn_desktop.store.database import Database
from mpn_desktop.store.migrate import head_revision

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
