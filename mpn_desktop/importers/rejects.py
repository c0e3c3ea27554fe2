"""The bad records of an import, written to a CSV the user can fix and import again."""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

from mpn_desktop.domain.vocabulary import _
from mpn_desktop.importers.importing import ERROR_COLUMN, ImportResult
from mpn_desktop.importers.table_text import csv_bytes
from mpn_desktop.store.import_transaction import USAGE
from mpn_desktop.store.user_files import write_user_file

__all__ = ["ERROR_COLUMN", "rejects_advice", "write_rejects"]


def write_rejects(
    path: Path, header: tuple[str, ...], result: ImportResult, *, database: Path | None
) -> Path:
    """Writes each rejected record with its cells and, last, its line in the file read and
    what was wrong with it.

    The file has the import's header (plus ``error``), so once fixed it can be
    imported as it is; the error column is ignored then. Written through the
    one writer of user-chosen files (never over the open database).
    """
    problems: dict[int, list[str]] = defaultdict(list)
    for problem in result.errors:
        said = f"{problem.field}: {problem.message}" if problem.field else problem.message
        problems[problem.line].append(said)
    # A record with more cells than the header (a delimiter in an unquoted cell) keeps
    # them all, under columns without a name: the user mends it, nothing is lost.
    width = max(len(header), max((len(cells) for _line, cells in result.rejected), default=0))
    # The record's line in the file read, to find it there (usage lines are corrected there).
    rows = [
        [
            *cells,
            *[""] * (width - len(cells)),
            _("line {line}: {message}").format(line=line, message="; ".join(problems[line])),
        ]
        for line, cells in result.rejected
    ]
    named = [*header, *[""] * (width - len(header)), ERROR_COLUMN]
    return write_user_file(path, csv_bytes(named, rows), database=database)


def rejects_advice(result: ImportResult) -> str:
    """How to import the skipped records once corrected ("" when importing the rejects file
    does it): usage lines go back into the file they came from, which is imported again
    (alone, they would replace the months the import kept)."""
    if result.kind != USAGE or not result.rejected:
        return ""
    return _(
        "Correct the skipped lines in {file} itself and import it again: its months are "
        "replaced whole (the rejects file alone would replace the months this import kept)."
    ).format(file=result.path.name)
