"""Benchmark: the checklist of the five cloud competencies of the large organisation as PDF (< 1 s).

Times, on the large organisation of ``benchmarks/large_org.py``, evaluating
it and building the document model, then rendering that to a PDF file (the
``checklist --pdf`` path once the facts are loaded), and, with the organisation
stored in a temporary SQLite file, the whole way from the database to the PDF
(what ``checklist --pdf`` and File > Export checklist as PDF do); prints the figures.

    QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/bench_checklist.py [--runs N]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from datetime import date
from functools import partial
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

TARGET_MS = 1000.0


def _report(label: str, times: list[float]) -> None:
    ordered = sorted(times)
    print(
        f"{label:<27} median {statistics.median(times):8.1f} ms   "
        f"min {ordered[0]:8.1f} ms   max {ordered[-1]:8.1f} ms   ({len(times)} runs)"
    )


def _from_the_database(
    facts: Any, catalog: Any, as_of: date, pdf: Path, args: argparse.Namespace
) -> list[float]:
    """Times load_facts + evaluate + build_checklist + render_pdf on a stored organisation."""
    from mpn_desktop.domain.evaluate import evaluate
    from mpn_desktop.domain.performance import usage_window_start
    from mpn_desktop.reports.checklist import build_checklist
    from mpn_desktop.reports.render import render_pdf
    from mpn_desktop.store.user_files import write_user_file

    save_pdf = partial(write_user_file, database=None)
    from mpn_desktop.store.database import Database
    from mpn_desktop.store.documents import document_from_facts, load_document
    from mpn_desktop.store.facts_loader import load_facts

    times: list[float] = []
    with Database.open(f"sqlite:///{pdf.with_name('large.sqlite3')}") as db:
        load_document(db, document_from_facts(facts))
        for _ in range(args.runs):
            start = time.perf_counter()
            stored = load_facts(db, usage_from=usage_window_start(as_of))
            progress = evaluate(catalog, stored, as_of)
            document = build_checklist(catalog, stored, progress, printed_on=date(2018, 3, 16))
            render_pdf(document, pdf, args.page_size, save=save_pdf)
            times.append((time.perf_counter() - start) * 1000)
    return times


def _plain_pdf_times(lines: list[str], runs: int) -> list[float]:
    """Milliseconds to print ``lines`` as one plain QTextDocument to a PDF (the least Qt does)."""
    from PySide6.QtGui import QPdfWriter, QTextDocument

    times: list[float] = []
    with tempfile.TemporaryDirectory() as folder:
        path = str(Path(folder) / "plain.pdf")
        for _ in range(runs + 1):  # the first run warms the fonts up, untimed
            start = time.perf_counter()
            document = QTextDocument()
            document.setPlainText("\n".join(lines))
            document.print_(QPdfWriter(path))
            times.append((time.perf_counter() - start) * 1000)
    return times[1:]


def main() -> int:
    """Runs the benchmark and prints its figures."""
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--page-size", default="A4", choices=["A4", "Letter"])
    parser.add_argument("--keep", metavar="PDF", help="also save the last PDF here")
    args = parser.parse_args()

    if not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    import large_org
    from PySide6.QtGui import QGuiApplication

    from mpn_desktop.catalog_files import load_catalog
    from mpn_desktop.domain.evaluate import evaluate
    from mpn_desktop.reports.checklist import Checklist, build_checklist
    from mpn_desktop.reports.render import render_pdf
    from mpn_desktop.store.user_files import write_user_file

    save_pdf = partial(write_user_file, database=None)

    app = QGuiApplication.instance() or QGuiApplication([])
    facts = large_org.build_large_org()
    as_of = large_org.AS_OF
    catalog = load_catalog(None)
    targets = sorted(target.competency for target in facts.targets)
    print(
        f"large organisation: {len(facts.subscriptions)} subscriptions, "
        f"{len(facts.people)} people, {len(facts.references)} references; "
        f"targets: {', '.join(targets)}"
    )

    def build() -> Checklist:
        progress = evaluate(catalog, facts, as_of)
        return build_checklist(catalog, facts, progress, printed_on=date(2018, 3, 16))

    document = build()
    build_times: list[float] = []
    render_times: list[float] = []
    total_times: list[float] = []
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "checklist.pdf"
        pages = render_pdf(
            document, path, args.page_size, save=save_pdf
        )  # warm-up: fonts, first PDF
        for _ in range(args.runs):
            start = time.perf_counter()
            document = build()
            built = time.perf_counter()
            pages = render_pdf(document, path, args.page_size, save=save_pdf)
            done = time.perf_counter()
            build_times.append((built - start) * 1000)
            render_times.append((done - built) * 1000)
            total_times.append((done - start) * 1000)
        size_kb = path.stat().st_size / 1024
        if args.keep:
            Path(args.keep).write_bytes(path.read_bytes())
        whole_times = _from_the_database(facts, catalog, as_of, path, args)
    print(
        f"checklist: {len(document.sections)} competencies, "
        f"{len(document.text_lines())} text lines, "
        f"{pages} pages {args.page_size}, {size_kb:.0f} KiB"
    )
    _report("evaluate + build_checklist", build_times)
    _report("render_pdf", render_times)
    _report("all three", total_times)
    _report("database to PDF", whole_times)
    median = statistics.median(render_times)
    base = statistics.median(_plain_pdf_times(document.text_lines(), args.runs))
    print(
        f"baseline: the same {len(document.text_lines())} text lines as one plain QTextDocument "
        f"printed to a PDF: {base:.0f} ms; render_pdf {median / base:.2f}x"
    )
    verdict = "meets" if median < TARGET_MS else "MISSES"
    print(f"target: median render to PDF < {TARGET_MS:.0f} ms -> {verdict} ({median:.0f} ms)")
    del app
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
