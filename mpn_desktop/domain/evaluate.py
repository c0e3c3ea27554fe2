"""``evaluate(catalog, facts, as_of) -> Progress``: every competency, level, option and step.

The facts are indexed once (usage per subscription, credentials per person,
references per competency); each option then reads those indexes, so the
work grows with the facts once and not once per competency and level.
A level is attained when every step of one of its options is met; the fee
step is the same for every competency because the fee is paid once per
organisation and membership year.
"""

from __future__ import annotations

import threading
from collections.abc import Mapping
from datetime import date
from decimal import Decimal

from mpn_desktop.domain.catalog import (
    Catalog,
    Competency,
    Measure,
    MeasureKind,
    Performance,
    Skills,
    Window,
)
from mpn_desktop.domain.dates import add_years
from mpn_desktop.domain.enums import Association, Level, Workload
from mpn_desktop.domain.facts import Facts, Person
from mpn_desktop.domain.fee import MembershipYear, fee_status, fee_step, membership_year
from mpn_desktop.domain.performance import (
    MeasureResult,
    UsageTotals,
    measure_result,
    performance_step,
)
from mpn_desktop.domain.progress import (
    AtRisk,
    CatalogInForce,
    CompetencyProgress,
    FeeStatus,
    LevelProgress,
    OptionProgress,
    Progress,
    StepProgress,
)
from mpn_desktop.domain.references import (
    reference_candidates,
    reference_risks,
    references_step,
    summarize,
)
from mpn_desktop.domain.skills import (
    PeopleByMcpId,
    PeopleIndex,
    RoleCandidates,
    exam_risks,
    exams_step,
    role_candidates,
)
from mpn_desktop.domain.vocabulary import _
from mpn_desktop.domain.wording import day, with_source

_LEVELS = (Level.SILVER, Level.GOLD)

_MeasureKey = tuple[MeasureKind, Workload, Window, frozenset[Association], str]
"""What a measure's figure depends on besides the usage: kind, workload, window, associations
(and its description, which its evidence repeats)."""


def _share(step: StepProgress) -> Decimal:
    """How much of the step is done, from 0 to 1."""
    if step.parts:
        # A step of several measures counts measures met; their own shares say
        # more (EMM: 2 of 3 customers and 450 of 500 seats is nearer than 2 of 20
        # customers and 450 of 125 seats, though each has one measure short).
        return sum((_share(part) for part in step.parts), Decimal(0)) / len(step.parts)
    if not step.need:
        return Decimal(step.met)
    return min(step.have / step.need, Decimal(1))


def _closeness(option: OptionProgress) -> tuple[int, Decimal]:
    """Steps met, then how far the others are: picks the option to show when none is attained."""
    met = sum(1 for step in option.steps if step.met)
    return met, sum((_share(step) for step in option.steps), Decimal(0))


class _Evaluation:
    """One run of the rules over indexed facts.

    Given the run before it (``previous``), it takes over what the changed
    facts cannot have changed: the usage totals when no usage changed (or
    only the figures of one row, ``UsageTotals.with_rows_replaced``), the
    people's credentials when no person and no exam changed, and the whole
    result of each competency none of whose inputs changed (its references,
    the usage of its measures' workloads, the people; the day, organisation,
    targets and fees being the same). The result is equal to a run from
    nothing; unchanged competencies are the very same objects.
    """

    def __init__(
        self, catalog: Catalog, facts: Facts, as_of: date, previous: _Evaluation | None = None
    ) -> None:
        self.catalog = catalog
        self.facts = facts
        self.as_of = as_of
        self.market = facts.organization.market
        if previous is not None and not _same_ground(previous, catalog, facts, as_of):
            previous = None
        self.changed_workloads: frozenset[Workload] | None = None
        """The workloads whose usage may differ from ``previous``'s (None: any, or no previous)."""
        self.usage = self._usage_totals(previous)
        same_people = (
            previous is not None
            and facts.people is previous.facts.people
            and facts.exams is previous.facts.exams
        )
        self.changed_codes: frozenset[str] | None = None
        """The credentials whose holders (or the people holding them) may differ from
        ``previous``'s (None: any, or no previous)."""
        if previous is not None and same_people:
            self.people: PeopleIndex = previous.people
            self.changed_codes = frozenset()
        else:
            updated = None if previous is None else _people_updated(previous, facts, as_of)
            if updated is not None:
                self.people, self.changed_codes = updated
            else:
                self.people = PeopleIndex.of(catalog, facts, as_of)
                if previous is not None:
                    self.changed_codes = _changed_codes(previous.people, self.people)
        self.year: MembershipYear | None = membership_year(facts.organization.anniversary, as_of)
        self.horizon = self.year.next_start if self.year else add_years(as_of, 1)
        # Each competency's references as positions in the columns (no Reference made);
        # the previous run's when the competency column is the same (an edit of anything
        # but a reference's competency): read only, never written after it is built.
        competencies = facts.references.columns.competency
        if previous is not None and previous.facts.references.columns.competency is competencies:
            self.references: dict[str, list[int]] = previous.references
        else:
            self.references = {}
            for position, competency_id in enumerate(competencies):
                self.references.setdefault(competency_id, []).append(position)
        self.targets = {target.competency: target.level for target in facts.targets}
        self._measures = self._measures_kept(previous)
        self._candidates: dict[tuple[str, str], RoleCandidates] = (
            # Who fits each role reads the people index alone (a usage or reference edit).
            previous._candidates if previous is not None and self.people is previous.people else {}
        )
        self.fee_steps = {
            level: fee_step(catalog.fee, self.year, facts.fee_payments, level) for level in _LEVELS
        }
        self.results: dict[str, CompetencyProgress] = {}
        """Each cloud competency's result, by id (what the next run may take over)."""
        self._previous = previous

    def _usage_totals(self, previous: _Evaluation | None) -> UsageTotals:
        facts = self.facts
        if previous is not None and facts.subscriptions is previous.facts.subscriptions:
            before = previous.facts.usage
            if facts.usage is before:
                self.changed_workloads = frozenset()
                return previous.usage
            changed = facts.usage.changed_since(before)
            if changed == []:
                self.changed_workloads = frozenset()
                return previous.usage
            if changed is not None and len(changed) == 1:
                totals = previous.usage.with_rows_replaced(facts.usage, changed)
                workload = _workload_of(facts, before.held_columns.subscription[changed[0]])
                if totals is not None and workload is not None:
                    self.changed_workloads = frozenset({workload})
                    return totals
        return UsageTotals.of(
            facts, self.as_of, _needed_measures(self.catalog), _figure_associations(self.catalog)
        )

    def _measures_kept(self, previous: _Evaluation | None) -> dict[_MeasureKey, MeasureResult]:
        """The previous run's measure figures that still hold: a measure reads its workload's
        usage only, so one of a workload no change touched is the figure it was (a person's
        edit measured every option of the competencies it re-evaluated again)."""
        changed = self.changed_workloads
        if previous is None or changed is None:
            return {}
        return {key: found for key, found in previous._measures.items() if key[1] not in changed}

    def _reusable(self, competency: Competency) -> CompetencyProgress | None:
        """The previous run's result for ``competency`` when none of its inputs changed."""
        previous = self._previous
        if previous is None or self.changed_workloads is None or self.changed_codes is None:
            return None
        kept = previous.results.get(competency.id)
        if kept is None or not _same_references(previous, self, competency.id):
            return None
        workloads = {
            measure.workload
            for option in competency.options
            for measure in option.performance.measures
        }
        if workloads & self.changed_workloads:
            return None
        # Its exams step reads the people only through the credentials its roles name.
        codes = {
            code
            for option in competency.options
            for role in option.skills.roles
            for code in role.credentials.codes()
        }
        return None if codes & self.changed_codes else kept

    def run(self) -> Progress:
        cloud: list[tuple[Competency, dict[Level, list[OptionProgress]], list[AtRisk]]] = []
        reused: dict[str, CompetencyProgress] = {}
        for competency in self.catalog.cloud_competencies:
            kept = self._reusable(competency)
            if kept is not None:
                reused[competency.id] = kept
                continue
            options, risks = self._options(competency)
            cloud.append((competency, options, risks))
        fee_level = self._fee_level()
        built = {
            competency.id: self._competency(competency, options, risks)
            for competency, options, risks in cloud
        }
        competencies = [
            reused[competency.id] if competency.id in reused else built[competency.id]
            for competency in self.catalog.cloud_competencies
        ]
        self.results = {item.id: item for item in competencies}
        self._previous = None  # not kept alive by the next run
        competencies.extend(
            self._retired(competency)
            for competency in self.catalog.retired_competencies
            if competency.id in self.targets or competency.id in self.references
        )
        renewal = (
            membership_year(self.facts.organization.anniversary, self.year.next_start)
            if self.year
            else None
        )
        fee: FeeStatus = fee_status(
            self.catalog.fee, self.year, renewal, self.facts.fee_payments, fee_level
        )
        catalog = CatalogInForce(
            self.catalog.program,
            self.catalog.version,
            self.catalog.effective_from,
            self.catalog.effective_until,
        )
        return Progress(
            as_of=self.as_of,
            organization=self.facts.organization,
            fee=fee,
            competencies=tuple(competencies),
            catalog=catalog,
            notes=_catalog_notes(catalog, self.as_of),
        )

    def _options(
        self, competency: Competency
    ) -> tuple[dict[Level, list[OptionProgress]], list[AtRisk]]:
        rule = competency.references
        assert rule is not None  # a cloud competency always has its references rule
        references = self.facts.references
        at = self.references.get(competency.id, [])
        summary = summarize(references, rule, self.as_of, at)
        # Who could give a reference the competency misses: looked for when someone asks.
        to_ask = reference_candidates(
            competency,
            rule,
            references,
            self.facts.subscriptions,
            as_of=self.as_of,
            horizon=self.horizon,
            at=at,
        )
        target = self.targets.get(competency.id)
        per_level: dict[Level, list[OptionProgress]] = {level: [] for level in _LEVELS}
        risks: list[AtRisk] = []
        for option in competency.options:
            results = tuple(
                self._measure(measure, option.performance)
                for measure in option.performance.measures
            )
            candidates = self._role_candidates(competency, option.id, option.skills)
            for level in _LEVELS:
                exams, chosen = exams_step(candidates, self.people, level)
                steps = (
                    performance_step(results, option.performance, level, self.market, self.usage),
                    exams,
                    references_step(competency, rule, summary, level, to_ask),
                    self.fee_steps[level],
                )
                per_level[level].append(
                    OptionProgress(
                        option_id=option.id,
                        name=option.name,
                        steps=steps,
                        attained=all(step.met for step in steps),
                    )
                )
                if level is target:
                    risks.extend(
                        exam_risks(option.skills, chosen, self.people, self.as_of, self.horizon)
                    )
        if target is not None:
            risks.extend(reference_risks(summary, self.horizon))
        unique = {(risk.on, risk.what): risk for risk in risks}
        return per_level, sorted(unique.values(), key=lambda risk: (risk.on, risk.what))

    def _role_candidates(
        self, competency: Competency, option_id: str, skills: Skills
    ) -> RoleCandidates:
        """Who fits each role of an option, kept while the people index is the same."""
        key = (competency.id, option_id)
        found = self._candidates.get(key)
        if found is None or found.skills is not skills:
            found = self._candidates[key] = role_candidates(skills, self.people)
        return found

    def _measure(self, measure: Measure, performance: Performance) -> MeasureResult:
        """A measure's figure, shared by options that measure the same thing (EMM)."""
        key: _MeasureKey = (
            measure.kind,
            measure.workload,
            measure.window,
            performance.associations,
            measure.description,
        )
        found = self._measures.get(key)
        if found is None:
            found = self._measures[key] = measure_result(measure, performance, self.usage)
        return (
            found
            if found.measure is measure
            else MeasureResult(measure, found.have, found.evidence)
        )

    def _fee_level(self) -> Level | None:
        """The highest level aimed at (DESIGN.md: the fee of status --json); None without aims.

        A retired competency cannot be attained, so its target does not raise the
        fee; aiming at retired ones only still asks for the silver fee.
        """
        retired = {competency.id for competency in self.catalog.retired_competencies}
        aimed = [level for competency, level in self.targets.items() if competency not in retired]
        if aimed:
            return max(aimed, key=lambda level: level.rank)
        return Level.SILVER if self.targets else None

    def _competency(
        self,
        competency: Competency,
        options: dict[Level, list[OptionProgress]],
        risks: list[AtRisk],
    ) -> CompetencyProgress:
        levels = tuple(self._level(level, options[level]) for level in _LEVELS)
        notes = tuple(
            with_source(note, source)
            for note, source in [(competency.note, competency.source)]
            + [(option.note, option.source) for option in competency.options]
            if note
        )
        return CompetencyProgress(
            id=competency.id,
            name=competency.name,
            target=self.targets.get(competency.id),
            retired=False,
            levels=levels,
            at_risk=tuple(risks),
            notes=notes,
        )

    @staticmethod
    def _level(level: Level, options: list[OptionProgress]) -> LevelProgress:
        attained = [option for option in options if option.attained]
        chosen = attained[0] if attained else max(options, key=_closeness)
        missing = () if attained else tuple(s for step in chosen.steps for s in step.missing)
        return LevelProgress(
            level=level,
            attained=bool(attained),
            option=chosen,
            missing=missing,
            options=tuple(options),
        )

    def _retired(self, competency: Competency) -> CompetencyProgress:
        retirement = competency.retirement
        when = day(retirement.retired_on) if retirement else _("an earlier date")
        sentence = _(
            "{competency} was retired on {day}: it is closed to new enrolment and "
            "renewal and cannot be attained"
        ).format(competency=competency.name, day=when)
        option = OptionProgress(option_id="retired", name="Retired", steps=(), attained=False)
        levels = tuple(
            LevelProgress(
                level=level, attained=False, option=option, missing=(sentence,), options=()
            )
            for level in _LEVELS
        )
        # The competency's own note (which retired competency it is) before the shared one.
        notes = tuple(
            with_source(note, source)
            for note, source in (
                (competency.note, competency.source),
                (retirement.note if retirement else "", retirement.source if retirement else None),
            )
            if note
        )
        return CompetencyProgress(
            id=competency.id,
            name=competency.name,
            target=self.targets.get(competency.id),
            retired=True,
            levels=levels,
            notes=notes,
        )


def _same_ground(previous: _Evaluation, catalog: Catalog, facts: Facts, as_of: date) -> bool:
    """Whether ``previous`` ran on the same catalogue, day, organisation, targets and fees."""
    before = previous.facts
    return (
        previous.catalog is catalog
        and previous.as_of == as_of
        and before.organization == facts.organization
        and before.targets == facts.targets
        and before.fee_payments == facts.fee_payments
    )


def _same_references(before: _Evaluation, after: _Evaluation, competency_id: str) -> bool:
    """Whether a competency's references are the same rows in both runs' facts (their
    positions may differ: a reference of another competency came or went)."""
    was, now = before.references.get(competency_id, []), after.references.get(competency_id, [])
    if len(was) != len(now):
        return False
    rows_before, rows_after = before.facts.references, after.facts.references
    changed = rows_after.changed_since(rows_before)
    if changed is not None and was == now:
        # The same rows but those replaced (an edit): only those need a look.
        return not set(changed).intersection(now)
    return all(
        [column[position] for position in was] == [other[position] for position in now]
        for column, other in zip(rows_before.columns, rows_after.columns, strict=True)
    )


_PEOPLE_TRACED = 10
"""More people changed than this (a reload, an import): every credential counts as changed."""


def _changed_codes(before: PeopleIndex, after: PeopleIndex) -> frozenset[str] | None:
    """The credentials whose holders, passes or holding people differ between two indexes
    (None: too many people changed to say, or people came, went or moved: roles are
    filled in the people's order)."""
    if before.people.keys() != after.people.keys() or list(before.people) != list(after.people):
        return None
    changed = {
        code
        for code in before.passed.keys() | after.passed.keys()
        if before.passed.get(code) != after.passed.get(code)
        or before.holders.get(code) != after.holders.get(code)
    }
    # A person changed (left, renamed, no longer associated): every credential they passed.
    people = _people_differing(before.people, after.people)
    if len(people) > _PEOPLE_TRACED:
        return None
    for index in (before, after):
        for code, lists in index.passed.items():
            if code not in changed and any(mcp_id in ids for ids in lists for mcp_id in people):
                changed.add(code)
    return frozenset(changed)


def _people_differing(before: Mapping[str, Person], after: Mapping[str, Person]) -> list[str]:
    """The MCP IDs whose person differs (the same MCP IDs in the same order on both sides).

    People held by column on both sides are compared by column: looking each MCP ID
    up would make a ``Person`` for everyone on both sides. Otherwise by value where
    the objects differ.
    """
    if isinstance(before, PeopleByMcpId) and isinstance(after, PeopleByMcpId):
        return after.differing(before)
    return [
        mcp_id
        for mcp_id in before.keys() | after.keys()
        if (old := before.get(mcp_id)) is not (new := after.get(mcp_id)) and old != new
    ]


def _people_updated(
    previous: _Evaluation, facts: Facts, as_of: date
) -> tuple[PeopleIndex, frozenset[str]] | None:
    """The people index for ``facts`` from ``previous``'s after an edit of a few people (or
    of exam days that pass on the same side of ``as_of``), and the credentials that may have
    changed; None when it has to be built anew (``PeopleIndex.of``)."""
    before = previous.facts
    if facts.exams is before.exams:
        changed = facts.people.changed_since(before.people)
        if changed is None or len(changed) > _PEOPLE_TRACED:
            return None
        replaced = [(before.people[at], facts.people[at]) for at in changed]
        return previous.people.with_people_replaced(replaced, as_of, facts.people)
    if facts.people is before.people:
        changed = facts.exams.changed_since(before.exams)
        if changed is None or len(changed) > _PEOPLE_TRACED:
            return None
        for at in changed:
            old, new = before.exams[at], facts.exams[at]
            # The index holds who passed which code by the as-of day, not when.
            if (
                old.mcp_id != new.mcp_id
                or old.exam_code != new.exam_code
                or (old.passed_on <= as_of) != (new.passed_on <= as_of)
            ):
                return None
        return previous.people, frozenset()
    return None


def _workload_of(facts: Facts, subscription: str) -> Workload | None:
    columns = facts.subscriptions.columns  # by column: no Subscription made per edit
    try:
        return columns.workload[columns.id.index(subscription)]
    except ValueError:
        return None


def _needed_measures(catalog: Catalog) -> dict[Workload, set[MeasureKind]]:
    """Which usage figures the catalogue's measures read, per workload."""
    needed: dict[Workload, set[MeasureKind]] = {}
    for competency in catalog.cloud_competencies:
        for option in competency.options:
            for measure in option.performance.measures:
                needed.setdefault(measure.workload, set()).add(measure.kind)
    return needed


def _figure_associations(catalog: Catalog) -> dict[Workload, set[Association]]:
    """Per workload, the associations through which the catalogue's measures read its usage
    (new customers read the subscriptions alone, not their usage)."""
    found: dict[Workload, set[Association]] = {}
    for competency in catalog.cloud_competencies:
        for option in competency.options:
            for measure in option.performance.measures:
                if measure.kind is not MeasureKind.NEW_CUSTOMERS:
                    found.setdefault(measure.workload, set()).update(
                        option.performance.associations
                    )
    return found


def _catalog_notes(catalog: CatalogInForce, as_of: date) -> tuple[str, ...]:
    """A warning when the as-of day lies outside the days the catalogue is in force."""
    if catalog.covers(as_of):
        return ()
    name = f"{catalog.program} {catalog.version}".strip()
    since = day(catalog.effective_from)
    if as_of < catalog.effective_from:
        return (
            _(
                "The requirements shown are those of {program}, in force from {since}, after "
                "{day}: load the catalogue of the program in force on that day for its figures."
            ).format(program=name, since=since, day=day(as_of)),
        )
    until = day(catalog.effective_until) if catalog.effective_until else ""
    return (
        _(
            "The requirements shown are those of {program}, in force from {since} to {until}; "
            "{day} is after it, and the figures may have changed since: check the "
            "Partner Center, or load a newer catalogue file."
        ).format(program=name, since=since, until=until, day=day(as_of)),
    )


def evaluate(catalog: Catalog, facts: Facts, as_of: date) -> Progress:
    """Progress of every cloud competency (and of retired ones the facts mention) on ``as_of``."""
    return _Evaluation(catalog, facts, as_of).run()


class Evaluator:
    """``evaluate`` again and again for one window: each run redoes only what the facts
    changed since the last one can have changed (see ``_Evaluation``), so an edit of one
    reference or one month of usage re-evaluates one competency or those of one workload.

    Give it facts that keep the rows that did not change as the same objects (the
    store's one-row updates do); other facts are evaluated from nothing, as ever.
    """

    def __init__(self) -> None:
        self._last: _Evaluation | None = None
        self._lock = threading.Lock()

    def evaluate(self, catalog: Catalog, facts: Facts, as_of: date) -> Progress:
        """The same ``Progress`` as ``evaluate(catalog, facts, as_of)``."""
        with self._lock:  # the window evaluates on its thread or a worker, one at a time
            run = _Evaluation(catalog, facts, as_of, self._last)
            progress = run.run()
            self._last = run
            return progress


__all__ = ["Evaluator", "StepProgress", "evaluate"]
