"""Exams of today's certifications (AZ-104, MS-700) count toward a designation: an import does
not call them codes the catalogue does not know (counted toward nothing)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from mpn_desktop.cli import main
from mpn_desktop.domain.catalog import Catalog
from mpn_desktop.domain.designation_exams import (
    designation_certification_codes,
    designation_exam_codes,
)
from mpn_desktop.domain.enums import CredentialKind
from mpn_desktop.importers.catalog_lookup import CatalogLookup
from mpn_desktop.programs import shipped_scored_catalogs
from mpn_desktop.store.changes import RecordKind
from mpn_desktop.store.schema_fields import text_limit


def _imported(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], text: str, name: str = "training.csv"
) -> tuple[str, pytest.CaptureResult[str]]:
    """``text`` written to a CSV file and imported by ``import-exams`` into a new database:
    the database and what the command printed."""
    rows = tmp_path / name
    rows.write_text(text, encoding="utf-8")
    database = str(tmp_path / "t.sqlite3")
    assert main(["--db", database, "import-exams", str(rows)]) == 0
    return database, capsys.readouterr()


def _exported_codes(tmp_path: Path, database: str) -> list[str]:
    """The exam codes ``export`` writes for ``database``, sorted."""
    exported = tmp_path / "org.json"
    assert main(["--db", database, "export", str(exported)]) == 0
    return sorted(exam["exam_code"] for exam in json.loads(exported.read_text())["exams"])


def test_the_certifications_exams_are_known_and_asked_for_only_when_needed(
    catalog: Catalog,
) -> None:
    asked: list[int] = []

    def exams() -> frozenset[str]:
        asked.append(1)
        return designation_exam_codes(shipped_scored_catalogs())

    lookup = CatalogLookup(catalog, exams)
    assert lookup.kind_of("70-533") is CredentialKind.EXAM
    assert not asked  # the 2017-2018 catalogue knew it: nothing more read
    assert lookup.kind_of("az-104") is CredentialKind.EXAM
    assert lookup.kind_of("Exam MS-700") is CredentialKind.EXAM
    assert lookup.kind_of("XY-123") is None
    assert asked == [1]  # read once
    assert CatalogLookup(catalog).kind_of("AZ-104") is None


def test_import_exams_names_only_the_codes_nothing_counts(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _, captured = _imported(
        tmp_path,
        capsys,
        "mcp_id,name,exam_code,passed_on\n"
        "1234567,Ana Ruiz,AZ-104,2025-03-01\n"
        "1234567,Ana Ruiz,MS-700,2025-03-02\n"
        "1234567,Ana Ruiz,XY-123,2025-03-03\n",
        "exams.csv",
    )
    out = captured.out
    assert "1 record has a code the catalogue does not know (counted toward nothing): " in out
    assert "XY-123 (1)" in out and "AZ-104" not in out and "MS-700" not in out


def test_a_title_naming_a_known_exam_code_gives_the_code(catalog: Catalog) -> None:
    lookup = CatalogLookup(catalog, lambda: designation_exam_codes(shipped_scored_catalogs()))
    # Partner Center's Training details download has no code column: the code is in the title.
    assert lookup.codes_for_title("AZ-305: Designing Microsoft Azure Infrastructure Solutions") == [
        "AZ-305"
    ]
    assert lookup.codes_for_title("Exam az-104: Microsoft Azure Administrator") == ["AZ-104"]
    assert lookup.codes_for_title("Exam 70-533: Implementing Azure Infrastructure") == ["70-533"]
    # Two known codes fit several; a code no catalogue knows is not taken from a title.
    assert lookup.codes_for_title("AZ-104 and AZ-305 bundle") == ["AZ-104", "AZ-305"]
    assert lookup.codes_for_title("XY-123: Basket Weaving") == []
    assert CatalogLookup(catalog).codes_for_title("AZ-104: Microsoft Azure Administrator") == []


def test_import_exams_of_a_training_details_file_takes_the_codes_from_the_titles(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _, captured = _imported(
        tmp_path,
        capsys,
        "MCPID,TrainingTitle,TrainingType,IndividualFirstName,IndividualLastName,Email,"
        "TrainingCompletionDate\n"
        "1234567,AZ-104: Microsoft Azure Administrator,Exam,Ana,Ruiz,ana@x.example,2026-03-02\n"
        "7654321,Exam SC-200: Microsoft Security Operations Analyst,Exam,Bo,Li,bo@x.example,"
        "2026-03-03\n",
    )
    assert "2 added, 0 duplicates, 0 errors" in captured.out, captured.err
    assert "counted toward nothing" not in captured.out


def test_a_certification_of_the_designations_is_known_by_its_name(catalog: Catalog) -> None:
    lookup = CatalogLookup(
        catalog,
        lambda: designation_exam_codes(shipped_scored_catalogs()),
        lambda: designation_certification_codes(shipped_scored_catalogs()),
    )
    assert lookup.kind_of("Azure Administrator Associate") is CredentialKind.CERTIFICATION
    assert lookup.codes_for_title("Microsoft Certified: Azure Administrator Associate") == [
        "AZUREADMINISTRATORASSOCIATE"
    ]
    assert lookup.codes_for_title("Microsoft Certified: Basket Weaving Expert") == []


def test_import_exams_of_a_training_details_file_takes_its_certifications_by_title(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    database, captured = _imported(
        tmp_path,
        capsys,
        "MCPID,TrainingTitle,TrainingType,IndividualFirstName,IndividualLastName,"
        "TrainingCompletionDate\n"
        "1234567,Microsoft Certified: Azure Administrator Associate,Certification,Ana,Ruiz,"
        "2026-03-02\n",
    )
    assert "1 added, 0 duplicates, 0 errors" in captured.out, captured.err
    assert "counted toward nothing" not in captured.out
    assert main(["--db", database, "status", "--json", "--as-of", "2026-06-01"]) == 0
    status = json.loads(capsys.readouterr().out)
    infrastructure = next(d for d in status["designations"] if d["id"] == "infrastructure-azure")
    skilling = next(c for c in infrastructure["categories"] if c["id"] == "skilling")
    assert skilling["metrics"][0]["steps"][0]["have"] == 1  # Ana counts for AZ-104's step


def test_an_activity_id_no_catalogue_knows_gives_way_to_the_code_the_title_names(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # The Training details download's TrainingActivityId is read as the exam code; where it is
    # Partner Center's own id of the activity, the title still names the exam.
    database, captured = _imported(
        tmp_path,
        capsys,
        "MCPID,TrainingActivityId,TrainingTitle,TrainingType,IndividualFirstName,"
        "IndividualLastName,TrainingCompletionDate\n"
        "1234567,100234,AZ-104: Microsoft Azure Administrator,Exam,Ana,Ruiz,2026-03-02\n"
        "1234567,XY-123,AZ-104: Microsoft Azure Administrator,Exam,Ana,Ruiz,2026-03-03\n",
    )
    out = captured.out
    assert "1 record has a code the catalogue does not know (counted toward nothing): " in out
    assert "XY-123 (1)" in out and "100234" not in out
    # A code written as one stays the file's own.
    assert _exported_codes(tmp_path, database) == ["AZ-104", "XY-123"]


def test_a_certification_is_stored_under_its_shortest_spelling(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # "Microsoft 365 Security Administrator Associate" is 42 written as a code, its id
    # m365-security-administrator-associate 37: kept under the id. The Dynamics 365 one
    # below is longer than 40 both ways (id 54, name 75): stored too, under its id, since
    # exam codes hold 80 characters (it was an error of its row under 40).
    database, _ = _imported(
        tmp_path,
        capsys,
        "MCPID,TrainingTitle,TrainingType,IndividualFirstName,IndividualLastName,"
        "TrainingCompletionDate\n"
        "1234567,Microsoft Certified: Microsoft 365 Security Administrator Associate,"
        "Certification,Ana,Ruiz,2026-03-02\n"
        "1234567,Microsoft 365 Security Administrator Associate,Certification,Ana,Ruiz,"
        "2026-03-03\n"
        '1234567,"Microsoft Certified: Dynamics 365 Supply Chain Management, Manufacturing '
        'Functional Consultant Associate",Certification,Ana,Ruiz,2026-03-04\n',
    )
    assert set(_exported_codes(tmp_path, database)) == {
        "M365-SECURITY-ADMINISTRATOR-ASSOCIATE",
        "D365-SCM-MANUFACTURING-FUNCTIONAL-CONSULTANT-ASSOCIATE",
    }
    # The document written loads back (its checks take the wider code too).
    copy = str(tmp_path / "copy.sqlite3")
    assert main(["--db", copy, "load", str(tmp_path / "org.json")]) == 0
    assert "longer than" not in capsys.readouterr().err


def test_every_shipped_certification_fits_an_exam_code() -> None:
    limit = text_limit(RecordKind.EXAM, "exam_code")
    kept = designation_certification_codes(shipped_scored_catalogs()).values()
    assert max(len(code) for code in kept) <= limit
