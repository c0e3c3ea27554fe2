"""A PostgreSQL database's full copy made with ``pg_dump``, when the program is installed.

The JSON document ``backup`` writes holds what the program needs to load an
organisation back; ``pg_dump``'s archive holds the whole database (the imports'
history and the change log too), restored with ``pg_restore``. The connection
details go to ``pg_dump`` in its environment, so a password is never on a
command line another user's ``ps`` can read.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy.engine import make_url

from mpn_desktop.domain.vocabulary import _
from mpn_desktop.store.private_files import keep_private

_TIMEOUT_S = 3600
"""A stuck server must not hang the command for ever; a large team database dumps in minutes."""


@dataclass(frozen=True, slots=True)
class DumpResult:
    """Where the archive was written, or why it was not (``path`` None)."""

    path: Path | None
    problem: str = ""


def pg_dump_program() -> str | None:
    """``pg_dump`` on the PATH, or None."""
    return shutil.which("pg_dump")


def dump_database(url: str, dest: Path) -> DumpResult:
    """Writes ``pg_dump``'s custom-format archive of ``url`` to ``dest`` (owner-only).

    Never raises for a failed dump: the caller's JSON document is the backup
    still, and the result says what went wrong.
    """
    program = pg_dump_program()
    if program is None:
        return DumpResult(None, _("pg_dump is not on the PATH"))
    from psycopg.conninfo import make_conninfo

    parsed = make_url(url)
    arguments = dict(parsed.get_dialect()().create_connect_args(parsed)[1])
    environment = dict(os.environ)
    password = arguments.pop("password", None)
    if password:
        environment["PGPASSWORD"] = str(password)
    # Host, port, user, database and options such as sslmode, as libpq reads them.
    conninfo = make_conninfo(**{name: str(value) for name, value in arguments.items()})
    keep_private(dest)  # created 0600 before pg_dump writes into it
    try:
        done = subprocess.run(
            [
                program,
                "--format=custom",
                "--no-password",
                "--file",
                str(dest),
                "--dbname",
                conninfo,
            ],
            env=environment,
            capture_output=True,
            text=True,
            timeout=_TIMEOUT_S,
            check=False,
        )
    except (OSError, subprocess.TimeoutExpired) as error:
        dest.unlink(missing_ok=True)
        return DumpResult(None, _("pg_dump did not run: {error}").format(error=error))
    if done.returncode != 0:
        dest.unlink(missing_ok=True)
        lines = [line for line in done.stderr.splitlines() if line.strip()]
        said = lines[-1][:300] if lines else str(done.returncode)
        return DumpResult(None, _("pg_dump failed: {said}").format(said=said))
    return DumpResult(dest)
