"""The printable checklist as a document model: what is printed, before any layout.

``build_checklist`` reads the ``Progress`` the rules engine made (every figure,
piece of evidence, missing item and note is already there) and turns it into
frozen dataclasses of plain text: a header, one section per competency with
its levels, one check line per step, the facts behind each figure, what to do
next, what is at risk, footnotes for the catalogue's notes, and the closing
section on the benefits of a cloud competency. No Qt here: ``render`` lays it
out on paper, tests read it back from the PDF.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING

from mpn_desktop.domain.competency_tree import STEP_LABELS, requirement_tree
from mpn_desktop.domain.enums import Association, Level, Market, StepKind
from mpn_desktop.domain.evidence import Evidence
from mpn_desktop.domain.facts import Facts, Organization
from mpn_desktop.domain.fee import membership_year
from mpn_desktop.domain.fee_text import renewal_sentence, this_year_sentence
from mpn_desktop.domain.progress import FeeStatus, Progress
from mpn_desktop.domain.requirement_tree import RequirementNode, RequirementTree
from mpn_desktop.domain.vocabulary import N_, _, language, ngettext
from mpn_desktop.domain.wording import (
    Note,
    day,
    figure,
    have_of_need,
    level_word,
    number,
    source_text,
)
from mpn_desktop.errors import ValidationError
from mpn_desktop.reports.cloud_benefits import AboutCloudCompetency, about_cloud_competency

if TYPE_CHECKING:
    from mpn_desktop.domain.catalog import Catalog

FIGURES_APART = " · "
"""Between a designation metric's have/need and its points in its figures ("4 of 5 people ·
16 of 20 points"): where the layout breaks them first."""

STEP_TITLES = STEP_LABELS
"""The steps' headings in English (the tree's step names); ``_()`` gives them translated."""

# The verb that turns the engine's "what is missing" ("2 more approved
# customer references") into the action a reader can tick off by hand; a
# template, so a language may put its verb after the sentence.
_ACTION_VERBS = {
    StepKind.PERFORMANCE: N_("Get {missing}"),
    StepKind.EXAMS: N_("Get {missing}"),
    StepKind.REFERENCES: N_("Get {missing}"),
    StepKind.FEE: N_("Pay {missing}"),
}
_GET = _ACTION_VERBS[StepKind.EXAMS]
_IMPERATIVES = frozenset(
    {
        "add",
        "ask",
        "associate",
        "choose",
        "enter",
        "get",
        "have",
        "link",
        "pay",
        "record",
        "renew",
        "replace",
        "submit",
        "win",
    }
)


# --- the document model ---------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Header:
    """Who the checklist is for and when: printed at the top of every page."""

    organization: str
    mpn_id: str
    market: str
    as_of: str
    anniversary: str
    printed_on: str
    catalog: str
    next_anniversary: str = ""
    """The renewal day after the as-of date, which "at risk" counts up to ("" if unknown)."""

    @classmethod
    def of(
        cls,
        organization: Organization,
        as_of: date,
        printed_on: date,
        catalog: str,
        next_anniversary: str = "",
    ) -> Header:
        """The header of ``organization``'s checklist, what it has not entered said so."""
        return cls(
            organization=organization.name or _("(no organisation entered yet)"),
            mpn_id=organization.mpn_id or _("not entered"),
            market=market_word(organization.market),
            as_of=format_day(as_of),
            anniversary=format_day(organization.anniversary) or _("not entered"),
            printed_on=format_day(printed_on),
            catalog=catalog,
            next_anniversary=next_anniversary,
        )


@dataclass(frozen=True, slots=True)
class Footnote:
    """A note of the catalogue (an unsure or unstated figure) with where it comes from."""

    number: int
    text: str
    source: str = ""


@dataclass(frozen=True, slots=True)
class Detail:
    """One fact behind a figure: a subscription, a person, a reference, a payment.

    ``text`` names it, ``note`` says what it contributes (and until when), and
    ``figure`` is its share of the step's figure, printed in the figures column.
    """

    text: str
    note: str = ""
    figure: str = ""


@dataclass(frozen=True, slots=True)
class CheckLine:
    """A step (or one measure of a step) as a box to tick, with its figures and evidence.

    ``actions`` are what is missing, worded as what to do; ``footnotes`` are the
    numbers of the notes that qualify the figure.
    """

    ticked: bool
    text: str
    description: str
    figures: str
    details: tuple[Detail, ...] = ()
    actions: tuple[str, ...] = ()
    footnotes: tuple[int, ...] = ()
    parts: tuple[CheckLine, ...] = ()


@dataclass(frozen=True, slots=True)
class LevelBlock:
    """One level of a competency: the option used and its four steps."""

    level: Level | None
    """Silver or gold; None for a category of a designation's score."""
    title: str
    attained: bool
    status: str
    option: str
    lines: tuple[CheckLine, ...]
    actions: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class AtRiskLine:
    """Something that stops counting before the next anniversary, with its date."""

    on: str
    text: str


@dataclass(frozen=True, slots=True)
class Section:
    """One competency: its levels, what is at risk and its own notes."""

    competency_id: str
    title: str
    target: str
    levels: tuple[LevelBlock, ...]
    at_risk: tuple[AtRiskLine, ...] = ()
    footnotes: tuple[int, ...] = ()


@dataclass(frozen=True, slots=True)
class SummaryRow:
    """One line of the "at a glance" table on the first page."""

    competency: str
    level: str
    state: str
    attained: bool


@dataclass(frozen=True, slots=True)
class Checklist:
    """The whole printable checklist."""

    title: str
    header: Header
    fee: str
    summary: tuple[SummaryRow, ...]
    sections: tuple[Section, ...]
    footnotes: tuple[Footnote, ...]
    about: AboutCloudCompetency | None
    """What a cloud competency brings (the 2017-2018 program; None for the designations)."""
    catalog_notes: tuple[str, ...] = ()
    empty_message: str = ""
    retired_targets: str = ""
    """Targets left out because their competency was retired ("" when none)."""
    progress_notes: tuple[str, ...] = ()
    """What the evaluation says of itself (the day is outside the catalogue's dates)."""
    summary_headings: tuple[str, str, str] = ("COMPETENCY", "LEVEL", "STATUS")
    """The "at a glance" table's column headings."""
    summary_fitted: bool = False
    """The "at a glance" columns as wide as their entries (the designations' table), not at
    the 2017-2018 checklist's places (its layout is kept as printed)."""

    @property
    def at_risk_title(self) -> str:
        """The heading of what is at risk: "At risk before the next anniversary, 2018-07-01"."""
        when = self.header.next_anniversary
        if when:
            return _("At risk before the next anniversary, {day}").format(day=when)
        return _("At risk before the next anniversary")

    def footnote(self, number: int) -> Footnote:
        """The footnote with that number."""
        return next(note for note in self.footnotes if note.number == number)

    def text_lines(self) -> list[str]:
        """Every piece of text the document holds, in reading order (what the PDF must show)."""
        header = self.header
        lines = [self.title, header.organization, header.mpn_id, header.market]
        lines += [header.as_of, header.anniversary, header.next_anniversary]
        lines += [header.printed_on, header.catalog, *self.progress_notes, self.fee]
        if self.empty_message:
            lines.append(self.empty_message)
        if self.retired_targets:
            lines.append(self.retired_targets)
        for row in self.summary:
            lines += [row.competency, row.level, row.state]
        for section in self.sections:
            lines += [section.title, section.target]
            if section.at_risk:
                lines.append(self.at_risk_title)
            for block in section.levels:
                lines += [block.title, block.status, block.option]
                for line in block.lines:
                    lines += _check_line_texts(line)
                lines += block.actions
            for risk in section.at_risk:
                lines += [risk.on, risk.text]
        for note in self.footnotes:
            lines += [note.text, note.source]
        about = self.about
        if about is not None:
            lines += [about.title, about.benefits_intro, *about.benefits]
            lines += [about.desk_title, about.desk_text, about.source]
        lines += self.catalog_notes
        return [line for line in lines if line]


def _check_line_texts(line: CheckLine) -> list[str]:
    texts = [line.text, line.description, line.figures]
    for detail in line.details:
        texts += [detail.text, detail.note, detail.figure]
    texts += line.actions
    for part in line.parts:
        texts += _check_line_texts(part)
    return texts


# --- wording -------------------------------------------------------------------------------


_MARKETS = {Market.DEVELOPED: N_("Developed"), Market.DEVELOPING: N_("Developing")}


def market_word(market: Market) -> str:
    """The organisation's market as the header prints it ("Developed")."""
    return _(_MARKETS[market])


def format_day(when: date | None) -> str:
    """A date as printed: as the sentences write it (ISO 8601 in English, 01.03.2018 in German)."""
    return day(when) if when is not None else ""


def _figures(step: RequirementNode) -> str:
    have, need = step.have or _ZERO, step.need or _ZERO
    if need == 0 and have == 0:
        # "0 of 0 people" reads as a shortfall; a step that asks for nothing says so.
        return _("none needed")
    return have_of_need(have, need, step.unit)


def as_action(step: StepKind | None, missing: str) -> str:
    """What is missing, worded as what to do ("Get 2 more approved customer references")."""
    sentence = missing.strip().rstrip(".")
    if not sentence:
        return sentence
    words = sentence.split()
    # German says what to do as "Zahlen Sie ...", "Geben Sie ... ein".
    if words[0].lower() in _IMPERATIVES or (len(words) > 1 and words[1] == "Sie"):
        return sentence[0].upper() + sentence[1:]
    template = _ACTION_VERBS.get(step, _GET) if step is not None else _GET
    # Lower the first letter only when it starts an ordinary word (not "MCP", not "US$");
    # German writes its nouns capitalised wherever they stand.
    ordinary = len(sentence) > 1 and sentence[0].isupper() and sentence[1].islower()
    if ordinary and language() == "en":
        sentence = sentence[0].lower() + sentence[1:]
    return _(template).format(missing=sentence)


# --- building ------------------------------------------------------------------------------


class _Footnotes:
    """Numbers the catalogue's notes in the order they are first met, each once."""

    def __init__(self) -> None:
        self._numbers: dict[str, int] = {}
        self._parts: dict[str, tuple[str, str]] = {}

    def numbers(self, notes: Iterable[str]) -> tuple[int, ...]:
        found: list[int] = []
        for note in notes:
            key = note.strip()
            if not key:
                continue
            if key not in self._numbers:
                self._numbers[key] = len(self._numbers) + 1
                # The note's text and source as the engine gave them, not split again.
                parts = (note.text.strip(), note.source) if isinstance(note, Note) else (key, "")
                self._parts[key] = parts
            number = self._numbers[key]
            if number not in found:
                found.append(number)
        return tuple(found)

    def all(self) -> tuple[Footnote, ...]:
        return tuple(Footnote(number, *self._parts[key]) for key, number in self._numbers.items())


_ASSOCIATIONS = {
    Association.DPOR: "Digital Partner of Record",
    Association.DELEGATED_ADMIN: N_("delegated admin"),
    Association.TRANSACTING: N_("transacting partner"),
    Association.FASTTRACK: N_("FastTrack partner"),
    Association.CPOR: "Claiming Partner of Record",
    Association.PAL: "Partner Admin Link",
}
"""How a subscription is associated, as its evidence line notes it (``_()`` translates it)."""
_ZERO = Decimal(0)
_COUNTED_ONE_BY_ONE = frozenset({"customers", "people", "references", "measures"})


def _detail(evidence: Evidence, unit: str, step: StepKind) -> Detail:
    amount = ""
    if evidence.amount is not None and not (unit in _COUNTED_ONE_BY_ONE and evidence.amount == 1):
        amount = figure(evidence.amount, unit)
    note = evidence.detail.strip()
    if amount and evidence.association is not None and evidence.subscription is not None:
        # A subscription's share: its amount goes to the figures column, and the
        # note names how the partner is associated with it.
        note = _(_ASSOCIATIONS[evidence.association])
    if evidence.until is not None:
        when = format_day(evidence.until)
        until = (
            _("valid until {day}") if step is StepKind.REFERENCES else _("counts until {day}")
        ).format(day=when)
        if amount:
            note = f"{note}; {until}" if note else until
        else:
            amount = until
    return Detail(text=evidence.subject, note=note, figure=amount)


def _check_line(step: RequirementNode, footnotes: _Footnotes) -> CheckLine:
    kind = StepKind(step.id)
    parts = tuple(_part_line(part, kind, footnotes) for part in step.children)
    in_parts = {action for part in parts for action in part.actions}
    actions = tuple(as_action(kind, item) for item in step.missing if item.strip())
    numbers = footnotes.numbers(step.notes)
    in_parts_notes = {number for part in parts for number in part.footnotes}
    return CheckLine(
        ticked=step.met,
        text=_(STEP_TITLES[kind]),
        # With parts, each part states its measure, figures and evidence; the step's
        # own description and evidence would say the same again.
        description=_parts_description(len(parts)) if parts else step.description,
        figures=_figures(step),
        details=() if parts else tuple(_detail(item, step.unit, kind) for item in step.evidence),
        actions=tuple(action for action in actions if action not in in_parts),
        footnotes=tuple(number for number in numbers if number not in in_parts_notes),
        parts=parts,
    )


def _parts_description(count: int) -> str:
    if count == 2:
        return _("both measures below")
    return _("all {count} measures below").format(count=number(count))


def _part_line(part: RequirementNode, kind: StepKind, footnotes: _Footnotes) -> CheckLine:
    return CheckLine(
        ticked=part.met,
        text=part.label,
        description="",
        figures=_figures(part),
        details=tuple(_detail(item, part.unit, kind) for item in part.evidence),
        actions=tuple(as_action(kind, item) for item in part.missing if item.strip()),
        footnotes=footnotes.numbers(part.notes),
    )


def _level_status(level: RequirementNode) -> str:
    if level.met:
        return _("Attained")
    met = sum(1 for step in level.children if step.met)
    total = len(level.children)
    return _("Not attained yet: {met} of {total} steps met").format(
        met=number(met), total=number(total)
    )


def _level_block(level: RequirementNode, footnotes: _Footnotes) -> LevelBlock:
    lines = tuple(_check_line(step, footnotes) for step in level.children)
    stated = {action for line in lines for action in line.actions}
    stated |= {action for line in lines for part in line.parts for action in part.actions}
    # A sentence a step already states is not said again, whatever verb each puts before it
    # (German: "Zu zahlen: Gebühr ..." at the fee step, "Noch nötig: Gebühr ..." here).
    said = {_said(item) for step in level.children for item in step.missing}
    said |= {
        _said(item) for step in level.children for part in step.children for item in part.missing
    }
    extra = tuple(
        action
        for action in (as_action(None, item) for item in level.missing if _said(item) not in said)
        if action
    )
    option = level.way
    if level.ways > 1:
        kind = _("option used") if level.met else _("closest option")
        option = _("{option} ({kind} of {ways})").format(option=option, kind=kind, ways=level.ways)
    return LevelBlock(
        level=Level(level.id),
        title=level.label,
        attained=level.met,
        status=_level_status(level),
        option=_("Option: {option}").format(option=option),
        lines=lines,
        actions=tuple(action for action in extra if action not in stated),
    )


def _said(missing: str) -> str:
    """A missing sentence as ``as_action`` reads it (without its full stop)."""
    return missing.strip().rstrip(".")


def _levels_to_print(item: RequirementNode, level: Level | None) -> tuple[RequirementNode, ...]:
    """The chosen level; else every level up to the target (all of them when there is none)."""
    if level is not None:
        return tuple(entry for entry in item.children if entry.id == level.value)
    target = item.target
    if target is None:
        return item.children
    return item.children[: item.children.index(target) + 1]


def _section(item: RequirementNode, level: Level | None, footnotes: _Footnotes) -> Section:
    levels = tuple(_level_block(entry, footnotes) for entry in _levels_to_print(item, level))
    target = (
        _("Target: {level}").format(level=level_word(item.target.id))
        if item.target
        else _("Not a target")
    )
    return Section(
        competency_id=item.id,
        title=item.label,
        target=target,
        levels=levels,
        at_risk=tuple(
            AtRiskLine(on=format_day(risk.on), text=_sentence(risk.what))
            for risk in sorted(item.at_risk, key=lambda risk: risk.on)
        ),
        footnotes=footnotes.numbers(item.notes),
    )


def _sentence(text: str) -> str:
    text = text.strip()
    return text[:1].upper() + text[1:]


def _fee_text(fee: FeeStatus) -> str:
    """This membership year's fee (paid, or what is owed) and the next renewal, both."""
    if fee.level is None:
        return _("Competency fee: nothing due until a competency is aimed for.")
    return _("Competency fee this membership year, {this_year}. Next renewal: {renewal}.").format(
        this_year=this_year_sentence(fee), renewal=renewal_sentence(fee)
    )


def _summary(sections: Sequence[Section]) -> tuple[SummaryRow, ...]:
    return tuple(
        SummaryRow(
            competency=section.title,
            level=block.title,
            state=block.status,
            attained=block.attained,
        )
        for section in sections
        for block in section.levels
    )


def _catalog_title(catalog: Catalog) -> str:
    return " ".join(part for part in (catalog.program, catalog.version) if part)


def _about(catalog: Catalog) -> AboutCloudCompetency:
    """The benefits as the catalogue lists them (the seed's words when it lists none)."""
    about = about_cloud_competency()
    benefits = tuple(text.strip() for text in catalog.benefits if text.strip())
    if not benefits:
        return about
    desk = [text for text in benefits if "Cloud Enablement Desk" in text]
    desk_text = about.desk_text
    if desk:
        # "The Cloud Enablement Desk: up to six months of …" -> the part after the name.
        desk_text = _sentence(desk[0].partition(":")[2] or desk[0])
    seed = next((source for source in catalog.sources if "MPN 101" in source.title), None)
    return replace(
        about,
        benefits=tuple(text.rstrip(".") for text in benefits if text not in desk),
        desk_text=desk_text,
        # Its day the language's way, as the footnotes cite theirs (not 2017-09-12 in German).
        source=source_text(seed) if seed is not None else about.source,
    )


def _chosen_competencies(
    catalog: Catalog, tree: RequirementTree, competency: str | None
) -> tuple[RequirementNode, ...]:
    if competency is None:
        return tuple(item for item in tree.targeted if not item.retired)
    valid = ", ".join(item.id for item in catalog.cloud_competencies)
    try:
        entry = catalog.competency(competency)
    except KeyError:
        said = _("--competency: {value} is not a competency of the catalogue; valid ids: {ids}")
        raise ValidationError(said.format(value=repr(competency), ids=valid)) from None
    found = tree.requirement(competency)
    if entry.retired or found is None or found.retired:
        retired_on = entry.retirement.retired_on if entry.retirement is not None else None
        said = (
            _(
                "--competency: {name} ({id}) was retired on {day} and cannot be attained "
                "any more; valid ids: {ids}"
            )
            if retired_on
            else _(
                "--competency: {name} ({id}) was retired and cannot be attained any more; "
                "valid ids: {ids}"
            )
        )
        raise ValidationError(
            said.format(name=entry.name, id=competency, day=format_day(retired_on), ids=valid)
        )
    return (found,)


def build_checklist(
    catalog: Catalog,
    facts: Facts,
    progress: Progress,
    *,
    competency: str | None = None,
    level: Level | None = None,
    printed_on: date,
) -> Checklist:
    """The checklist of every target competency (or ``competency``) at its levels (or ``level``).

    Raises ``ValidationError`` for an unknown or retired competency id. Retired
    competencies are never listed, even when the organisation still targets one.
    """
    tree = requirement_tree(progress)
    chosen = _chosen_competencies(catalog, tree, competency)
    footnotes = _Footnotes()
    sections = tuple(_section(item, level, footnotes) for item in chosen)
    org = progress.organization if progress.organization.name else facts.organization
    header = Header.of(
        org,
        progress.as_of,
        printed_on,
        _catalog_title(catalog),
        _next_anniversary(org.anniversary, progress.as_of),
    )
    retired = _retired_targets(catalog, tree) if competency is None else ""
    empty = ""
    if not sections:
        what = (
            _("No competency that can still be attained is targeted")
            if retired
            else _("No competency is targeted yet")
        )
        empty = _(
            "{what}. Choose the competencies to aim for under "
            "Edit \u25b8 Organisation and targets in the program to see their four steps "
            "here (on the command line, --competency ID prints one competency)."
        ).format(what=what)
    return Checklist(
        title=_("Cloud competency checklist"),
        summary_headings=(_("COMPETENCY"), _("LEVEL"), _("STATUS")),
        header=header,
        fee=_fee_text(progress.fee),
        summary=_summary(sections),
        sections=sections,
        footnotes=footnotes.all(),
        about=_about(catalog),
        catalog_notes=tuple(note.strip() for note in catalog.notes if note.strip()),
        empty_message=empty,
        retired_targets=retired,
        progress_notes=progress.notes,
    )


def _next_anniversary(anniversary: date | None, as_of: date) -> str:
    year = membership_year(anniversary, as_of)
    return format_day(year.next_start) if year is not None else ""


def _retired_targets(catalog: Catalog, tree: RequirementTree) -> str:
    """ "Not listed: Hosting (targeted at gold) was retired on 2018-01-30 …" or ""."""
    named = []
    for item in tree.targeted:
        if not item.retired:
            continue
        entry = catalog.competency(item.id)
        retired_on = entry.retirement.retired_on if entry.retirement is not None else None
        target = (
            _("{competency} (targeted at {level})").format(
                competency=item.label, level=level_word(item.target.id)
            )
            if item.target is not None
            else item.label
        )
        said = _("{target} was retired on {day}") if retired_on else _("{target} was retired")
        named.append(said.format(target=target, day=format_day(retired_on)))
    if not named:
        return ""
    return ngettext(
        "Not listed: {targets}; it cannot be attained any more.",
        "Not listed: {targets}; they cannot be attained any more.",
        len(named),
    ).format(targets="; ".join(named))
