"""Step 2, technical exams: who counts, which credentials are accepted, and roles filled exactly.

``PeopleIndex`` makes one pass over the people and their results: a person
counts while their MCP ID is associated with the organisation and they have
not left; a result counts when it was passed by the as-of day and its
credential is accepted on that day. Roles are then set algebra over "who
holds which code" and a matching (``domain.matching``) of distinct people.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterator, KeysView, Mapping, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal
from functools import partial
from itertools import compress, count, filterfalse, islice
from operator import ne

from mpn_desktop.domain.catalog import Catalog, Credential, CredentialRule, Role, Skills
from mpn_desktop.domain.enums import Level, StepKind
from mpn_desktop.domain.evidence import Evidence, LazyEvidence
from mpn_desktop.domain.facts import Facts, PeopleRows, Person
from mpn_desktop.domain.matching import assign
from mpn_desktop.domain.progress import AtRisk, StepProgress
from mpn_desktop.domain.vocabulary import _, ngettext
from mpn_desktop.domain.wording import day, number, with_source


@dataclass(slots=True)
class PeopleIndex:
    """Who holds which accepted credential on the as-of day, counted people apart from others."""

    people: Mapping[str, Person]
    """MCP ID -> the person (the last listed with it), in the people's order."""
    holders: dict[str, set[str]]
    passed: dict[str, list[list[str]]]
    credentials: dict[str, Credential]
    _others: dict[str, set[str]] | None = field(default=None, compare=False, repr=False)
    """``others`` once worked out: a cache, no part of the index's value."""
    unique: bool = False
    """Whether each MCP ID is one person's (then ``people`` gives that person's row)."""
    _closest: dict[CredentialRule, _Closest] = field(
        default_factory=dict, compare=False, repr=False
    )
    """``closest`` per rule once worked out: a cache (two indexes of the same people are
    equal whichever rules were asked of them)."""

    @classmethod
    def of(cls, catalog: Catalog, facts: Facts, as_of: date) -> PeopleIndex:
        """One pass over people and results for ``as_of``."""
        people, counted, unique = _people_counted(facts.people, as_of)
        # Group the passes by the code as written first: the catalogue is asked
        # once per distinct spelling, not once per result.
        by_raw: defaultdict[str, list[str]] = defaultdict(list)
        exams = facts.exams.columns  # held by column: no ExamResult made per result
        for code, mcp_id, passed_on in zip(
            exams.exam_code, exams.mcp_id, exams.passed_on, strict=True
        ):
            if passed_on <= as_of:
                by_raw[code].append(mcp_id)
        accepted: dict[str, Credential] = {}
        holders: dict[str, set[str]] = {}
        passed: dict[str, list[list[str]]] = {}
        for raw, mcp_ids in by_raw.items():
            known = catalog.credential(raw)
            if known is None or not known.accepted_on(as_of):
                continue
            code = known.code
            accepted[code] = known
            # Kept in C: the counted set tests each MCP ID itself (a fifth less than a
            # filter calling its test per person).
            held = counted.intersection(mcp_ids)
            if code in holders:
                holders[code] |= held  # another spelling of the same code
            else:
                holders[code] = held
            passed.setdefault(code, []).append(mcp_ids)
        return cls(people, holders, passed, accepted, unique=unique)

    def with_people_replaced(
        self,
        replaced: Sequence[tuple[Person, Person]],
        as_of: date,
        rows: PeopleRows | None = None,
    ) -> tuple[PeopleIndex, frozenset[str]] | None:
        """This index after people were edited in place (same MCP ID, same place), and the
        credentials they passed (whose holders may differ); None when an MCP ID changed.

        Equal to ``of`` on the edited facts: who counts follows each person's
        association and leaving day; the passes are the same. The sets of
        holders no edit touched are shared with this index (never written after
        they are built). ``rows``, the edited people (holding each new person at
        the old one's place), lets people held by column stay so: no ``Person`` is
        made for the others on each edit.
        """
        given = self.people
        people: dict[str, Person] = {}
        kept: Mapping[str, Person] = people
        if isinstance(given, PeopleByMcpId) and rows is not None:
            # Every MCP ID at its place (each edit keeps its person's): the same order.
            kept = given.over(rows)
        else:
            people.update(given.as_dict() if isinstance(given, PeopleByMcpId) else given)
        holders = dict(self.holders)
        changed: set[str] = set()
        for old, new in replaced:
            mcp_id = new.mcp_id
            # Renamed, or one of two people of one MCP ID: built anew. (Each MCP ID one
            # person's: ``old`` is the person ``people`` names, as the very object or not.)
            if old.mcp_id != mcp_id or (not self.unique and people.get(mcp_id) is not old):
                return None
            if kept is people:  # held by column, ``rows`` hold the new person already
                people[mcp_id] = new
            counts = new.associated and (new.left_on is None or new.left_on > as_of)
            for code, lists in self.passed.items():
                if not any(mcp_id in mcp_ids for mcp_ids in lists):
                    continue
                changed.add(code)
                if (mcp_id in holders[code]) != counts:
                    held = set(holders[code])
                    if counts:
                        held.add(mcp_id)
                    else:
                        held.discard(mcp_id)
                    holders[code] = held
        index = PeopleIndex(kept, holders, self.passed, self.credentials, unique=self.unique)
        return index, frozenset(changed)

    @property
    def others(self) -> dict[str, set[str]]:
        """Per code, the people who passed it but do not count (not associated, or gone).

        Only a role that is short asks, to say how many passed but do not count:
        worked out then, once.
        """
        if self._others is None:
            others: dict[str, set[str]] = {}
            for code, lists in self.passed.items():
                counted = self.holders[code].__contains__
                found = others[code] = set()
                for mcp_ids in lists:
                    found.update(filterfalse(counted, mcp_ids))
            self._others = others
        return self._others

    def closest(self, rule: CredentialRule) -> _Closest:
        """The counted people partway through ``rule`` (which has an all-of part), ranked.

        Worked out once per rule and index: both levels of a competency and every
        evaluation that keeps this index ask again, each leaving out its own few
        people taken by a role, which the ranking does not depend on.
        """
        found = self._closest.get(rule)
        if found is None:
            found = self._closest[rule] = _ranked_partway(rule, self)
        return found

    def codes_of(self, mcp_id: str) -> set[str]:
        """The accepted credentials a counted person holds."""
        return {code for code, ids in self.holders.items() if mcp_id in ids}

    def fitting(self, rule: CredentialRule, *, counted: bool = True) -> AbstractSet[str]:
        """The people whose accepted credentials fit ``rule``: read only, may be the index's."""
        table = self.holders if counted else self.others
        return _fitting(rule, table)

    def first_fitting(self, rule: CredentialRule, wanted: int) -> list[str]:
        """The first ``wanted`` counted people in entry order who fit ``rule``.

        Entry order (``people`` keeps it) is the preference among equally
        fitting people. A rule of several codes first tests the people one by
        one, which finds enough among the first few when many fit, without
        building the union of every code's holders; when few fit, the set
        algebra is cheaper than testing everyone.
        """
        if rule.code is None:
            test = _member_test(rule, self.holders)
            found: list[str] = []
            for mcp_id in islice(self.people, _SCAN_FIRST + 4 * wanted):
                if test(mcp_id):
                    found.append(mcp_id)
                    if len(found) == wanted:
                        return found
        fit = _fitting(rule, self.holders)
        return list(islice(filter(fit.__contains__, self.people), wanted))


def _people_counted(rows: PeopleRows, as_of: date) -> tuple[Mapping[str, Person], set[str], bool]:
    """The people by MCP ID, the MCP IDs that count on ``as_of`` (associated, not gone), and
    whether each MCP ID is one person's.

    Read from the columns: no ``Person`` is made unless someone reads one (names
    in the evidence, an edit). A person listed twice under one MCP ID counts as
    the last listed, as a dict of the rows would have it.
    """
    columns = rows.columns
    mcp_ids, associated, left_on = columns.mcp_id, columns.associated, columns.left_on
    # The people's order and each one's place at once (read when someone is named).
    order = dict(zip(mcp_ids, range(len(mcp_ids)), strict=True))
    if len(order) != len(mcp_ids):
        people = {person.mcp_id: person for person in rows}
        counts = {
            mcp_id
            for mcp_id, person in people.items()
            if person.associated and (person.left_on is None or person.left_on > as_of)
        }
        return people, counts, False
    if left_on.count(None) == len(left_on):
        counted = set(compress(mcp_ids, associated))  # nobody left: the associated, in C
    else:
        counted = {
            mcp_id
            for mcp_id, joined, left in zip(mcp_ids, associated, left_on, strict=True)
            if joined and (left is None or left > as_of)
        }
    return PeopleByMcpId(rows, order), counted, True


class PeopleByMcpId(Mapping[str, Person]):
    """MCP ID -> person over people held by column, each MCP ID one person's.

    Iterates and tests membership on the MCP IDs alone; a person is made only
    when read (the evaluation reads a few: those it names at risk).
    """

    __slots__ = ("_order", "_rows")

    def __init__(self, rows: PeopleRows, order: dict[str, int]) -> None:
        self._rows = rows
        self._order = order
        """Each MCP ID's place in ``rows``, in their order."""

    def __getitem__(self, mcp_id: str) -> Person:
        return self._rows[self._order[mcp_id]]

    def __iter__(self) -> Iterator[str]:
        return iter(self._order)

    def __len__(self) -> int:
        return len(self._order)

    def __contains__(self, mcp_id: object) -> bool:
        return mcp_id in self._order

    def keys(self) -> KeysView[str]:
        return self._order.keys()

    def over(self, rows: PeopleRows) -> PeopleByMcpId:
        """The same MCP IDs read from ``rows``, which hold each of them at the same place
        (people edited in place): their order and places are shared, not worked out again."""
        return PeopleByMcpId(rows, self._order)

    def differing(self, before: PeopleByMcpId) -> list[str]:
        """The MCP IDs whose person differs in any field from ``before``'s, which holds the
        same MCP IDs in the same order: compared column by column, no ``Person`` made."""
        found: set[int] = set()
        for old, new in zip(before._rows.columns, self._rows.columns, strict=True):
            if old is not new and old != new:
                found.update(compress(count(), map(ne, old, new)))
        mcp_ids = self._rows.columns.mcp_id
        return [mcp_ids[at] for at in sorted(found)]

    def as_dict(self) -> dict[str, Person]:
        """The same as a dict (every person made, as the rows hand them out)."""
        return dict(zip(self._order, self._rows, strict=True))


_NOBODY: frozenset[str] = frozenset()
_SCAN_FIRST = 32
_NAMED = 3
"""How many people a missing sentence names in a list before saying how many more."""


def _member_test(rule: CredentialRule, table: dict[str, set[str]]) -> Callable[[str], bool]:
    """Whether one person fits ``rule``, by looking them up in the code's sets."""
    if rule.code is not None:
        return table.get(rule.code, _NOBODY).__contains__
    parts = [_member_test(part, table) for part in rule.all_of or rule.any_of]
    if rule.all_of:
        return lambda mcp_id: all(test(mcp_id) for test in parts)
    return lambda mcp_id: any(test(mcp_id) for test in parts)


def _fitting(rule: CredentialRule, table: dict[str, set[str]]) -> AbstractSet[str]:
    # A single code answers with the table's own set: copying 600 MCP IDs per role
    # and option was a tenth of the evaluation.
    if rule.code is not None:
        return table.get(rule.code, _NOBODY)
    if rule.all_of:
        parts = sorted((_fitting(part, table) for part in rule.all_of), key=len)
        return set(parts[0]).intersection(*parts[1:])
    return set().union(*(_fitting(part, table) for part in rule.any_of))


@dataclass(frozen=True, slots=True)
class RoleCandidates:
    """The people who fit each role of an option, best first (computed once for both levels)."""

    skills: Skills
    candidates: dict[str, list[str]]


def role_candidates(skills: Skills, index: PeopleIndex) -> RoleCandidates:
    """Who fits each role; only as many per role as the option has slots, which keeps it exact.

    If a matching used a person beyond the first S candidates of a role (S =
    all slots of the option), one of those S would be free to take the place.
    """
    slots = sum(max(role.people.values()) for role in skills.roles)
    candidates = {role.id: index.first_fitting(role.credentials, slots) for role in skills.roles}
    return RoleCandidates(skills, candidates)


def _role_sentence(
    role: Role, short: int, several_roles: bool, outsiders: str, partway: str = ""
) -> str:
    credentials = role.credentials.describe()
    # "with both 70-346 and 70-347, or MCSA-O365, whose ...": without the second comma
    # "whose" reads as belonging to the last credential.
    pause = "," if "," in credentials else ""
    sentence = ngettext(
        "{count} more person with {credentials}{pause} whose MCP ID is associated with your MPN ID",
        "{count} more people with {credentials}{pause} whose MCP ID is associated with your MPN ID",
        short,
    ).format(count=number(short), credentials=credentials, pause=pause)
    if several_roles:
        sentence += _(" (role: {role}; one person counts for one role only)").format(role=role.name)
    if partway:
        sentence += _("; closest: {people}").format(people=partway)
    if outsiders:
        sentence += _("; passed it but not counted: {people}").format(people=outsiders)
    return sentence


def _partway(rule: CredentialRule, taken: AbstractSet[str], index: PeopleIndex) -> str:
    """Counted people who hold part of an all-of rule, each with what they still need.

    "Chloé Martin (has 70-346; needs 70-347)": finishing someone who is
    halfway is the cheapest way to fill the role. The fewest exams to go
    first, then entry order; three are named, then how many more. People
    already counted for a role of the option (``taken``) are left out, as one
    person counts for one role only; so are those who do not count, who are
    named with the reason when they pass.
    """
    if not _has_all_of(rule):
        # Holding any code of an any-of rule fits it: nobody is partway.
        return ""
    closest = index.closest(rule)
    total = len(closest.ranked) - len(closest.started.intersection(taken))
    if not total:
        return ""
    named: list[str] = []
    for mcp_id in closest.ranked:
        if mcp_id in taken:
            continue
        held = closest.held(mcp_id)
        named.append(
            _("{person} (has {held}; needs {needed})").format(
                person=_name(index.people[mcp_id]),
                held=_(" and ").join(held),
                needed=_joined(_still_needed(rule, set(held))[1]),
            )
        )
        if len(named) == _NAMED:
            break
    return _some_of(named, total)


@dataclass(frozen=True, slots=True)
class _Closest:
    """The counted people who hold part of an all-of rule but do not fit it, ranked."""

    ranked: list[str]
    """Their MCP IDs, the fewest exams to go first, then entry order."""
    groups: list[tuple[tuple[str, ...], set[str]]]
    """The codes held (in the rule's order) and who holds exactly those: a handful."""
    started: set[str]
    """The same MCP IDs as ``ranked``, to count those a role took."""

    def held(self, mcp_id: str) -> tuple[str, ...]:
        """The codes of the rule one of them holds."""
        return next(held for held, members in self.groups if mcp_id in members)


def _ranked_partway(rule: CredentialRule, index: PeopleIndex) -> _Closest:
    """Who is partway through ``rule`` and how far: no words (the language may change).

    Hundreds of people are partway, holding the same few sets of codes: they are
    split into those sets code by code with set operations, what each set still
    needs is worked out once, and each count of exams to go takes its people in
    entry order in one pass, instead of a look-up and a tuple per person.
    """
    codes = _codes_in_order(rule)
    holders = index.holders
    started: set[str] = set().union(*(holders.get(code, _NOBODY) for code in codes))
    started -= _fitting(rule, holders)
    groups: list[tuple[tuple[str, ...], set[str]]] = [((), started)] if started else []
    for code in codes:
        have = holders.get(code)
        if not have:
            continue
        split: list[tuple[tuple[str, ...], set[str]]] = []
        for held, members in groups:
            inside = members.intersection(have)
            if inside:
                split.append(((*held, code), inside))
                if len(inside) < len(members):
                    split.append((held, members - inside))
            else:
                split.append((held, members))
        groups = split
    by_cost: dict[int, set[str]] = {}
    for held, members in groups:
        by_cost.setdefault(_still_needed(rule, set(held))[0], set()).update(members)
    ranked: list[str] = []
    for cost in sorted(by_cost):
        ranked += filter(by_cost[cost].__contains__, index.people)
    return _Closest(ranked, groups, started)


def _has_all_of(rule: CredentialRule) -> bool:
    if rule.code is not None:
        return False
    return bool(rule.all_of) or any(_has_all_of(part) for part in rule.any_of)


def _codes_in_order(rule: CredentialRule) -> list[str]:
    """The rule's codes as the catalogue writes them, so "has" reads in the rule's order."""
    if rule.code is not None:
        return [rule.code]
    found: list[str] = []
    for part in (*rule.all_of, *rule.any_of):
        found += [code for code in _codes_in_order(part) if code not in found]
    return found


def _still_needed(rule: CredentialRule, held: set[str]) -> tuple[int, list[str]]:
    """The fewest exams a person holding ``held`` still needs for ``rule``, and which.

    An any-of part keeps to the branch the person has started ("both 70-346
    and 70-347, or MCSA-O365" with 70-346 needs 70-347, not MCSA-O365); a
    branch nobody started is needed as the catalogue words it ("one of
    MB2-710, MB2-706, MB2-715").
    """
    if rule.code is not None:
        return (0, []) if rule.code in held else (1, [rule.code])
    if rule.all_of:
        cost, needs = 0, []
        for part in rule.all_of:
            part_cost, part_needs = _still_needed(part, held)
            cost += part_cost
            needs += part_needs
        return cost, needs
    if rule.satisfied_by(held):
        return 0, []
    started = [part for part in rule.any_of if part.codes() & held]
    if started:
        return min((_still_needed(part, held) for part in started), key=lambda found: found[0])
    return min(_still_needed(part, held)[0] for part in rule.any_of), [rule.describe()]


def _joined(needs: list[str]) -> str:
    """ "70-347"; several needs joined by "and", a list among them in brackets."""
    if len(needs) == 1:
        return needs[0]
    return _(" and ").join(f"({need})" if "," in need else need for need in needs)


def _some_of(named: list[str], total: int) -> str:
    """ "A, B, C and 2 more": the first people named of ``total``."""
    rest = total - len(named)
    return ", ".join(named) + (_(" and {count} more").format(count=number(rest)) if rest else "")


def _outsiders(mcp_ids: AbstractSet[str], index: PeopleIndex) -> str:
    """Who passed but does not count, each with the reason, so the user knows what to fix.

    "Ben Li (MCP ID not associated with your MPN ID), Carla Diaz (left on
    2018-01-01)"; the first three in entry order, then how many more.
    """
    if not mcp_ids:
        return ""
    ordered = [mcp_id for mcp_id in index.people if mcp_id in mcp_ids]
    ordered += sorted(mcp_ids - set(ordered))
    named = []
    for mcp_id in ordered[:_NAMED]:
        person = index.people.get(mcp_id)
        if person is None:
            named.append(
                _("MCP {mcp_id} (no person with this MCP ID is entered)").format(mcp_id=mcp_id)
            )
        elif not person.associated:
            named.append(
                _("{person} (MCP ID not associated with your MPN ID)").format(person=_name(person))
            )
        else:
            left = day(person.left_on) if person.left_on else "?"
            named.append(_("{person} (left on {day})").format(person=_name(person), day=left))
    return _some_of(named, len(ordered))


def _name(person: Person) -> str:
    return person.name.strip() or f"MCP {person.mcp_id}"


def exams_step(
    found: RoleCandidates, index: PeopleIndex, level: Level
) -> tuple[StepProgress, dict[str, list[str]]]:
    """Step 2 at one level, and who was assigned to which role."""
    skills = found.skills
    capacity = {role.id: role.people[level] for role in skills.roles}
    chosen = assign(found.candidates, capacity)
    need = sum(capacity.values())
    have = sum(len(people) for people in chosen.values())
    several = sum(1 for slots in capacity.values() if slots) > 1
    # One person counts for one role only: who counts for any role is not "closest" to another.
    taken = {mcp_id for people in chosen.values() for mcp_id in people}
    missing: list[str] = []
    notes: list[str] = [with_source(skills.note, skills.source)] if skills.note else []
    for role in skills.roles:
        short = capacity[role.id] - len(chosen[role.id])
        if short > 0:
            # Nobody is in both tables: all who fit from the others are outsiders.
            outsiders = _outsiders(index.fitting(role.credentials, counted=False), index)
            partway = _partway(role.credentials, taken, index)
            missing.append(_role_sentence(role, short, several, outsiders, partway))
        if role.note:
            notes.append(role.note)
    descriptions = [
        ngettext(
            "{count} person with {credentials}",
            "{count} people with {credentials}",
            role.people[level],
        ).format(count=number(role.people[level]), credentials=role.credentials.describe())
        for role in skills.roles
        if role.people[level]
    ]
    description = "; ".join(descriptions) if descriptions else _("no exam required at this level")
    if len(descriptions) > 1:
        description += _(" (distinct people)")
    step = StepProgress(
        step=StepKind.EXAMS,
        met=have >= need,
        have=Decimal(have),
        need=Decimal(need),
        unit="people",
        description=description,
        # A partial, not a lambda: one object kept with the result instead of a function and
        # a cell per name it reads (fewer objects for the collector to count and walk).
        evidence=LazyEvidence(partial(_people_evidence, skills, chosen, index)),
        missing=tuple(missing),
        notes=tuple(notes),
    )
    return step, chosen


def _people_evidence(
    skills: Skills, chosen: dict[str, list[str]], index: PeopleIndex
) -> list[Evidence]:
    """Each counted person: the role, the credentials used and the last day they count."""
    evidence: list[Evidence] = []
    for role in skills.roles:
        wanted = role.credentials.codes()
        for mcp_id in chosen[role.id]:
            person = index.people[mcp_id]
            used = sorted(index.codes_of(mcp_id) & wanted)
            evidence.append(
                Evidence(
                    subject=f"{person.name} (MCP {mcp_id})",
                    detail=f"{role.name}: {' + '.join(used)}",
                    until=_last_counted_day(person, role.credentials, used, index),
                    mcp_id=mcp_id,
                    person=person.name,
                    role=role.name,
                    credentials=tuple(used),
                )
            )
    return evidence


def _last_counted_day(
    person: Person, rule: CredentialRule, codes: list[str], index: PeopleIndex
) -> date | None:
    """The last day the person fits the role: they leave, or too few of their codes stay accepted.

    A code that stops being accepted shortens the count only when the codes
    left no longer fit the rule (70-534 does not matter to someone with 70-533).
    """
    limits = {until for code in codes if (until := index.credentials[code].accept_until)}
    days: list[date] = []
    for limit in sorted(limits):
        still = {code for code in codes if not _accepted_until(index, code, limit)}
        if not rule.satisfied_by(still):
            days.append(limit)
            break
    if person.left_on is not None:
        days.append(person.left_on - timedelta(days=1))
    return min(days, default=None)


def _accepted_until(index: PeopleIndex, code: str, limit: date) -> bool:
    """Whether the code's acceptance ends on or before ``limit``."""
    until = index.credentials[code].accept_until
    return until is not None and until <= limit


def exam_risks(
    skills: Skills,
    chosen: dict[str, list[str]],
    index: PeopleIndex,
    as_of: date,
    horizon: date,
) -> list[AtRisk]:
    """People counted at a level who stop counting before ``horizon`` (the next anniversary)."""
    risks: list[AtRisk] = []
    roles = {role.id: role for role in skills.roles}
    for role_id, people in chosen.items():
        role = roles[role_id]
        for mcp_id in people:
            person = index.people[mcp_id]
            if person.left_on is not None and as_of < person.left_on <= horizon:
                risks.append(
                    AtRisk(
                        person.left_on,
                        _("{person} leaves; counted for {role}").format(
                            person=person.name, role=role.name
                        ),
                    )
                )
            held = index.codes_of(mcp_id)
            for code in sorted(held & role.credentials.codes()):
                credential = index.credentials.get(code)
                if credential is None or credential.accept_until is None:
                    continue
                if not as_of <= credential.accept_until < horizon:
                    continue
                remaining = {
                    other
                    for other in held
                    if index.credentials[other].accept_until is None
                    or index.credentials[other].accept_until >= horizon  # type: ignore[operator]
                }
                if not role.credentials.satisfied_by(remaining):
                    risks.append(
                        AtRisk(
                            credential.accept_until + timedelta(days=1),
                            _("{code} held by {person} is no longer accepted after {day}").format(
                                code=code,
                                person=person.name,
                                day=day(credential.accept_until),
                            ),
                        )
                    )
    return risks
