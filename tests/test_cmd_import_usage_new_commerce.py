"""``import-usage`` on the new commerce invoice reconciliation file (PARTNER-CENTER-FILES.md § 4)
and the Insights Subscription details and Competency performance downloads (§ 6): the figures
the fixtures give, re-imports, and bad rows named by file, line and column."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from mpn_desktop.cli import main

SAMPLES = Path(__file__).parent / "importers" / "fixtures" / "usage"
NEW_COMMERCE = SAMPLES / "new-commerce-invoice-recon.2020-10.csv"
SUBSCRIPTION_DETAILS = SAMPLES / "insights-subscription-details.2021-01.tsv"
N1, N2, N3, N4, N5 = (f"5e6f7a8b-9c0d-4e1f-8a2b-00000000c00{n}" for n in range(1, 6))
D1, D2, D3 = (f"9a8b7c6d-0000-4e00-b000-00000000d00{n}" for n in range(1, 4))

Usage = dict[tuple[str, str], tuple[float, float, int, int]]


def run(db: list[str], *args: str) -> int:
    return main([*db, "import-usage", *args])


def document(db: list[str], tmp_path: Path) -> dict[str, Any]:
    """The database's content, read through the program (``export``) on either backend."""
    out = tmp_path / "export.json"
    out.unlink(missing_ok=True)
    assert main([*db, "export", str(out)]) == 0
    loaded: dict[str, Any] = json.loads(out.read_text(encoding="utf-8"))
    return loaded


def usage(db: list[str], tmp_path: Path) -> Usage:
    """Per subscription and month: consumption, revenue, active users, paid seats."""
    found: Usage = {}
    for row in document(db, tmp_path)["usage"]:
        key = (row["subscription"], row["month"][:7])
        assert key not in found, "one row per subscription and month (these files name no service)"
        found[key] = (
            round(row["consumption_usd"], 2),
            round(row["revenue_usd"], 2),
            row["active_users"],
            row.get("paid_seats", 0),  # left out of the document when 0
        )
    return found


def subscriptions(db: list[str], tmp_path: Path) -> dict[str, tuple[str, str, str, str, int]]:
    return {
        s["id"]: (s["workload"], s["association"], s["associated_on"], s["started_on"], s["trial"])
        for s in document(db, tmp_path)["subscriptions"]
    }


def test_a_new_commerce_invoice_gives_each_licences_seats_and_revenue(
    db_args: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = db_args
    assert run(db, str(NEW_COMMERCE)) == 0
    out = capsys.readouterr().out
    assert "new commerce invoice reconciliation file" in out
    assert "2020-10: 5 subscriptions, revenue US$ 11,815.09, 170 paid seats" in out
    assert "2 lines left out: Azure lines" in out
    assert "3 customers, 5 subscriptions added" in out
    found = usage(db, tmp_path)
    october = {key[0]: value for key, value in found.items() if key[1] == "2020-10"}
    assert october == {
        # 100 seats for the month, 20 added on 10/16: 120 at the month's end.
        N1: (0, 3530.20, 0, 120),
        # Ten Dynamics seats paid for a year up front.
        N2: (0, 7800.00, 0, 10),
        # 45 EMS seats, 5 removed on 10/20 (a removeQuantity written as -5).
        N3: (0, 456.50, 0, 40),
        # A trial: no paid seats.
        N4: (0, 0, 0, 0),
        # 10 seats cancelled on 10/12.
        N5: (0, 28.39, 0, 0),
    }
    # The annual charge (10/3/2020 to 10/2/2021) carries its seats to every month whose
    # last day it covers: October 2020 to September 2021.
    annual = sorted(month for subscription, month in found if subscription == N2)
    assert annual[0] == "2020-10" and annual[-1] == "2021-09" and len(annual) == 12
    assert {found[N2, month] for month in annual[1:]} == {(0, 0, 0, 10)}
    # The Azure plan line (consumption comes from the daily rated file) and the other
    # publisher's product are not imported.
    assert {subscription for subscription, _ in found} == {N1, N2, N3, N4, N5}
    assert subscriptions(db, tmp_path) == {
        N1: ("office365", "transacting", "2020-10-01", "2020-05-01", 0),
        N2: ("dynamics-crm", "transacting", "2020-10-01", "2020-10-01", 0),
        N3: ("ems", "transacting", "2020-10-01", "2020-06-01", 0),
        N4: ("office365", "transacting", "2020-10-01", "2020-10-01", 1),
        N5: ("office365", "transacting", "2020-10-01", "2020-03-01", 0),
    }


def test_the_same_new_commerce_invoice_again_changes_nothing(
    db_args: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = db_args
    assert run(db, str(NEW_COMMERCE)) == 0
    before = document(db, tmp_path)
    capsys.readouterr()
    assert run(db, str(NEW_COMMERCE)) == 0
    out = capsys.readouterr().out
    assert "0 added, 16 duplicates, 0 errors" in out.splitlines()
    assert "Nothing new to import." in out
    assert document(db, tmp_path) == before


def test_a_bad_row_of_a_new_commerce_invoice_is_named_and_imports_nothing(
    db_args: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = db_args
    lines = NEW_COMMERCE.read_text(encoding="utf-8-sig").splitlines()
    lines[2] = lines[2].replace(",addQuantity,32.00,20,", ",addQuantity,32.00,twenty,")
    lines[4] = lines[4].replace(",10/3/2020,10/2/2021,", ",10/33/2020,10/2/2021,")
    bad = tmp_path / "invoice.csv"
    bad.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert run(db, str(bad)) == 1
    err = capsys.readouterr().err
    assert "invoice.csv: line 3, Quantity: 'twenty' is not an amount" in err
    assert "invoice.csv: line 5, ChargeStartDate:" in err
    assert usage(db, tmp_path) == {}


def test_subscription_details_give_consumption_revenue_and_end_of_month_seats(
    db_args: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = db_args
    assert run(db, str(SUBSCRIPTION_DETAILS)) == 0
    out = capsys.readouterr().out
    assert "Insights Subscription details download" in out
    assert "2 lines left out: duplicate rows of another partner attribution, or products" in out
    assert usage(db, tmp_path) == {
        # AvailableSeatsEOP (120, 150), not AvailableSeats (the difference: 20, 30).
        (D1, "2021-01"): (0, 3840.00, 0, 120),
        (D1, "2021-02"): (0, 4800.00, 0, 150),
        # AzureConsumedRevenueUSD ('1,250.50'), the duplicate row of the PGA left out.
        (D2, "2021-01"): (1250.50, 0, 0, 0),
        (D2, "2021-02"): (980.25, 0, 0, 0),
        # Attached through CPOR: CPORActiveUsers are its active users.
        (D3, "2021-01"): (0, 0, 8, 10),
        # The Power BI line is no workload: left out.
    }
    assert subscriptions(db, tmp_path) == {
        D1: ("office365", "transacting", "2021-01-01", "2020-05-14", 0),
        D2: ("azure", "dpor", "2021-01-01", "2019-07-01", 0),
        D3: ("dynamics-crm", "cpor", "2021-01-01", "2020-11-01", 0),
    }
    before = document(db, tmp_path)
    assert run(db, str(SUBSCRIPTION_DETAILS)) == 0
    assert "0 added, 5 duplicates, 0 errors" in capsys.readouterr().out.splitlines()
    assert document(db, tmp_path) == before


def test_subscription_details_are_read_by_name_whatever_the_column_order(
    db_args: list[str],
    tmp_path: Path,
) -> None:
    rows = [line.split("\t") for line in SUBSCRIPTION_DETAILS.read_text("utf-8").splitlines()]
    reversed_file = tmp_path / "reversed.tsv"
    reversed_file.write_text(
        "".join("\t".join(reversed(row)) + "\n" for row in rows), encoding="utf-8"
    )
    # The file as shipped goes into a SQLite file, the reversed one into the test's database.
    as_shipped = ["--db", str(tmp_path / "a.sqlite3")]
    assert run(as_shipped, str(SUBSCRIPTION_DETAILS)) == 0
    assert run(db_args, str(reversed_file)) == 0
    assert usage(db_args, tmp_path) == usage(as_shipped, tmp_path)


def test_a_bad_row_of_subscription_details_is_named_and_imports_nothing(
    db_args: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = db_args
    lines = SUBSCRIPTION_DETAILS.read_text(encoding="utf-8").splitlines()
    lines[2] = lines[2].replace("\t150\t30\t", "\t150.5\t30\t")
    lines[6] = lines[6].replace("\tCPOR\t", "\tInfluencer\t")
    bad = tmp_path / "subscriptions.tsv"
    bad.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert run(db, str(bad)) == 1
    err = capsys.readouterr().err
    assert "subscriptions.tsv: line 3, AvailableSeatsEOP: '150.5' is not a whole number" in err
    assert "subscriptions.tsv: line 7, PartnerAttributionType: 'Influencer' is not an " in err
    assert usage(db, tmp_path) == {}


@pytest.mark.sqlite_only  # checks that no database file was created, which only SQLite has
def test_a_competency_performance_download_is_refused_saying_what_it_holds(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "competency performance.tsv"
    path.write_text(
        "CompetencyName\tCompetencyAttainmentOptionName\tMonth\tMetricName\t"
        "MetricMonthlyContribution\tTTMAggregate\tAnniversaryYearAggregate\tGoldThreshold\t"
        "SilverThreshold\n"
        "Cloud Platform\tAzure consumption\t1/1/2020\tACR\t1200\t14400\t14400\t60000\t12000\n",
        encoding="utf-8",
    )
    db_path = tmp_path / "t.sqlite3"
    assert run(["--db", str(db_path)], str(path)) == 1
    err = capsys.readouterr().err
    assert "line 1: nothing was imported: the file needs usage per subscription, which an " in err
    assert "Insights Competency performance download does not hold (it holds Microsoft's" in err
    assert not db_path.exists()  # refused before the database was opened
