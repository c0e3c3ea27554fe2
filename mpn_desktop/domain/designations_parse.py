"""Reading a Solutions Partner catalogue document (``mpn-desktop-catalog/2``) into dataclasses.

Every problem raises ``CatalogFormatError`` naming the entry's path
(``designations[1].tracks[0].metrics[2].parts[0].threshold``) and what is wrong,
as the 2017-2018 reader does. Metrics that several designations share (the
Azure areas' performance and customer success) are written once under
``shared_metrics`` and named with ``{"use": "..."}``.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from fractions import Fraction
from typing import Any

from mpn_desktop.domain.catalog import Source
from mpn_desktop.domain.catalog_parse import FORMAT as COMPETENCIES_FORMAT
from mpn_desktop.domain.catalog_parse import ROOT_KEYS as COMPETENCIES_ROOT_KEYS
from mpn_desktop.domain.catalog_parse import (
    CatalogFormatError,
    _day,
    _Entry,
    _enum,
    _kind,
    _money,
    declared_source,
)
from mpn_desktop.domain.catalogue_text import catalogue_text
from mpn_desktop.domain.designations import (
    PROGRAM_ID,
    Category,
    Certification,
    Classification,
    Condition,
    Counted,
    Designation,
    Listed,
    Measure,
    Metric,
    Part,
    Quantity,
    Reading,
    Scope,
    ScoredCatalog,
    Skilling,
    Span,
    Step,
    Track,
    WindowKind,
    WindowRule,
    WindowSpan,
)
from mpn_desktop.domain.enums import Workload
from mpn_desktop.domain.vocabulary import _

FORMAT = "mpn-desktop-catalog/2"
ASSOCIATIONS = frozenset({"transacting", "dpor", "pal", "cpor", "delegated_admin", "fasttrack"})
"""Association values a part may name (``transacting`` is the CSP partner)."""

_ROOT_KEYS = frozenset({"format", "program", "name", "version", "effective_from", "qualifies_at"})
_ROOT_OPTIONAL = frozenset(
    {"effective_until", "notes", "readings", "sources", "categories", "certifications"}
    | {"rate_card", "shared_metrics", "designations", "fee_usd", "qualification_windows"}
)
_OWN_ROOT_KEYS = (_ROOT_KEYS | _ROOT_OPTIONAL) - COMPETENCIES_ROOT_KEYS
"""The keys at the top of a Solutions Partner catalogue that a 2017-2018 one never has."""
_COMPETENCIES_OWN_KEYS = COMPETENCIES_ROOT_KEYS - _ROOT_KEYS - _ROOT_OPTIONAL
"""The keys at the top of a 2017-2018 catalogue that a Solutions Partner one never has."""

# The keys of the entries read hundreds of times per catalogue, made once (never changed).
_PART_KEYS = {"measure", "threshold", "unit", "workloads", "associations"}
_PART_OPTIONAL = (
    {"label", "services", "excluded_services", "counted", "conditions", "quantity"}
    | {"exclude_met_at_association", "max", "stays_eligible_when_promoted"}
    | {"baseline_minimum", "twelve_month_minimum", "compare_twelve_months"}
)
_METRIC_KEYS = {"id", "name", "category", "max"}
_METRIC_OPTIONAL = {"parts", "options", "skilling", "note", "source"}
_LISTED_KEYS = {"id"}
_LISTED_OPTIONAL = {"from", "until"}
_CERTIFICATION_KEYS = {"id", "name", "exams"}
_CERTIFICATION_OPTIONAL = {"eligible_until", "eligible_from", "note"}


def is_scored_document(document: Any) -> bool:
    """Whether a catalogue document is read as one of the Solutions Partner program.

    Its ``program`` says so; lacking that (misspelled "programme", or another value), its
    shape does: more of the keys only a Solutions Partner catalogue has (categories,
    designations...) and its format than of those only a 2017-2018 one has (competencies,
    credentials...). This reader then says what is wrong with such a file ("unknown key
    'programme', did you mean 'program'?"), not the other's "unknown key 'categories'".
    """
    if not isinstance(document, dict):
        return False
    if document.get("program") == PROGRAM_ID:
        return True
    keys = document.keys()
    scored = len(keys & _OWN_ROOT_KEYS) + (document.get("format") == FORMAT)
    competencies = len(keys & _COMPETENCIES_OWN_KEYS) + (
        document.get("format") == COMPETENCIES_FORMAT
    )
    return scored > competencies


_OWN_KEYS_OF_EITHER = _OWN_ROOT_KEYS | _COMPETENCIES_OWN_KEYS
"""The top keys that say which catalogue a file is meant to be, whatever its format says."""

ORGANISATION_FORMAT = "mpn-desktop/1"
"""The format of an organisation's document ('export' writes it): a file often given for
a catalogue by mistake (the two are JSON files of the program's, side by side)."""


def neither_catalogue(document: Any) -> str | None:
    """Why a document is no catalogue of either program, when nothing in it says it is meant
    to be one (a JSON object with a catalogue's format, or with keys only a catalogue has);
    None otherwise: the reader it is meant for then names what is wrong (a misspelled key).
    """
    if isinstance(document, dict):
        if document.get("format") in (FORMAT, COMPETENCIES_FORMAT):
            return None
        if document.keys() & _OWN_KEYS_OF_EITHER:
            return None
    formats = _(
        "A catalogue has the format {competencies} (the 2017-2018 competencies) or "
        "{designations} (the Solutions Partner designations)."
    ).format(competencies=repr(COMPETENCIES_FORMAT), designations=repr(FORMAT))
    if not isinstance(document, dict):
        found = _("it holds {what}, where a catalogue is a JSON object").format(
            what=_kind(document)
        )
    elif "format" not in document:
        found = _("it has no 'format' and none of a catalogue's keys")
    elif document["format"] == ORGANISATION_FORMAT:
        found = _(
            "its format {format} is an organisation's document, as 'export' writes it "
            "('mpn-desktop load' reads it)"
        ).format(format=repr(ORGANISATION_FORMAT))
    else:
        found = _("its format {format} is not one this program reads").format(
            format=repr(document["format"])
        )
    return _("not a requirements catalogue: {found}. {formats}").format(
        found=found, formats=formats
    )


def scored_dates(document: Any) -> tuple[str, date, date | None]:
    """A Solutions Partner catalogue's version and effective dates, read alone: the choice
    among the shipped catalogues needs no more (``parse_scored_catalog`` reads them again,
    with the rest). CatalogFormatError names a bad one as the full reading does."""
    root = _Entry(document, "")
    return root.text("version"), root.day("effective_from"), root.optional_day("effective_until")


def _fraction(value: Any, where: str) -> Fraction:
    """A whole number, a decimal ("6.67") or a fraction written "40/6"; 0 or more."""
    try:
        if isinstance(value, bool):
            raise ValueError
        if isinstance(value, int):
            result = Fraction(value)
        elif isinstance(value, float | str):
            result = Fraction(str(value).strip())
        else:
            raise ValueError
    except (ValueError, ZeroDivisionError):
        raise CatalogFormatError(
            where,
            _("expected a number such as 4, 6.67 or 40/6, found {kind}").format(kind=_kind(value)),
        ) from None
    # The sign of the numerator (the denominator is positive): no Fraction comparison.
    if result.numerator < 0:
        raise CatalogFormatError(where, _("{value} is below 0").format(value=repr(value)))
    return result


def _positive(value: Any, where: str) -> Fraction:
    result = _fraction(value, where)
    if not result.numerator:
        raise CatalogFormatError(where, _("must be above 0"))
    return result


def _text_list(entry: _Entry, key: str) -> tuple[str, ...]:
    values = entry.items(key) if key in entry.value else []
    for i, value in enumerate(values):
        if not isinstance(value, str) or not value.strip():
            raise CatalogFormatError(
                f"{entry.at(key)}[{i}]", _("expected text, found {kind}").format(kind=_kind(value))
            )
    return tuple(values)


def _optional_positive(entry: _Entry, key: str) -> Fraction | None:
    return _positive(entry.value[key], entry.at(key)) if key in entry.value else None


def _flag(entry: _Entry, key: str) -> bool:
    value = entry.value.get(key, False)
    if not isinstance(value, bool):
        raise CatalogFormatError(
            entry.at(key), _("expected true or false, found {kind}").format(kind=_kind(value))
        )
    return value


class _Reader:
    """Reads one document; holds the sources, certifications and shared metrics."""

    def __init__(self) -> None:
        self.sources: dict[str, Source] = {}
        self.certifications: dict[str, Certification] = {}
        self.categories: set[str] = set()
        self.shared: dict[str, _Entry] = {}

    def read(self, document: Any) -> ScoredCatalog:
        root = _Entry(document, "")
        root.check_keys(_ROOT_KEYS, _ROOT_OPTIONAL)
        if root.value["format"] != FORMAT:
            raise CatalogFormatError(
                "format",
                _(
                    "{value} is not a catalogue format this program reads (expected {format})"
                ).format(value=repr(root.value["format"]), format=repr(FORMAT)),
            )
        if root.value["program"] != PROGRAM_ID:
            raise CatalogFormatError(
                "program",
                _("expected {expected}, found {kind}").format(
                    expected=repr(PROGRAM_ID), kind=_kind(root.value["program"])
                ),
            )
        for entry in root.entries("sources") if "sources" in root.value else []:
            entry.check_keys({"id", "title"}, {"url", "published"})
            source = Source(
                entry.text("id"),
                entry.text("title"),
                entry.text("url", ""),
                entry.text("published", ""),
            )
            self.sources[source.id] = source
        categories = []
        for entry in root.entries("categories"):
            entry.check_keys({"id", "name"})
            categories.append(Category(entry.text("id"), entry.words("name")))
        self.categories = {c.id for c in categories}
        for entry in root.entries("certifications"):
            cert = self._certification(entry)
            if cert.id in self.certifications:
                raise CatalogFormatError(
                    entry.at("id"),
                    _("certification {id} is listed twice").format(id=repr(cert.id)),
                )
            self.certifications[cert.id] = cert
        shared = _Entry(root.value.get("shared_metrics", {}), "shared_metrics")
        self.shared = {key: _Entry(value, shared.at(key)) for key, value in shared.value.items()}
        readings = []
        for entry in root.entries("readings") if "readings" in root.value else []:
            entry.check_keys({"id", "text"})
            readings.append(Reading(entry.text("id"), entry.words("text")))
        rate_card = {}
        cards = _Entry(root.value.get("rate_card", {}), "rate_card")
        for key, value in cards.value.items():
            rate_card[key.strip().casefold()] = _money(value, cards.at(key))
        designations = tuple(self._designation(e) for e in root.entries("designations"))
        ids = [d.id for d in designations]
        if len(set(ids)) != len(ids):
            raise CatalogFormatError("designations", _("a designation id is listed twice"))
        until = root.optional_day("effective_until")
        start = root.day("effective_from")
        if until is not None and until < start:
            raise CatalogFormatError(
                "effective_until", _("is before {field}").format(field="effective_from")
            )
        fee = root.value.get("fee_usd")
        windows = tuple(
            self._window(e)
            for e in (
                root.entries("qualification_windows")
                if "qualification_windows" in root.value
                else []
            )
        )
        if [w.effective_from for w in windows] != sorted({w.effective_from for w in windows}):
            raise CatalogFormatError(
                "qualification_windows",
                _("the rules must follow one another by their {key} day").format(key="'from'"),
            )
        return ScoredCatalog(
            name=root.words("name"),
            version=root.text("version"),
            effective_from=start,
            effective_until=until,
            qualifies_at=_positive(root.value["qualifies_at"], "qualifies_at"),
            categories=tuple(categories),
            designations=designations,
            certifications=self.certifications,
            rate_card=rate_card,
            readings=tuple(readings),
            notes=tuple(catalogue_text(note) for note in _text_list(root, "notes")),
            sources=tuple(self.sources.values()),
            fee_usd=None if fee is None else _money(fee, "fee_usd"),
            windows=windows,
        )

    def _window(self, entry: _Entry) -> WindowRule:
        entry.check_keys({"from", "not_enrolled", "enrolled", "text"}, {"source"})

        def span(key: str) -> WindowSpan:
            one = _Entry(entry.value[key], entry.at(key))
            one.check_keys({"kind"}, {"months", "days"})
            kind = _enum(WindowKind, one.value["kind"], one.at("kind"))
            wanted = {
                WindowKind.AS_OF_DAY: None,
                WindowKind.MONTHS_BACK: "months",
                WindowKind.ANNIVERSARY_MONTHS: "months",
                WindowKind.DAYS_BEFORE_ANNIVERSARY: "days",
            }[kind]
            given = {k for k in ("months", "days") if k in one.value}
            if given != ({wanted} if wanted else set()):
                problem = (
                    _("a window of kind {kind} needs {key}").format(
                        kind=repr(kind.value), key=repr(wanted)
                    )
                    if wanted
                    else _("a window of kind {kind} takes no count").format(kind=repr(kind.value))
                )
                raise CatalogFormatError(one.where, problem)
            return WindowSpan(kind, one.whole(wanted) if wanted else 0)

        return WindowRule(
            effective_from=entry.day("from"),
            not_enrolled=span("not_enrolled"),
            enrolled=span("enrolled"),
            text=entry.words("text"),
            source=declared_source(entry, self.sources),
        )

    def _classification(self, entry: _Entry, tracks: list[Track]) -> Classification:
        entry.check_keys(
            {"minimum_usd", "pairs", "at_least", "otherwise", "workloads", "associations"},
            {"text"},
        )
        ids = {t.id for t in tracks}
        for key in ("at_least", "otherwise"):
            if entry.value[key] not in ids:
                raise CatalogFormatError(
                    entry.at(key),
                    _("{value} is not a track").format(value=repr(entry.value[key])),
                )
        associations = frozenset(_text_list(entry, "associations"))
        workloads = frozenset(
            _enum(Workload, w, f"{entry.at('workloads')}[{i}]")
            for i, w in enumerate(entry.items("workloads"))
        )
        return Classification(
            minimum_usd=_money(entry.value["minimum_usd"], entry.at("minimum_usd")),
            pairs=int(_positive(entry.value["pairs"], entry.at("pairs"))),
            at_least=entry.text("at_least"),
            otherwise=entry.text("otherwise"),
            scope=Scope(workloads=workloads, associations=associations),
            text=entry.words("text", ""),
        )

    def _certification(self, entry: _Entry) -> Certification:
        entry.check_keys(_CERTIFICATION_KEYS, _CERTIFICATION_OPTIONAL)
        alternatives = []
        for i, item in enumerate(entry.items("exams")):
            where = f"{entry.at('exams')}[{i}]"
            group = [item] if isinstance(item, str) else item
            if not isinstance(group, list) or not group:
                raise CatalogFormatError(where, _("expected an exam code or a list of them"))
            for code in group:
                if not isinstance(code, str) or not code.strip():
                    raise CatalogFormatError(
                        where, _("expected exam codes, found {kind}").format(kind=_kind(code))
                    )
            alternatives.append(tuple(group))
        return Certification(
            id=entry.text("id"),
            name=entry.text("name"),
            exams=tuple(alternatives),
            eligible_until=entry.optional_day("eligible_until"),
            eligible_from=entry.optional_day("eligible_from"),
        )

    def _listed(self, entry: _Entry, key: str) -> tuple[Listed, ...]:
        listed = []
        for i, item in enumerate(entry.items(key)):
            one = _Entry({"id": item} if isinstance(item, str) else item, f"{entry.at(key)}[{i}]")
            one.check_keys(_LISTED_KEYS, _LISTED_OPTIONAL)
            cert = one.text("id")
            if cert not in self.certifications:
                raise CatalogFormatError(
                    one.at("id"), _("unknown certification {id}").format(id=repr(cert))
                )
            listed.append(Listed(cert, one.optional_day("from"), one.optional_day("until")))
        return tuple(listed)

    def _designation(self, entry: _Entry) -> Designation:
        entry.check_keys(
            {"id", "name", "tracks"}, {"legacy_competencies", "note", "classification"}
        )
        tracks = []
        for track in entry.entries("tracks"):
            track.check_keys({"id", "metrics"})
            track_id = track.value["id"]
            if track_id is not None and not isinstance(track_id, str):
                raise CatalogFormatError(track.at("id"), _("expected a track name or null"))
            metrics = tuple(self._metric(m) for m in track.entries("metrics"))
            tracks.append(Track(track_id, metrics))
        if not tracks:
            raise CatalogFormatError(entry.at("tracks"), _("a designation needs a track"))
        return Designation(
            id=entry.text("id"),
            name=entry.words("name"),
            tracks=tuple(tracks),
            legacy_competencies=_text_list(entry, "legacy_competencies"),
            note=entry.words("note", ""),
            classification=self._classification(
                _Entry(entry.value["classification"], entry.at("classification")), tracks
            )
            if "classification" in entry.value
            else None,
        )

    def _metric(self, entry: _Entry) -> Metric:
        if set(entry.value) == {"use"}:
            name = entry.text("use")
            if name not in self.shared:
                raise CatalogFormatError(
                    entry.at("use"), _("no shared metric {name}").format(name=repr(name))
                )
            entry = self.shared[name]
        entry.check_keys(_METRIC_KEYS, _METRIC_OPTIONAL)
        category = entry.text("category")
        if category not in self.categories:
            raise CatalogFormatError(
                entry.at("category"),
                _("unknown category {category}").format(category=repr(category)),
            )
        kinds = [key for key in ("parts", "options", "skilling") if key in entry.value]
        if len(kinds) != 1:
            raise CatalogFormatError(
                entry.where,
                _("give exactly one of {keys}").format(keys="parts, options, skilling"),
            )
        options: tuple[tuple[Part, ...], ...] = ()
        skilling = None
        if kinds[0] == "parts":
            options = (tuple(self._part(p) for p in entry.entries("parts")),)
        elif kinds[0] == "options":
            options = tuple(
                tuple(
                    self._part(_Entry(p, f"{entry.at('options')}[{i}][{j}]"))
                    for j, p in enumerate(o)
                )
                for i, o in enumerate(entry.items("options"))
            )
        else:
            skilling = self._skilling(_Entry(entry.value["skilling"], entry.at("skilling")))
        return Metric(
            id=entry.text("id"),
            name=entry.words("name"),
            category=category,
            max_points=_positive(entry.value["max"], entry.at("max")),
            options=options,
            skilling=skilling,
            note=entry.words("note", ""),
            source=declared_source(entry, self.sources),
        )

    def _skilling(self, entry: _Entry) -> Skilling:
        entry.check_keys({"certifications", "points_per_person"}, {"steps"})
        steps = []
        for step in entry.entries("steps") if "steps" in entry.value else []:
            step.check_keys({"certifications", "minimum_people"}, {"points", "minimum_from"})
            later = []
            for day, value in _Entry(
                step.value.get("minimum_from", {}), step.at("minimum_from")
            ).value.items():
                later.append(
                    (_day(day, step.at("minimum_from")), int(_positive(value, step.at(day))))
                )
            steps.append(
                Step(
                    self._listed(step, "certifications"),
                    step.whole("minimum_people"),
                    _fraction(step.value.get("points", 0), step.at("points")),
                    tuple(sorted(later)),
                )
            )
        return Skilling(
            self._listed(entry, "certifications"),
            _positive(entry.value["points_per_person"], entry.at("points_per_person")),
            tuple(steps),
        )

    def _part(self, entry: _Entry) -> Part:
        entry.check_keys(_PART_KEYS, _PART_OPTIONAL)
        measure = _enum(Measure, entry.value["measure"], entry.at("measure"))
        workloads = frozenset(
            _enum(Workload, w, f"{entry.at('workloads')}[{i}]")
            for i, w in enumerate(entry.items("workloads"))
        )
        associations = frozenset(_text_list(entry, "associations"))
        unknown = sorted(associations - ASSOCIATIONS)
        if unknown:
            raise CatalogFormatError(
                entry.at("associations"),
                _("{value} is not one of: {allowed}").format(
                    value=repr(unknown[0]), allowed=", ".join(sorted(ASSOCIATIONS))
                ),
            )
        conditions = (
            tuple(self._condition(e) for e in entry.entries("conditions"))
            if ("conditions" in entry.value)
            else ()
        )
        if measure is Measure.TENANT_GROWTH and not conditions:
            raise CatalogFormatError(
                entry.where,
                _("{measure} needs {key}").format(
                    measure=Measure.TENANT_GROWTH.value, key="conditions"
                ),
            )
        unit = entry.text("unit")
        # The way and the sentences read a "percent" part as a growth in percent of its base
        # (priced through the base, "percentage points"): the unit must say what is measured.
        if (measure is Measure.USAGE_GROWTH_PERCENT) != (unit == "percent"):
            raise CatalogFormatError(
                entry.at("unit"),
                _(
                    "{unit} does not fit measure {measure}: the unit of {percent_measure}"
                    " is {percent}, and only its unit is"
                ).format(
                    unit=repr(unit),
                    measure=repr(measure.value),
                    percent_measure=Measure.USAGE_GROWTH_PERCENT.value,
                    percent="'percent'",
                ),
            )

        def optional_money(key: str) -> Decimal | None:
            value = entry.value.get(key)
            return None if value is None else _money(value, entry.at(key))

        compare = _flag(entry, "compare_twelve_months")
        return Part(
            measure=measure,
            threshold=_positive(entry.value["threshold"], entry.at("threshold")),
            unit=unit,
            scope=Scope(
                workloads=workloads,
                associations=associations,
                services=frozenset(s.casefold() for s in _text_list(entry, "services")),
                excluded_services=frozenset(
                    s.casefold() for s in _text_list(entry, "excluded_services")
                ),
            ),
            label=entry.words("label", ""),
            counted=_enum(Counted, entry.value.get("counted", "tenants"), entry.at("counted")),
            conditions=conditions,
            exclude_met_at_association=_flag(entry, "exclude_met_at_association"),
            max_points=_positive(entry.value["max"], entry.at("max"))
            if "max" in entry.value
            else None,
            quantity=_enum(
                Quantity, entry.value.get("quantity", "consumption_usd"), entry.at("quantity")
            ),
            baseline_minimum=optional_money("baseline_minimum"),
            twelve_month_minimum=optional_money("twelve_month_minimum"),
            compare_twelve_months=compare,
            stays_when_promoted=_flag(entry, "stays_eligible_when_promoted"),
        )

    def _condition(self, entry: _Entry) -> Condition:
        entry.check_keys({"quantity", "minimum"}, {"maximum", "span", "per_service"})
        maximum = entry.value.get("maximum")
        per_service = _flag(entry, "per_service")
        return Condition(
            quantity=_enum(Quantity, entry.value["quantity"], entry.at("quantity")),
            minimum=_money(entry.value["minimum"], entry.at("minimum")),
            maximum=None if maximum is None else _money(maximum, entry.at("maximum")),
            span=_enum(Span, entry.value.get("span", "month"), entry.at("span")),
            per_service=per_service,
        )


def parse_scored_catalog(document: Any) -> ScoredCatalog:
    """The Solutions Partner catalogue of a JSON document; CatalogFormatError names the problem."""
    return _Reader().read(document)
