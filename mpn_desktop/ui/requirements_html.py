"""Help ▸ Requirements as a document: what each competency asks for, step by step, with sources.

The catalogue is laid out the way the four steps are explained to a partner:
per competency and option a table of the steps with the silver and gold
figures side by side, then the yearly fee, the credentials the roles accept,
the retired competencies and the documents the figures come from. Notes and
sources are numbered footnotes, so that a figure that looks surprising can be
checked where it stands. Colours come from the widget's palette (light or
dark), as Qt's rich text knows no ``palette()``.
"""

from __future__ import annotations

import html
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from PySide6.QtCore import QCoreApplication

from mpn_desktop.domain import wording
from mpn_desktop.domain.catalog import (
    Catalog,
    Competency,
    CredentialRule,
    Measure,
    MeasureKind,
    Option,
    Role,
    Source,
    Window,
)
from mpn_desktop.domain.enums import CredentialKind, Level, Market
from mpn_desktop.domain.vocabulary import _ as domain_text
from mpn_desktop.domain.wording import associations, money, number
from mpn_desktop.ui import count_text

_LEVELS = (Level.SILVER, Level.GOLD)


def _tr(text: str, disambiguation: str | None = None, n: int = -1) -> str:
    return QCoreApplication.translate("RequirementsDocument", text, disambiguation, n)


def _t(text: str) -> str:
    """Marks a text for the translation where it is declared; ``_tr`` translates it when shown."""
    return text


_KINDS = {
    CredentialKind.EXAM: _t("Exam"),
    CredentialKind.ASSESSMENT: _t("Assessment"),
    CredentialKind.CERTIFICATION: _t("Certification"),
}
_WINDOWS = {
    Window.PREVIOUS_12_MONTHS: _t("in the 12 full months before the month of the day checked"),
    Window.LATEST_MONTH: _t("in the latest full month"),
}


@dataclass(frozen=True, slots=True)
class DocumentColours:
    """The few colours the document uses, as CSS names taken from the palette."""

    text: str = "#1f1f1f"
    muted: str = "#5f5f5f"
    header: str = "#eef1f5"
    rule: str = "#c8ccd2"
    accent: str = "#1f4e79"


class _Footnotes:
    """Numbered notes and sources of one section; the same text keeps its number."""

    def __init__(self) -> None:
        self._texts: dict[str, int] = {}

    def mark(self, *asides: tuple[str, Source | None]) -> str:
        """One superscript for the notes and sources of a figure (empty when there are none)."""
        numbers: list[int] = []
        for note, source in asides:
            if note:
                numbers.append(self._number(note_html(note)))
            if source is not None:
                numbers.append(
                    self._number(
                        _tr("<i>Source:</i> {source}").format(source=html.escape(str(source)))
                    )
                )
        if not numbers:
            return ""
        return "<sup>" + ",".join(str(n) for n in sorted(set(numbers))) + "</sup>"

    def _number(self, text: str) -> int:
        return self._texts.setdefault(text, len(self._texts) + 1)

    def html(self) -> str:
        """The footnotes as a numbered list (empty when there are none)."""
        if not self._texts:
            return ""
        items = "".join(f"<li>{text}</li>" for text in self._texts)
        return f"<ol class='notes'>{items}</ol>"


def note_html(note: str) -> str:
    """A catalogue note as the document shows it: "<i>Note:</i> text"."""
    return _tr("<i>Note:</i> {note}").format(note=html.escape(note))


def _day(day: date | None) -> str:
    return wording.day(day) if day is not None else ""


def _people(count: int) -> str:
    return _tr("%n person(s)", "", count)


def _amount(measure: Measure, value: Decimal) -> str:
    if measure.kind in (MeasureKind.CONSUMPTION_USD, MeasureKind.REVENUE_USD):
        return money(value)
    return number(value)


def _threshold_cell(measure: Measure, level: Level) -> str:
    developed = measure.need(level, Market.DEVELOPED)
    developing = measure.need(level, Market.DEVELOPING)
    text = html.escape(_amount(measure, developed))
    if developing != developed:
        text += "<br><span class='muted'>{}</span>".format(
            _tr("developing markets: {amount}").format(
                amount=html.escape(_amount(measure, developing))
            )
        )
    return text


def _rule_words(rule: CredentialRule) -> str:
    return html.escape(rule.describe())


def _step_row(step: str, silver: str, gold: str, detail: str, rowspan: int = 1) -> str:
    detail = detail[:1].upper() + detail[1:]
    head = f"<td class='step' rowspan='{rowspan}'><b>{step}</b></td>" if step else ""
    return (
        f"<tr>{head}<td>{detail}</td><td class='figure'>{silver}</td>"
        f"<td class='figure'>{gold}</td></tr>"
    )


def _option_table(
    competency: Competency, option: Option, catalog: Catalog, notes: _Footnotes
) -> str:
    performance = option.performance
    through = html.escape(associations(performance.associations))
    rows: list[str] = []
    measures = performance.measures
    for index, measure in enumerate(measures):
        asides = [(measure.note, measure.source)]
        if index == 0:
            asides.append((performance.note, performance.source))
        detail = _tr("{measure} {window}, credited through {through} association").format(
            measure=html.escape(measure.description),
            window=_tr(_WINDOWS[measure.window]),
            through=through,
        ) + notes.mark(*asides)
        rows.append(
            _step_row(
                _tr("1. Sales performance") if index == 0 else "",
                _threshold_cell(measure, Level.SILVER),
                _threshold_cell(measure, Level.GOLD),
                detail,
                rowspan=len(measures),
            )
        )
    roles = option.skills.roles
    distinct = len(roles) > 1
    for index, role in enumerate(roles):
        role_asides: list[tuple[str, Source | None]] = [(role.note, None)]
        if index == 0:
            role_asides.append((option.skills.note, option.skills.source))
        detail = (
            _tr("{role}: passed {credentials}, with the MCP ID associated with your MPN ID").format(
                role=html.escape(role.name), credentials=_rule_words(role.credentials)
            )
            + (_tr(" (one person counts for one role only)") if distinct else "")
            + notes.mark(*role_asides)
        )
        rows.append(
            _step_row(
                _tr("2. Technical exams") if index == 0 else "",
                _role_cell(role, Level.SILVER),
                _role_cell(role, Level.GOLD),
                detail,
                rowspan=len(roles),
            )
        )
    rule = competency.references
    if rule is not None:
        rows.append(
            _step_row(
                _tr("3. Customer references"),
                str(rule.count[Level.SILVER]),
                str(rule.count[Level.GOLD]),
                _tr(
                    "approved or auto-approved customer references, each valid "
                    "{years} years from approval"
                ).format(years=rule.valid_years)
                + notes.mark((rule.note, rule.source)),
            )
        )
    rows.append(
        _step_row(
            _tr("4. Fee"),
            _fee_cell(catalog, Level.SILVER),
            _fee_cell(catalog, Level.GOLD),
            _tr(
                "paid once a year for the whole organisation, whatever the number of "
                "competencies (<a href='#fee'>see the fee</a>)"
            ),
        )
    )
    head = "<tr><th>{}</th><th>{}</th><th class='figure'>{}</th><th class='figure'>{}</th></tr>"
    head = head.format(_tr("Step"), _tr("What counts"), _tr("Silver"), _tr("Gold"))
    return f"<table class='steps' width='100%'>{head}{''.join(rows)}</table>"


def _role_cell(role: Role, level: Level) -> str:
    count = role.people.get(level, 0)
    return _people(count) if count else "<span class='muted'>{}</span>".format(_tr("none"))


def _period(start: date | None, until: date | None) -> str:
    """ "2017-10-01" for a schedule's first day; "before 2017-10-01" for an open start."""
    if start is not None:
        return _day(start)
    if until is not None:
        return _tr("before {day}").format(day=_day(until))
    return _tr("always")


def _fee_cell(catalog: Catalog, level: Level) -> str:
    latest = catalog.fee.fees[-1] if catalog.fee.fees else None
    if latest is None or level not in latest.amounts:
        return ""
    text = html.escape(money(latest.amounts[level]))
    if len(catalog.fee.fees) > 1 and latest.effective_from is not None:
        since = _tr("from {day}").format(day=_day(latest.effective_from))
        text += f"<br><span class='muted'>{since}</span>"
    return text


def _competency_section(competency: Competency, catalog: Catalog) -> str:
    notes = _Footnotes()
    parts = [
        f"<h2 id='{html.escape(competency.id)}'><a name='{html.escape(competency.id)}'></a>"
        f"{html.escape(competency.name)}{notes.mark((competency.note, competency.source))}</h2>"
    ]
    if competency.description:
        parts.append(f"<p>{html.escape(competency.description)}</p>")
    several = len(competency.options) > 1
    if several:
        names = domain_text(" or ").join(
            f"<i>{html.escape(option.name)}</i>" for option in competency.options
        )
        ways = (
            _tr("Two ways to attain it: {names}.")
            if len(competency.options) == 2
            else _tr("{count} ways to attain it: {names}.")
        )
        parts.append(
            "<p>"
            + ways.format(names=names, count=count_text.count(len(competency.options)))
            + " "
            + _tr("A level is attained when every step of one option is met.")
            + "</p>"
        )
    for option in competency.options:
        mark = notes.mark((option.note, option.source))
        named = _tr("Option: {option}").format(option=html.escape(option.name)) + mark
        if several:
            parts.append(f"<h3>{named}</h3>")
        else:
            parts.append(f"<p class='muted'>{named}</p>")
        parts.append(_option_table(competency, option, catalog, notes))
    parts.append(notes.html())
    return "".join(parts)


def _fee_section(catalog: Catalog) -> str:
    notes = _Footnotes()
    fee = catalog.fee
    rows = "".join(
        f"<tr><td>{_period(start, until)}"
        f"{notes.mark((schedule.note, schedule.source))}</td>"
        f"<td class='figure'>{html.escape(money(schedule.amounts[Level.SILVER]))}</td>"
        f"<td class='figure'>{html.escape(money(schedule.amounts[Level.GOLD]))}</td>"
        f"<td>{html.escape(schedule.applies_to)}</td></tr>"
        for schedule, start, until in fee.in_force()
    )
    head = "<tr><th>{}</th><th class='figure'>{}</th><th class='figure'>{}</th><th>{}</th></tr>"
    head = head.format(_tr("In force"), _tr("Silver"), _tr("Gold"), _tr("Applies to"))
    heading = _tr("The yearly fee")
    return (
        f"<h2 id='fee'><a name='fee'></a>{heading}</h2>"
        f"<p>{html.escape(fee.description)}{notes.mark((fee.note, fee.source))}</p>"
        f"<table class='steps'>{head}{rows}</table>"
        f"{notes.html()}"
    )


def _credentials_section(catalog: Catalog) -> str:
    notes = _Footnotes()
    rows = []
    for credential in sorted(catalog.credentials, key=lambda item: (item.kind.value, item.code)):
        accepted = []
        if credential.accept_from is not None:
            accepted.append(_tr("from {day}").format(day=_day(credential.accept_from)))
        if credential.accept_until is not None:
            accepted.append(_tr("until {day}").format(day=_day(credential.accept_until)))
        rows.append(
            f"<tr><td><b>{html.escape(credential.code)}</b></td>"
            f"<td>{html.escape(credential.title)}"
            f"{notes.mark((credential.note, credential.source))}</td>"
            f"<td>{_tr(_KINDS[credential.kind])}</td><td>{' '.join(accepted)}</td></tr>"
        )
    head = "<tr><th>{}</th><th>{}</th><th>{}</th><th>{}</th></tr>".format(
        _tr("Code"), _tr("Title"), _tr("Kind"), _tr("Accepted")
    )
    heading = _tr("Exams, assessments and certifications")
    about = _tr(
        "The credentials the skill roles accept. A pass counts while the person's MCP ID "
        "is associated with your MPN ID and the credential is accepted."
    )
    return (
        f"<h2 id='credentials'><a name='credentials'></a>{heading}</h2><p>{about}</p>"
        f"<table class='steps'>{head}{''.join(rows)}</table>{notes.html()}"
    )


def _retired_section(retired: Iterable[Competency]) -> str:
    notes = _Footnotes()
    rows = []
    for competency in retired:
        retirement = competency.retirement
        when = _day(retirement.retired_on) if retirement else ""
        mark = notes.mark((retirement.note, retirement.source)) if retirement else ""
        rows.append(f"<tr><td>{html.escape(competency.name)}{mark}</td><td>{when}</td></tr>")
    if not rows:
        return ""
    heading = _tr("Retired competencies")
    about = _tr("Closed to new enrolment and renewal: they cannot be attained.")
    head = "<tr><th>{}</th><th>{}</th></tr>".format(_tr("Competency"), _tr("Retired on"))
    return (
        f"<h2 id='retired'><a name='retired'></a>{heading}</h2><p>{about}</p>"
        f"<table class='steps'>{head}{''.join(rows)}</table>{notes.html()}"
    )


def _sources_section(catalog: Catalog) -> str:
    if not catalog.sources:
        return ""
    items = []
    for source in catalog.sources:
        title = html.escape(source.title)
        if source.url:
            title = f"<a href='{html.escape(source.url)}'>{title}</a>"
        dated = f", {html.escape(source.published)}" if source.published else ""
        items.append(f"<li>{title}{dated}</li>")
    heading = _tr("Sources")
    return f"<h2 id='sources'><a name='sources'></a>{heading}</h2><ul>{''.join(items)}</ul>"


def _style(colours: DocumentColours) -> str:
    return (
        f"body {{ color: {colours.text}; }}"
        f"h1 {{ color: {colours.accent}; margin-bottom: 2px; }}"
        f"h2 {{ color: {colours.accent}; margin-top: 22px; }}"
        "h3 { margin-top: 14px; margin-bottom: 4px; }"
        f".muted {{ color: {colours.muted}; }}"
        f".notes {{ color: {colours.muted}; font-size: small; }}"
        f"table.steps {{ border-collapse: collapse; border: 1px solid {colours.rule}; }}"
        f"th {{ background-color: {colours.header}; text-align: left; padding: 4px; }}"
        f"td {{ padding: 4px; vertical-align: top; border-top: 1px solid {colours.rule}; }}"
        ".figure { text-align: right; white-space: nowrap; }"
        ".step { white-space: nowrap; }"
    )


def in_force(since: date, until: date | None) -> str:
    """ "In force from 2017-07-01 to 2018-06-30" (no end: "In force from 2026-05-01")."""
    if until is None:
        return _tr("In force from {since}").format(since=_day(since))
    return _tr("In force from {since} to {until}").format(since=_day(since), until=_day(until))


def requirements_html(catalog: Catalog, colours: DocumentColours | None = None) -> str:
    """The whole catalogue as one HTML document for ``QTextBrowser``."""
    colours = colours or DocumentColours()
    cloud = catalog.cloud_competencies
    contents = [
        *(f"<a href='#{html.escape(item.id)}'>{html.escape(item.name)}</a>" for item in cloud),
        "<a href='#fee'>{}</a>".format(_tr("Fee")),
        "<a href='#credentials'>{}</a>".format(_tr("Exams")),
    ]
    if catalog.retired_competencies:
        contents.append("<a href='#retired'>{}</a>".format(_tr("Retired")))
    if catalog.sources:
        contents.append("<a href='#sources'>{}</a>".format(_tr("Sources")))
    parts = [
        f"<html><head><style>{_style(colours)}</style></head><body>",
        f"<h1>{html.escape(catalog.program)} {html.escape(catalog.version)}</h1>",
        f"<p class='muted'>{in_force(catalog.effective_from, catalog.effective_until)}"
        + (f" · {html.escape(catalog.file)}" if catalog.file else "")
        + "</p>",
        "<p>"
        + _tr(
            "A cloud competency is earned in four steps: (1) sales performance credited "
            "through an accepted association, (2) people with the required exams whose MCP ID "
            "is associated with your MPN ID, (3) approved customer references, and (4) the "
            "yearly fee."
        )
        + "</p>",
    ]
    parts.extend(f"<p class='muted'>{note_html(note)}</p>" for note in catalog.notes)
    parts.append("<p>" + " · ".join(contents) + "</p>")
    if catalog.benefits:
        benefits = "".join(f"<li>{html.escape(item)}</li>" for item in catalog.benefits)
        gives = _tr("What a cloud competency gives")
        parts.append(f"<h3>{gives}</h3><ul>{benefits}</ul>")
    parts.extend(_competency_section(competency, catalog) for competency in cloud)
    parts.append(_fee_section(catalog))
    parts.append(_credentials_section(catalog))
    parts.append(_retired_section(catalog.retired_competencies))
    parts.append(_sources_section(catalog))
    parts.append("</body></html>")
    return "".join(parts)
