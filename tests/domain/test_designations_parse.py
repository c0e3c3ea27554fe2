"""Reading Solutions Partner catalogues: the shipped ones, and broken copies named by path."""

from __future__ import annotations

import copy
import json
from fractions import Fraction
from pathlib import Path
from typing import Any

import pytest

from mpn_desktop.domain.catalog_parse import CatalogFormatError
from mpn_desktop.domain.designations_parse import is_scored_document, parse_scored_catalog

CATALOGS = Path(__file__).parents[2] / "resources" / "catalogs"
SHIPPED = sorted(CATALOGS.glob("solutions-partner-*.json"))


def _document() -> dict[str, Any]:
    return json.loads((CATALOGS / "solutions-partner-2023-06.json").read_text())


@pytest.mark.parametrize("path", SHIPPED, ids=lambda p: p.name)
def test_every_shipped_track_adds_up_to_100_points(path: Path) -> None:
    document = json.loads(path.read_text())
    assert is_scored_document(document)
    catalog = parse_scored_catalog(document)
    assert catalog.qualifies_at == 70
    assert {d.id for d in catalog.designations} == {
        "data-ai-azure",
        "infrastructure-azure",
        "digital-app-innovation-azure",
        "business-applications",
        "modern-work",
        "security",
    }
    for designation in catalog.designations:
        for track in designation.tracks:
            total = sum((m.max_points for m in track.metrics), Fraction())
            assert total == 100, (designation.id, track.id)


def test_the_2017_catalogue_is_not_a_scored_one() -> None:
    assert not is_scored_document(json.loads((CATALOGS / "mpn-2017-2018.json").read_text()))


def _renamed_program(document: dict[str, Any], name: str) -> dict[str, Any]:
    return {(name if key == "program" else key): value for key, value in document.items()}


@pytest.mark.parametrize("name", ["programme", "progam", "Program"])
def test_a_misspelled_program_is_read_and_refused_as_a_scored_catalogue(name: str) -> None:
    """The shape chooses the reader when the program does not: such a file was read as a
    2017-2018 catalogue and refused with "unknown key 'categories'", about the wrong key."""
    document = _renamed_program(_document(), name)
    assert is_scored_document(document)
    with pytest.raises(CatalogFormatError) as caught:
        parse_scored_catalog(document)
    assert caught.value.where == ""
    assert caught.value.problem.startswith(
        f"unknown key {name!r}, did you mean 'program'? (known keys: categories, "
    )
    # Another program, or none, is told the same way: program is what is wrong.
    other = dict(_document(), program="solution-partner")
    assert is_scored_document(other)
    with pytest.raises(CatalogFormatError, match=r"^program: expected 'solutions-partner', "):
        parse_scored_catalog(other)
    missing = {key: value for key, value in _document().items() if key != "program"}
    assert is_scored_document(missing)
    with pytest.raises(CatalogFormatError, match=r"^missing key 'program'$"):
        parse_scored_catalog(missing)


def test_a_2017_catalogue_with_a_misspelled_program_is_still_a_2017_one() -> None:
    competencies = json.loads((CATALOGS / "mpn-2017-2018.json").read_text())
    assert not is_scored_document(_renamed_program(competencies, "programme"))
    # Its format alone does not outweigh its keys, nor a key of the other program.
    assert not is_scored_document(dict(competencies, format="mpn-desktop-catalog/2"))
    assert not is_scored_document(dict(competencies, categories=[]))
    assert not is_scored_document({"programme": "solutions-partner"})
    assert not is_scored_document([_document()])
    # The fewest keys of a Solutions Partner catalogue with its format are enough.
    assert is_scored_document({"format": "mpn-desktop-catalog/2", "designations": []})


def _broken(change: Any) -> str:
    document = copy.deepcopy(_document())
    change(document)
    with pytest.raises(CatalogFormatError) as caught:
        parse_scored_catalog(document)
    return str(caught.value)


def _infra_metric(document: dict[str, Any], index: int) -> dict[str, Any]:
    designation = next(d for d in document["designations"] if d["id"] == "infrastructure-azure")
    metric: dict[str, Any] = designation["tracks"][0]["metrics"][index]
    return metric


def test_problems_name_their_entry() -> None:
    def unknown_key(d: dict[str, Any]) -> None:
        d["designations"][0]["colour"] = "blue"

    assert _broken(unknown_key).startswith("designations[0]: unknown key 'colour'")

    def unknown_cert(d: dict[str, Any]) -> None:
        _infra_metric(d, 1)["skilling"]["certifications"][0] = "az-999"

    assert _broken(unknown_cert) == (
        "designations[1].tracks[0].metrics[1].skilling.certifications[0].id: "
        "unknown certification 'az-999'"
    )

    def zero_threshold(d: dict[str, Any]) -> None:
        d["shared_metrics"]["azure-deployments"]["parts"][0]["threshold"] = 0

    assert (
        _broken(zero_threshold)
        == "shared_metrics.azure-deployments.parts[0].threshold: must be above 0"
    )

    def no_conditions(d: dict[str, Any]) -> None:
        del d["shared_metrics"]["azure-net-customer-adds"]["parts"][0]["conditions"]

    assert "tenant-growth needs conditions" in _broken(no_conditions)

    def bad_use(d: dict[str, Any]) -> None:
        _infra_metric(d, 0)["use"] = "nothing"

    assert "no shared metric 'nothing'" in _broken(bad_use)

    def bad_fraction(d: dict[str, Any]) -> None:
        _infra_metric(d, 1)["skilling"]["points_per_person"] = "four"

    assert "expected a number such as 4, 6.67 or 40/6" in _broken(bad_fraction)

    def bad_association(d: dict[str, Any]) -> None:
        d["shared_metrics"]["azure-deployments"]["parts"][0]["associations"] = ["friendship"]

    assert "'friendship' is not one of" in _broken(bad_association)

    def other_format(d: dict[str, Any]) -> None:
        d["format"] = "mpn-desktop-catalog/9"

    assert _broken(other_format).startswith("format: 'mpn-desktop-catalog/9' is not")


def test_sources_are_named_as_the_2017_reader_names_them() -> None:
    """One reading of an entry's source serves both programs (catalog_parse.declared_source):
    an undeclared one is named with the declared ones; an entry may name none."""

    def undeclared(d: dict[str, Any]) -> None:
        d["qualification_windows"][0]["source"] = "nowhere"

    declared = ", ".join(sorted(s["id"] for s in _document()["sources"]))
    assert _broken(undeclared) == (
        f"qualification_windows[0].source: unknown source 'nowhere' (declared sources: {declared})"
    )
    window = _document()
    window["qualification_windows"][0].pop("source", None)
    assert parse_scored_catalog(window).windows[0].source is None
    last = window["sources"][-1]
    window["qualification_windows"][0]["source"] = last["id"]
    source = parse_scored_catalog(window).windows[0].source
    assert source is not None
    assert source.title == last["title"]


def test_a_unit_of_percent_is_refused_on_any_measure_but_a_percentage_growth() -> None:
    """The cheapest way and the missing sentences read a "percent" part as a growth in
    percent of its base (priced through the base, said in percentage points): a growth
    measured as a difference written in "percent", or a percentage growth written in
    another unit, would be priced and said as the other; the reader names the part's unit."""

    def difference_in_percent(d: dict[str, Any]) -> None:
        d["shared_metrics"]["azure-usage-growth"]["parts"][0]["measure"] = "usage-growth"

    assert _broken(difference_in_percent) == (
        "shared_metrics.azure-usage-growth.parts[0].unit: 'percent' does not fit measure"
        " 'usage-growth': the unit of usage-growth-percent is 'percent', and only its unit is"
    )

    def percentage_in_usd(d: dict[str, Any]) -> None:
        d["shared_metrics"]["azure-usage-growth"]["parts"][0]["unit"] = "USD"

    assert _broken(percentage_in_usd) == (
        "shared_metrics.azure-usage-growth.parts[0].unit: 'USD' does not fit measure"
        " 'usage-growth-percent': the unit of usage-growth-percent is 'percent', and only its"
        " unit is"
    )
