"""Lists the texts of the shipped catalogue files that a person reads, for their translation.

    python scripts/catalogue_texts.py resources/translations/mpn_desktop_catalog_de.po

reads every shipped catalogue (``resources/catalogs/*.json``) the way the
program does, notes each text the readers pass through ``catalogue_text``
(names, descriptions, notes, labels, readings; not exam or certification
titles), and rewrites the ``.po``: translations kept, new texts added with an
empty ``msgstr`` to fill in, texts no catalogue has any more dropped. Then
compile it with ``scripts/po_to_mo.py``. tests/domain/test_catalogue_text.py
fails while a shipped text has no German or the ``.mo`` is stale.
"""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from mpn_desktop.domain.catalog_parse import parse_catalog  # noqa: E402
from mpn_desktop.domain.catalogue_text import texts_asked  # noqa: E402
from mpn_desktop.domain.designations import DESIGNATION_NAMES  # noqa: E402
from mpn_desktop.domain.designations_parse import (  # noqa: E402
    is_scored_document,
    parse_scored_catalog,
)

HEADER = """\
# German for the texts of the shipped catalogue files (resources/catalogs/*.json):
# competency, designation, metric and role names, measure descriptions, notes,
# labels and readings, keyed by the English the file writes. Listed by
# scripts/catalogue_texts.py; compile with scripts/po_to_mo.py. Exam and
# certification titles stay as Microsoft writes them and are not listed.
msgid ""
msgstr ""
"Project-Id-Version: mpn-desktop catalogues\\n"
"Language: de\\n"
"MIME-Version: 1.0\\n"
"Content-Type: text/plain; charset=UTF-8\\n"
"Content-Transfer-Encoding: 8bit\\n"
"""


def shipped_texts(root: Path = ROOT) -> list[str]:
    """Every text of the shipped catalogues a person reads, once each, in file order."""
    found: dict[str, None] = {}
    with texts_asked() as asked:
        for path in sorted((root / "resources" / "catalogs").glob("*.json")):
            document = json.loads(path.read_text(encoding="utf-8"))
            if is_scored_document(document):
                parse_scored_catalog(document)
            else:
                parse_catalog(document)
    for text in [*asked, *DESIGNATION_NAMES.values()]:
        if text.strip():
            found[text] = None
    return list(found)


def _po_tools() -> ModuleType:
    spec = importlib.util.spec_from_file_location("po_to_mo", ROOT / "scripts" / "po_to_mo.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _quoted(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)


def rewrite(po: Path) -> tuple[int, int]:
    """Rewrites ``po`` for the shipped texts; returns (texts, of them still untranslated)."""
    known: dict[bytes, bytes] = {}
    if po.is_file():
        known = _po_tools().read_po(po.read_text(encoding="utf-8"))
    lines = [HEADER]
    missing = 0
    texts = shipped_texts()
    for text in texts:
        german = known.get(text.encode(), b"").decode()
        missing += not german
        lines.append(f"msgid {_quoted(text)}\nmsgstr {_quoted(german)}\n")
    po.write_text("\n".join(lines), encoding="utf-8")
    return len(texts), missing


if __name__ == "__main__":
    for name in sys.argv[1:]:
        count, untranslated = rewrite(Path(name))
        print(f"{name}: {count} texts, {untranslated} without a translation")
