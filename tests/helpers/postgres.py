"""A throwaway PostgreSQL cluster for the tests: initdb and pg_ctl on a socket in a temp folder.

Debian's ``postgresql`` package puts ``initdb`` and ``pg_ctl`` under
/usr/lib/postgresql/VERSION/bin (not on the PATH). The server refuses to run
as root, so when the tests run as root (CI) the cluster belongs to the
``postgres`` user the package created and is started through ``runuser``.
The cluster listens on a Unix socket only (no port to collide with), trusts
local connections, and trades durability for speed (fsync off): it lives as
long as the test session.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
import uuid
from collections.abc import Sequence
from pathlib import Path

SUPERUSER = "mpn"
"""The cluster's superuser, the role the tests connect as."""


def server_bin_dir() -> Path | None:
    """The folder of ``initdb`` and ``pg_ctl`` (the newest installed version), None when absent."""
    on_path = shutil.which("pg_ctl")
    if on_path and shutil.which("initdb"):
        return Path(on_path).parent
    versions = sorted(
        Path("/usr/lib/postgresql").glob("*/bin/pg_ctl"),
        key=lambda path: int(path.parent.parent.name) if path.parent.parent.name.isdigit() else 0,
    )
    return versions[-1].parent if versions else None


class PostgresCluster:
    """A running cluster of this test session; ``stop`` removes it with its folder."""

    def __init__(self, bin_dir: Path, *, tcp_port: int | None = None) -> None:
        self._bin = bin_dir
        as_root = os.geteuid() == 0
        # As root, in /tmp itself: a TMPDIR inside root's own folders would be out of
        # the postgres user's reach.
        self.folder = Path(tempfile.mkdtemp(prefix="mpn-pg-", dir="/tmp" if as_root else None))
        self._data = self.folder / "data"
        self.socket_dir = self.folder
        self.tcp_port = tcp_port
        self.port = tcp_port or 5432
        self._as_user: list[str] = []
        if as_root:
            # PostgreSQL will not run as root: the package's own user runs it.
            shutil.chown(self.folder, "postgres", "postgres")
            self._as_user = ["runuser", "-u", "postgres", "--"]
        self._started = False
        self._options = ""

    def start(self) -> None:
        """initdb, then pg_ctl start (waiting until it accepts connections)."""
        self._run(
            "initdb",
            ["-D", str(self._data), "-U", SUPERUSER, "--auth=trust", "-E", "UTF8", "--no-sync"],
        )
        # The socket's name carries the port (.s.PGSQL.PORT), so it is given either way.
        listen = "127.0.0.1" if self.tcp_port else "''"
        options = (
            f"-k {self.socket_dir} -p {self.port} -c listen_addresses={listen} -c fsync=off "
            "-c synchronous_commit=off -c full_page_writes=off -c max_connections=200 "
            "-c shared_buffers=16MB"
        )
        self._options = options
        self._start_server()
        self._started = True
        self._watch_the_session()

    def _start_server(self) -> None:
        self._run(
            "pg_ctl",
            [
                "-D",
                str(self._data),
                "-o",
                self._options,
                "-l",
                str(self.folder / "server.log"),
                "-w",
                "start",
            ],
        )

    def pause(self) -> None:
        """Stops the server, keeping its data (as a restart or a server gone away would)."""
        self._run("pg_ctl", ["-D", str(self._data), "-m", "fast", "-w", "stop"])
        self._started = False

    def resume(self) -> None:
        """Starts the paused server again on the same data."""
        self._start_server()
        self._started = True

    def _watch_the_session(self) -> None:
        """Stops the server and removes its folder once this process is gone.

        A test run killed from outside (a timeout's SIGTERM, kill -9) runs no
        fixture finalizer; without this its server would keep running. A
        normal end stops it first (``stop``), and this then finds nothing to do.
        """
        stop = " ".join(
            [*self._as_user, str(self._bin / "pg_ctl"), "-D", str(self._data), "-m", "immediate"]
        )
        script = (
            f"while kill -0 {os.getpid()} 2>/dev/null; do sleep 2; done; "
            f"{stop} stop >/dev/null 2>&1; rm -rf {self.folder}"
        )
        subprocess.Popen(
            ["sh", "-c", script],
            start_new_session=True,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )

    def url(self, database: str = "postgres", *, driver: str = "psycopg") -> str:
        """The SQLAlchemy URL of a database of this cluster (over the socket)."""
        return (
            f"postgresql+{driver}://{SUPERUSER}@/{database}?host={self.socket_dir}&port={self.port}"
        )

    def tcp_url(self, database: str = "postgres") -> str:
        """The URL over the loopback (the cluster must have been started with a port)."""
        assert self.tcp_port is not None
        return f"postgresql+psycopg://{SUPERUSER}@127.0.0.1:{self.tcp_port}/{database}"

    def execute(self, sql: str) -> None:
        """Runs one statement on the maintenance database, outside a transaction."""
        import psycopg

        with psycopg.connect(
            host=str(self.socket_dir),
            port=self.port,
            user=SUPERUSER,
            dbname="postgres",
            autocommit=True,
        ) as connection:
            connection.execute(sql)  # type: ignore[arg-type]

    def create_database(self, template: str | None = None, *, name: str | None = None) -> str:
        """A new database (a copy of ``template`` when given); its name."""
        name = name or f"t_{uuid.uuid4().hex[:16]}"
        copy = f' TEMPLATE "{template}" STRATEGY FILE_COPY' if template else ""
        self.execute(f'CREATE DATABASE "{name}"{copy}')
        return name

    def drop_database(self, name: str) -> None:
        """Drops a database, closing whatever connections the test left open on it."""
        self.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    def stop(self) -> None:
        """Stops the server at once and removes its folder."""
        try:
            if self._started:
                self._run("pg_ctl", ["-D", str(self._data), "-m", "immediate", "-w", "stop"])
        finally:
            shutil.rmtree(self.folder, ignore_errors=True)

    def log(self) -> str:
        """The server's log so far (for a failure message)."""
        path = self.folder / "server.log"
        return path.read_text(errors="replace") if path.exists() else ""

    def _run(self, program: str, args: Sequence[str]) -> None:
        command = [*self._as_user, str(self._bin / program), *args]
        done = subprocess.run(command, capture_output=True, text=True, check=False, cwd=self.folder)
        if done.returncode != 0:
            raise RuntimeError(
                f"{program} failed ({done.returncode}): {done.stderr.strip()}\n{self.log()[-2000:]}"
            )
