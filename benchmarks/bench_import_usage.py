"""Speed and memory of ``import-usage`` on a usage-based reconciliation file, against least work.

Run: ``python benchmarks/bench_import_usage.py [--lines 100000 300000 1000000] [--repeat 1]``.

For each size it writes a legacy usage-based reconciliation file (the 34
columns of PARTNER-CENTER-FILES.md § 1): 12 monthly invoices, 1 subscription
per 100 lines (10,000 subscriptions for 1,000,000 lines), each month 4 of 5
services with 2 meters each, month-first dates, amounts with cents. Then, each
in a fresh Python process (so the peak resident set size is the step's own):

* the whole ``import-usage`` command through ``mpn_desktop.cli.main`` on a
  fresh SQLite file (detection, the date and decimal-mark surveys, validation,
  the sums per subscription, month and service, subscriptions and customers
  created, the one-transaction write);
* the baseline: Python's ``csv`` reading the same file and one ``sqlite3``
  ``executemany`` of its rows into a fresh table in one transaction.

It prints wall-clock seconds and CPU seconds (user + system of the process;
on a shared machine the wall clock also counts the time others had the CPU),
best of ``--repeat``, the ratios (target: at most 2.5x), the peak RSS of each
(target for the import: under 300 MB) and the import's CPU seconds per 100,000
lines, which should stay about the same from size to size (linear).
"""

from __future__ import annotations

import argparse
import contextlib
import csv
import io
import json
import os
import random
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HEADER = [
    "PartnerId",
    "PartnerName",
    "PartnerBillableAccountId",
    "CustomerCompanyName",
    "MpnId",
    "InvoiceNumber",
    "ChargeStartDate",
    "ChargeEndDate",
    "SubscriptionId",
    "SubscriptionName",
    "SubscriptionDescription",
    "OrderId",
    "ServiceName",
    "ServiceType",
    "ResourceGuid",
    "ResourceName",
    "Region",
    "Sku",
    "DetailLineItemId",
    "ConsumedQuantity",
    "IncludedQuantity",
    "OverageQuantity",
    "ListPrice",
    "PretaxCharges",
    "TaxAmount",
    "PostTaxTotal",
    "Currency",
    "PretaxEffectiveRate",
    "PostTaxEffectiveRate",
    "ChargeType",
    "CustomerId",
    "DomainName",
    "BillingCycleType",
    "Unit",
]
SERVICES = ("Virtual Machines", "Storage", "Bandwidth", "SQL Database", "Azure App Service")
LINES_PER_SUBSCRIPTION = 100
"""12 months x 4 services x 2 meters = 96 lines, rounded: 10,000 subscriptions per 1M lines."""
_LAST_DAY = (31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def write_usage_file(path: Path, lines: int, seed: int = 13) -> None:
    """A usage-based reconciliation file of exactly ``lines`` records."""
    rng = random.Random(seed)
    subscriptions = max(1, lines // LINES_PER_SUBSCRIPTION)
    partner = "3f2a9c1e-7b4d-4e2a-9a61-2c5d8e0f1a77"
    written = 0
    with path.open("w", newline="", encoding="utf-8") as stream:
        writer = csv.writer(stream)
        writer.writerow(HEADER)
        while written < lines:
            for month in range(1, 13):
                start, end = f"{month}/1/2019 0:00", f"{month}/{_LAST_DAY[month - 1]}/2019 23:59"
                invoice = f"D02000{month:02d}AB"
                for index in range(subscriptions):
                    customer = index // 3
                    services = rng.sample(SERVICES, 4)
                    for service in services:
                        for meter in (1, 2):
                            if written >= lines:
                                return
                            charge = rng.randrange(0, 50_000) / 100
                            writer.writerow(
                                (
                                    partner,
                                    "Northwind Cloud Services, Ltd.",
                                    "1010578123",
                                    f"Customer {customer:05d}",
                                    "4412345",
                                    invoice,
                                    start,
                                    end,
                                    f"sub-{index:06d}-4c7d-8e9f-0a1b2c3d4e01",
                                    "Microsoft Azure",
                                    "Microsoft Azure",
                                    "568297985427000101",
                                    service,
                                    "Standard",
                                    f"b7e1a2c3-4d5e-4f60-8a1b-2c3d4e5f6a{meter:02d}",
                                    f"Meter {meter}",
                                    "EU West",
                                    "7UD-00001",
                                    meter,
                                    "672",
                                    "0",
                                    "672",
                                    "0.188",
                                    f"{charge:.2f}",
                                    f"{charge / 10:.2f}",
                                    f"{charge * 1.1:.2f}",
                                    "USD",
                                    "0.18800595",
                                    "0.2068006",
                                    "Assess usage fee for current cycle",
                                    f"cust-{customer:06d}-2f4a-4b6c-8d0e-1a2b3c4d5e6f",
                                    f"customer{customer}.onmicrosoft.com",
                                    "Monthly",
                                    "1 Hour",
                                )
                            )
                            written += 1


def run_import(csv_path: Path, db_path: Path) -> float:
    """Seconds for ``mpn-desktop --db NEW import-usage FILE``, in this process."""
    from mpn_desktop.cli import main

    output = io.StringIO()
    start = time.perf_counter()
    with contextlib.redirect_stdout(output):
        code = main(["--db", str(db_path), "import-usage", str(csv_path)])
    elapsed = time.perf_counter() - start
    if code != 0:
        sys.exit(f"import-usage failed (exit {code}):\n{output.getvalue()}")
    return elapsed


def run_baseline(csv_path: Path, db_path: Path) -> float:
    """Seconds for csv reading plus one executemany into a fresh table, in one transaction."""
    start = time.perf_counter()
    connection = sqlite3.connect(db_path)
    connection.execute(f"CREATE TABLE usage ({', '.join(f'c{i}' for i in range(len(HEADER)))})")
    with csv_path.open(newline="", encoding="utf-8") as stream:
        rows = csv.reader(stream)
        next(rows)
        with connection:
            connection.executemany(
                f"INSERT INTO usage VALUES ({', '.join('?' * len(HEADER))})", rows
            )
    connection.close()
    return time.perf_counter() - start


def _peak_rss_mib() -> float:
    """This process's peak resident set size (VmHWM on Linux, else ru_maxrss), MiB."""
    with contextlib.suppress(OSError), Path("/proc/self/status").open(encoding="ascii") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    import resource

    unit = 1 if sys.platform == "darwin" else 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * unit / (1024 * 1024)


def in_child(step: str, csv_path: Path, folder: Path) -> tuple[float, float, float]:
    """Runs ``step`` (import or baseline) in a fresh process: wall and CPU seconds, peak MiB."""
    db_path = folder / f"{step}-{time.monotonic_ns()}.sqlite3"
    completed = subprocess.run(
        [sys.executable, __file__, "--child", step, str(csv_path), str(db_path)],
        check=True,
        capture_output=True,
        text=True,
        env={**os.environ, **_isolated(folder)},
    )
    figures = json.loads(completed.stdout.strip().splitlines()[-1])
    return float(figures["seconds"]), float(figures["cpu"]), float(figures["peak_rss_mib"])


def _isolated(folder: Path) -> dict[str, str]:
    """Environment keeping the program's log and settings files out of the real user folders."""
    found = {}
    for variable in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME"):
        path = folder / variable.lower()
        path.mkdir(exist_ok=True)
        found[variable] = str(path)
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--lines", type=int, nargs="+", default=[100_000, 300_000, 1_000_000])
    parser.add_argument("--repeat", type=int, default=1)
    parser.add_argument("--child", nargs=3, metavar=("STEP", "CSV", "DB"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        step, csv_path, db_path = args.child
        run = run_import if step == "import" else run_baseline
        if step == "import":
            # Opening (and creating) the database first: its migrations are the same for
            # every file size, and the baseline's fresh table has none.
            from mpn_desktop.store.database import Database

            Database.open(f"sqlite:///{db_path}").close()
        cpu = time.process_time()
        seconds = run(Path(csv_path), Path(db_path))
        cpu = time.process_time() - cpu
        print(json.dumps({"seconds": seconds, "cpu": cpu, "peak_rss_mib": _peak_rss_mib()}))
        return
    print("import-usage benchmark: usage-based reconciliation file, 12 months, 4 services x 2")
    print(
        f"{'lines':>9}  {'import s':>8}  {'base s':>6}  {'ratio':>6}  {'import cpu':>10}  "
        f"{'base cpu':>8}  {'ratio':>6}  {'import MiB':>10}  {'base MiB':>8}  {'cpu/100k':>8}"
    )
    with tempfile.TemporaryDirectory(prefix="bench-import-usage-") as temp:
        folder = Path(temp)
        for lines in args.lines:
            csv_path = folder / f"usage-{lines}.csv"
            write_usage_file(csv_path, lines)
            runs: dict[str, list[tuple[float, float, float]]] = {"import": [], "baseline": []}
            for _ in range(args.repeat):
                # Interleaved, so a busy moment of a shared machine slows both alike.
                for step in ("baseline", "import"):
                    runs[step].append(in_child(step, csv_path, folder))
            wall = {step: min(r[0] for r in found) for step, found in runs.items()}
            cpu = {step: min(r[1] for r in found) for step, found in runs.items()}
            peak = {step: max(r[2] for r in found) for step, found in runs.items()}
            print(
                f"{lines:>9,}  {wall['import']:>8.2f}  {wall['baseline']:>6.2f}  "
                f"{wall['import'] / wall['baseline']:>5.2f}x  {cpu['import']:>10.2f}  "
                f"{cpu['baseline']:>8.2f}  {cpu['import'] / cpu['baseline']:>5.2f}x  "
                f"{peak['import']:>10.0f}  {peak['baseline']:>8.0f}  "
                f"{cpu['import'] / lines * 100_000:>8.2f}",
                flush=True,
            )
            csv_path.unlink()


if __name__ == "__main__":
    main()
