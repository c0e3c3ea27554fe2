"""Which CSV column holds which field: recognised header names, and ``--map COLUMN=FIELD``.

Each import kind declares its fields once, as a ``FieldSet``: the fields,
the header spellings it recognises, the fields holding dates, and what a
usable mapping needs. Exam records are ``EXAM_FIELDS``; usage has its own
(``importers.usage_fields``).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from enum import Enum

from mpn_desktop.domain.vocabulary import N_, _
from mpn_desktop.importers.dates import DateOrder
from mpn_desktop.importers.reading import OptionError
from mpn_desktop.shown import quoted


class ImportField(Enum):
    """A field some import kind reads; its value is the name ``--map`` takes."""

    @property
    def label(self) -> str:
        """The field's name in messages, as a person would say it."""
        return str(self.value).replace("_", " ")


class Field(ImportField):
    """A field of an exam record (DESIGN.md); first and last name are joined into the name."""

    MCP_ID = "mcp_id"
    NAME = "name"
    FIRST_NAME = "first_name"
    LAST_NAME = "last_name"
    EMAIL = "email"
    EXAM_CODE = "exam_code"
    EXAM_TITLE = "exam_title"
    PASSED_ON = "passed_on"
    KIND = "kind"
    MPN_ID = "mpn_id"

    @property
    def label(self) -> str:
        """The field's name in messages, as a person would say it."""
        return _LABELS[self]


_LABELS = {
    Field.MCP_ID: N_("MCP ID"),
    Field.NAME: N_("name"),
    Field.FIRST_NAME: N_("first name"),
    Field.LAST_NAME: N_("last name"),
    Field.EMAIL: N_("e-mail"),
    Field.EXAM_CODE: N_("exam code"),
    Field.EXAM_TITLE: N_("exam title"),
    Field.PASSED_ON: N_("date passed"),
    Field.KIND: N_("kind"),
    Field.MPN_ID: N_("MPN ID"),
}

# Header spellings, compared after dropping case, spaces and punctuation.
_KNOWN_HEADERS: dict[Field, tuple[str, ...]] = {
    Field.MCP_ID: ("mcp_id", "MCP ID", "MCPID", "Certification ID", "MCP Number"),
    Field.NAME: ("name", "Full Name", "Individual Name"),
    Field.FIRST_NAME: ("first_name", "First Name", "IndividualFirstName", "Given Name"),
    Field.LAST_NAME: ("last_name", "Last Name", "IndividualLastName", "Surname"),
    Field.EMAIL: ("email", "Email Address", "E-mail", "IndividualEmail"),
    Field.EXAM_CODE: ("exam_code", "Exam", "Exam Number", "Exam Code", "TrainingActivityId"),
    Field.EXAM_TITLE: ("exam_title", "Exam Title", "TrainingTitle", "Exam Name"),
    Field.PASSED_ON: (
        "passed_on",
        "Date Passed",
        "Passed On",
        "Achievement Date",
        "TrainingCompletionDate",
        "Completion Date",
        "Exam Date",
    ),
    Field.KIND: ("kind", "TrainingType", "Credential Type"),
    Field.MPN_ID: ("mpn_id", "MPNId", "MPN ID"),
}

IGNORE = "ignore"


def header_key(name: str) -> str:
    """A header name without case, spaces or punctuation (``MCP ID`` -> ``mcpid``)."""
    return re.sub(r"[\W_]+", "", name.casefold())


@dataclass(frozen=True, slots=True)
class FieldSet:
    """One import kind's fields: which there are, their header spellings, what a file needs.

    ``headers`` are tried in order (the first field a header fits wins);
    ``plain`` spellings only when no column names the field more precisely.
    ``needs`` says in words what a mapping lacks; ``dates`` are the fields
    whose values are days (their month-first or day-first order is surveyed).
    """

    noun: str
    fields: type[ImportField]
    headers: Mapping[ImportField, tuple[str, ...]]
    needs: Callable[[Mapping[ImportField, int]], list[str]]
    dates: tuple[ImportField, ...] = ()
    plain: Mapping[str, ImportField] = field(default_factory=dict)
    mpn_id: ImportField | None = None
    """The field naming the partner organisation's MPN ID, when the kind has one."""
    amounts: tuple[ImportField, ...] = ()
    """Fields holding amounts (each column's decimal mark is surveyed)."""
    source: str = ""
    """The kind of file these fields are of (``usage-recon``, ``sheet``, ...)."""
    description: str = ""
    """The kind of file in words, for the user (``a usage-based reconciliation file``)."""
    date_order: DateOrder | None = None
    """The order the file kind documents for its dates (a ``DateOrder``), used when no
    value decides; None: the user is asked."""
    required: tuple[ImportField, ...] = ()
    """The fields to name in a ``--map`` example when the file lacks them."""
    refused: str = ""
    """What a file of this kind lacks whatever its columns are mapped to (it is never
    imported: Microsoft's own competency metrics, say); "" for kinds that are imported.
    Marked with ``N_``: messages say it in the chosen language."""


def _exam_needs(columns: Mapping[ImportField, int]) -> list[str]:
    needs = []
    if Field.MCP_ID not in columns:
        needs.append(_("an MCP ID column"))
    if Field.EXAM_CODE not in columns and Field.EXAM_TITLE not in columns:
        needs.append(_("an exam code or exam title column"))
    if Field.PASSED_ON not in columns:
        needs.append(_("a date-passed column"))
    return needs


EXAM_FIELDS = FieldSet(
    noun="exam record",
    fields=Field,
    headers=_KNOWN_HEADERS,  # type: ignore[arg-type]
    needs=_exam_needs,
    dates=(Field.PASSED_ON,),
    required=(Field.MCP_ID, Field.EXAM_CODE, Field.PASSED_ON),
    # Plain names a hand-kept sheet uses ("Name, MCP ID, Exam, Date").
    plain={header_key("Date"): Field.PASSED_ON, header_key("Passed"): Field.PASSED_ON},
    mpn_id=Field.MPN_ID,
)


@dataclass(frozen=True, slots=True)
class ColumnMapping:
    """The column index of each mapped field, for one header line and one kind's fields."""

    header: tuple[str, ...]
    columns: Mapping[ImportField, int]
    fields: FieldSet = EXAM_FIELDS

    def column_of(self, field: ImportField) -> int | None:
        """The column index holding ``field``, or None."""
        return self.columns.get(field)

    @property
    def ignored(self) -> tuple[str, ...]:
        """The header names of the columns no field reads; a column without a name (a
        header cell empty or of spaces, as a trailing delimiter leaves) is not one."""
        return tuple(self.header[index] for index in self._ignored() if self.header[index].strip())

    @property
    def unnamed(self) -> tuple[int, ...]:
        """The columns no field reads that have no name (their cells may hold data)."""
        return tuple(index for index in self._ignored() if not self.header[index].strip())

    def ignored_columns(self, filled: Iterable[int] = ()) -> tuple[str, ...]:
        """The columns no field reads, as the user is told them, in their order.

        Each by its name (``MCP ID (column 7)`` when another column has the
        same name); one without a name only when it holds data (``filled``:
        the columns found to): ``column 7 (no name)``. Numbered from 1, as a
        spreadsheet's columns are counted.
        """
        filled = set(filled)
        names = Counter(name.strip() for name in self.header)
        said = []
        for index in self._ignored():
            name = self.header[index]
            if not name.strip():
                if index in filled:
                    said.append(_("column {number} (no name)").format(number=index + 1))
            elif names[name.strip()] > 1:
                said.append(_("{name} (column {number})").format(name=name, number=index + 1))
            else:
                said.append(name)
        return tuple(said)

    def _ignored(self) -> list[int]:
        used = set(self.columns.values())
        return [index for index in range(len(self.header)) if index not in used]

    def missing(self) -> list[str]:
        """What a usable mapping lacks, in words (empty when the mapping can import)."""
        if self.fields.refused:
            return [_(self.fields.refused)]
        return self.fields.needs(self.columns)

    def with_column(self, column: int, field: ImportField | None) -> ColumnMapping:
        """This mapping with ``column`` read as ``field`` (None: ignored)."""
        columns = {f: c for f, c in self.columns.items() if c != column and f is not field}
        if field is not None:
            columns[field] = column
        return ColumnMapping(self.header, columns, self.fields)


def suggest_mapping(header: Sequence[str], fields: FieldSet = EXAM_FIELDS) -> ColumnMapping:
    """Maps the header names the kind knows; the first column wins when two fit one field.

    A plain "Date" column is the date passed only when no column says so more precisely.
    """
    precise = {
        header_key(spelling): field for field, names in fields.headers.items() for spelling in names
    }
    columns: dict[ImportField, int] = {}
    for known in (precise, fields.plain):
        for index, name in enumerate(header):
            field = known.get(header_key(name))
            if field is not None and field not in columns and index not in columns.values():
                columns[field] = index
    return ColumnMapping(tuple(header), columns, fields)


def map_fields(fields: FieldSet) -> tuple[str, ...]:
    """The names ``--map`` takes for the kind's fields (besides ``ignore``), in their order:
    its refusal and the commands' ``--help`` list them."""
    return tuple(str(known.value) for known in fields.fields)


def parse_field(text: str, fields: FieldSet = EXAM_FIELDS) -> ImportField | None:
    """A field name as ``--map`` takes it (``mcp_id``, ``exam_code``, ... or ``ignore``)."""
    key = text.strip().lower().replace("-", "_")
    if key == IGNORE:
        return None
    for known in fields.fields:
        if known.value == key:
            return known
    choices = ", ".join([*map_fields(fields), IGNORE])
    raise OptionError(
        _("--map: {text} is not a field (choose from {choices})").format(
            text=quoted(text), choices=choices
        )
    )


def apply_overrides(mapping: ColumnMapping, overrides: Iterable[str]) -> ColumnMapping:
    """Applies ``COLUMN=FIELD`` texts; the column is matched exactly, else ignoring case."""
    for override in overrides:
        column_name, sep, field_name = override.rpartition("=")
        if not sep or not column_name.strip():
            raise OptionError(_("--map: {text} is not COLUMN=FIELD").format(text=quoted(override)))
        field = parse_field(field_name, mapping.fields)
        mapping = mapping.with_column(_find_column(mapping.header, column_name), field)
    return mapping


def _find_column(header: Sequence[str], name: str) -> int:
    for candidates in (
        [i for i, h in enumerate(header) if h == name],
        [i for i, h in enumerate(header) if h.strip().casefold() == name.strip().casefold()],
        [i for i, h in enumerate(header) if header_key(h) == header_key(name)],
    ):
        if len(candidates) == 1:
            return candidates[0]
        if len(candidates) > 1:
            raise OptionError(
                _("--map: several columns are called {name}").format(name=quoted(name))
            )
    names = ", ".join(repr(h) for h in header)
    raise OptionError(
        _("--map: the file has no column {name} (its columns: {names})").format(
            name=quoted(name), names=names
        )
    )
