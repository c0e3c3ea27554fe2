"""What each person counts for under the Solutions Partner program on a day, and why not.

The Exams tab's "Counts for" column names, per person, the designations and
skilling metrics their certifications count toward ("Infrastructure (Azure):
Intermediate certifications (step 1)"). Who counts is what the evaluation
found: a metric's final list is the people of its node in the requirement tree,
a prerequisite step's people are those the evaluation's ``Certified`` counted
(kept with the facts' exam index, so nothing is scored again). The designations
named are those the tab's summary shows: the targeted ones, else every one.

For a person who counts for nothing, ``why_nothing`` says why where the program
has a reason: a certification retired or not yet counting, one the aimed-for
designations do not list, an exam still missing, exams that earn no
certification of the program (the 2017-2018 exams), exams passed after the day.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date

from mpn_desktop.domain.catalog import Catalog, normalize_code
from mpn_desktop.domain.designation_skilling import Certified, certification_codes
from mpn_desktop.domain.designations import (
    Certification,
    Designation,
    Listed,
    ScoredCatalog,
    Skilling,
    Track,
    short_name,
    track_name,
)
from mpn_desktop.domain.evidence import counted_mcp_ids
from mpn_desktop.domain.exam_rows import ExamRows
from mpn_desktop.domain.facts import Facts
from mpn_desktop.domain.requirement_tree import RequirementNode, RequirementTree
from mpn_desktop.domain.vocabulary import _, ngettext
from mpn_desktop.domain.wording import and_list
from mpn_desktop.domain.wording import day as day_text


def _track(designation: Designation | None, way: str) -> Track | None:
    """The track a designation node was scored on (``way`` is its ``track_name``)."""
    if designation is None or not designation.tracks:
        return None
    for track in designation.tracks:
        if track_name(track.id) == way:
            return track
    return designation.tracks[0]


@dataclass(frozen=True, slots=True)
class _Counted:
    """A skilling metric of a designation shown: who its steps and its final list count."""

    designation: str
    """The solution area ("Infrastructure (Azure)")."""
    metric: str
    steps: tuple[frozenset[str], ...]
    """The MCP IDs each prerequisite step counts, in order."""
    final: frozenset[str]
    """The MCP IDs the final (or only) list counts."""

    def label(self, mcp_id: str) -> str:
        """The metric's name, with the steps the person counts in where it has steps ('' when
        the metric does not count the person)."""
        places = [
            _("step {number}").format(number=number)
            for number, people in enumerate(self.steps, start=1)
            if mcp_id in people
        ]
        if mcp_id in self.final:
            places.append(_("final step"))
        if not places:
            return ""
        if not self.steps:
            return self.metric
        return _("{metric} ({steps})").format(metric=self.metric, steps=", ".join(places))


class SkillingPeople:
    """Per MCP ID, one label per designation whose skilling metrics count the person.

    The labels are put into words for the people a table shows (``labels_of``), not for
    the thousands of a large organisation at every evaluation.
    """

    __slots__ = (
        "_by_person",
        "_catalog",
        "_counted",
        "_earlier",
        "_facts",
        "_labels",
        "_reasons",
        "_scope",
        "counted",
        "day",
    )

    def __init__(
        self,
        counted: tuple[_Counted, ...],
        *,
        catalog: ScoredCatalog,
        facts: Facts,
        day: date,
        scope: tuple[RequirementNode, ...],
        earlier: Callable[[str], bool],
    ) -> None:
        self._counted = counted
        self.counted: frozenset[str] = frozenset().union(
            *(people for item in counted for people in (*item.steps, item.final))
        )
        """The MCP IDs of everyone some metric shown counts."""
        self._labels: dict[str, tuple[str, ...]] = {}
        self.day = day
        self._catalog = catalog
        self._earlier = earlier
        """Whether an exam code is one of the 2017-2018 competencies' credentials."""
        self._facts = facts
        self._scope = scope
        self._by_person: dict[str, list[tuple[str, date]]] | None = None
        self._reasons: dict[str, str] = {}
        """``why_nothing`` by MCP ID: a table asks it each time it paints the person's row."""

    def labels_of(self, mcp_id: str) -> tuple[str, ...]:
        """ "Area: metric, metric" per designation counting the person, in the tree's order."""
        found = self._labels.get(mcp_id)
        if found is None:
            found = ()
            if mcp_id in self.counted:
                areas: dict[str, list[str]] = {}
                for item in self._counted:
                    label = item.label(mcp_id)
                    if label:
                        areas.setdefault(item.designation, []).append(label)
                found = tuple(
                    _("{designation}: {metrics}").format(
                        designation=area, metrics=", ".join(metrics)
                    )
                    for area, metrics in areas.items()
                )
            self._labels[mcp_id] = found
        return found

    def _exams_of(self, mcp_id: str) -> list[tuple[str, date]]:
        """A person's exam results as (code as written, day passed): grouped once, when a
        reason is first asked for, read by column (as loaded: no ``ExamResult`` made, and
        kept with the facts, for each of a large organisation's thousands of results)."""
        if self._by_person is None:
            grouped: dict[str, list[tuple[str, date]]] = defaultdict(list)
            columns = ExamRows.of(self._facts.exams).columns
            for mcp, code, on in zip(
                columns.mcp_id, columns.exam_code, columns.passed_on, strict=True
            ):
                grouped[mcp].append((code, on))
            self._by_person = dict(grouped)
        return self._by_person.get(mcp_id, [])

    def why_nothing(self, mcp_id: str) -> str:
        """Why a person with exams counts for nothing on the day, one reason a line ('' when
        they count for something or have no exam to explain)."""
        found = self._reasons.get(mcp_id)
        if found is None:
            found = self._reasons[mcp_id] = self._why_nothing(mcp_id)
        return found

    def _why_nothing(self, mcp_id: str) -> str:
        if mcp_id in self.counted:
            return ""
        exams = self._exams_of(mcp_id)
        if not exams:
            return ""
        passed = {normalize_code(code) for code, on in exams if on <= self.day}
        # The codes as written, passed by the day (and codes passed only after it).
        written = {code.strip() for code, on in exams if on <= self.day}
        later = sorted({code.strip() for code, on in exams if on > self.day} - written)
        used: set[str] = set()
        reasons: list[str] = []
        partly: list[str] = []
        for cert in self._catalog.certifications.values():
            names, ways = certification_codes(cert)
            held = any(name in passed for name in names) or any(
                way and all(code in passed for code in way) for way in ways
            )
            if held:
                used.update(code for code in names if code in passed)
                used.update(code for way in ways for code in way if code in passed)
                reasons.append(self._held_but_not_counted(cert))
                continue
            for way in ways:
                have = [code for code in way if code in passed]
                if have:
                    used.update(have)
                    missing = [code for code in way if code not in passed]
                    partly.append(
                        _("{certification} also needs {exams}.").format(
                            certification=cert.name, exams=and_list(missing)
                        )
                    )
                    break
        reasons += partly
        unknown = sorted(
            written - {code.strip() for code, _on in exams if normalize_code(code) in used}
        )
        earlier = [code for code in unknown if self._earlier(code)]
        if earlier:
            reasons.append(
                ngettext(
                    "{codes} is an exam of the 2017-2018 competencies: it earns no "
                    "certification the designations count.",
                    "{codes} are exams of the 2017-2018 competencies: they earn no "
                    "certification the designations count.",
                    len(earlier),
                ).format(codes=and_list(earlier))
            )
        others = [code for code in unknown if code not in earlier]
        if others:
            reasons.append(
                ngettext(
                    "{codes} earns no certification the designations count.",
                    "{codes} earn no certification the designations count.",
                    len(others),
                ).format(codes=and_list(others))
            )
        if later:
            reasons.append(
                _("Passed after {day}: {codes}.").format(
                    day=day_text(self.day), codes=and_list(later)
                )
            )
        return "\n".join(reason for reason in reasons if reason)

    def _held_but_not_counted(self, cert: Certification) -> str:
        """Why a certification the person holds counts for nothing named in the column."""
        day = self.day
        if cert.eligible_until is not None and day > cert.eligible_until:
            return _("{certification} was retired: it counted until {day}.").format(
                certification=cert.name, day=day_text(cert.eligible_until)
            )
        if cert.eligible_from is not None and day < cert.eligible_from:
            return _("{certification} counts from {day}.").format(
                certification=cert.name, day=day_text(cert.eligible_from)
            )
        shown = {node.id for node in self._scope}
        elsewhere = [
            short_name(designation.id, designation.name)
            for designation in self._catalog.designations
            if designation.id not in shown and _lists(designation, cert.id, day)
        ]
        if elsewhere:
            return _("{certification} counts for {designations}, not among your targets.").format(
                certification=cert.name, designations=and_list(elsewhere)
            )
        return _("{certification} counts for no designation on {day}.").format(
            certification=cert.name, day=day_text(day)
        )


def _lists(designation: Designation, certification: str, day: date) -> bool:
    """Whether a metric of the designation lists the certification on the day (any list)."""
    for track in designation.tracks:
        for metric in track.metrics:
            rule = metric.skilling
            if rule is None:
                continue
            for listed in rule.lists:
                if any(e.certification == certification and e.on(day) for e in listed):
                    return True
    return False


def _skilling_metrics(
    tree: RequirementTree, catalog: ScoredCatalog
) -> Iterator[tuple[str, RequirementNode, Skilling]]:
    """The skilling metrics of the designations the tree shows (its targeted ones, else all),
    in the tree's order: each with its solution area's name and its rule in the catalogue."""
    for node in tree.targeted or tree.requirements:
        track = _track(catalog.designation(node.id), node.way)
        rules = {m.id: m.skilling for m in track.metrics} if track is not None else {}
        area = short_name(node.id, node.label)
        for category in node.children:
            for metric in category.children:
                rule = rules.get(metric.id)
                if rule is not None:
                    yield area, metric, rule


def skilling_people(
    tree: RequirementTree,
    catalog: ScoredCatalog,
    facts: Facts,
    competencies: Catalog | None = None,
) -> SkillingPeople:
    """Who counts for which skilling metric of the designations the tree scored (its targeted
    ones, else all), from the tree's people and the steps' holders on the tree's day;
    ``competencies`` (the 2017-2018 catalogue) tells its exams from unknown codes."""
    day = tree.as_of
    certified: Certified | None = None
    counted: list[_Counted] = []
    for area, metric, rule in _skilling_metrics(tree, catalog):
        steps = []
        for step in rule.prerequisites:
            if certified is None:
                certified = Certified(facts, catalog.certifications, day)
            # The holders' MCP IDs as counted (no Holder object made for each).
            steps.append(certified.holders(step.certifications).mcp_ids())
        final = counted_mcp_ids(metric.evidence)  # without writing the evidence
        counted.append(_Counted(area, metric.label, tuple(steps), final))

    def earlier(code: str) -> bool:
        return competencies is not None and competencies.credential(code) is not None

    scope = tree.targeted or tree.requirements
    return SkillingPeople(
        tuple(counted), catalog=catalog, facts=facts, day=day, scope=scope, earlier=earlier
    )


def _listed_names(listed: tuple[Listed, ...], catalog: ScoredCatalog, day: date) -> str:
    """ "Azure Network Engineer Associate (AZ-700), … (AZ-800 + AZ-801)": a list on the day."""
    names = []
    for entry in listed:
        cert = catalog.certifications.get(entry.certification)
        if cert is None or not entry.on(day) or not cert.eligible_on(day):
            continue
        ways = _(" or ").join(" + ".join(way) for way in cert.exams if way)
        names.append(f"{cert.name} ({ways})" if ways else cert.name)
    return ", ".join(names)


def skilling_lists(tree: RequirementTree, catalog: ScoredCatalog) -> tuple[str, ...]:
    """What each skilling metric of the designations the tree shows (its targeted ones, else
    all) counts on the tree's day, one line each: its steps' certifications, then the final
    list's ("Security, Intermediate certifications: step 1: …; final step: …")."""
    day = tree.as_of
    lines = []
    for area, metric, rule in _skilling_metrics(tree, catalog):
        final = _listed_names(rule.certifications, catalog, day)
        parts = [
            _("{step}: {certifications}").format(
                step=_("step {number}").format(number=number),
                certifications=_listed_names(step.certifications, catalog, day),
            )
            for number, step in enumerate(rule.prerequisites, start=1)
        ]
        if parts:
            parts.append(
                _("{step}: {certifications}").format(step=_("final step"), certifications=final)
            )
        lines.append(
            _("{designation}, {metric}: {lists}").format(
                designation=area, metric=metric.label, lists="; ".join(parts) or final
            )
        )
    return tuple(lines)
