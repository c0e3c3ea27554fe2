"""The ``import-usage`` command on the Partner Center samples: the figures of
PARTNER-CENTER-FILES.md § 11, re-imports, replacement and its undo, rates, MPN IDs, rejects."""

from __future__ import annotations

import json
from collections import defaultdict
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from mpn_desktop.cli import main

SAMPLES = Path(__file__).parent / "importers" / "fixtures" / "usage"
JANUARY = SAMPLES / "csp-usage-based-recon.2019-01.csv"
FEBRUARY = SAMPLES / "csp-usage-based-recon.2019-02.csv"
LICENCES = SAMPLES / "csp-license-based-recon.2019-02.csv"
S1, S2, S3, S4 = (f"1d2e3f40-5a6b-4c7d-8e9f-0a1b2c3d4e0{n}" for n in range(1, 5))


def run(db: list[str], *args: str) -> int:
    return main([*db, "import-usage", *args])


def document(db: list[str], tmp_path: Path) -> dict[str, Any]:
    """The database's content, read through the program (``export``) on either backend."""
    out = tmp_path / "export.json"
    out.unlink(missing_ok=True)
    assert main([*db, "export", str(out)]) == 0
    loaded: dict[str, Any] = json.loads(out.read_text(encoding="utf-8"))
    return loaded


def consumption(db: list[str], tmp_path: Path) -> dict[tuple[str, str], Decimal]:
    """Per subscription and month: the consumption the rules add up (every service and source)."""
    found: dict[tuple[str, str], Decimal] = defaultdict(Decimal)
    for row in document(db, tmp_path)["usage"]:
        amount = Decimal(str(row["consumption_usd"])).quantize(Decimal("0.01"))
        found[(row["subscription"], row["month"][:7])] += amount
    return {key: value for key, value in found.items() if value}


def subscriptions(db: list[str], tmp_path: Path) -> dict[str, dict[str, Any]]:
    """The exported subscriptions by their id."""
    return {s["id"]: s for s in document(db, tmp_path)["subscriptions"]}


def test_the_usage_files_give_the_consumption_of_section_11_by_charge_period(
    db_args: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = db_args
    assert run(db, str(JANUARY)) == 0
    out = capsys.readouterr().out
    assert "10 added, 0 duplicates, 0 errors" in out.splitlines()
    assert "2019-01: 4 subscriptions, consumption US$ 359.05" in out
    assert "3 customers, 4 subscriptions added" in out
    assert run(db, str(FEBRUARY)) == 0
    out = capsys.readouterr().out
    # The latent January line of the February invoice counts in January.
    assert "2019-01: 1 subscription, consumption US$ 2.04" in out
    assert "2019-02: 4 subscriptions, consumption US$ 342.97" in out
    assert "Credits and discounts not counted as consumption: US$ -15 (1 line)" in out
    assert consumption(db, tmp_path) == {
        (S1, "2019-01"): Decimal("160.31"),
        (S1, "2019-02"): Decimal("147.59"),
        (S2, "2019-01"): Decimal("143.73"),
        (S2, "2019-02"): Decimal("130.27"),
        (S3, "2019-01"): Decimal("30.53"),
        (S3, "2019-02"): Decimal("7.97"),
        (S4, "2019-01"): Decimal("26.52"),
        (S4, "2019-02"): Decimal("57.14"),
    }
    doc = document(db, tmp_path)
    by_id = {s["id"]: s for s in doc["subscriptions"]}
    assert by_id[S3]["customer"] == "Fabrikam Logistics, Inc."
    assert {(s["association"], s["associated_on"]) for s in by_id.values()} == {
        ("transacting", "2019-01-01")
    }
    services = {u["service"] for u in doc["usage"] if u["subscription"] == S1}
    assert services == {"Virtual Machines", "Storage", "Bandwidth"}


def test_importing_the_same_file_again_changes_nothing_and_exits_0(
    db_args: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = db_args
    assert run(db, str(FEBRUARY)) == 0
    before = document(db, tmp_path)
    capsys.readouterr()
    assert run(db, str(FEBRUARY)) == 0
    out = capsys.readouterr().out
    assert "0 added, 11 duplicates, 0 errors" in out.splitlines()
    assert "Nothing new to import." in out
    assert document(db, tmp_path) == before
    capsys.readouterr()
    assert main([*db, "imports"]) == 0
    assert capsys.readouterr().out.count(" usage ") == 1  # one batch: the second was not kept


def test_a_changed_invoice_replaces_its_rows_and_removing_it_puts_them_back_exactly(
    db_args: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = db_args
    assert run(db, str(JANUARY)) == 0
    assert run(db, str(FEBRUARY)) == 0
    before = document(db, tmp_path)
    changed = tmp_path / "february again.csv"
    changed.write_text(
        FEBRUARY.read_text(encoding="utf-8").replace(",126.34,", ",200.00,"), encoding="utf-8"
    )
    capsys.readouterr()
    assert run(db, str(changed)) == 0
    out = capsys.readouterr().out
    assert "1 row of an earlier import of the same source replaced" in out
    assert consumption(db, tmp_path)[(S1, "2019-02")] == Decimal("221.25")
    # January (another invoice) is as it was.
    assert consumption(db, tmp_path)[(S1, "2019-01")] == Decimal("160.31")
    assert main([*db, "imports", "--remove", "3"]) == 0
    assert "1 usage row it had replaced put back" in capsys.readouterr().out
    assert document(db, tmp_path) == before


def test_removing_an_import_names_the_customers_it_created(
    db_args: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    # Before: "10 usage rows, 4 subscriptions it created": the 3 customers the import had
    # added (and its line said so) went with it unnamed.
    db = db_args
    assert run(db, str(JANUARY)) == 0
    assert "3 customers, 4 subscriptions added" in capsys.readouterr().out
    assert main([*db, "imports", "--remove", "1"]) == 0
    assert "10 usage rows, 3 customers, 4 subscriptions it created" in capsys.readouterr().out


def test_licence_seats_and_revenue_of_section_11(db_args: list[str], tmp_path: Path) -> None:
    db = db_args
    assert run(db, str(LICENCES)) == 0
    doc = document(db, tmp_path)
    by_id = {s["id"]: s for s in doc["subscriptions"]}
    rows = [
        (
            u["subscription"],
            by_id[u["subscription"]]["workload"],
            by_id[u["subscription"]]["trial"],
            u["month"],
            Decimal(str(u["revenue_usd"])),
            u.get("paid_seats", 0),
        )
        for u in doc["usage"]
    ]
    february = {
        row[0][-4:]: (row[1], row[2], row[4], row[5]) for row in rows if row[3] == "2019-02"
    }
    assert february == {
        "b301": ("office365", False, Decimal("2160"), 150),
        "b302": ("ems", False, Decimal("768"), 120),
        "b303": ("office365", False, Decimal("225"), 5),
        "c404": ("office365", False, Decimal("450"), 45),
        "c405": ("ems", False, Decimal("195.43"), 45),
        "c406": ("office365", False, Decimal("54.29"), 0),
        "d507": ("dynamics-crm", False, Decimal("9936"), 10),
        "d508": ("office365", True, Decimal("0"), 0),
    }
    annual = sorted(row[3] for row in rows if row[0].endswith("d507"))
    assert annual[0] == "2019-02" and annual[-1] == "2020-01" and len(annual) == 12
    assert sum(row[4] for row in rows) == Decimal("13788.72")


def test_another_currency_needs_a_rate_and_is_converted_with_it(
    db_args: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = db_args
    euros = tmp_path / "euros.csv"
    euros.write_text(
        JANUARY.read_text(encoding="utf-8").replace(",USD,", ",EUR,"), encoding="utf-8"
    )
    assert run(db, str(euros)) == 1
    err = capsys.readouterr().err
    assert "line 2, Currency: amounts in EUR need a rate (what one EUR is in US$)" in err
    assert "Give the US$ rate of EUR with --usd-rate (e.g. --usd-rate EUR=1.18" in err
    assert consumption(db, tmp_path) == {}
    assert run(db, str(euros), "--usd-rate", "EUR=1.18") == 0
    assert consumption(db, tmp_path)[(S1, "2019-01")] == Decimal("189.17")  # 160.31 x 1.18
    assert run(db, str(euros), "--usd-rate", "EUR=one") == 2


def test_a_file_of_another_mpn_id_is_refused_naming_both_unless_allowed(
    db_args: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = db_args
    assert main([*db, "demo"]) == 0
    capsys.readouterr()
    assert run(db, str(JANUARY)) == 1
    err = capsys.readouterr().err
    assert "the file is for MPN ID 4412345, and this database's organisation is MPN ID" in err
    assert "--allow-other-mpn-id" in err
    assert not any(key[0] == S1 for key in consumption(db, tmp_path))
    assert run(db, str(JANUARY), "--allow-other-mpn-id") == 0
    assert consumption(db, tmp_path)[(S1, "2019-01")] == Decimal("160.31")


def test_bad_rows_are_skipped_into_a_rejects_file_only_when_asked(
    db_args: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = db_args
    sheet = tmp_path / "usage.csv"
    sheet.write_text(
        "customer,subscription,workload,association,month,consumption_usd\n"
        'Fabrikam,sub-1,azure,dpor,2018-01,"1,250.50"\n'
        "Fabrikam,sub-1,azure,dpor,Feb 2018,lots\n"
        "Litware,sub-2,azure,dpor,13/2018,10\n"
        "Litware,sub-2,azure,dpor,03/2018,20.25\n",
        encoding="utf-8",
    )
    assert run(db, str(sheet)) == 1
    err = capsys.readouterr().err
    assert "usage.csv: line 3, consumption_usd: 'lots' is not an amount" in err
    assert "usage.csv: line 4, month: '13/2018' is not a month" in err
    assert consumption(db, tmp_path) == {}
    rejects = tmp_path / "rejects.csv"
    assert run(db, str(sheet), "--skip-bad-rows", str(rejects)) == 0
    out = capsys.readouterr().out
    assert "2 records with errors were skipped and written to" in out
    assert consumption(db, tmp_path) == {
        ("sub-1", "2018-01"): Decimal("1250.50"),
        ("sub-2", "2018-03"): Decimal("20.25"),
    }
    text = rejects.read_text(encoding="utf-8-sig").splitlines()
    assert text[0] == "customer,subscription,workload,association,month,consumption_usd,error"
    assert text[1].startswith("Fabrikam,sub-1,azure,dpor,Feb 2018,lots,")
    assert "is not an amount" in text[1]


def test_a_sheet_in_a_comma_decimal_locale_reads_its_amounts_by_the_column(
    db_args: list[str],
    tmp_path: Path,
) -> None:
    db = db_args
    sheet = tmp_path / "verbrauch.csv"
    sheet.write_text(
        "customer;tenant_id;subscription;workload;association;associated_on;month;"
        "consumption_usd;active_users\n"
        "Fabrikam;fab;sub-1;azure;dpor;15.01.2017;2017-12;1.250;0\n"
        "Fabrikam;fab;sub-1;azure;dpor;15.01.2017;01/2018;1.250,50;0\n"
        "Fabrikam;fab;sub-1;azure;dpor;15.01.2017;Feb 2018;1 000,25;0\n",
        encoding="utf-8",
    )
    assert run(db, str(sheet)) == 0
    assert consumption(db, tmp_path) == {
        ("sub-1", "2017-12"): Decimal("1250.00"),
        ("sub-1", "2018-01"): Decimal("1250.50"),
        ("sub-1", "2018-02"): Decimal("1000.25"),
    }
    assert [
        (s["association"], s["associated_on"]) for s in subscriptions(db, tmp_path).values()
    ] == [("dpor", "2017-01-15")]


def test_a_file_that_is_not_usage_is_refused_with_what_it_lacks(
    db_args: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "other.csv"
    path.write_text("Name,Colour\nAna,blue\n", encoding="utf-8")
    assert run(db_args, str(path)) == 1
    err = capsys.readouterr().err
    assert "does not look like a file of usage lines" in err


def test_a_daily_rated_usage_file_sums_by_the_month_of_the_usage_day(
    db_args: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = db_args
    daily = tmp_path / "daily.csv"
    daily.write_text(
        "PartnerId,CustomerId,CustomerName,MpnId,InvoiceNumber,SubscriptionId,ChargeStartDate,"
        "UsageDate,MeterCategory,BillingPreTaxTotal,BillingCurrency,EntitlementId,"
        "EntitlementDescription\n"
        "p,t-1,Contoso,4412345,G1,plan-1,3/1/2020,3/30/2020,Storage,1.25,USD,az-1,Prod\n"
        "p,t-1,Contoso,4412345,G1,plan-1,3/1/2020,3/31/2020,Storage,2.50,USD,az-1,Prod\n"
        "p,t-1,Contoso,4412345,G1,plan-1,3/1/2020,4/1/2020,Virtual Machines,10.00,USD,az-1,Prod\n",
        encoding="utf-8",
    )
    assert run(db, str(daily)) == 0
    assert "daily rated usage file" in capsys.readouterr().out
    # By EntitlementId (the Azure subscription), not the Azure plan's SubscriptionId.
    assert consumption(db, tmp_path) == {
        ("az-1", "2020-03"): Decimal("3.75"),
        ("az-1", "2020-04"): Decimal("10.00"),
    }


def test_an_insights_azure_download_takes_the_attribution_and_leaves_out_duplicates(
    db_args: list[str],
    tmp_path: Path,
) -> None:
    db = db_args
    insights = tmp_path / "azure usage.tsv"
    insights.write_text(
        "SubscriptionId\tMonth\tServiceName\tCustomerName\tCustomerTenantId\tMPNID\t"
        "PartnerAttributionType\tIsACRDuplicateAtPGALevel\tACR_USD\n"
        "s-1\t1/1/2020\tStorage\tFabrikam\tt-9\t4412345\tPartner Admin Link (PAL)\t0\t100.50\n"
        "s-1\t1/1/2020\tStorage\tFabrikam\tt-9\t4412345\tPartner Admin Link (PAL)\t1\t100.50\n"
        "s-1\t2/1/2020\tCompute\tFabrikam\tt-9\t4412345\tPartner Admin Link (PAL)\t0\t20\n",
        encoding="utf-8",
    )
    assert run(db, str(insights)) == 0
    assert consumption(db, tmp_path) == {
        ("s-1", "2020-01"): Decimal("100.50"),
        ("s-1", "2020-02"): Decimal("20.00"),
    }
    assert [(s["workload"], s["association"]) for s in subscriptions(db, tmp_path).values()] == [
        ("azure", "pal")
    ]


def test_an_export_of_imported_usage_loads_back_the_same(
    db_args: list[str], tmp_path: Path
) -> None:
    db = db_args
    for path in (JANUARY, FEBRUARY, LICENCES):
        assert run(db, str(path)) == 0
    exported = tmp_path / "all.json"
    assert main([*db, "export", str(exported)]) == 0
    # Loaded into a SQLite file whichever backend exported it: the document is the same.
    again = ["--db", str(tmp_path / "again.sqlite3")]
    assert main([*again, "load", str(exported)]) == 0
    assert document(again, tmp_path)["usage"] == document(db, tmp_path)["usage"]


def test_amounts_beyond_what_the_store_keeps_are_refused_not_a_crash(
    db_args: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = db_args
    sheet = tmp_path / "big.csv"
    header = "customer,subscription,workload,association,month,consumption_usd\n"
    sheet.write_text(header + "A,s1,azure,dpor,2019-01," + "9" * 40 + "\n", encoding="utf-8")
    assert run(db, str(sheet)) == 1
    assert "is too large (amounts go up to 999,999,999,999.99)" in capsys.readouterr().err
    total = tmp_path / "total.csv"
    line = "A,s1,azure,dpor,2019-01,999999999999.00\n"
    total.write_text(header + line + line, encoding="utf-8")
    assert run(db, str(total)) == 1
    assert "add up to more than the program keeps" in capsys.readouterr().err
    assert consumption(db, tmp_path) == {}


def test_insights_licence_downloads_give_seats_and_users_per_subscription_or_tenant(
    db_args: list[str],
    tmp_path: Path,
) -> None:
    db = db_args
    office = tmp_path / "office 365 usage.tsv"
    office.write_text(
        "CustomerTenantId\tCustomerName\tWorkloadName\tMonth\tPaidAvailableUnits\t"
        "MonthlyActiveUsers\tPartnerAttributionType\tIsDuplicateRowForPGA\n"
        "t-1\tContoso\tExchange\t2020-06\t100\t80\tCSP\t0\n"
        "t-1\tContoso\tTeams\t2020-06\t100\t60\tCSP\t0\n"
        "t-1\tContoso\tTeams\t2020-06\t100\t99\tCSP\t1\n",
        encoding="utf-8",
    )
    ems = tmp_path / "ems usage.csv"
    ems.write_text(
        "SubscriptionId,CustomerTenantId,CustomerName,Month,SKU,FreeVsPaidSKU,"
        "PaidAvailableUnits,MonthlyActiveUsers,PartnerAttributionType\n"
        "e-1,t-1,Contoso,2020-06,Enterprise Mobility + Security E3,Paid,50,40,DPOR\n"
        "e-2,t-1,Contoso,2020-06,Intune trial,Free,25,25,DPOR\n",
        encoding="utf-8",
    )
    assert run(db, str(office)) == 0
    assert run(db, str(ems)) == 0
    doc = document(db, tmp_path)
    rows = sorted(
        (s["id"], s["workload"], s["association"], u.get("paid_seats", 0), u["active_users"])
        for s in doc["subscriptions"]
        for u in doc["usage"]
        if u["subscription"] == s["id"]
    )
    # Every subscription has usage (none is left without a row).
    assert {u["subscription"] for u in doc["usage"]} == {s["id"] for s in doc["subscriptions"]}
    # Office 365: the tenant's most seats and users of any workload (one person in Exchange and
    # Teams is one user); the duplicate row and the free EMS SKU are left out.
    assert rows == [
        ("e-1", "ems", "dpor", 50, 40),
        ("t-1 Office 365", "office365", "transacting", 100, 80),
    ]


def test_the_usage_import_messages_follow_language_de(
    db_args: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    """What the import read and summed, in German figures, months and plurals (--language de)."""
    from mpn_desktop.domain.vocabulary import use_language

    try:
        assert main([*db_args, "--language", "de", "import-usage", str(FEBRUARY)]) == 0
    finally:
        use_language("en")
    out = capsys.readouterr().out
    assert "Januar 2019: 1 Abonnement, Verbrauch US$ 2,04" in out
    assert "Februar 2019: 4 Abonnements, Verbrauch US$ 342,97" in out
    assert "Gutschriften und Rabatte, nicht als Verbrauch gezählt: US$ -15 (1 Zeile)" in out
    # The command's own lines too: how the file is read, the summary, what was added.
    assert "Laut den Spalten ist es eine nutzungsbasierte Abstimmungsdatei (Azure in CSP)." in out
    assert "Datumsangaben: Monat zuerst (Zeile 2: 2/28/2019 23:59)." in out
    assert "11 hinzugefügt, 0 Duplikate, 0 Fehler" in out.splitlines()
    assert "Import 1 abgeschlossen (3 Kunden, 4 Abonnements angelegt);" in out


def test_bad_usage_lines_are_said_in_german_with_language_de(
    db_args: list[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from mpn_desktop.domain.vocabulary import use_language

    sheet = tmp_path / "usage.csv"
    sheet.write_text(
        "customer,subscription,workload,association,month,consumption_usd\n"
        "Fabrikam,sub-1,azure,dpor,Feb 2018,lots\n"
        "Litware,sub-2,azure,dpor,13/2018,10\n"
        "Litware,sub-3,cloud,dpor,03/2018,20.25\n",
        encoding="utf-8",
    )
    try:
        assert main([*db_args, "--language", "de", "import-usage", str(sheet)]) == 1
    finally:
        use_language("en")
    err = capsys.readouterr().err
    assert "usage.csv: Zeile 2, consumption_usd: 'lots' ist kein Betrag" in err
    # The file's own column names stay as the file writes them.
    assert "usage.csv: Zeile 3, month: '13/2018' ist kein Monat (erwartet z. B." in err
    assert "usage.csv: Zeile 4, workload: 'cloud' ist keine Workload (" in err
    assert "Es wurde nichts importiert: Beheben Sie die 3 Fehler oben" in err
