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
from mpn_desktop.domain.wording import associations, money, number, plural

_LEVELS = (Level.SILVER, Level.GOLD)
_KINDS = {
    CredentialKind.EXAM: "Exam",
    CredentialKind.ASSESSMENT: "Assessment",
    CredentialKind.CERTIFICATION: "Certification",
}
_WINDOWS = {
    Window.PREVIOUS_12_MONTHS: "in the 12 full months before the month of the day checked",
    Window.LATEST_MONTH: "in the latest full month",
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
                numbers.append(self._number(f"<i>Note:</i> {html.escape(note)}"))
            if source is not None:
                numbers.append(self._number(f"<i>Source:</i> {html.escape(str(source))}"))
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


def _day(day: date | None) -> str:
    return day.isoformat() if day is not None else ""


def _people(count: int) -> str:
    return f"{count} {plural(count, 'person', 'people')}"


def _amount(measure: Measure, value: Decimal) -> str:
    if measure.kind in (MeasureKind.CONSUMPTION_USD, MeasureKind.REVENUE_USD):
        return money(value)
    return number(value)


def _threshold_cell(measure: Measure, level: Level) -> str:
    developed = measure.need(level, Market.DEVELOPED)
    developing = measure.need(level, Market.DEVELOPING)
    text = html.escape(_amount(measure, developed))
    if developing != developed:
        text += (
            f"<br><span class='muted'>developing markets: "
            f"{html.escape(_amount(measure, developing))}</span>"
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
        detail = (
            f"{html.escape(measure.description)} {_WINDOWS[measure.window]}, "
            f"credited through {through} association{notes.mark(*asides)}"
        )
        rows.append(
            _step_row(
                "1. Sales performance" if index == 0 else "",
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
            f"{html.escape(role.name)}: passed {_rule_words(role.credentials)}, "
            f"with the MCP ID associated with your MPN ID"
            + (" (one person counts for one role only)" if distinct else "")
            + notes.mark(*role_asides)
        )
        rows.append(
            _step_row(
                "2. Technical exams" if index == 0 else "",
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
                "3. Customer references",
                str(rule.count[Level.SILVER]),
                str(rule.count[Level.GOLD]),
                f"approved or auto-approved customer references, each valid "
                f"{rule.valid_years} years from approval{notes.mark((rule.note, rule.source))}",
            )
        )
    rows.append(
        _step_row(
            "4. Fee",
            _fee_cell(catalog, Level.SILVER),
            _fee_cell(catalog, Level.GOLD),
            "paid once a year for the whole organisation, whatever the number of "
            "competencies (<a href='#fee'>see the fee</a>)",
        )
    )
    head = (
        "<tr><th>Step</th><th>What counts</th><th class='figure'>Silver</th>"
        "<th class='figure'>Gold</th></tr>"
    )
    return f"<table class='steps' width='100%'>{head}{''.join(rows)}</table>"


def _role_cell(role: Role, level: Level) -> str:
    count = role.people.get(level, 0)
    return _people(count) if count else "<span class='muted'>none</span>"


def _period(start: date | None, until: date | None) -> str:
    """ "2017-10-01" for a schedule's first day; "before 2017-10-01" for an open start."""
    if start is not None:
        return _day(start)
    return f"before {_day(until)}" if until is not None else "always"


def _fee_cell(catalog: Catalog, level: Level) -> str:
    latest = catalog.fee.fees[-1] if catalog.fee.fees else None
    if latest is None or level not in latest.amounts:
        return ""
    text = html.escape(money(latest.amounts[level]))
    if len(catalog.fee.fees) > 1 and latest.effective_from is not None:
        text += f"<br><span class='muted'>from {_day(latest.effective_from)}</span>"
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
        names = " or ".join(f"<i>{html.escape(option.name)}</i>" for option in competency.options)
        parts.append(
            f"<p>Two ways to attain it: {names}. A level is attained when every step of "
            "one option is met.</p>"
            if len(competency.options) == 2
            else f"<p>{len(competency.options)} ways to attain it: {names}. A level is "
            "attained when every step of one option is met.</p>"
        )
    for option in competency.options:
        mark = notes.mark((option.note, option.source))
        if several:
            parts.append(f"<h3>Option: {html.escape(option.name)}{mark}</h3>")
        else:
            parts.append(f"<p class='muted'>Option: {html.escape(option.name)}{mark}</p>")
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
    return (
        "<h2 id='fee'><a name='fee'></a>The yearly fee</h2>"
        f"<p>{html.escape(fee.description)}{notes.mark((fee.note, fee.source))}</p>"
        "<table class='steps'><tr><th>In force</th><th class='figure'>Silver</th>"
        f"<th class='figure'>Gold</th><th>Applies to</th></tr>{rows}</table>"
        f"{notes.html()}"
    )


def _credentials_section(catalog: Catalog) -> str:
    notes = _Footnotes()
    rows = []
    for credential in sorted(catalog.credentials, key=lambda item: (item.kind.value, item.code)):
        accepted = []
        if credential.accept_from is not None:
            accepted.append(f"from {_day(credential.accept_from)}")
        if credential.accept_until is not None:
            accepted.append(f"until {_day(credential.accept_until)}")
        rows.append(
            f"<tr><td><b>{html.escape(credential.code)}</b></td>"
            f"<td>{html.escape(credential.title)}"
            f"{notes.mark((credential.note, credential.source))}</td>"
            f"<td>{_KINDS[credential.kind]}</td><td>{' '.join(accepted)}</td></tr>"
        )
    return (
        "<h2 id='credentials'><a name='credentials'></a>Exams, assessments and certifications</h2>"
        "<p>The credentials the skill roles accept. A pass counts while the person's MCP ID "
        "is associated with your MPN ID and the credential is accepted.</p>"
        "<table class='steps'><tr><th>Code</th><th>Title</th><th>Kind</th><th>Accepted</th>"
        f"</tr>{''.join(rows)}</table>{notes.html()}"
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
    return (
        "<h2 id='retired'><a name='retired'></a>Retired competencies</h2>"
        "<p>Closed to new enrolment and renewal: they cannot be attained.</p>"
        "<table class='steps'><tr><th>Competency</th><th>Retired on</th></tr>"
        f"{''.join(rows)}</table>{notes.html()}"
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
    return f"<h2 id='sources'><a name='sources'></a>Sources</h2><ul>{''.join(items)}</ul>"


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


def requirements_html(catalog: Catalog, colours: DocumentColours | None = None) -> str:
    """The whole catalogue as one HTML document for ``QTextBrowser``."""
    colours = colours or DocumentColours()
    cloud = catalog.cloud_competencies
    until = f" to {_day(catalog.effective_until)}" if catalog.effective_until else ""
    contents = [
        *(f"<a href='#{html.escape(item.id)}'>{html.escape(item.name)}</a>" for item in cloud),
        "<a href='#fee'>Fee</a>",
        "<a href='#credentials'>Exams</a>",
    ]
    if catalog.retired_competencies:
        contents.append("<a href='#retired'>Retired</a>")
    if catalog.sources:
        contents.append("<a href='#sources'>Sources</a>")
    parts = [
        f"<html><head><style>{_style(colours)}</style></head><body>",
        f"<h1>{html.escape(catalog.program)} {html.escape(catalog.version)}</h1>",
        f"<p class='muted'>In force from {_day(catalog.effective_from)}{until}"
        + (f" · {html.escape(catalog.file)}" if catalog.file else "")
        + "</p>",
        "<p>A cloud competency is earned in four steps: (1) sales performance credited "
        "through an accepted association, (2) people with the required exams whose MCP ID "
        "is associated with your MPN ID, (3) approved customer references, and (4) the "
        "yearly fee.</p>",
    ]
    parts.extend(f"<p class='muted'><i>Note:</i> {html.escape(note)}</p>" for note in catalog.notes)
    parts.append("<p>" + " · ".join(contents) + "</p>")
    if catalog.benefits:
        benefits = "".join(f"<li>{html.escape(item)}</li>" for item in catalog.benefits)
        parts.append(f"<h3>What a cloud competency gives</h3><ul>{benefits}</ul>")
    parts.extend(_competency_section(competency, catalog) for competency in cloud)
    parts.append(_fee_section(catalog))
    parts.append(_credentials_section(catalog))
    parts.append(_retired_section(catalog.retired_competencies))
    parts.append(_sources_section(catalog))
    parts.append("</body></html>")
    return "".join(parts)
