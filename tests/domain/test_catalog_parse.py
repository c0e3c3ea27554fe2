"""``parse_catalog``: a small hand-made document reads; every kind of mistake names its entry."""

from __future__ import annotations

import copy
from collections.abc import Callable
from datetime import date
from decimal import Decimal
from typing import Any

import pytest
from domain_builders import GOLD, SILVER, facts, run, skilled, subscription, usage

from mpn_desktop.domain.catalog import MeasureKind, Window
from mpn_desktop.domain.catalog_parse import FORMAT, CatalogFormatError, parse_catalog
from mpn_desktop.domain.enums import Association, CredentialKind, Market, StepKind, Workload

Document = dict[str, Any]


def small_document() -> Document:
    """One source, three credentials, one cloud competency with one option, two retired."""
    return {
        "format": FORMAT,
        "program": "Test program",
        "version": "1",
        "effective_from": "2017-07-01",
        "effective_until": "2018-06-30",
        "notes": ["A note."],
        "benefits": ["A benefit."],
        "sources": [
            {"id": "s", "title": "Source S", "url": "https://example.test", "published": "2017"}
        ],
        "fee": {
            "description": "Once a year.",
            "source": "s",
            "schedules": [
                {"effective_from": "2016-07-01", "silver": 100, "gold": 200, "source": "s"},
                {"effective_from": "2017-10-01", "silver": 150, "gold": "250.50", "source": "s"},
            ],
        },
        "credentials": [
            {"code": "X-1", "title": "Exam One", "kind": "exam", "source": "s"},
            {
                "code": "X-2",
                "title": "Exam Two",
                "kind": "exam",
                "source": "s",
                "accept_from": "2017-01-01",
                "accept_until": "2018-12-31",
                "note": "Retiring.",
            },
            {
                "code": "TA-3",
                "title": "Assessment Three",
                "kind": "assessment",
                "source": "s",
                "aliases": ["Three Assessment"],
            },
        ],
        "competencies": [
            {
                "id": "test-cloud",
                "name": "Test Cloud",
                "workload": "azure",
                "source": "s",
                "references": {"silver": 1, "gold": 2, "valid_years": 2, "source": "s"},
                "options": [
                    {
                        "id": "only",
                        "name": "Only option",
                        "source": "s",
                        "performance": {
                            "associations": ["dpor"],
                            "source": "s",
                            "measures": [
                                {
                                    "id": "spend",
                                    "measure": "consumption_usd",
                                    "workload": "azure",
                                    "window": "previous_12_months",
                                    "description": "spend",
                                    "source": "s",
                                    "thresholds": {
                                        "silver": {"developed": 1000, "developing": 500},
                                        "gold": {"developed": 5000, "developing": 2500},
                                    },
                                }
                            ],
                        },
                        "skills": {
                            "source": "s",
                            "roles": [
                                {
                                    "id": "r",
                                    "name": "Role R",
                                    "people": {"silver": 1, "gold": 2},
                                    "credentials": {"any_of": ["x-1", {"all_of": ["X-2", "TA-3"]}]},
                                }
                            ],
                        },
                    }
                ],
            }
        ],
        "retired_competencies": {
            "retired_on": "2018-01-30",
            "other_dates": ["2018-01-31"],
            "last_signup": "2016-07-30",
            "last_renewal": "2016-10-30",
            "source": "s",
            "note": "Closed.",
            "competencies": [
                {"id": "old-one", "name": "Old One"},
                {
                    "id": "old-two",
                    "name": "Old Two",
                    "retired_on": "2017-12-31",
                    "note": "Earlier.",
                },
            ],
        },
    }


def test_a_small_document_reads_completely() -> None:
    catalog = parse_catalog(small_document())
    assert (catalog.program, catalog.version) == ("Test program", "1")
    assert (catalog.effective_from, catalog.effective_until) == (
        date(2017, 7, 1),
        date(2018, 6, 30),
    )
    assert catalog.notes == ("A note.",) and catalog.benefits == ("A benefit.",)
    assert str(catalog.sources[0]) == "Source S, 2017"
    cloud = catalog.competency("test-cloud")
    assert not cloud.retired and cloud.workload is Workload.AZURE
    measure = cloud.options[0].performance.measures[0]
    assert (
        measure.kind is MeasureKind.CONSUMPTION_USD and measure.window is Window.PREVIOUS_12_MONTHS
    )
    assert (
        measure.need(SILVER, Market.DEVELOPING) == 500
        and measure.need(GOLD, Market.DEVELOPED) == 5000
    )
    assert cloud.options[0].performance.associations == frozenset({Association.DPOR})
    role = cloud.options[0].skills.roles[0]
    assert role.credentials.describe() == "X-1, or both X-2 and TA-3"
    assert catalog.fee_due(GOLD, date(2018, 1, 1)) == Decimal("250.50")
    two = catalog.credential("x-2")
    assert two is not None and two.kind is CredentialKind.EXAM
    assert (two.accept_from, two.accept_until, two.note) == (
        date(2017, 1, 1),
        date(2018, 12, 31),
        "Retiring.",
    )
    old_one, old_two = catalog.retired_competencies
    assert old_one.retirement is not None and old_one.retirement.retired_on == date(2018, 1, 30)
    assert old_one.retirement.other_dates == (date(2018, 1, 31),)
    assert old_two.retirement is not None and old_two.retirement.retired_on == date(2017, 12, 31)
    assert old_two.retirement.last_renewal == date(2016, 10, 30) and old_two.note == "Earlier."


def test_the_engine_runs_on_a_hand_made_catalogue() -> None:
    catalog = parse_catalog(small_document())
    given = facts(
        subscriptions=[subscription()],
        usage_rows=[usage("sub-1", "2017-12", consumption=1200)],
        skilled_people=[skilled("1", "X-2", "TA-3")],
    )
    progress = run(catalog, given)
    assert [item.id for item in progress.competencies] == ["test-cloud"]
    silver = progress.competency("test-cloud").level(SILVER).option
    assert silver.step(StepKind.PERFORMANCE).met and silver.step(StepKind.EXAMS).met
    assert not silver.step(StepKind.REFERENCES).met


def test_optional_parts_may_be_left_out() -> None:
    document = small_document()
    for key in ("effective_until", "notes", "benefits", "retired_competencies"):
        del document[key]
    catalog = parse_catalog(document)
    assert (
        catalog.effective_until is None
        and catalog.notes == ()
        and catalog.retired_competencies == ()
    )


Change = Callable[[Document], Any]


def _set(path: str, value: Any) -> Change:
    """A change that sets the value at a dotted path (list indexes as numbers)."""

    def change(document: Document) -> None:
        *parents, last = path.split(".")
        target: Any = document
        for part in parents:
            target = target[int(part)] if isinstance(target, list) else target[part]
        if isinstance(target, list):
            target[int(last)] = value
        else:
            target[last] = value

    return change


def _delete(path: str) -> Change:
    def change(document: Document) -> None:
        *parents, last = path.split(".")
        target: Any = document
        for part in parents:
            target = target[int(part)] if isinstance(target, list) else target[part]
        del target[last]

    return change


def _append(path: str, value: Any) -> Change:
    def change(document: Document) -> None:
        target: Any = document
        for part in path.split("."):
            target = target[int(part)] if isinstance(target, list) else target[part]
        target.append(copy.deepcopy(value))

    return change


OPTION = "competencies.0.options.0"
MEASURE = f"{OPTION}.performance.measures.0"
ROLE = f"{OPTION}.skills.roles.0"

BROKEN: list[tuple[str, Change, str]] = [
    # unknown keys, at the top and deep inside, with the keys that are known
    ("unknown top-level key", _set("colour", "blue"), "unknown key 'colour' (known keys: "),
    (
        "unknown key in a measure",
        _set(f"{MEASURE}.colour", "blue"),
        "competencies[0].options[0].performance.measures[0]: unknown key 'colour'",
    ),
    # missing parts
    ("missing program", _delete("program"), "missing key 'program'"),
    (
        "missing threshold",
        _delete(f"{MEASURE}.thresholds.gold"),
        "competencies[0].options[0].performance.measures[0].thresholds: missing key 'gold'",
    ),
    (
        "missing developing threshold",
        _delete(f"{MEASURE}.thresholds.silver.developing"),
        "measures[0].thresholds.silver: missing key 'developing'",
    ),
    # rules naming credentials the file does not list
    (
        "rule naming an unlisted exam",
        _set(f"{ROLE}.credentials", {"any_of": ["X-1", "70-999"]}),
        "competencies[0].options[0].skills.roles[0].credentials.any_of[1]: credential '70-999' "
        "is not listed in the catalogue's credentials",
    ),
    (
        "rule object with two keys",
        _set(f"{ROLE}.credentials", {"any_of": ["X-1"], "all_of": ["X-2"]}),
        "roles[0].credentials: expected a credential code or an object with one key",
    ),
    (
        "rule with an unknown key",
        _set(f"{ROLE}.credentials", {"none_of": ["X-1"]}),
        "expected a credential code or an object with one key, any_of or all_of",
    ),
    (
        "rule listing nothing",
        _set(f"{ROLE}.credentials", {"all_of": []}),
        "credentials.all_of: lists no credential",
    ),
    (
        "rule that is a number",
        _set(f"{ROLE}.credentials", 7),
        "roles[0].credentials: expected an object, found 7",
    ),
    # dates
    (
        "bad date",
        _set("credentials.1.accept_until", "2018-12-32"),
        "credentials[1].accept_until: '2018-12-32' is not a date (expected YYYY-MM-DD)",
    ),
    (
        "date as a number",
        _set("effective_from", 20170701),
        "effective_from: 20170701 is not a date",
    ),
    (
        "accept_until before accept_from",
        _set("credentials.1.accept_from", "2019-01-01"),
        "credentials[1].accept_until: is before accept_from",
    ),
    (
        "effective_until before effective_from",
        _set("effective_until", "2017-01-01"),
        "effective_until: is before effective_from",
    ),
    (
        "bad other date",
        _set("retired_competencies.other_dates.0", "soon"),
        "retired_competencies.other_dates[0]: 'soon' is not a date",
    ),
    (
        "bad retired_on of one",
        _set("retired_competencies.competencies.1.retired_on", None),
        "retired_competencies.competencies[1].retired_on: None is not a date",
    ),
    # sources and format
    (
        "unknown source id",
        _set(f"{OPTION}.skills.source", "nowhere"),
        "competencies[0].options[0].skills.source: unknown source 'nowhere' (declared sources: s)",
    ),
    (
        "source declared twice",
        _append("sources", {"id": "s", "title": "Again"}),
        "sources[1].id: source 's' is declared twice",
    ),
    (
        "wrong format",
        _set("format", "mpn-desktop-catalog/9"),
        "format: 'mpn-desktop-catalog/9' is not a catalogue format this program reads"
        " (expected 'mpn-desktop-catalog/1')",
    ),
    # credentials and competencies listed twice
    (
        "credential listed twice",
        _append("credentials", {"code": " x-1 ", "title": "Dup", "kind": "exam", "source": "s"}),
        "credentials[3].code: credential 'x-1' is listed twice",
    ),
    (
        "cloud competency listed twice",
        _append("competencies", small_document()["competencies"][0]),
        "competencies[1].id: competency 'test-cloud' is listed twice",
    ),
    (
        "competency listed twice",
        _set("retired_competencies.competencies.0.id", "test-cloud"),
        "retired_competencies.competencies[0].id: competency 'test-cloud' is listed twice",
    ),
    # enumerations
    (
        "unknown kind",
        _set("credentials.0.kind", "quiz"),
        "credentials[0].kind: 'quiz' is not one of: exam, assessment, certification",
    ),
    (
        "unknown workload",
        _set("competencies.0.workload", "sharepoint"),
        "competencies[0].workload: 'sharepoint' is not one of: azure, office365",
    ),
    (
        "unknown association",
        _set(f"{OPTION}.performance.associations", ["dpor", "friend"]),
        "performance.associations[1]: 'friend' is not one of: dpor",
    ),
    (
        "unknown measure",
        _set(f"{MEASURE}.measure", "smiles"),
        "measures[0].measure: 'smiles' is not one of",
    ),
    (
        "unknown window",
        _set(f"{MEASURE}.window", "forever"),
        "measures[0].window: 'forever' is not one of",
    ),
    # numbers
    (
        "negative amount",
        _set("fee.schedules.0.silver", -1),
        "fee.schedules[0].silver: -1 is not an amount of 0 or more",
    ),
    (
        "amount as text",
        _set("fee.schedules.0.gold", "lots"),
        "fee.schedules[0].gold: 'lots' is not an amount",
    ),
    (
        "amount not finite",
        _set("fee.schedules.0.gold", "NaN"),
        "fee.schedules[0].gold: 'NaN' is not an amount of 0 or more",
    ),
    (
        "amount as true",
        _set(f"{MEASURE}.thresholds.gold.developed", True),
        "thresholds.gold.developed: expected an amount, found true",
    ),
    (
        "amount missing",
        _set(f"{MEASURE}.thresholds.gold.developed", None),
        "thresholds.gold.developed: expected an amount, found nothing",
    ),
    (
        "people as text",
        _set(f"{ROLE}.people.gold", "two"),
        "roles[0].people.gold: expected a number of people, found 'two'",
    ),
    (
        "people negative",
        _set(f"{ROLE}.people.silver", -1),
        "roles[0].people.silver: expected a number of people, found -1",
    ),
    (
        "references count as a bool",
        _set("competencies.0.references.gold", False),
        "competencies[0].references.gold: expected a whole number of 0 or more, found False",
    ),
    (
        "references valid for no years",
        _set("competencies.0.references.valid_years", 0),
        "competencies[0].references.valid_years: must be 1 or more",
    ),
    # structure
    (
        "no fee schedule",
        _set("fee.schedules", []),
        "fee.schedules: at least one fee schedule is needed",
    ),
    (
        "fee schedules out of order",
        _set("fee.schedules.1.effective_from", "2016-01-01"),
        "fee.schedules[1].effective_from: fee schedules must be in date order",
    ),
    (
        "no option",
        _set("competencies.0.options", []),
        "competencies[0].options: a competency needs at least one option",
    ),
    (
        "two options with one id",
        _append("competencies.0.options", small_document()["competencies"][0]["options"][0]),
        "competencies[0].options: two options have the same id",
    ),
    (
        "two roles with one id",
        _append(
            f"{OPTION}.skills.roles",
            small_document()["competencies"][0]["options"][0]["skills"]["roles"][0],
        ),
        "skills.roles: two roles have the same id",
    ),
    (
        "no association",
        _set(f"{OPTION}.performance.associations", []),
        "performance.associations: at least one is needed",
    ),
    (
        "no measure",
        _set(f"{OPTION}.performance.measures", []),
        "performance.measures: at least one measure is needed",
    ),
    ("a list where an object belongs", _set("fee", []), "fee: expected an object, found a list"),
    (
        "an object where a list belongs",
        _set("credentials", {}),
        "credentials: expected a list, found an object",
    ),
    (
        "empty name",
        _set("competencies.0.name", " "),
        "competencies[0].name: expected text, found ' '",
    ),
    (
        "name as a number",
        _set("competencies.0.name", 3),
        "competencies[0].name: expected text, found 3",
    ),
    ("a note that is not text", _set("notes", ["fine", ""]), "notes[1]: expected text"),
    (
        "alias that is not text",
        _set("credentials.2.aliases", [None]),
        "credentials[2].aliases[0]: expected text",
    ),
]


@pytest.mark.parametrize(
    ("change", "message"),
    [pytest.param(change, message, id=name) for name, change, message in BROKEN],
)
def test_a_broken_document_names_the_entry_and_the_problem(change: Change, message: str) -> None:
    document = small_document()
    change(document)
    with pytest.raises(CatalogFormatError) as caught:
        parse_catalog(document)
    assert message in str(caught.value)


def _refusal(change: Change) -> CatalogFormatError:
    document = small_document()
    change(document)
    with pytest.raises(CatalogFormatError) as caught:
        parse_catalog(document)
    return caught.value


def _renamed(path: str, name: str) -> Change:
    """A change that gives the key at a dotted path another name (a hand-edited typo)."""

    def change(document: Document) -> None:
        *parents, last = path.split(".")
        target: Any = document
        for part in parents:
            target = target[int(part)] if isinstance(target, list) else target[part]
        target[name] = target.pop(last)

    return change


def test_a_misspelled_key_is_offered_the_key_the_entry_lacks() -> None:
    """A misspelled key is the commonest mistake in a hand-edited catalogue: it was refused
    as unknown with a list of every known key, the one meant not pointed at."""
    top = _refusal(_renamed("program", "programme"))
    assert top.where == ""
    assert top.problem == (
        "unknown key 'programme', did you mean 'program'? (known keys: benefits, competencies, "
        "credentials, effective_from, effective_until, fee, format, notes, program, "
        "retired_competencies, sources, version)"
    )
    deep = _refusal(_renamed(f"{MEASURE}.thresholds", "tresholds"))
    assert deep.where == "competencies[0].options[0].performance.measures[0]"
    assert deep.problem.startswith("unknown key 'tresholds', did you mean 'thresholds'? (known")
    # Only a key the entry lacks is offered: beside its "program", "programme" is just unknown.
    beside = _refusal(_set("programme", "x"))
    assert beside.problem.startswith("unknown key 'programme' (known keys: benefits, ")
    assert _refusal(_set("colour", "blue")).problem.startswith("unknown key 'colour' (known")


def test_the_error_keeps_where_and_what_apart() -> None:
    document = small_document()
    _delete(f"{MEASURE}.thresholds.gold")(document)
    with pytest.raises(CatalogFormatError) as caught:
        parse_catalog(document)
    assert caught.value.where == "competencies[0].options[0].performance.measures[0].thresholds"
    assert caught.value.problem == "missing key 'gold'"


def test_a_document_that_is_not_an_object_is_refused() -> None:
    with pytest.raises(CatalogFormatError, match=r"^expected an object, found a list$"):
        parse_catalog([])
    with pytest.raises(CatalogFormatError, match=r"^expected an object, found nothing$"):
        parse_catalog(None)


def test_notes_of_a_role_and_of_the_skills_show_beside_the_exams_step() -> None:
    document = small_document()
    _set(f"{ROLE}.note", "Role note.")(document)
    _set(f"{OPTION}.skills.note", "Skills note.")(document)
    step = run(parse_catalog(document), facts()).competency("test-cloud").level(SILVER)
    assert step.option.step(StepKind.EXAMS).notes == (
        "Skills note. (source: Source S, 2017)",
        "Role note.",
    )
