"""Benchmark: scoring every Solutions Partner designation on the large organisation.

The large organisation of ``large_org.py`` (1,000 subscriptions x 36 months,
2,000 people, 10,000 exam results) in the Solutions Partner era: each usage
row gets one of eight Azure, Microsoft 365 or Dynamics services and paid seats,
the associations are the program's (CSP, DPOR, PAL, CPOR) and the exam codes
today's certification exams, so that every metric has data to walk. Issue 17's
target: ``score_designations`` for all six designations (every track) under 3x
one plain pass over the same facts (the pass of ``bench_evaluate.py``: every
usage row, exam result, person, reference and subscription read once).

The usage is added up once per facts and kept with them (``Facts.kept``:
``usage_figures.UsageSums`` and the per-scope month series, as the window's
evaluations after a load share them); every timed evaluation is on another
as-of day than the one before (six days in turn), each run of the plain pass
and of an evaluation one after the other, so that neither gets the quieter
moments of a shared machine. Wall and CPU time are both printed. For
information, not the target: the first evaluation on facts just loaded, which
adds the usage up (what an edit costs on a Solutions Partner day).

    .venv/bin/python benchmarks/bench_designations.py [--runs N]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from collections.abc import Callable
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_evaluate import plain_pass
from large_org import AS_OF, build_large_org

from mpn_desktop.domain.dates import Month
from mpn_desktop.domain.designation_score import score_designations
from mpn_desktop.domain.enums import Association, Workload
from mpn_desktop.domain.facts import Facts, Kept
from mpn_desktop.programs import shipped_scored_catalogs

_SERVICES = {
    Workload.AZURE: ("Storage", "SQL Database", "Key Vault", "Virtual Machines", "Sentinel"),
    Workload.OFFICE365: ("Exchange", "Teams", "SharePoint", "Defender for Office 365"),
    Workload.EMS: ("Intune", "Azure AD Premium"),
    Workload.DYNAMICS_CRM: ("Sales", "Customer Service", "Power BI", "Business Central"),
}
_ASSOCIATIONS = (Association.TRANSACTING, Association.DPOR, Association.PAL, Association.CPOR)
_CODES = {
    "70-533": "AZ-104",
    "70-532": "AZ-204",
    "70-534": "AZ-305",
    "70-346": "MS-700",
    "70-347": "MS-900",
    "MB2-714": "MB-210",
    "MB2-710": "MB-230",
    "MB2-712": "PL-400",
    "98-365": "SC-300",
}


def solutions_partner_org() -> Facts:
    """The large organisation with services, seats, today's associations and exam codes."""
    facts = build_large_org()
    subscriptions = tuple(
        replace(s, association=_ASSOCIATIONS[i % len(_ASSOCIATIONS)])
        for i, s in enumerate(facts.subscriptions)
    )
    workload = {s.id: s.workload for s in subscriptions}
    usage = tuple(
        replace(
            u,
            service=_SERVICES[workload[u.subscription]][
                i % len(_SERVICES[workload[u.subscription]])
            ],
            paid_seats=u.active_users * 2,
        )
        for i, u in enumerate(facts.usage)
    )
    exams = tuple(replace(e, exam_code=_CODES.get(e.exam_code, e.exam_code)) for e in facts.exams)
    return replace(facts, subscriptions=subscriptions, usage=usage, exams=exams)


DAYS = tuple(Month.of(AS_OF).plus(-back).first_day.replace(day=AS_OF.day) for back in range(6))
"""The as-of days evaluated in turn: each has the 25 months the metrics read in the data."""

YEARS_LATER = 6
"""The organisation moved into the program's years (2018 -> 2024): the qualification window
then looks back on days of the program, and its earlier days are scored too."""


def _later(day: date | None) -> date | None:
    if day is None:
        return None
    try:
        return day.replace(year=day.year + YEARS_LATER)
    except ValueError:  # 29 February
        return day.replace(year=day.year + YEARS_LATER, day=28)


def _later_day(day: date) -> date:
    found = _later(day)
    assert found is not None
    return found


def years_later(facts: Facts) -> Facts:
    """The same organisation with every day and month ``YEARS_LATER`` years on."""
    months: dict[Month, Month] = {}
    return replace(
        facts,
        subscriptions=tuple(
            replace(
                s,
                associated_on=_later_day(s.associated_on),
                started_on=_later_day(s.started_on),
                ended_on=_later(s.ended_on),
            )
            for s in facts.subscriptions
        ),
        usage=tuple(
            replace(u, month=months.setdefault(u.month, u.month.plus(12 * YEARS_LATER)))
            for u in facts.usage
        ),
        people=tuple(replace(p, left_on=_later(p.left_on)) for p in facts.people),
        exams=tuple(replace(e, passed_on=_later_day(e.passed_on)) for e in facts.exams),
    )


def _load() -> str:
    return (
        "load average {:.2f} {:.2f} {:.2f}".format(*os.getloadavg())
        if hasattr(os, "getloadavg")
        else ""
    )


def _interleaved(
    runs: int, first: Callable[[int], Any], second: Callable[[int], Any]
) -> tuple[tuple[list[float], list[float]], tuple[list[float], list[float]]]:
    """Wall and CPU milliseconds of ``first(run)`` and ``second(run)``, one after the other."""
    found: tuple[tuple[list[float], list[float]], ...] = (([], []), ([], []))
    for run in range(runs):
        for func, (wall, cpu) in zip((first, second), found, strict=True):
            started, cpu_started = time.perf_counter(), time.process_time()
            func(run)
            wall.append((time.perf_counter() - started) * 1000)
            cpu.append((time.process_time() - cpu_started) * 1000)
    return found[0], found[1]


def _line(
    label: str, base: tuple[list[float], list[float]], timed: tuple[list[float], list[float]]
) -> float:
    """Prints the medians and ratios; returns the larger of the wall and CPU ratios."""
    base_wall, base_cpu = (statistics.median(x) for x in base)
    wall, cpu = (statistics.median(x) for x in timed)
    print(
        f"{label:<36} median {wall:7.2f} ms (cpu {cpu:6.2f})  plain pass {base_wall:5.2f} ms "
        f"(cpu {base_cpu:5.2f})  ratio {wall / base_wall:5.2f}x (cpu {cpu / base_cpu:5.2f}x)"
    )
    return max(wall / base_wall, cpu / base_cpu)


def _measure(facts: Facts, days: tuple[date, ...], runs: int, when: str) -> float:
    """Each catalogue's evaluations on ``days`` in turn against the plain pass; the worst ratio."""
    worst = 0.0
    for catalog in shipped_scored_catalogs():
        targets = frozenset(d.id for d in catalog.designations)
        for day in days:  # the usage added up once per facts, as after the first evaluation
            score_designations(catalog, facts, day, targets)

        def scored(run: int, c: Any = catalog, t: frozenset[str] = targets) -> object:
            return score_designations(c, facts, days[run % len(days)], t)

        base, timed = _interleaved(runs, lambda _run: plain_pass(facts), scored)
        label = f"score_designations ({catalog.version}, {when})"
        worst = max(worst, _line(label, base, timed))
    return worst


def main() -> int:
    """Prints the medians per catalogue, the ratios and whether the target is met."""
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--runs", type=int, default=30)
    args = parser.parse_args()
    facts = solutions_partner_org()
    plain_pass(facts)
    print(_load())
    worst = _measure(facts, DAYS, args.runs, f"{DAYS[-1]} to {DAYS[0]}")
    print(_load())
    print(f"target: < 3x plain pass -> {'met' if worst < 3 else 'MISSED'} (worst {worst:.2f}x)")
    later = years_later(facts)
    later_days = tuple(_later_day(day) for day in DAYS)
    worst_later = _measure(
        later, later_days, max(3, args.runs // 3), f"{later_days[-1]} to {later_days[0]}"
    )
    print(_load())
    print(
        f"target {YEARS_LATER} years later (the qualification window's earlier days scored too): "
        f"< 3x plain pass -> {'met' if worst_later < 3 else 'MISSED'} (worst {worst_later:.2f}x)"
    )
    # For information: facts just loaded, with nothing added up yet (a new Kept each run).
    catalog = shipped_scored_catalogs()[-1]
    targets = frozenset(d.id for d in catalog.designations)
    base, timed = _interleaved(
        max(3, args.runs // 5),
        lambda _run: plain_pass(facts),
        lambda _run: score_designations(catalog, replace(facts, kept=Kept()), AS_OF, targets),
    )
    _line(f"first evaluation, facts just loaded ({catalog.version}); for information", base, timed)
    print(_load())
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
