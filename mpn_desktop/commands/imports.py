"""The ``imports`` command: the imports (exams, usage) still in the database, and removing one."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

from mpn_desktop.commands.common import database_url
from mpn_desktop.domain.vocabulary import N_, _, ngettext
from mpn_desktop.domain.wording import figure, number
from mpn_desktop.errors import MpnError

if TYPE_CHECKING:
    from mpn_desktop.store.import_removal import RemovedImport


def _import_id(text: str) -> int:
    """``--remove ID``: an import's id, a whole number (argparse's own ``int`` would say
    "invalid int value" in every language)."""
    try:
        return int(text)
    except ValueError:
        said = _("{text} is not an import's id (a whole number: 'mpn-desktop imports' lists them)")
        raise argparse.ArgumentTypeError(said.format(text=repr(text))) from None


def register(subparsers: Any) -> None:
    """Adds ``imports [--remove ID]``."""
    parser = subparsers.add_parser(
        "imports",
        help=_("list the imports (newest first); --remove ID takes one out whole"),
        description=_(
            "Lists the imports of exam records and of usage still in the database, newest "
            "first, with their ids; --remove ID takes one out whole: what it added, and the "
            "people, customers and subscriptions only it created; usage it replaced comes back."
        ),
    )
    parser.add_argument(
        "--remove",
        metavar="ID",
        type=_import_id,
        help=_("remove that import: what it added and the records only it created"),
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
            print(_removal_text(args.remove, removed))
            return 0
        batches = records.import_batches(db)
    if not batches:
        print(_("No imports in this database."))
        return 0
    for line in _listing(batches):
        print(line)
    return 0


def _removal_text(batch_id: int, removed: RemovedImport) -> str:
    """What removing the import took out and put back, as the command says it."""
    if removed.batch.get("kind") == "usage":
        said = _(
            "Removed import {id} of {file}: {rows}, {customers}, {subscriptions} it created; "
            "{back} it had replaced put back."
        )
        return said.format(
            id=batch_id,
            file=removed.file_name,
            rows=figure(len(removed.usage), "usage rows"),
            customers=figure(len(removed.created.get("customers", ())), "customers"),
            subscriptions=figure(len(removed.created.get("subscriptions", ())), "subscriptions"),
            back=figure(len(removed.replaced), "usage rows"),
        )
    exams = len(removed.exams)
    said = _("Removed import {id} of {file}: {exams}, {people} it created.")
    return said.format(
        id=batch_id,
        file=removed.file_name,
        exams=ngettext("{count} exam record", "{count} exam records", exams).format(
            count=number(exams)
        ),
        people=figure(len(removed.people), "people"),
    )


_KINDS = {"exams": N_("exams"), "usage": N_("usage")}
"""What an import brought in, as the listing's kind column says it."""


def _created(batch: dict[str, Any]) -> str:
    """What an import created besides the records it added, in words: an exam import its
    people, a usage import its customers and subscriptions (it creates no people) and the
    usage rows it replaced, if any."""
    if batch["kind"] == "usage":
        parts = [
            figure(batch["customers_added_count"], "customers"),
            figure(batch["subscriptions_added_count"], "subscriptions"),
        ]
        replaced = int(batch.get("replaced_count") or 0)
        if replaced:
            # What the import took out of the months it replaced (put back by --remove).
            parts.append(_("{rows} replaced").format(rows=figure(replaced, "usage rows")))
        return ", ".join(parts)
    return figure(batch["people_added_count"], "people")


_MONTHS_CHOICES = {"add": N_("lines added"), "replace": N_("replaced whole")}
"""What the user chose for the months a usage file brought only some services of, as the
listing's "months held" column says it."""


def _months(batch: dict[str, Any]) -> str:
    """A usage import's choice for the months it brought only some services of; "not
    recorded" when it brought none or was made before the choice was recorded (its
    question came a session earlier); "" for an exam import."""
    if batch["kind"] != "usage":
        return ""
    choice = batch.get("months_choice")
    return _(_MONTHS_CHOICES[choice]) if choice in _MONTHS_CHOICES else _("not recorded")


def _listing(batches: list[dict[str, Any]]) -> list[str]:
    """The imports as a table: a heading, then one line each (figures right-aligned)."""
    heading = [
        "ID",
        _("imported (UTC)"),
        _("kind"),
        _("added"),
        _("dupl."),
        _("created"),
        _("months held"),
    ]
    rows = [
        [
            str(batch["id"]),
            f"{batch['imported_at']:%Y-%m-%d %H:%M}",
            _(_KINDS[batch["kind"]]) if batch["kind"] in _KINDS else str(batch["kind"]),
            number(batch["added_count"]),
            number(batch["duplicate_count"]),
            _created(batch),
            _months(batch),
        ]
        for batch in batches
    ]
    # Columns as wide as their widest text, at least as wide as they were in English.
    widths = [
        max(least, *(len(row[column]) for row in [heading, *rows]))
        for column, least in enumerate((4, 16, 6, 7, 6, 7, 11))
    ]
    right = (True, False, False, True, True, False, False)

    def line(cells: list[str], file: str) -> str:
        shown = [
            cell.rjust(width) if to_right else cell.ljust(width)
            for cell, width, to_right in zip(cells, widths, right, strict=True)
        ]
        return "  ".join([*shown, file])

    return [
        line(heading, _("file")),
        *(line(row, batch["file_name"]) for row, batch in zip(rows, batches, strict=True)),
    ]


def _refuse_an_unknown_import(db: Any, batch_id: int) -> None:
    """Says which ids there are when ``--remove`` names none of them."""
    from mpn_desktop.store import records

    ids = [batch["id"] for batch in records.import_batches(db)]
    if batch_id in ids:
        return
    where = db.where
    if not ids:
        said = _("imports --remove {id}: {database} holds no imports; nothing removed")
        raise MpnError(said.format(id=batch_id, database=where))
    listed = ", ".join(str(known) for known in ids)
    said = _(
        "imports --remove {id}: {database} holds no import with id {id} (its imports: "
        "{ids}); nothing removed. 'mpn-desktop imports' lists them."
    )
    raise MpnError(said.format(id=batch_id, database=where, ids=listed))
