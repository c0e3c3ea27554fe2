"""The catalogue texts' German names the areas in German and quotes the German way."""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path

ROOT = Path(__file__).parents[2]
PO = ROOT / "resources" / "translations" / "mpn_desktop_catalog_de.po"
DOMAIN_PO = ROOT / "resources" / "translations" / "mpn_desktop_domain_de.po"


def _german(po: Path = PO) -> dict[str, str]:
    spec = importlib.util.spec_from_file_location("po_to_mo", ROOT / "scripts" / "po_to_mo.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    entries = module.read_po(po.read_text(encoding="utf-8"))
    return {key.decode(): value.decode() for key, value in entries.items() if key}


def test_the_security_area_is_sicherheit_in_german_prose() -> None:
    """The designation reads 'Solutions Partner für Sicherheit'; its notes name it so too."""
    # Product and certification names keep their English ("Enterprise Mobility + Security").
    area = re.compile(r"\b(und|bei|oder) Security\b|\bSecurity (und|bewertet|bewerten)\b")
    english = [text[:80] for text in _german().values() if area.search(text)]
    assert not english, english


def test_german_quotes_a_word_the_german_way() -> None:
    quoted = re.compile(r"(^|[\s(])'[^']+'")
    texts = [*_german().values(), *_german(DOMAIN_PO).values()]
    straight = [text[:80] for text in texts if quoted.search(text)]
    assert not straight, straight


def test_german_writes_dollars_before_the_amount_as_the_program_does() -> None:
    """'US$ 1.000', as the program writes money in German (vocabulary: 'US$ 1.250,50');
    the catalogue's texts wrote '1.000 US$' beside the figures' 'US$ 1.000'."""
    after = re.compile(r"\d US\$")
    texts = [*_german().values(), *_german(DOMAIN_PO).values()]
    window = (ROOT / "resources" / "translations" / "mpn_desktop_de.ts").read_text("utf-8")
    translations = re.findall(r"<translation>(.*?)</translation>", window, re.DOTALL)
    written = [text[:80] for text in [*texts, *translations] if after.search(text)]
    assert not written, written
