"""Compiles a gettext ``.po`` catalogue to the ``.mo`` that Python's gettext reads.

The stdlib logic of CPython's Tools/i18n/msgfmt.py, kept small: msgid,
msgid_plural, msgstr and msgstr[N] with continued lines; fuzzy entries and
untranslated ones are left out (they read in English).
    python scripts/po_to_mo.py resources/translations/mpn_desktop_domain_de.po
writes the ``.mo`` beside it. tests/domain/test_vocabulary.py fails when the
committed ``.mo`` differs from the ``.po``'s.
"""

from __future__ import annotations

import ast
import struct
import sys
from collections.abc import Iterator
from pathlib import Path


def _po_entries(text: str) -> Iterator[tuple[dict[str, str], bool]]:
    """Each entry of a ``.po`` with a msgid: its fields (msgctxt, msgid, msgid_plural,
    msgstr, msgstr[N], continued lines joined) and whether it is marked fuzzy."""
    fields: dict[str, str] = {}
    current = ""
    fuzzy = False
    for raw in text.splitlines():
        line = raw.strip()
        if line.startswith("#,") and "fuzzy" in line:
            if "msgid" in fields:
                yield dict(fields), fuzzy
            fields.clear()
            fuzzy = True
            continue
        if not line or line.startswith("#"):
            continue
        if line.startswith('"'):
            fields[current] += ast.literal_eval(line)
            continue
        keyword, _, rest = line.partition(" ")
        if keyword in ("msgctxt", "msgid") and "msgid" in fields:
            yield dict(fields), fuzzy
            fields.clear()
            fuzzy = False
        current = keyword
        fields[current] = ast.literal_eval(rest)
    if "msgid" in fields:
        yield fields, fuzzy


def _msgid_key(fields: dict[str, str]) -> str:
    """The entry's msgid, after its context as gettext's pgettext looks it up."""
    if "msgctxt" in fields:
        return fields["msgctxt"] + "\x04" + fields["msgid"]
    return fields["msgid"]


def read_po(text: str) -> dict[bytes, bytes]:
    """The translated entries of a ``.po``: msgid (NUL-joined with its plural) to msgstr.

    An entry with a ``msgctxt`` is keyed "context\\x04msgid", as gettext's pgettext looks it up.
    """
    entries: dict[bytes, bytes] = {}
    for fields, fuzzy in _po_entries(text):
        key = _msgid_key(fields)
        if "msgid_plural" in fields:
            key += "\0" + fields["msgid_plural"]
            forms = [fields[f"msgstr[{n}]"] for n in range(10) if f"msgstr[{n}]" in fields]
            value = "\0".join(forms)
            translated = all(forms)
        else:
            value = fields.get("msgstr", "")
            translated = bool(value)
        if (translated and not fuzzy) or key == "":
            entries[key.encode()] = value.encode()
    return entries


def as_gettext_reads(entries: dict[bytes, bytes], key: bytes) -> bytes | None:
    """What Python's gettext gives for ``key``: its entry, or for a singular message the
    first form of the plural entry with that msgid (``gettext`` falls back to it, so a word
    said alone and counted has one entry, as msgfmt requires)."""
    if key in entries:
        return entries[key]
    for other, value in entries.items():
        if b"\0" in other and other.split(b"\0")[0] == key:
            return value.split(b"\0")[0]
    return None


def duplicate_msgids(text: str) -> list[str]:
    """The msgids (with their context) a ``.po`` defines more than once, plural or not:
    msgfmt refuses them, and which translation gettext reads is left to chance."""
    seen: set[str] = set()
    twice: list[str] = []
    for fields, _fuzzy in _po_entries(text):
        key = _msgid_key(fields)
        if key in seen:
            twice.append(key)
        seen.add(key)
    return twice


def write_mo(entries: dict[bytes, bytes]) -> bytes:
    """The ``.mo`` bytes of the entries (GNU format, little endian, sorted, no hash table)."""
    keys = sorted(entries)
    ids = strs = b""
    offsets = []
    for key in keys:
        offsets.append((len(ids), len(key), len(strs), len(entries[key])))
        ids += key + b"\0"
        strs += entries[key] + b"\0"
    keystart = 7 * 4 + 16 * len(keys)
    valuestart = keystart + len(ids)
    table_keys: list[int] = []
    table_values: list[int] = []
    for id_at, id_len, str_at, str_len in offsets:
        table_keys += [id_len, id_at + keystart]
        table_values += [str_len, str_at + valuestart]
    header = struct.pack("Iiiiiii", 0x950412DE, 0, len(keys), 7 * 4, 7 * 4 + len(keys) * 8, 0, 0)
    tables = struct.pack(f"{len(table_keys)}i", *table_keys)
    tables += struct.pack(f"{len(table_values)}i", *table_values)
    return header + tables + ids + strs


def compile_po(path: Path) -> bytes:
    """The ``.mo`` bytes for the ``.po`` at ``path``."""
    return write_mo(read_po(path.read_text(encoding="utf-8")))


SOURCES = ("mpn_desktop",)
"""Where the sentences marked with ``_()`` and ``ngettext()`` are written: the whole program,
so a module that starts marking its sentences is checked without being listed (the window's
own words go through Qt's ``tr`` and its ``.ts`` instead)."""


def extract(root: Path) -> list[tuple[str, str]]:
    """Every marked message under ``SOURCES``: (msgid, msgid_plural or ''), in source order.

    A message with a context (``npgettext``) is "context\\x04msgid", as the ``.mo`` keys it.
    """
    found: dict[tuple[str, str], None] = {}
    for folder in SOURCES:
        where = root / folder
        for path in [where] if where.suffix == ".py" else sorted(where.rglob("*.py")):
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                if not isinstance(node, ast.Call) or not isinstance(node.func, ast.Name):
                    continue
                texts = [
                    arg.value
                    for arg in node.args
                    if isinstance(arg, ast.Constant) and isinstance(arg.value, str)
                ]
                if node.func.id in ("_", "N_") and len(texts) == 1:
                    found[(texts[0], "")] = None
                elif node.func.id in ("ngettext", "Nn_") and len(texts) == 2:
                    found[(texts[0], texts[1])] = None
                elif node.func.id in ("npgettext", "Npn_") and len(texts) == 3:
                    found[(texts[0] + "\x04" + texts[1], texts[2])] = None
    return list(found)


def main(arguments: list[str]) -> int:
    """Writes each named ``.po``'s ``.mo`` beside it."""
    for name in arguments:
        path = Path(name)
        path.with_suffix(".mo").write_bytes(compile_po(path))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
