"""The catalogue files' own texts in German: every shipped text has its German, others stay."""

from __future__ import annotations

import copy
import importlib.util
import json
import re
from pathlib import Path
from types import ModuleType

import pytest

from mpn_desktop.catalog_files import load_catalog
from mpn_desktop.domain import vocabulary
from mpn_desktop.domain.catalog import CredentialRule
from mpn_desktop.domain.designations_parse import parse_scored_catalog
from mpn_desktop.programs import load_scored_catalog

ROOT = Path(__file__).resolve().parents[2]
PO = ROOT / "resources" / "translations" / "mpn_desktop_catalog_de.po"
CATALOGS = ROOT / "resources" / "catalogs"


def _script(name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, ROOT / "scripts" / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_every_shipped_catalogue_text_has_its_german() -> None:
    texts = _script("catalogue_texts").shipped_texts(ROOT)
    assert len(texts) > 150  # names, descriptions, notes, labels and readings of four files
    german = _script("po_to_mo").read_po(PO.read_text(encoding="utf-8"))
    lacking = [text for text in texts if not german.get(text.encode())]
    assert not lacking, f"no German in {PO.name} for {lacking[:3]} (scripts/catalogue_texts.py)"
    # Nothing left over from a text a catalogue no longer has: the .po is the files' list.
    gone = set(german) - {b""} - {text.encode() for text in texts}
    assert not gone, f"{PO.name} holds texts no catalogue has: run scripts/catalogue_texts.py"


@pytest.mark.parametrize("name", ["mpn_desktop_catalog_de.po", "mpn_desktop_domain_de.po"])
def test_no_message_is_listed_twice(name: str) -> None:
    # Two engineers adding the same msgid: gettext keeps the last one, whatever it says.
    text = (PO.parent / name).read_text(encoding="utf-8")
    keys = re.findall(
        r'^(?:msgctxt (".*")\n)?msgid (".*")\n(?:msgid_plural (".*")\n)?', text, re.MULTILINE
    )
    twice = sorted({key for key in keys if keys.count(key) > 1})
    assert not twice, f"listed twice in {name}: {twice}"


def test_the_committed_catalogue_mo_is_the_po_compiled() -> None:
    compiled = _script("po_to_mo").compile_po(PO)
    assert PO.with_suffix(".mo").read_bytes() == compiled, "run scripts/po_to_mo.py on the .po"


def test_a_catalogue_read_in_german_names_its_designations_and_metrics_in_german() -> None:
    path = CATALOGS / "solutions-partner-2023-06.json"
    english = load_scored_catalog(path)
    vocabulary.use_language("de")
    german = load_scored_catalog(path)
    assert [d.name for d in english.designations][-1] == "Solutions Partner for Security"
    security = german.designation("security")
    assert security is not None and security.name == "Solutions Partner für Sicherheit"
    metrics = [m.name for m in security.tracks[0].metrics]
    assert "Nettokundenzugänge" in metrics and "Net customer adds" not in metrics
    assert german.category_name("customer-success") == "Kundenerfolg"
    assert all("Last month" not in reading.text for reading in german.readings)
    # Microsoft's certification names and the exam codes stay as written: imports match them.
    assert german.certifications == english.certifications
    vocabulary.use_language("en")
    assert load_scored_catalog(path) is english


def test_the_competencies_catalogue_in_german_keeps_exam_titles() -> None:
    english = load_catalog()
    vocabulary.use_language("de")
    german = load_catalog()
    platform = german.competency("cloud-platform")
    assert platform.options[0].name == "Azure-Verbrauch"
    assert platform.options[0].performance.measures[0].description == "Azure-Verbrauch"
    assert platform.description.startswith("Für Partner")
    # Exam titles and their aliases stay Microsoft's: an imported exam is matched by them.
    assert [(c.code, c.title, c.aliases) for c in german.credentials] == [
        (c.code, c.title, c.aliases) for c in english.credentials
    ]
    assert german.find_credentials_by_title("Architecting Microsoft Azure Solutions")


def test_a_users_own_catalogue_text_reads_as_its_file_writes_it() -> None:
    document = json.loads((CATALOGS / "solutions-partner-2023-06.json").read_text("utf-8"))
    own = copy.deepcopy(document)
    own["designations"][5]["name"] = "Solutions Partner for Our Own Area"
    vocabulary.use_language("de")
    parsed = parse_scored_catalog(own)
    assert parsed.designations[5].name == "Solutions Partner for Our Own Area"
    assert parsed.designations[0].name == "Solutions Partner für Daten & KI (Azure)"


def test_a_credential_rule_in_words_follows_the_language() -> None:
    rule = CredentialRule(
        any_of=(
            CredentialRule(all_of=(CredentialRule("70-346"), CredentialRule("70-347"))),
            CredentialRule("MCSA-O365"),
        )
    )
    many = CredentialRule(any_of=tuple(CredentialRule(c) for c in ("A-1", "B-2", "C-3")))
    assert rule.describe() == "both 70-346 and 70-347, or MCSA-O365"
    assert many.describe() == "one of A-1, B-2, C-3"
    vocabulary.use_language("de")
    assert rule.describe() == "sowohl 70-346 als auch 70-347, oder MCSA-O365"
    assert many.describe() == "einer von A-1, B-2, C-3"
    vocabulary.use_language("en")
    assert rule.describe() == "both 70-346 and 70-347, or MCSA-O365"  # not the German kept
