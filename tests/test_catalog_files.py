"""The shipped catalogue holds every figure of REQUIREMENTS.md; a broken file, one clear error."""

from __future__ import annotations

import json
import re
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from mpn_desktop.catalog_files import load_catalog, parse_catalog_text, shipped_catalog_path
from mpn_desktop.domain.catalog import Catalog, CredentialRule, MeasureKind, Window
from mpn_desktop.domain.enums import Association, CredentialKind, Level, Market, Workload
from mpn_desktop.errors import CatalogError

SILVER, GOLD = Level.SILVER, Level.GOLD
DEV, DEVING = Market.DEVELOPED, Market.DEVELOPING


@pytest.fixture(scope="module")
def shipped() -> Catalog:
    return load_catalog()


# --- the shipped file ---------------------------------------------------------------------------


def test_the_shipped_catalogue_loads_with_5_cloud_and_12_retired_competencies(
    shipped: Catalog,
) -> None:
    assert shipped.program == "Microsoft Partner Network" and shipped.version == "2017-2018"
    assert [item.id for item in shipped.cloud_competencies] == [
        "cloud-platform",
        "cloud-productivity",
        "small-midmarket-cloud-solutions",
        "cloud-crm",
        "enterprise-mobility-management",
    ]
    assert Path(shipped.file) == shipped_catalog_path()
    assert shipped_catalog_path().is_file()


def test_the_12_retired_competencies_and_their_dates(shipped: Catalog) -> None:
    assert sorted(item.name for item in shipped.retired_competencies) == [
        "Customer Relationship Management",
        "Devices and Deployment",
        "Digital Advertising",
        "Distributor",
        "Hosting",
        "Identity and Access",
        "Intelligent Systems",
        "Learning",
        "Midmarket Solution Provider",
        "OEM",
        "Software Asset Management",
        "Volume Licensing",
    ]
    for item in shipped.retired_competencies:
        assert item.retired and item.options == () and item.references is None
        retirement = item.retirement
        assert retirement is not None
        assert retirement.retired_on == date(2018, 1, 30)  # the seed's date is shown
        assert retirement.other_dates == (date(2018, 1, 31),)  # other sources are kept
        assert retirement.last_signup == date(2016, 7, 30)
        assert retirement.last_renewal == date(2016, 10, 30)
        assert "2018-01-31" in retirement.note


def _measures(catalog: Catalog, competency: str, option: int = 0) -> list[Any]:
    return list(catalog.competency(competency).options[option].performance.measures)


def _figures(measure: Any) -> tuple[Decimal, Decimal, Decimal, Decimal]:
    return (
        measure.need(SILVER, DEV),
        measure.need(SILVER, DEVING),
        measure.need(GOLD, DEV),
        measure.need(GOLD, DEVING),
    )


@pytest.mark.parametrize(
    ("where", "what", "figures"),
    [
        (
            ("cloud-platform", 0, 0),
            (MeasureKind.CONSUMPTION_USD, Workload.AZURE, Window.PREVIOUS_12_MONTHS),
            (15_000, 10_000, 100_000, 100_000),
        ),
        (
            ("cloud-productivity", 0, 0),
            (MeasureKind.ACTIVE_USERS, Workload.OFFICE365, Window.LATEST_MONTH),
            (2_000, 1_000, 4_000, 4_000),
        ),
        (
            ("small-midmarket-cloud-solutions", 0, 0),
            (MeasureKind.NEW_CUSTOMERS, Workload.OFFICE365, Window.PREVIOUS_12_MONTHS),
            (4, 4, 25, 25),
        ),
        (
            ("cloud-crm", 0, 0),
            (MeasureKind.REVENUE_USD, Workload.DYNAMICS_CRM, Window.PREVIOUS_12_MONTHS),
            (100_000, 50_000, 300_000, 150_000),
        ),
        (
            ("enterprise-mobility-management", 0, 0),
            (MeasureKind.NEW_CUSTOMERS, Workload.EMS, Window.PREVIOUS_12_MONTHS),
            (3, 3, 5, 5),
        ),
        (
            ("enterprise-mobility-management", 0, 1),
            (MeasureKind.ACTIVE_USERS, Workload.EMS, Window.LATEST_MONTH),
            (500, 500, 4_000, 4_000),
        ),
        (
            ("enterprise-mobility-management", 1, 0),
            (MeasureKind.NEW_CUSTOMERS, Workload.EMS, Window.PREVIOUS_12_MONTHS),
            (20, 20, 5, 5),
        ),
        (
            ("enterprise-mobility-management", 1, 1),
            (MeasureKind.ACTIVE_USERS, Workload.EMS, Window.LATEST_MONTH),
            (125, 125, 4_000, 4_000),
        ),
    ],
)
def test_every_performance_figure(
    shipped: Catalog,
    where: tuple[str, int, int],
    what: tuple[MeasureKind, Workload, Window],
    figures: tuple[int, int, int, int],
) -> None:
    """Figures: silver developed, silver developing, gold developed, gold developing."""
    competency, option, index = where
    measure = _measures(shipped, competency, option)[index]
    assert (measure.kind, measure.workload, measure.window) == what
    assert _figures(measure) == figures


def test_the_options_and_their_names(shipped: Catalog) -> None:
    names = {
        item.id: [(option.id, option.name) for option in item.options]
        for item in shipped.cloud_competencies
    }
    assert names == {
        "cloud-platform": [("azure-consumption", "Azure Consumption")],
        "cloud-productivity": [("managed-service-partner", "Managed Service Partner")],
        "small-midmarket-cloud-solutions": [("o365-services", "O365 Services")],
        "cloud-crm": [("cloud-crm-reseller", "Cloud CRM Reseller")],
        "enterprise-mobility-management": [
            ("enterprise-partner", "Enterprise Partner"),
            ("smb-partner", "SMB Partner"),
        ],
    }
    emm = shipped.competency("enterprise-mobility-management")
    assert [len(option.performance.measures) for option in emm.options] == [2, 2]


def test_the_associations_accepted_per_competency(shipped: Catalog) -> None:
    A = Association
    MPN_2017 = {A.DPOR, A.DELEGATED_ADMIN, A.TRANSACTING, A.FASTTRACK}
    accepted = {
        item.id: [option.performance.associations for option in item.options]
        for item in shipped.cloud_competencies
    }
    assert accepted == {
        "cloud-platform": [{A.DPOR, A.TRANSACTING}],
        "cloud-productivity": [{A.DELEGATED_ADMIN, A.TRANSACTING, A.DPOR, A.FASTTRACK}],
        "small-midmarket-cloud-solutions": [{A.DELEGATED_ADMIN, A.TRANSACTING, A.DPOR}],
        "cloud-crm": [{A.DPOR}],
        # "Any association" of 2017-2018: the four that program knew (not CPOR or PAL).
        "enterprise-mobility-management": [MPN_2017, MPN_2017],
    }


def _rule_codes(rule: CredentialRule) -> Any:
    if rule.code is not None:
        return rule.code
    if rule.all_of:
        return ("all", *(_rule_codes(part) for part in rule.all_of))
    return ("any", *(_rule_codes(part) for part in rule.any_of))


def test_the_skill_roles_people_and_credentials(shipped: Catalog) -> None:
    def roles(competency: str, option: int = 0) -> list[tuple[int, int, Any]]:
        found = shipped.competency(competency).options[option].skills.roles
        return [
            (role.people[SILVER], role.people[GOLD], _rule_codes(role.credentials))
            for role in found
        ]

    platform_codes = (
        "any",
        *("TA-CLOUD-PLATFORM", "TA-AZURE-DATA", "TA-AZURE-APPDEV", "TA-AZURE-IOT", "TA-AZURE-RDS"),
        *("70-532", "70-533", "70-534", "70-535", "70-473", "70-475", "MCSA-LINUX-AZURE"),
    )
    assert roles("cloud-platform") == [(1, 2, platform_codes)]
    assert roles("cloud-productivity") == [
        (1, 2, ("any", ("all", "70-346", "70-347"), "MCSA-O365"))
    ]
    assert roles("small-midmarket-cloud-solutions") == [(0, 2, "70-347")]
    application = ("any", "MB2-714", "MB2-713", "MB2-709", "MB2-717", "MB2-718", "MB2-877")
    deployment = ("any", "MB2-710", "MB2-706", "MB2-715")
    customisation = ("any", "MB2-712", "MB2-707", "MB2-716")
    assert roles("cloud-crm") == [
        (1, 2, ("all", application, deployment)),
        (1, 2, customisation),
    ]
    ems = ("all", "TA-EMS-OVERVIEW", ("any", "TA-EMS-MDM", "TA-EMS-IAM", "TA-EMS-IP", "TA-EMS-CAS"))
    assert roles("enterprise-mobility-management", 0) == [(2, 4, ems)]
    assert roles("enterprise-mobility-management", 1) == [(2, 4, ems)]


def test_every_credential_with_its_kind_and_dates(shipped: Catalog) -> None:
    kinds = {item.code: item.kind for item in shipped.credentials}
    assessments = [
        "TA-CLOUD-PLATFORM",
        "TA-AZURE-DATA",
        "TA-AZURE-APPDEV",
        "TA-AZURE-IOT",
        "TA-AZURE-RDS",
        "TA-EMS-OVERVIEW",
        "TA-EMS-MDM",
        "TA-EMS-IAM",
        "TA-EMS-IP",
        "TA-EMS-CAS",
    ]
    certifications = ["MCSA-LINUX-AZURE", "MCSA-O365"]
    exams = [
        *("70-532", "70-533", "70-534", "70-535", "70-473", "70-475", "70-346", "70-347"),
        *("MB2-714", "MB2-713", "MB2-709", "MB2-717", "MB2-718", "MB2-877"),
        *("MB2-710", "MB2-706", "MB2-715", "MB2-712", "MB2-707", "MB2-716"),
    ]
    assert kinds == {
        **dict.fromkeys(assessments, CredentialKind.ASSESSMENT),
        **dict.fromkeys(certifications, CredentialKind.CERTIFICATION),
        **dict.fromkeys(exams, CredentialKind.EXAM),
    }
    limited = {
        item.code: (item.accept_from, item.accept_until)
        for item in shipped.credentials
        if item.accept_from or item.accept_until
    }
    assert limited == {
        "70-534": (None, date(2018, 12, 31)),
        "MB2-709": (None, date(2018, 12, 31)),
        "MB2-877": (date(2018, 1, 1), None),
    }
    ms = shipped.credential("MCSA-O365")
    assert ms is not None and ms.title == "MCSA: Office 365"


def test_references_are_3_for_silver_and_5_for_gold_valid_two_years(shipped: Catalog) -> None:
    for item in shipped.cloud_competencies:
        assert item.references is not None
        assert item.references.count == {SILVER: 3, GOLD: 5}
        assert item.references.valid_years == 2


def test_the_fee_schedule(shipped: Catalog) -> None:
    assert [
        (item.effective_from, item.amounts[SILVER], item.amounts[GOLD]) for item in shipped.fee.fees
    ] == [
        (None, 1530, 3940),  # no first day in the source: every year before 2017-10-01
        (date(2017, 10, 1), 1670, 4730),
    ]
    assert shipped.fee_due(SILVER, date(2017, 9, 30)) == 1530
    assert shipped.fee_due(SILVER, date(2016, 6, 30)) == 1530
    assert shipped.fee_due(GOLD, date(2017, 10, 1)) == 4730
    assert "25%" in shipped.fee.note
    # The fee level rule's other source, quoted where the fee is described.
    assert "Earn Microsoft competencies, 2018-04-24" in shipped.fee.description
    assert "gold-level proficiency in one path" in shipped.fee.description


def test_every_requirement_carries_its_source(shipped: Catalog) -> None:
    declared = set(shipped.sources)
    assert all(item.source in declared for item in shipped.credentials)
    for item in shipped.competencies:
        assert item.source in declared
        for option in item.options:
            things = [option, option.performance, option.skills, *option.performance.measures]
            assert all(thing.source in declared for thing in things)
        if item.references is not None:
            assert item.references.source in declared
    assert all(schedule.source in declared for schedule in shipped.fee.fees)


def test_the_notes_where_the_sources_are_unsure(shipped: Catalog) -> None:
    productivity = _measures(shipped, "cloud-productivity")[0]
    assert "does not say over which period" in productivity.note
    smb_skills = shipped.competency("small-midmarket-cloud-solutions").options[0].skills
    assert "no exam requirement at silver" in smb_skills.note
    emm_smb = _measures(shipped, "enterprise-mobility-management", 1)
    assert "copy error" in emm_smb[0].note and "copy error" in emm_smb[1].note
    platform = _measures(shipped, "cloud-platform")[0]
    assert "developing" in platform.note
    assert any("18 names" in note for note in shipped.notes)


# --- broken files: one clear error naming the file, the entry and the problem -------------------


def _shipped_document() -> dict[str, Any]:
    return dict(json.loads(shipped_catalog_path().read_text(encoding="utf-8")))


def _write(tmp_path: Path, document: Any) -> Path:
    path = tmp_path / "broken.json"
    path.write_text(json.dumps(document, indent=2), encoding="utf-8")
    return path


def _error_of(path: Path) -> str:
    with pytest.raises(CatalogError) as caught:
        load_catalog(path)
    return str(caught.value)


def test_an_unknown_key(tmp_path: Path) -> None:
    document = _shipped_document()
    document["competencies"][2]["options"][0]["skills"]["roles"][0]["colour"] = "red"
    path = _write(tmp_path, document)
    assert _error_of(path) == (
        f"{path}: competencies[2].options[0].skills.roles[0]: unknown key 'colour' "
        "(known keys: credentials, id, name, note, people)"
    )


def test_a_missing_threshold(tmp_path: Path) -> None:
    document = _shipped_document()
    del document["competencies"][3]["options"][0]["performance"]["measures"][0]["thresholds"][
        "gold"
    ]
    path = _write(tmp_path, document)
    assert _error_of(path) == (
        f"{path}: competencies[3].options[0].performance.measures[0].thresholds: missing key 'gold'"
    )


def test_a_rule_naming_an_exam_the_file_does_not_list(tmp_path: Path) -> None:
    document = _shipped_document()
    document["competencies"][0]["options"][0]["skills"]["roles"][0]["credentials"]["any_of"][3] = (
        "70-999"
    )
    path = _write(tmp_path, document)
    assert _error_of(path) == (
        f"{path}: competencies[0].options[0].skills.roles[0].credentials.any_of[3]: "
        "credential '70-999' is not listed in the catalogue's credentials"
    )


def test_a_bad_date(tmp_path: Path) -> None:
    document = _shipped_document()
    document["fee"]["schedules"][1]["effective_from"] = "2017-10-32"
    path = _write(tmp_path, document)
    assert _error_of(path) == (
        f"{path}: fee.schedules[1].effective_from: '2017-10-32' is not a date (expected YYYY-MM-DD)"
    )


def test_an_unknown_source_id(tmp_path: Path) -> None:
    document = _shipped_document()
    document["credentials"][0]["source"] = "a-blog"
    path = _write(tmp_path, document)
    message = _error_of(path)
    assert message.startswith(f"{path}: credentials[0].source: unknown source 'a-blog'")
    assert "(declared sources: pc-cloud-crm," in message


def test_a_wrong_format_string(tmp_path: Path) -> None:
    document = _shipped_document()
    document["format"] = "something-else/2"
    path = _write(tmp_path, document)
    assert _error_of(path) == (
        f"{path}: format: 'something-else/2' is not a catalogue format this program reads "
        "(expected 'mpn-desktop-catalog/1')"
    )


def test_invalid_json_names_the_line_and_column(tmp_path: Path) -> None:
    path = tmp_path / "broken.json"
    path.write_text('{\n  "format": "mpn-desktop-catalog/1",\n  "program": oops\n}\n')
    assert _error_of(path) == (f"{path}, line 3, column 14: not valid JSON (Expecting value)")


def test_a_missing_file(tmp_path: Path) -> None:
    path = tmp_path / "nowhere.json"
    assert _error_of(path) == f"{path}: the catalogue file does not exist"


def test_a_file_that_is_not_utf8(tmp_path: Path) -> None:
    path = tmp_path / "latin1.json"
    path.write_bytes('{"program": "Caf\u00e9"}'.encode("latin-1"))
    assert _error_of(path).startswith(f"{path}, line 1: not a UTF-8 text file (")


def test_a_folder_is_not_a_catalogue(tmp_path: Path) -> None:
    assert _error_of(tmp_path) == f"{tmp_path}: is a folder, not a file"


def test_a_byte_order_mark_is_accepted(tmp_path: Path) -> None:
    path = tmp_path / "bom.json"
    path.write_bytes(b"\xef\xbb\xbf" + shipped_catalog_path().read_bytes())
    assert len(load_catalog(path).competencies) == 17


def test_a_changed_file_is_read_again(tmp_path: Path) -> None:
    document = _shipped_document()
    path = _write(tmp_path, document)
    first = load_catalog(path)
    assert load_catalog(str(path)) is first  # unchanged: the same catalogue
    document["version"] = "2017-2018 revised, longer"
    _write(tmp_path, document)
    assert load_catalog(path).version == "2017-2018 revised, longer"


def test_parse_catalog_text_names_what_it_was_given() -> None:
    with pytest.raises(CatalogError, match=r"^pasted text: missing key 'competencies'"):
        parse_catalog_text('{"format": "mpn-desktop-catalog/1"}', "pasted text")
    catalog = parse_catalog_text(shipped_catalog_path().read_text(encoding="utf-8"), "copy")
    assert catalog.file == "copy"


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("[" * 100_000, "nested too deeply"),
        ('{"competencies": [1' + "0" * 5000 + "]}", "a number too long to be read"),
    ],
)
def test_json_python_cannot_read_names_the_catalogue_file(
    tmp_path: Path, text: str, problem: str
) -> None:
    # Before: RecursionError / ValueError (int max str digits) reached the user as a crash.
    path = tmp_path / "mine.json"
    path.write_text(text)
    with pytest.raises(CatalogError, match=rf"mine.json: .*{problem}"):
        load_catalog(path)


def test_no_note_calls_the_source_by_the_project_s_name_for_it() -> None:
    # "The seed says…" reached tooltips, Help and the checklist's footnotes (issue 14): a
    # reader does not know what "the seed" is; the source is named by its title instead.
    for path in sorted(shipped_catalog_path().parent.glob("*.json")):
        text = path.read_text(encoding="utf-8")
        notes = re.findall(r'"(?:note|description)":\s*"((?:[^"\\]|\\.)*)"', text)
        assert not [note for note in notes if re.search(r"\bseed\b", note, re.IGNORECASE)], path
