"""The ``imports`` command: the imports (exams, usage) still in the database, and removing one."""

from __future__ import annotations

import argparse
from typing import Any

from mpn_desktop.commands.common import database_url
from mpn_desktop.domain.wording import plural
from mpn_desktop.errors import MpnError


def register(subparsers: Any) -> None:
    """Adds ``imports [--remove ID]``."""
    parser = subparsers.add_parser(
        "imports",
        help="list the imports (newest first); --remove ID takes one out whole",
        description=(
            "Lists the imports of exam records and of usage still in the database, newest "
            "first, with their ids; --remove ID takes one out whole: what it added, and the "
            "people, customers and subscriptions only it created; usage it replaced comes back."
        ),
    )
    parser.add_argument(
        "--remove",
        metavar="ID",
        type=int,
        help="remove that import: what it added and the records only it created",
    )
    parser.set_defaults(func=run_imports)


def run_imports(args: argparse.Namespace) -> int:
    """Lists the imports, or removes one and says what went."""
    from mpn_desktop.store import records
    from mpn_desktop.store.database import Database
    from mpn_desktop.store.import_removal import remove_import

    with Database.open(database_url(args)) as db:
        if args.remove is not None:
            _refuse_an_unknown_import(db, args.remove)
            removed = remove_import(db, args.remove).value
            if removed.batch.get("kind") == "usage":
                rows, back = len(removed.usage), len(removed.replaced)
                subs = len(removed.created.get("subscriptions", ()))
                print(
                    f"Removed import {args.remove} of {removed.file_name}: "
                    f"{rows} usage {plural(rows, 'row', 'rows')}, "
                    f"{subs} {plural(subs, 'subscription', 'subscriptions')} it created; "
                    f"{back} {plural(back, 'row', 'rows')} it had replaced put back."
                )
                return 0
            exams, people = len(removed.exams), len(removed.people)
            print(
                f"Removed import {args.remove} of {removed.file_name}: "
                f"{exams} exam {plural(exams, 'record', 'records')}, "
                f"{people} {plural(people, 'person', 'people')} it created."
            )
            return 0
        batches = records.import_batches(db)
    if not batches:
        print("No imports in this database.")
        return 0
    print(
        f"{'ID':>4}  {'imported (UTC)':<16}  {'kind':<6}  {'added':>7}  {'dupl.':>6}  "
        f"{'people':>6}  file"
    )
    for batch in batches:
        print(
            f"{batch['id']:>4}  {batch['imported_at']:%Y-%m-%d %H:%M}  {batch['kind']:<6}  "
            f"{batch['added_count']:>7,}  {batch['duplicate_count']:>6,}  "
            f"{batch['people_added_count']:>6,}  {batch['file_name']}"
        )
    return 0


def _refuse_an_unknown_import(db: Any, batch_id: int) -> None:
    """Says which ids there are when ``--remove`` names none of them."""
    from mpn_desktop.store import records

    ids = [batch["id"] for batch in records.import_batches(db)]
    if batch_id in ids:
        return
    where = db.where
    if not ids:
        raise MpnError(f"imports --remove {batch_id}: {where} holds no imports; nothing removed")
    listed = ", ".join(str(number) for number in ids)
    raise MpnError(
        f"imports --remove {batch_id}: {where} holds no import with id {batch_id} "
        f"(its imports: {listed}); nothing removed. 'mpn-desktop imports' lists them."
    )
