"""Benchmark: scoring every Solutions Partner designation on the large organisation.

The large organisation of ``large_org.py`` (1,000 subscriptions x 36 months,
2,000 people, 10,000 exam results) in the Solutions Partner era: each usage
row gets one of eight Azure, Microsoft 365 or Dynamics services and paid seats,
the associations are the program's (CSP, DPOR, PAL, CPOR) and the exam codes
today's certification exams, so that every metric has data to walk. Issue 17's
target: ``score_designations`` for all six designations (every track) under 3x
one plain pass over the same facts (the pass of ``bench_evaluate.py``).

    .venv/bin/python benchmarks/bench_designations.py [--runs N]
"""

from __future__ import annotations

import argparse
import statistics
import sys
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_evaluate import _times, plain_pass
from large_org import AS_OF, build_large_org

from mpn_desktop.domain.designation_score import score_designations
from mpn_desktop.domain.enums import Association, Workload
from mpn_desktop.domain.facts import Facts
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


def main() -> int:
    """Prints the medians per catalogue, the ratios and whether the target is met."""
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--runs", type=int, default=20)
    args = parser.parse_args()
    facts = solutions_partner_org()
    base = statistics.median(_times(lambda: plain_pass(facts), args.runs))
    print(f"plain pass                        median {base:7.2f} ms")
    worst = 0.0
    for catalog in shipped_scored_catalogs():
        targets = frozenset(d.id for d in catalog.designations)
        scored = statistics.median(
            _times(lambda c=catalog, t=targets: score_designations(c, facts, AS_OF, t), args.runs)
        )
        ratio = scored / base
        worst = max(worst, ratio)
        print(f"score_designations ({catalog.version}) median {scored:7.2f} ms  ratio {ratio:.2f}x")
    print(f"target: < 3x plain pass -> {'met' if worst < 3 else 'MISSED'} (worst {worst:.2f}x)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
