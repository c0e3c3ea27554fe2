"""Property: whatever bytes a file holds, the importer fails only with its own error types."""

from __future__ import annotations

import codecs
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from importer_helpers import TODAY

from mpn_desktop.errors import MpnError
from mpn_desktop.importers.catalog_lookup import CatalogLookup
from mpn_desktop.importers.importing import run_import
from mpn_desktop.importers.kinds import ExamImport
from mpn_desktop.importers.planning import plan_import
from mpn_desktop.store.database import Database

HEADERS = (
    "MCP ID,Full Name,Exam Code,Exam Title,Date Passed,Kind\n",
    "MCPID;TrainingTitle;TrainingType;TrainingCompletionDate\r\n",
    "mcp_id\texam_code\tpassed_on\n",
)
CELL_TEXT = st.text(alphabet=",;\t\n\r\"'0123456789-/.:TZ aéß陈=+@Exam", max_size=400)
ENCODINGS = ("utf-8", "utf-8-sig", "utf-16", "utf-16-be", "cp1252", "latin-1")


@st.composite
def csv_like_bytes(draw: st.DrawFn) -> bytes:
    text = draw(st.sampled_from(HEADERS)) + draw(CELL_TEXT)
    encoding = draw(st.sampled_from(ENCODINGS))
    data = text.encode(encoding, errors="replace")
    if encoding == "utf-16-be":
        data = codecs.BOM_UTF16_BE + data
    if draw(st.booleans()):
        cut = draw(st.integers(0, len(data)))
        data = data[:cut] + draw(st.binary(max_size=8)) + data[cut:]
    return data


@settings(
    max_examples=300,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    data=st.one_of(st.binary(max_size=600), csv_like_bytes()),
    date_format=st.sampled_from([None, "MDY"]),
)
def test_any_bytes_fail_only_with_the_importers_errors(
    data: bytes,
    date_format: str | None,
    tmp_path: Path,
    db: Database,
    lookup: CatalogLookup,
) -> None:
    path = tmp_path / "any.csv"
    path.write_bytes(data)
    try:
        plan = plan_import(path, date_format=date_format)
        # Half the files are written for real, to go through the commit too.
        run_import(
            db, ExamImport(lookup), path, plan.settings, dry_run=len(data) % 2 == 0, today=TODAY
        )
    except MpnError as error:
        assert str(error)  # a message for a person, never empty
