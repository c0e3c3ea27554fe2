"""The catalog command, and ``--catalog FILE`` for catalog and status."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from mpn_desktop.catalog_files import shipped_catalog_path
from mpn_desktop.cli import main

AS_OF = "2018-03-15"


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def _edited_catalog(tmp_path: Path) -> Path:
    """A copy of the shipped catalogue with other Cloud Platform figures and name."""
    document: dict[str, Any] = json.loads(shipped_catalog_path().read_text(encoding="utf-8"))
    platform = document["competencies"][0]
    platform["name"] = "Cloud Platform (edited)"
    measure = platform["options"][0]["performance"]["measures"][0]
    measure["thresholds"]["silver"]["developed"] = 1
    document["version"] = "2017-2018 edited"
    path = tmp_path / "edited.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    return path


def test_catalog_json_shows_all_17_competencies_with_their_figures(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out, err = _run(capsys, "catalog", "--json")
    assert code == 0 and err == ""
    document = json.loads(out)
    competencies = document["competencies"]
    assert len(competencies) == 17
    assert sum(1 for item in competencies if item["retired"]) == 12
    figures = {
        (item["id"], option["id"], measure["id"]): measure["thresholds"]
        for item in competencies
        for option in item.get("options", [])
        for measure in option["performance"]["measures"]
    }
    assert figures[("cloud-platform", "azure-consumption", "azure-consumption")] == {
        "silver": {"developed": 15000, "developing": 10000},
        "gold": {"developed": 100000, "developing": 100000},
    }
    assert figures[("cloud-crm", "cloud-crm-reseller", "crm-net-new-revenue")]["gold"] == {
        "developed": 300000,
        "developing": 150000,
    }
    assert figures[("enterprise-mobility-management", "smb-partner", "ems-new-customers")] == {
        "silver": {"developed": 20, "developing": 20},
        "gold": {"developed": 5, "developing": 5},
    }
    assert len(figures) == 8
    for item in competencies:
        if not item["retired"]:
            assert item["references"]["silver"] == 3 and item["references"]["gold"] == 5
        else:
            assert item["retirement"]["retired_on"] == "2018-01-30"
    assert [(item["silver"], item["gold"]) for item in document["fee"]["schedules"]] == [
        (1530, 3940),
        (1670, 4730),
    ]


def test_catalog_text_lists_figures_fees_retired_competencies_and_credentials(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out, _ = _run(capsys, "catalog")
    assert code == 0
    assert out.startswith(
        "Microsoft Partner Network 2017-2018 (effective 2017-07-01 to 2018-06-30)"
    )
    assert "Cloud Platform [cloud-platform]" in out
    assert "US$ 15,000 (developing markets: US$ 10,000) Azure consumption" in out
    assert "US$ 300,000 (developing markets: US$ 150,000) Dynamics CRM Online" in out
    assert "2,000 (developing markets: 1,000) Office 365 active entitlements" in out
    assert "exams: 2 people with 70-347 (Office 365 services person)" in out
    assert "references: 5 approved, valid 2 years" in out
    assert "from 2017-10-01: silver US$ 1,670, gold US$ 4,730 (all competencies)" in out
    assert "Hosting [hosting], retired 2018-01-30" in out
    assert "accepted until 2018-12-31" in out
    assert "note: The source shows 5 new customers for gold" in out
    assert out.count(", retired 2018-01-30") == 12


def test_catalog_text_shows_every_date_note_and_source(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out, _ = _run(capsys, "catalog")
    assert code == 0
    lines = out.splitlines()
    # the seed's retirement date, the other sources' one, the last sign-up and renewal
    assert (
        "  retired 2018-01-30 (other sources: 2018-01-31); last sign-up 2016-07-30; "
        "last renewal 2016-10-30 (source: MPN 101: The four steps to attain a cloud competency "
        "(Microsoft US partner blog), 2017-09-12)"
    ) in lines
    assert "    note: The on-premises Customer Relationship Management competency; Cloud " in out
    mb2_877 = next(line for line in lines if line.startswith("  MB2-877 "))
    assert mb2_877.endswith("Microsoft Dynamics 365 for Field Service, accepted from 2018-01-01")
    assert "note: Available from January 2018 (the source gives the month, not the day)." in out
    assert (
        "note: Retired on 2017-12-31; accepted for competency qualification until 2018-12-31."
        in out
    )
    # the fee: the old price's unknown start, the later upgrade rule, the one-path rule
    assert "  before 2017-10-01: silver US$ 1,530, gold US$ 3,940" in out
    assert "    note: The source gives no first day for this price" in out
    assert "  note: A later rule (Partner Center, 2021): upgrading" in out
    assert "you only need to demonstrate gold-level proficiency in one path" in out
    note = '  references note: The MPN 101 guide says a silver competency "typically"'
    assert out.count(note) == 5
    assert (
        "Cloud Platform [cloud-platform] (source: Partner Center: Cloud Platform competency, "
        in out
    )
    assert "note: 17 competencies are open in this program version" in out
    assert "  The Cloud Enablement Desk: up to six months of free guidance" in out
    assert (
        "  pc-emm: Partner Center: Enterprise Mobility Management competency, 2018-03-19" in lines
    )


def test_catalog_with_another_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = _edited_catalog(tmp_path)
    code, out, _ = _run(capsys, "--catalog", str(path), "catalog", "--json")
    assert code == 0
    document = json.loads(out)
    assert document["version"] == "2017-2018 edited"
    assert document["file"] == str(path)
    platform = document["competencies"][0]
    assert platform["name"] == "Cloud Platform (edited)"
    assert platform["options"][0]["performance"]["measures"][0]["thresholds"]["silver"] == {
        "developed": 1,
        "developing": 10000,
    }
    code, out, _ = _run(capsys, "--catalog", str(path), "catalog")
    assert code == 0 and "Cloud Platform (edited) [cloud-platform]" in out
    assert f"File: {path}" in out


def test_catalog_with_a_solutions_partner_file_prints_it_without_a_day(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """status and the window score every day by such a file; catalog refused it without
    --as-of ("unknown key 'categories'": it was read as a 2017-2018 catalogue)."""
    path = shipped_catalog_path().parent / "solutions-partner-2023-06.json"
    code, out, err = _run(capsys, "--catalog", str(path), "catalog", "--json")
    assert code == 0, err
    assert json.loads(out)["version"] == "2023-06"
    code, dated, _ = _run(
        capsys, "--catalog", str(path), "catalog", "--json", "--as-of", "2018-03-15"
    )
    assert code == 0 and dated == out


@pytest.fixture
def demo(db_url: str, db_args: list[str]) -> list[str]:
    """Options naming a database of the test's backend holding the demo dated around AS_OF."""
    from mpn_desktop.store.database import Database
    from mpn_desktop.store.sample import load_sample

    with Database.open(db_url) as db:
        load_sample(db, date.fromisoformat(AS_OF))
    return db_args


def test_status_with_another_catalogue(
    tmp_path: Path, demo: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = _run(capsys, *demo, "status", "--as-of", AS_OF, "--json")
    assert code == 0
    shipped = json.loads(out)["competencies"][0]
    assert shipped["name"] == "Cloud Platform"
    path = _edited_catalog(tmp_path)
    code, out, _ = _run(capsys, *demo, "--catalog", str(path), "status", "--as-of", AS_OF, "--json")
    assert code == 0
    edited = json.loads(out)["competencies"][0]
    assert edited["name"] == "Cloud Platform (edited)"
    assert edited["levels"]["silver"]["steps"]["performance"]["need"] == 1
    assert edited["levels"]["silver"]["steps"]["performance"]["met"] is True


@pytest.mark.parametrize("command", [["catalog"], ["catalog", "--json"], ["status"]])
def test_a_broken_catalogue_is_one_clear_error_without_traceback(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], command: list[str]
) -> None:
    path = tmp_path / "broken.json"
    document = json.loads(shipped_catalog_path().read_text(encoding="utf-8"))
    document["credentials"][2]["accept_until"] = "someday"
    path.write_text(json.dumps(document), encoding="utf-8")
    db = ["--db", str(tmp_path / "t.sqlite3")]
    code, out, err = _run(capsys, *db, "--catalog", str(path), *command)
    assert code == 1 and out == ""
    assert err == (
        f"mpn-desktop: {path}: credentials[2].accept_until: 'someday' is not a date "
        "(expected YYYY-MM-DD)\n"
    )
    assert "Traceback" not in err


def test_a_missing_catalogue_file_is_a_clear_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "missing.json"
    code, _, err = _run(capsys, "--catalog", str(path), "catalog")
    assert code == 1
    assert err == f"mpn-desktop: {path}: the catalogue file does not exist\n"


def test_status_on_a_day_outside_the_catalogue_s_dates_says_so(
    demo: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = _run(capsys, *demo, "status", "--as-of", "2018-07-01")
    assert code == 0
    assert (
        "Note: The requirements shown are those of Microsoft Partner Network 2017-2018, in force "
        "from 2017-07-01 to 2018-06-30; 2018-07-01 is after it"
    ) in out
    code, out, _ = _run(capsys, *demo, "status", "--as-of", "2018-07-01", "--json")
    document = json.loads(out)
    assert document["catalog"]["in_force"] is False
    # The day is past the competencies and before the designations: both say so.
    assert document["notes"][0].startswith("No catalogue is shipped for 2018-07-01")
    assert document["notes"][1].startswith("The requirements shown are those of")
    code, out, _ = _run(capsys, *demo, "status", "--as-of", AS_OF)
    assert "Note: The requirements shown" not in out


def test_catalog_text_names_associations_as_the_status_does(
    capsys: pytest.CaptureFixture[str],
) -> None:
    # Before: "associations: delegated_admin, dpor, fasttrack, transacting", the ids.
    code, out, _ = _run(capsys, "catalog")
    assert code == 0
    assert "previous 12 months; with DPOR or transacting association" in out
    assert "with DPOR, delegated admin, transacting or FastTrack association" in out
    assert "delegated_admin" not in out and "associations:" not in out


def test_catalog_text_in_german_has_german_headings_days_and_kinds(
    capsys: pytest.CaptureFixture[str],
) -> None:
    # Before: "Benefits of a cloud competency:" and "Sources:" in English, every source's
    # day as ISO ("(Quelle: Partner Center: Cloud Platform competency, 2017-12-15)") beside
    # "eingestellt am 30.01.2018", and the credentials' kinds "exam", "assessment".
    code, out, _ = _run(capsys, "--language", "de", "catalog")
    assert code == 0
    assert "\nVorteile einer Cloud-Kompetenz:\n" in out and "\nQuellen:\n" in out
    assert "Benefits" not in out and "Sources:" not in out
    assert "(Quelle: Partner Center: Cloud Platform competency, 15.12.2017)" in out
    assert "\n  seed: MPN 101: The four steps to attain a cloud competency" in out
    assert "(Microsoft US partner blog), 12.09.2017\n" in out
    assert "\n  TA-CLOUD-PLATFORM  Assessment    Technical Assessment for Cloud Platform\n" in out
    assert "\n  70-533             Prüfung       " in out
    english = _run(capsys, "catalog")[1]
    assert "(source: Partner Center: Cloud Platform competency, 2017-12-15)" in english
    assert (
        "\n  TA-CLOUD-PLATFORM  assessment    Technical Assessment for Cloud Platform\n" in english
    )
