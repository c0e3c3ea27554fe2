"""What several subcommands share: choosing the database and the catalogue from the options."""

from __future__ import annotations

import argparse
import os
import re
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from mpn_desktop.domain.dates import AS_OF_RANGE
from mpn_desktop.domain.vocabulary import _
from mpn_desktop.errors import MpnError, StoreError
from mpn_desktop.paths import DB_ENV_VAR, default_database_path
from mpn_desktop.shown import shown_path

if TYPE_CHECKING:
    from mpn_desktop.domain.catalog import Catalog
    from mpn_desktop.domain.designations import ScoredCatalog


def database_url(args: argparse.Namespace) -> str:
    """The SQLAlchemy URL chosen by ``--db-url``, ``--db``, ``MPN_DESKTOP_DB`` or the default."""
    if getattr(args, "db_url", None):
        # postgres:// as psql writes it: every command (backup's pg_dump too) gets the full one.
        from mpn_desktop.store.database import postgres_in_full

        return postgres_in_full(str(args.db_url))
    path = Path(args.db).expanduser() if getattr(args, "db", None) else default_database_path()
    return f"sqlite:///{path}"


def given_database_path(args: argparse.Namespace) -> tuple[str, str] | None:
    """The database file's path as given, with where it was given: ``("--db", PATH)`` or
    ``("MPN_DESKTOP_DB", PATH)``; None with ``--db-url`` or when neither was given."""
    if getattr(args, "db_url", None):
        return None
    if getattr(args, "db", None):
        return "--db", str(args.db)
    from_environment = os.environ.get(DB_ENV_VAR)
    return (DB_ENV_VAR, from_environment) if from_environment else None


def database_to_read(args: argparse.Namespace) -> str:
    """``database_url`` for a command that only reads (status, checklist, export).

    A ``--db`` (or ``MPN_DESKTOP_DB``) in a folder that does not exist is a
    mistyped path: opening it would create the folder and an empty database,
    and the command would report on nothing. It is refused and nothing is
    created; the commands that write (demo, load, the imports) still create it.
    """
    url = database_url(args)
    given = given_database_path(args)
    if given is not None:
        path = Path(given[1]).expanduser()
        folder = path.parent
        if not folder.is_dir():
            command = getattr(args, "command", None) or _("this command")
            raise MpnError(
                _(
                    "{path}: no such database: the folder {folder} does not exist. {command} "
                    "only reads the database, so nothing was created; check the path (demo, "
                    "load and the imports create a new database there)"
                ).format(path=shown_path(path), folder=shown_path(folder), command=command)
            )
    return url


_URL_START = re.compile(r"[A-Za-z][A-Za-z0-9+.-]+://")
"""How a database URL begins (sqlite://, mysql://): never a file's path as people write one."""


def database_option_refused(args: argparse.Namespace) -> StoreError | None:
    """Why the database option is refused: ``--db-url`` (or a URL given as ``--db`` or
    ``MPN_DESKTOP_DB``) names a database the program does not open (mysql://...), a
    ``--db-url`` is no URL at all or has SQLite options, or a file's path was given a URL."""
    given = given_database_path(args)
    url = args.db_url or (given[1] if given and _URL_START.match(given[1]) else None)
    if not url:
        return None
    from mpn_desktop.store.database import refusal_of_other_database

    refused = refusal_of_other_database(str(url))
    if refused is not None:
        return refused
    if given is None:
        # --db-url: a text that is no URL is a bad option value (a usage error, exit 2, as
        # --db's URL is); opening it says what else may be wrong with a URL (exit 1).
        # So are a SQLite file's options after '?', which the program does not take.
        from mpn_desktop.store.database import postgres_in_full
        from mpn_desktop.store.engine import sqlite_options_refused

        try:
            return sqlite_options_refused(postgres_in_full(str(url)))
        except StoreError as no_url:
            return no_url
    # Taken as a path, it would make a folder 'sqlite:' and a new database in it.
    from mpn_desktop.store.engine import shown_url

    said = _("{option} takes a file's path, not a URL: give {url} with --db-url")
    return StoreError(said.format(option=given[0], url=shown_url(url)))


def window_database_refused(args: argparse.Namespace) -> StoreError | None:
    """``database_option_refused`` for the window's start-up box, in a sentence naming the
    option the URL was given with (``--db`` or ``MPN_DESKTOP_DB``, which a desktop menu's
    entry may set unseen); None with ``--db-url``, which the box refuses as it opens it."""
    given = given_database_path(args)
    if given is None or not _URL_START.match(given[1]):
        return None
    option, url = given
    from mpn_desktop.store.database import database_scheme, refusal_of_other_database
    from mpn_desktop.store.engine import shown_url

    if refusal_of_other_database(url) is not None:
        # The command line's sentence starts with the URL; the box's names the option
        # first, in a sentence of its own, not 'OPTION: URL: ...'.
        said = _(
            "{option} names a {scheme} database ({url}): mpn-desktop opens SQLite files "
            "(sqlite:///FILE) and PostgreSQL team databases (postgresql://USER@HOST/DATABASE)."
        )
        return StoreError(
            said.format(option=option, scheme=database_scheme(url), url=shown_url(url))
        )
    return database_option_refused(args)


class UsageError(MpnError):
    """An option's value is wrong: a usage error, exit code 2 as DESIGN.md says."""


def parse_as_of(text: str | None) -> date:
    """``--as-of YYYY-MM-DD``, today when not given; a bad day is a UsageError."""
    if text is None:
        return date.today()
    try:
        if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", text.strip(), re.ASCII):
            raise ValueError(text)
        day = date.fromisoformat(text.strip())
    except ValueError:
        said = _("{value} is not a date (expected YYYY-MM-DD)").format(value=repr(text))
        raise UsageError(f"--as-of: {said}") from None
    first, last = AS_OF_RANGE
    if not first <= day <= last:
        raise UsageError(
            _(
                "--as-of: {day} is outside the days the program evaluates ({first} to {last})"
            ).format(day=text, first=first.isoformat(), last=last.isoformat())
        )
    return day


def catalog_path(args: argparse.Namespace) -> Path | None:
    """The catalogue file given with ``--catalog``, or None for the shipped one."""
    value = getattr(args, "catalog", None)
    return Path(value).expanduser() if value else None


def competencies_catalog(args: argparse.Namespace) -> Catalog:
    """The 2017-2018 catalogue a command reads competencies from (load's and restore's
    targets, the workbook's Status sheet): the ``--catalog``
    file, or the shipped one when that file is a Solutions Partner catalogue, which is read
    and checked all the same and scores the designations' days, as status and the window
    take it. CatalogError names a file that is neither, and what is wrong with it."""
    from mpn_desktop.programs import window_catalogues

    return window_catalogues(catalog_path(args))[0]


def designation_catalogs(args: argparse.Namespace) -> tuple[ScoredCatalog, ...]:
    """The Solutions Partner catalogues whose exams and certifications a command knows: the
    ``--catalog`` file's first when it is one (its own codes), then every shipped one (an
    exam history reaches back past the file's dates)."""
    from mpn_desktop.programs import shipped_scored_catalogs, window_catalogues

    chosen = window_catalogues(catalog_path(args))[1]
    shipped = shipped_scored_catalogs()
    return shipped if chosen is None else (chosen, *shipped)


def catalog_files_read(args: argparse.Namespace) -> tuple[Path, ...]:
    """The files a command reads besides the database (``--catalog``): never written over."""
    chosen = catalog_path(args)
    return (chosen,) if chosen is not None else ()
