"""A usage import removed and put back exactly: the rows it added, the customers and
subscriptions only it created, and the rows of an earlier import it replaced."""

from __future__ import annotations

from pathlib import Path

from mpn_desktop.importers.importing import run_import
from mpn_desktop.importers.usage_import import UsageImport, plan_usage_import
from mpn_desktop.store import records
from mpn_desktop.store.changes import RecordKind
from mpn_desktop.store.database import Database
from mpn_desktop.store.documents import export_document
from mpn_desktop.store.import_removal import remove_import, restore_import

SAMPLES = Path(__file__).parents[1] / "importers" / "fixtures" / "usage"


def _import(db: Database, path: Path) -> int:
    plan = plan_usage_import(path)
    result = run_import(db, UsageImport(plan.settings.mapping.fields), path, plan.settings)
    assert result.batch_id is not None and not result.errors
    assert result.change is not None and result.change.touches(RecordKind.USAGE)
    return result.batch_id


def test_removing_a_usage_import_keeps_a_customer_typed_in_and_restores_exactly(
    db: Database, tmp_path: Path
) -> None:
    typed = records.add_record(db, RecordKind.CUSTOMER, {"name": "Contoso Pharma"}).value.id
    before = export_document(db)
    batch = _import(db, SAMPLES / "csp-usage-based-recon.2019-01.csv")
    imported = export_document(db)
    customers = {row["name"]: row["id"] for row in records.list_records(db, RecordKind.CUSTOMER)}
    assert customers["Contoso Pharma"] == typed  # matched by name, not made again
    assert len(customers) == 3
    removed = remove_import(db, batch)
    assert removed.change.kinds >= {RecordKind.USAGE, RecordKind.SUBSCRIPTION}
    assert export_document(db) == before
    assert [c["name"] for c in removed.value.created["customers"]] == [
        "Fabrikam Logistics, Inc.",
        "Tailspin Toys",
    ]
    restore_import(db, removed.value)
    assert export_document(db) == imported
    assert [b["kind"] for b in records.import_batches(db)] == ["usage"]
    assert records.import_batches(db)[0]["source"] == "usage-recon"


def test_an_import_replacing_another_is_undone_before_or_after_the_first_is_removed(
    db: Database, tmp_path: Path
) -> None:
    first = _import(db, SAMPLES / "csp-usage-based-recon.2019-02.csv")
    after_first = export_document(db)
    changed = tmp_path / "again.csv"
    changed.write_text(
        (SAMPLES / "csp-usage-based-recon.2019-02.csv")
        .read_text(encoding="utf-8")
        .replace(",57.12,", ",60.00,"),
        encoding="utf-8",
    )
    second = _import(db, changed)
    assert records.import_batches(db)[0]["replaced_count"] == 1
    removed = remove_import(db, second).value
    assert export_document(db) == after_first
    restore_import(db, removed)
    # The first import removed while the second holds the row it replaced: the second stays whole.
    remove_import(db, first)
    amounts = [u["consumption_usd"] for u in export_document(db)["usage"]]
    assert amounts == [60.0]
