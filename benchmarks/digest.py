"""Exactness check for speed work: one hash of every designation and competency result.

Scores every shipped scored catalogue on the benchmark organisation (as of 2018, moved
on to 2024 and to 2026; six as-of days each; the facts held as tuples of records and as
columns) and evaluates the 2017-2018 competencies on the large organisation on the same
six days. With ``--loaded`` the facts are also stored in a SQLite file and read back by
``load_facts`` afresh for each evaluation, the usage from where the program reads it for
the day (columns as the loader hands them over, some converted only when first read),
and each of those scores and competency results must hash as the records' do,
decimals compared by value (not part of TOTAL). Each result is written out in a canonical
form (exact fractions and decimals, sets sorted, lazy evidence worked out, the
``status --json`` words of each designation) and hashed. A change meant to be only
faster must print the same TOTAL and CENTS before and after (CENTS: the designations
again with the usage money in cents, as real files have it):

    PYTHONHASHSEED=0 .venv/bin/python benchmarks/digest.py [--verbose]
"""

from __future__ import annotations

import argparse
import dataclasses
import enum
import functools
import hashlib
import json
import sys
import tempfile
from collections.abc import Iterable, Mapping
from datetime import date
from decimal import Decimal
from fractions import Fraction
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_designations import (
    DAYS,
    MONTHS_2024,
    MONTHS_2026,
    moved_on,
    shifted_day,
    solutions_partner_org,
)
from large_org import build_large_org

from mpn_desktop.catalog_files import load_catalog
from mpn_desktop.domain.dates import Month
from mpn_desktop.domain.designation_json import designation_to_json
from mpn_desktop.domain.designation_score import score_designations, usage_start
from mpn_desktop.domain.evaluate import evaluate
from mpn_desktop.domain.exam_rows import ExamRows
from mpn_desktop.domain.facts import Facts, Kept
from mpn_desktop.domain.performance import usage_window_start
from mpn_desktop.domain.usage_rows import UsageRows
from mpn_desktop.programs import shipped_scored_catalogs
from mpn_desktop.store.database import Database
from mpn_desktop.store.documents import document_from_facts, load_document
from mpn_desktop.store.facts_loader import load_facts


def canonical(
    value: Any, out: list[str], seen: tuple[int, ...] = (), exponents: bool = True
) -> None:
    """Appends ``value`` in a form that is equal exactly when the values are (decimals
    equal in value but not in exponent differ unless ``exponents`` is False: the database
    gives money its column's two places)."""
    if value is None or isinstance(value, (bool, int, str, float)):
        out.append(repr(value))
    elif isinstance(value, enum.Enum):
        out.append(f"{type(value).__name__}.{value.name}")
    elif isinstance(value, Decimal):
        out.append(f"D{value if exponents else value.normalize()}")
    elif isinstance(value, Fraction):
        out.append(f"F{value}")
    elif isinstance(value, date):
        out.append(value.isoformat())
    elif isinstance(value, functools.partial):
        canonical(value(), out, seen, exponents)
    elif id(value) in seen:
        out.append("<cycle>")
    elif dataclasses.is_dataclass(value) and not isinstance(value, type):
        out.append(type(value).__name__ + "(")
        for field in dataclasses.fields(value):
            out.append(field.name + "=")
            canonical(getattr(value, field.name), out, (*seen, id(value)), exponents)
            out.append(",")
        out.append(")")
    elif isinstance(value, (set, frozenset)):
        parts = []
        for item in value:
            piece: list[str] = []
            canonical(item, piece, (*seen, id(value)), exponents)
            parts.append("".join(piece))
        out.append("{" + ",".join(sorted(parts)) + "}")
    elif isinstance(value, Mapping):
        parts = []
        for key, item in value.items():
            piece = []
            canonical(key, piece, seen, exponents)
            piece.append(":")
            canonical(item, piece, (*seen, id(value)), exponents)
            parts.append("".join(piece))
        out.append("{" + ",".join(sorted(parts)) + "}")
    elif isinstance(value, Iterable):
        out.append(type(value).__name__ + "[")
        for item in value:
            canonical(item, out, (*seen, id(value)), exponents)
            out.append(",")
        out.append("]")
    elif hasattr(value, "__dict__") or hasattr(type(value), "__slots__"):
        names = sorted(
            getattr(value, "__dict__", {}).keys()
            | {s for k in type(value).__mro__ for s in getattr(k, "__slots__", ())}
        )
        out.append(type(value).__name__ + "(")
        for name in names:
            if name.startswith("__") or not hasattr(value, name):
                continue
            out.append(name + "=")
            canonical(getattr(value, name), out, (*seen, id(value)), exponents)
            out.append(",")
        out.append(")")
    else:
        raise TypeError(f"no canonical form for {type(value)!r}")


def _hash(value: Any, exponents: bool = True) -> str:
    out: list[str] = []
    canonical(value, out, exponents=exponents)
    return hashlib.sha1("".join(out).encode()).hexdigest()[:12]


def words_of(scores: Iterable[Any]) -> str:
    """The scores' ``status --json`` words, canonical."""
    return json.dumps([designation_to_json(s) for s in scores], sort_keys=True, default=str)


def _as_columns(facts: Facts) -> Facts:
    return dataclasses.replace(
        facts,
        usage=UsageRows.from_columns(UsageRows.of(facts.usage).columns),
        exams=ExamRows.from_columns(ExamRows.of(facts.exams).columns),
        kept=Kept(),
    )


def _stored(facts: Facts, folder: Path) -> Path:
    """A new SQLite file in ``folder`` holding ``facts`` (checked: they read back equal)."""
    path = folder / f"digest{len(list(folder.iterdir()))}.sqlite3"
    with Database.open(f"sqlite:///{path}") as db:
        load_document(db, document_from_facts(facts))
        if load_facts(db) != facts:
            raise SystemExit("the facts read back differ from the stored ones")
    return path


def _read(path: Path, usage_from: Month) -> Facts:
    """The facts in ``path`` as ``load_facts`` hands them over, the usage from ``usage_from``
    (as the program reads them for a day), nothing read yet (some columns converted only
    when first read): a fresh read for each evaluation checked, as comparing facts, or an
    evaluation before, converts every column it reads."""
    with Database.open(f"sqlite:///{path}") as db:
        return dataclasses.replace(load_facts(db, usage_from=usage_from), kept=Kept())


def _same_by_value(value: Any, again: Any) -> bool:
    """Whether ``again`` hashes as ``value`` does, decimals compared by value."""
    return _hash(again, exponents=False) == _hash(value, exponents=False)


def _designations(org: Facts, total: Any, stored_in: Path | None, verbose: bool) -> int:
    """Adds every designation score of ``org`` (moved on, every catalogue, every day) to
    the hash ``total``; with ``stored_in`` also compares the loaded facts' scores. Returns
    how many of those differ."""
    mismatches = 0
    for months in (0, MONTHS_2024, MONTHS_2026):
        moved = moved_on(org, months) if months else org
        days = tuple(shifted_day(day, months) for day in DAYS)
        stored = _stored(moved, stored_in) if stored_in is not None else None
        for catalog in shipped_scored_catalogs():
            targets = frozenset(d.id for d in catalog.designations)
            for held, facts in (("tuples", moved), ("columns", _as_columns(moved))):
                for day in days:
                    scores = score_designations(catalog, facts, day, targets)
                    words = words_of(scores)
                    part = _hash((scores, words))
                    total.update(part.encode())
                    if verbose:
                        print(f"{catalog.version} +{months:3d} {held:7} {day} {part}")
                    if stored is not None and held == "tuples":
                        loaded = _read(stored, usage_start(day))
                        again = score_designations(catalog, loaded, day, targets)
                        if not _same_by_value((scores, words), (again, words_of(again))):
                            mismatches += 1
                            print(f"{catalog.version} +{months:3d} {day}: loaded facts differ")
    return mismatches


def _digest(loaded_too: bool, verbose: bool, folder: Path) -> int:
    """Prints TOTAL and CENTS (and with ``loaded_too`` whether loaded facts score and
    evaluate as the records, their files in ``folder``); 1 if they do not.

    TOTAL: the organisation's money in whole US$ (as first printed) and the competencies;
    CENTS: the designations again with money in cents, as real files have it (SQLite stores
    such amounts otherwise than whole numbers, so the loaded facts take other paths)."""
    total = hashlib.sha1()
    stored_in = folder if loaded_too else None
    mismatches = _designations(solutions_partner_org(cents=False), total, stored_in, verbose)
    large = build_large_org()
    competencies = load_catalog()
    # The window evaluates the competencies on loaded facts too: exam days compared as their
    # money converted when first read (``ConvertedColumn``).
    large_stored = _stored(large, folder) if loaded_too else None
    for day in DAYS:
        progress = evaluate(competencies, large, day)
        part = _hash(progress)
        total.update(part.encode())
        if verbose:
            print(f"competencies {day} {part}")
        if large_stored is not None and not _same_by_value(
            progress, evaluate(competencies, _read(large_stored, usage_window_start(day)), day)
        ):
            mismatches += 1
            print(f"competencies {day}: loaded facts differ")
    print(f"TOTAL {total.hexdigest()[:12]}")
    cents = hashlib.sha1()
    mismatches += _designations(solutions_partner_org(cents=True), cents, stored_in, verbose)
    print(f"CENTS {cents.hexdigest()[:12]}")
    if loaded_too:
        print(f"loaded facts score as the records: {'yes' if not mismatches else 'NO'}")
    return 1 if mismatches else 0


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--verbose", action="store_true", help="print each part's hash")
    parser.add_argument(
        "--loaded",
        action="store_true",
        help="also score and evaluate the facts as load_facts reads them",
    )
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:  # the loaded facts' SQLite files
        return _digest(args.loaded, args.verbose, Path(folder))


if __name__ == "__main__":
    raise SystemExit(main())
