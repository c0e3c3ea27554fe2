"""Settling how to read a file before importing it, from what it says and the options given."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from mpn_desktop.domain.vocabulary import N_, _
from mpn_desktop.domain.wording import number
from mpn_desktop.errors import ImportFailed
from mpn_desktop.importers.columns import (
    EXAM_FIELDS,
    ColumnMapping,
    Field,
    FieldSet,
    apply_overrides,
    suggest_mapping,
)
from mpn_desktop.importers.dates import DateColumnOrder, DateOrder, parse_date_format
from mpn_desktop.importers.importing import (
    CancelCheck,
    ImportSettings,
    ProgressCallback,
    survey_date_order,
    survey_decimal_marks,
)
from mpn_desktop.importers.reading import (
    OptionError,
    Preview,
    Record,
    check_delimiter,
    check_encoding,
    preview,
)
from mpn_desktop.shown import quoted


@dataclass(frozen=True, slots=True)
class ImportPlan:
    """How a file will be read: its preview, the settings, and what its dates said."""

    preview: Preview
    settings: ImportSettings
    dates: DateColumnOrder | None

    def describe(self) -> list[str]:
        """Lines telling the user how the file is read (the columns ignored are told by the
        import's result: a column without a name is told when it holds data in any record)."""
        fmt, mapping = self.settings.format, self.settings.mapping
        lines = [
            _("Reading {file} as {format}.").format(
                file=self.preview.path.name, format=fmt.describe()
            )
        ]
        lines.extend(fmt.skipped())
        if mapping.fields.description:
            kind = _(mapping.fields.description)
            lines.append(_("The columns say it is {kind}.").format(kind=kind))
        if self.settings.date_order is not None:
            how = _("as given") if self.dates is None else _evidence(self.dates, mapping.fields)
            order = _(_DATE_ORDERS[self.settings.date_order])
            lines.append(_("Dates are {order} ({how}).").format(order=order, how=how))
        commas = [mapping.header[c] for c, mark in self.settings.decimal_marks if mark == ","]
        if commas:
            columns = ", ".join(commas)
            lines.append(_("Amounts with a decimal comma: {columns}").format(columns=columns))
        return lines


_DATE_ORDERS = {DateOrder.MONTH_FIRST: N_("month-first"), DateOrder.DAY_FIRST: N_("day-first")}
"""How the dates are read, as the command line says it (``_()`` translates it)."""


def plan_import(
    path: Path,
    *,
    encoding: str | None = None,
    delimiter: str | None = None,
    overrides: Sequence[str] = (),
    date_format: str | None = None,
    progress: ProgressCallback | None = None,
    cancel: CancelCheck | None = None,
    fields: FieldSet | Callable[[Sequence[str]], FieldSet] = EXAM_FIELDS,
    header_line: int | None = None,
) -> ImportPlan:
    """The command line's way to settle everything; the wizard calls the same steps one by one.

    ``fields`` are the import kind's, or a function recognising them from the
    header line (usage: which Partner Center file it is). The header is on
    ``header_line``; by default on the first line, or on the first line below
    that names the columns when the first names none (a sheet's title above it).

    Raises OptionError (a usage error) for options that do not fit and when
    the dates need ``--date-format``; ImportFailed when the file is unusable.
    """
    if encoding is not None:
        encoding = check_encoding(encoding)
    if delimiter is not None:
        delimiter = check_delimiter(delimiter)
    order = parse_date_format(date_format) if date_format is not None else None
    first = located_preview(path, fields, encoding, delimiter, header_line)
    kind_fields = _fields_of(first.header, fields)
    mapping = apply_overrides(suggest_mapping(first.header.fields, kind_fields), overrides)
    require_usable(path, mapping, first.header.line)
    settings = ImportSettings(first.format, mapping, order)
    if mapping.fields.amounts:
        settings = survey_decimal_marks(path, settings, progress, cancel)
    if order is not None:
        return ImportPlan(first, settings, None)
    dates = survey_date_order(path, settings, progress, cancel)
    if dates.needs_choice and mapping.fields.date_order is not None:
        # The file kind documents its order (the reconciliation files: M/D/YYYY).
        documented = DateColumnOrder(mapping.fields.date_order, None, dates.ambiguous)
        return ImportPlan(first, replace(settings, date_order=documented.order), documented)
    if dates.needs_choice:
        assert dates.ambiguous is not None  # needs_choice means an ambiguous value was seen
        line, text = dates.ambiguous
        column = _date_columns(mapping)
        raise OptionError(
            _(
                "{path}: the dates in column {column} could be month-first or day-first "
                "(line {line}: {text}, and no date in the file tells); "
                "give --date-format MDY (as 11/25/2017) or --date-format DMY (as 25/11/2017)"
            ).format(path=path, column=column, line=line, text=quoted(text))
        )
    return ImportPlan(first, replace(settings, date_order=dates.order), dates)


_COLUMNS_NAMED = 12
"""Columns a message names (a file may have 100,000)."""


def located_preview(
    path: Path,
    fields: FieldSet | Callable[[Sequence[str]], FieldSet],
    encoding: str | None = None,
    delimiter: str | None = None,
    header_line: int | None = None,
) -> Preview:
    """The file's preview from its header line: ``header_line``, else the first line, or the
    first line below that names the columns the import needs when the first names none
    (a sheet's title or a report's date above the header: those lines are skipped).

    ``fields`` are the import kind's, or a function recognising them from a header line.
    """
    first = preview(path, encoding, delimiter, header_line=header_line)
    if (
        header_line is not None
        or suggest_mapping(first.header.fields, _fields_of(first.header, fields)).columns
    ):
        return first
    for record in first.records:
        below = suggest_mapping(record.fields, _fields_of(record, fields))
        if below.columns and not below.missing():
            return preview(path, encoding, delimiter, header_line=record.line)
    return first


def _fields_of(header: Record, fields: FieldSet | Callable[[Sequence[str]], FieldSet]) -> FieldSet:
    return fields if isinstance(fields, FieldSet) else fields(header.fields)


def require_usable(path: Path, mapping: ColumnMapping, header_line: int) -> None:
    """Raises ImportFailed when the mapping lacks a column a record of its kind needs."""
    if mapping.fields.refused:
        raise ImportFailed(
            _("{path}: line {line}: nothing was imported: the file needs {what}").format(
                path=path, line=header_line, what=_(mapping.fields.refused)
            )
        )
    missing = mapping.missing()
    if not missing:
        return
    columns = _named(mapping.header)
    # The noun with its article and in the plural, as each language writes them.
    one, many = _NOUNS[mapping.fields.noun]
    if not mapping.columns:
        raise ImportFailed(
            _(
                "{path}: this does not look like a file of {records}: none of the columns "
                "of line {line} ({columns}) is one the importer knows; name them "
                "with --map COLUMN=FIELD"
            ).format(path=path, records=_(many), line=header_line, columns=columns)
        )
    raise ImportFailed(
        _(
            "{path}: line {line}: {record} needs {missing}, and none of the columns "
            "({columns}) is one; name it with --map COLUMN=FIELD (e.g. --map {example})"
        ).format(
            path=path,
            line=header_line,
            record=_(one),
            missing=_(" and ").join(missing),
            columns=columns,
            example=_example_override(mapping),
        )
    )


def _named(header: Sequence[str]) -> str:
    """The header's column names as a message lists them, the first ``_COLUMNS_NAMED``."""
    # A header cell left empty (a trailing delimiter) names no column.
    names = [name for name in header if name.strip()]
    columns = ", ".join(quoted(name) for name in names[:_COLUMNS_NAMED])
    if len(names) > _COLUMNS_NAMED:
        columns = _("{columns} and {more} more").format(
            columns=columns, more=number(len(names) - _COLUMNS_NAMED)
        )
    return columns


_NOUNS = {
    "exam record": (N_("an exam record"), N_("exam records")),
    "usage line": (N_("a usage line"), N_("usage lines")),
}


def _example_override(mapping: ColumnMapping) -> str:
    """A ``--map`` for the first field missing, on the first column nothing reads."""
    fields = mapping.fields
    field = next(
        (
            field
            for field in fields.required
            if field not in mapping.columns
            and not (field.value == "exam_code" and mapping.columns.keys() & _TITLE_FIELDS)
        ),
        fields.required[0],
    )
    column = mapping.ignored[0] if mapping.ignored else "COLUMN"
    return f"{_quoted(column)}={field.value}"


def _quoted(column: str) -> str:
    return f'"{column}"' if any(char.isspace() for char in column) else column


_TITLE_FIELDS = {Field.EXAM_TITLE}


def _date_columns(mapping: ColumnMapping) -> str:
    """The date columns' names, as a message names them (``'ChargeStartDate'``)."""
    names = [
        mapping.header[column]
        for field in mapping.fields.dates
        if (column := mapping.column_of(field)) is not None
    ]
    return ", ".join(repr(name) for name in names) or "'date'"


def _evidence(dates: DateColumnOrder, fields: FieldSet) -> str:
    if dates.evidence is None and dates.ambiguous is not None and fields.description:
        return _("as {kind} writes them; no date in the file tells").format(
            kind=_(fields.description)
        )
    if dates.evidence is None:
        return _("no date in the file needs it")
    line, text = dates.evidence
    return _("line {line}: {text}").format(line=line, text=text)
