"""The domain's sentences in German: every marked message has its German, plurals read right."""

from __future__ import annotations

import importlib.util
import re
import string
from decimal import Decimal
from fractions import Fraction
from pathlib import Path
from types import ModuleType

import pytest
from domain_builders import PLATFORM, SILVER, facts, reference, references, run, step_of

from mpn_desktop.domain import vocabulary
from mpn_desktop.domain.catalog import Catalog
from mpn_desktop.domain.enums import ReferenceStatus, StepKind
from mpn_desktop.domain.fee_text import renewal_sentence, this_year_sentence
from mpn_desktop.domain.progress import FeeStatus

ROOT = Path(__file__).resolve().parents[2]
PO = ROOT / "resources" / "translations" / "mpn_desktop_domain_de.po"


def _compiler() -> ModuleType:
    spec = importlib.util.spec_from_file_location("po_to_mo", ROOT / "scripts" / "po_to_mo.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}


def test_every_marked_message_has_its_german() -> None:
    compiler = _compiler()
    marked = compiler.extract(ROOT)
    assert len(marked) > 30  # the fee, references, performance, retirement, catalogue notes
    german = compiler.read_po(PO.read_text(encoding="utf-8"))
    for msgid, msgid_plural in marked:
        key = (msgid + ("\0" + msgid_plural if msgid_plural else "")).encode()
        found = compiler.as_gettext_reads(german, key)
        assert found, f"no German for {msgid!r} in {PO.name}"
        # A word said alone and counted has one entry, its plural's: gettext reads form 0.
        forms = found.decode().split("\0") if key in german else [found.decode()]
        assert len(forms) == (2 if msgid_plural else 1), msgid
        # A German form that invents a field would fail at run time. It may leave out one
        # that only English punctuation needs ({pause}: German always puts its comma).
        # The English plural may name a figure its singular leaves out ("fix the error" /
        # "fix the {count} errors"): the call gives both, so a form may use either's.
        for form in forms:
            given = _fields(msgid) | _fields(msgid_plural)
            assert _fields(form) <= given, f"{form!r} has other fields than {msgid!r}"
            assert _fields(form) | {"pause"} >= _fields(msgid), f"{form!r} loses a figure"


def test_each_message_has_one_entry() -> None:
    # A word said alone and counted ("reference") had two entries, msgfmt -c refused the
    # .po, and the two Germans differed ("Referenz", "Kundenreferenz").
    assert _compiler().duplicate_msgids(PO.read_text(encoding="utf-8")) == []


def test_a_word_said_alone_reads_its_plural_entry_s_first_form() -> None:
    vocabulary.use_language("de")
    assert vocabulary._("reference") == "Kundenreferenz"
    assert vocabulary._("customer") == "Kunde"
    assert vocabulary.ngettext("customer", "customers", 2) == "Kunden"


def test_the_committed_mo_is_the_po_compiled() -> None:
    compiled = _compiler().compile_po(PO)
    assert PO.with_suffix(".mo").read_bytes() == compiled, "run scripts/po_to_mo.py on the .po"


def test_english_is_the_default_and_reads_as_written(catalog: Catalog) -> None:
    assert vocabulary.language() == "en"
    progress = run(catalog, facts(refs=references(PLATFORM, 1)))
    assert step_of(progress, PLATFORM, SILVER, StepKind.REFERENCES).missing == (
        "2 more approved customer references for Cloud Platform",
    )


def test_with_german_chosen_the_missing_sentences_read_in_german(catalog: Catalog) -> None:
    assert vocabulary.use_language("de_DE") == "de"
    two = run(catalog, facts(refs=references(PLATFORM, 1)))
    assert step_of(two, PLATFORM, SILVER, StepKind.REFERENCES).missing == (
        "2 weitere genehmigte Kundenreferenzen für Cloud Platform",
    )
    given = [
        *references(PLATFORM, 1),
        reference(PLATFORM, "W", status=ReferenceStatus.SUBMITTED, approved_on=None),
    ]
    one = run(catalog, facts(refs=given))
    assert step_of(one, PLATFORM, SILVER, StepKind.REFERENCES).missing == (
        "2 weitere genehmigte Kundenreferenzen für Cloud Platform "
        "(1 ist eingereicht und wartet auf Genehmigung)",
    )


def test_with_german_chosen_the_fee_sentences_read_in_german() -> None:
    vocabulary.use_language("de")
    unknown = FeeStatus(level=None, due_on=None, amount_usd=None, paid=False, current_year=None)
    assert this_year_sentence(unknown) == (
        "Geben Sie das Jubiläumsdatum der Mitgliedschaft ein, um die Gebühr zu sehen"
    )
    assert renewal_sentence(unknown) == (
        "Geben Sie das Jubiläumsdatum der Mitgliedschaft ein, um die Verlängerung zu sehen"
    )


def test_a_language_without_a_catalogue_reads_in_english() -> None:
    assert vocabulary.use_language("de") == "de"
    assert vocabulary.use_language("fr") == "en"
    assert vocabulary._("nothing paid") == "nothing paid"


@pytest.mark.parametrize(
    ("environ", "expected"),
    [
        ({}, "en"),
        ({"LANG": "de_DE.UTF-8"}, "de"),
        ({"LANGUAGE": "fr:de", "LANG": "en_US.UTF-8"}, "de"),
        ({"LC_ALL": "C", "LANG": "de_DE.UTF-8"}, "en"),
    ],
)
def test_the_environment_names_the_language(environ: dict[str, str], expected: str) -> None:
    assert vocabulary.language_of_environment(environ) == expected


def test_no_sentence_in_the_domain_is_an_f_string_around_a_marked_message() -> None:
    # _(f"...") would look up the filled-in text, which no catalogue holds.
    for path in (ROOT / "mpn_desktop" / "domain").rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        assert not re.search(r"\b_\(\s*f\"", text), path
        assert not re.search(r"ngettext\(\s*f\"", text), path


def test_the_designation_sentences_follow_the_plural_rules() -> None:
    from mpn_desktop.domain.designation_missing import more_text, points_text

    vocabulary.use_language("de")
    assert more_text(Decimal(1), "customers") == "1 weiterer Kunde"
    assert more_text(Decimal(3), "customers") == "3 weitere Kunden"
    assert points_text(Fraction(1)) == "1 Punkt"
    assert points_text(Fraction(3, 2)) == "1,5 Punkte"
    vocabulary.use_language("en")
    assert more_text(Decimal(1), "customers") == "1 more customer"
    assert points_text(Fraction(3, 2)) == "1.5 points"
