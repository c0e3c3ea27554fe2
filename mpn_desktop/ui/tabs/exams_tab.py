"""Step 2, exams and people: who is in the organisation, what they passed, which roles they fill."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QSplitter, QStyle, QWidget

from mpn_desktop.domain.catalog import Catalog
from mpn_desktop.domain.designation_exams import designation_exam_titles
from mpn_desktop.domain.designations import ScoredCatalog
from mpn_desktop.domain.enums import Level, StepKind
from mpn_desktop.domain.missing_lead import Lead
from mpn_desktop.domain.vocabulary import _ as domain_text
from mpn_desktop.lazy_modules import LazyModule
from mpn_desktop.store.changes import Change, RecordKind
from mpn_desktop.ui import count_text, locale_text
from mpn_desktop.ui.context import AppContext
from mpn_desktop.ui.editors.field_editors import ChoiceComboBox, ValidatingLineEdit
from mpn_desktop.ui.editors.record_form import RecordForm
from mpn_desktop.ui.language import in_sentence
from mpn_desktop.ui.models.fields import Field, FieldKind, enum_label
from mpn_desktop.ui.models.record_sorting import NamesFrom
from mpn_desktop.ui.models.record_table import MUTED_BACKGROUND, Record, RowStyle
from mpn_desktop.ui.record_changes import RecordsChange
from mpn_desktop.ui.tabs.add_first import offer_to_add_first
from mpn_desktop.ui.tabs.catalog_lists import CredentialChoice, exam_completions, find_exam
from mpn_desktop.ui.tabs.record_section import RecordSection
from mpn_desktop.ui.tabs.step_tab import StepTab

if TYPE_CHECKING:
    from mpn_desktop.domain import competency_tree, skilling_people
    from mpn_desktop.domain.facts import Facts
    from mpn_desktop.domain.progress import Progress
    from mpn_desktop.domain.requirement_tree import RequirementTree
    from mpn_desktop.domain.skilling_people import SkillingPeople
else:
    # Who counts for a skilling metric: read once the day is evaluated, after start-up's
    # first paint (its module brings the designations' skilling rules).
    skilling_people = LazyModule("mpn_desktop.domain.skilling_people", after_paint=True)
    competency_tree = LazyModule("mpn_desktop.domain.competency_tree", after_paint=True)


def roles_by_person(progress: Progress) -> dict[str, list[str]]:
    """For each MCP ID, the competencies (and levels) whose exam step counts that person.

    Read from the evidence of the exams step, which carries each counted
    person's MCP ID and role. Every level the person counts at is named:
    "(gold)" alone read as "not for silver" to a partner aiming for silver,
    whose one person counts at both levels. The role is named where the step
    counts people in more than one role (CRM: application and deployment,
    customisation), so the reader knows which one the person fills.
    """
    tree = competency_tree.requirement_tree(progress)
    roles: dict[str, list[str]] = {}
    for competency in tree.targeted or tree.requirements:
        if competency.retired:
            continue
        found: dict[str, list[tuple[str, str]]] = {}
        for level in competency.children:
            step = level.child(StepKind.EXAMS.value)
            if step is None:
                continue
            for evidence in step.evidence:
                if evidence.mcp_id is None:
                    continue
                places = found.setdefault(evidence.mcp_id, [])
                named = in_sentence(enum_label(Level(level.id)))
                if all(known != named for known, _role in places):
                    places.append((named, evidence.role or ""))
        several = len({role for places in found.values() for _level, role in places}) > 1
        for mcp_id, places in found.items():
            roles.setdefault(mcp_id, []).append(f"{competency.label} ({_where(places, several)})")
    return roles


def _where(places: list[tuple[str, str]], name_roles: bool) -> str:
    """ "silver and gold", or with the roles named "silver and gold, Customisation"."""
    joined = domain_text(" and ").join(level for level, _ in places)
    if not name_roles:
        return joined
    if len({role for _level, role in places}) == 1:
        return joined + f", {places[0][1]}"
    return "; ".join(f"{level}, {role}" for level, role in places)


class ExamsTab(StepTab):
    """People (above) and the exams, assessments and certifications they passed (below)."""

    step = StepKind.EXAMS

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.setObjectName("examsTab")
        self._people_names: dict[int, str] = {}
        self._roles: dict[str, list[str]] = {}
        self._skilling: SkillingPeople | None = None
        """Who counts for which designation on a day under the Solutions Partner program."""
        self._facts: Callable[[], Facts | None] = lambda: None
        self._completed_for: ScoredCatalog | None = None
        """The Solutions Partner catalogue whose exam codes the Code field offers."""
        self._suggested_code = ""
        self._designation_titles: dict[str, str] | None = None
        """Today's exam codes and their titles, read from the catalogues when first asked."""
        self._lead: Lead | None = None
        """The designation's missing certification the next Add exam is for."""
        self.people = self.add_section(
            RecordSection(
                context,
                RecordKind.PERSON,
                self.tr("People"),
                (
                    Field("name", self.tr("Name")),
                    Field("email", self.tr("E-mail"), FieldKind.EMAIL),
                    Field(
                        "mcp_id",
                        self.tr("MCP ID"),
                        help=self.tr(
                            "The person's Microsoft Certified Professional ID, on their "
                            "transcript and in Partner Center's Training details."
                        ),
                    ),
                    Field(
                        "associated",
                        self.tr("Associated"),
                        help=self.tr(
                            "Whether the person associated their MCP ID with your MPN ID "
                            "(in Partner Center or on their certification profile). Only the "
                            "exams of associated people count, for the competencies and the "
                            "designations alike."
                        ),
                    ),
                    Field("left_on", self.tr("Left on")),
                    Field(
                        "roles",
                        self.tr("Counts for"),
                        compute=self._roles_of,
                        help=self.tr(
                            "What the person's exams count toward on the Status as of day: "
                            "the competencies and their levels (2017-2018), or the Solutions "
                            "Partner designations and their skilling metrics, with the steps "
                            "where a metric has steps. Empty: nothing on that day (under the "
                            "Solutions Partner program, the row's tooltip says why)."
                        ),
                    ),
                ),
                describe=lambda record: str(record.get("name") or record.get("mcp_id", "")),
                object_name="peopleSection",
                add_text=self.tr("Add person…"),
                # Most people are associated; the box is there to untick for the others.
                new_values=lambda: {"associated": True},
                parent=self,
            )
        )
        self.exams = self.add_section(
            RecordSection(
                context,
                RecordKind.EXAM,
                self.tr("Exams, assessments and certifications"),
                (
                    Field(
                        "person_id",
                        self.tr("Person"),
                        choices=self._people_choices,
                        label_of=self._person_label,
                    ),
                    Field(
                        "exam_code",
                        self.tr("Code"),
                        FieldKind.CREDENTIAL,
                        placeholder="70-533",
                    ),
                    Field("exam_title", self.tr("Title")),
                    Field("kind", self.tr("Kind")),
                    Field("passed_on", self.tr("Passed on")),
                ),
                describe=self._describe_exam,
                object_name="examsSection",
                add_text=self.tr("Add exam…"),
                new_values=self._new_exam,
                expand_edit=self._expand_exam_edit,
                form_hook=self._link_code_to_title,
                parent=self,
            )
        )
        # Rows pasted from a spreadsheet of exams name the person by MCP ID.
        for name in (self.tr("MCP ID"), "mcp_id"):
            self.exams.paste_aliases[name] = ("person_id", self._person_of_mcp_id)
        self.exams.set_completions("exam_code", exam_completions(context.catalog, None))
        # Start-up's worker orders the exams by person with the names the column writes.
        self.exams.model.names_from("person_id", NamesFrom(RecordKind.PERSON, _person_label))
        self.people.model.set_row_styler(self._person_style)
        self.people.follows_progress = True  # "Counts for" comes from the evaluation
        self.people.selectionChanged.connect(self._person_chosen)
        self.people.model.modelReset.connect(self._people_read)
        self.exams.headingLinkActivated.connect(self.show_everyones_exams)

        splitter = self.add_splitter(QSplitter(Qt.Orientation.Vertical, self), "examsSplitter")
        splitter.addWidget(self.people)
        splitter.addWidget(self.exams)
        self.body.addWidget(splitter, 1)
        self.chain_focus(self.search, self.people, self.exams)
        self.load_first()

    def records_changed(self, change: Change) -> None:
        # An import writes exams under a batch, never the organisation (a reload writes all).
        imported = change.touches(RecordKind.IMPORT_BATCH) and not change.touches(
            RecordKind.ORGANIZATION
        )
        if imported and change.touches(RecordKind.EXAM):
            # After an import, what came in is shown: every exam, not one person's.
            self.show_everyones_exams()
        else:
            self._person_chosen(self.people.selected_record())
        if change.touches(RecordKind.PERSON):
            self._take_names(self._names_after(change))

    def _take_names(self, names: dict[int, str]) -> None:
        # The exams show their person's name: redrawn when a name changed (every exam
        # row is 10,000 on the large organisation; an edit of "associated" changes none).
        if names != self._people_names:
            self._people_names = names
            self.exams.model.refresh_decorations()

    def _people_read(self) -> None:
        """The people's table read anew: their names are known before the exams are read
        and ordered by them (a tab's tables are read in turn, the names taken after all)."""
        self._take_names(self._every_name())

    def _every_name(self) -> dict[int, str]:
        return {record["id"]: _person_label(record) for record in self.people.model.records()}

    def _names_after(self, change: Change) -> dict[int, str]:
        """Each person's label by id once ``change`` is in the people's table: only those it
        names are read again when it names them (one edit: 1 label, not 2,000)."""
        model = self.people.model
        edited = change.records_of(RecordKind.PERSON) if isinstance(change, RecordsChange) else None
        if edited is None or not self._people_names or not change.kinds <= {RecordKind.PERSON}:
            return self._every_name()
        names = dict(self._people_names)
        for person_id in edited:
            row = model.row_of_id(person_id)
            record = None if row is None else model.record_at(row)
            if record is None:
                names.pop(person_id, None)
            else:
                names[person_id] = _person_label(record)
        return names

    def follow_facts(self, facts: Callable[[], Facts | None]) -> None:
        """Where the facts of the last evaluation are (the designations' step holders)."""
        self._facts = facts

    def set_progress(self, progress: Progress) -> None:
        if self.context.scores_designations(progress.as_of):
            # The competencies are not in force: "Counts for" follows the designations,
            # which come next (set_designations), so the column is redrawn once.
            self.people.follows_progress = False
            super().set_progress(progress)
            return
        self._skilling = None
        self._roles = roles_by_person(progress)
        self.people.follows_progress = True
        super().set_progress(progress)

    def set_designations(self, tree: RequirementTree | None) -> None:
        super().set_designations(tree)
        catalog = None if tree is None else self.context.program_on(tree.as_of).scored
        if catalog is not self._completed_for:
            # The exam codes offered while typing: the certifications' exams (AZ-104) too.
            self._completed_for = catalog
            self.exams.set_completions("exam_code", exam_completions(self.context.catalog, catalog))
        facts = self._facts()
        if tree is None or catalog is None or facts is None:
            return
        self._skilling = skilling_people.skilling_people(tree, catalog, facts, self.context.catalog)
        self.people.model.refresh_decorations()
        # What each skilling metric counts, in the catalogue's words: too long to show, at hand.
        about = "\n".join(skilling_people.skilling_lists(tree, catalog))
        self.summary.setToolTip(about)
        self.summary.setAccessibleDescription(about)

    # -- people -----------------------------------------------------------

    def _roles_of(self, record: Record) -> str:
        mcp_id = str(record.get("mcp_id", ""))
        if self._skilling is not None:
            return "; ".join(self._skilling.labels_of(mcp_id))
        return "; ".join(self._roles.get(mcp_id, []))

    def _person_of_mcp_id(self, text: str) -> int:
        """The person a pasted exam row names by MCP ID (a spreadsheet of exams does)."""
        wanted = text.strip()
        for record in self.people.model.records():
            if str(record.get("mcp_id", "")) == wanted:
                return int(record["id"])
        raise ValueError(
            self.tr("MCP ID: “{text}” is nobody's here (add the person first).").format(text=wanted)
        )

    def _person_label(self, person_id: object) -> str | None:
        return self._people_names.get(person_id) if isinstance(person_id, int) else None

    def _people_choices(self) -> list[tuple[object, str]]:
        return sorted(self._people_names.items(), key=lambda item: item[1].casefold())

    def _person_style(self, record: Record) -> RowStyle | None:
        if not record.get("associated", True):
            return RowStyle(
                background=MUTED_BACKGROUND,
                tooltip=self.tr(
                    "Not associated with your MPN ID: this person's exams do not count "
                    "until they associate their MCP ID with the organisation."
                ),
                italic=True,
                icon=self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning),
            )
        left_on = record.get("left_on")
        if left_on is not None:
            return RowStyle(
                background=MUTED_BACKGROUND,
                tooltip=self.tr("Leaves or left the organisation on {day}.").format(
                    day=locale_text.day(left_on)
                ),
                italic=True,
            )
        if self._skilling is not None:
            # Under the Solutions Partner program: why a person's exams count for nothing.
            reason = self._skilling.why_nothing(str(record.get("mcp_id", "")))
            if reason:
                return RowStyle(tooltip=reason)
        return None

    def _person_chosen(self, record: Record | None) -> None:
        """Shows the chosen person's exams, the heading says whose, with a way to see all."""
        if record is None:
            self.exams.proxy.set_fixed_filter(None)
            self.exams.set_heading(
                self.tr("Exams, assessments and certifications of everyone ({count})").format(
                    count=count_text.count(self.exams.model.rowCount())
                )
            )
            return
        self.exams.proxy.set_fixed_filter("person_id", record["id"])
        self.exams.set_heading(
            self.tr(
                "Exams, assessments and certifications of {person} ({shown} of {count})"
            ).format(
                person=_person_label(record),
                shown=count_text.count(self.exams.proxy.rowCount()),
                count=count_text.count(self.exams.model.rowCount()),
            ),
            self.tr("Show everyone's"),
        )

    def show_everyones_exams(self) -> None:
        """Shows every exam record: no person chosen above."""
        self.people.view.clearSelection()
        self.people.view.setCurrentIndex(self.people.proxy.index(-1, -1))
        self._person_chosen(None)

    # -- exams ------------------------------------------------------------

    def _describe_exam(self, record: Record) -> str:
        person = self._people_names.get(record.get("person_id", -1), "")
        return f"{record.get('exam_code', '')} {person}".strip()

    def _new_exam(self) -> Mapping[str, Any] | None:
        if not self._people_names:
            # The Person list would be empty: say so, and offer to add the person first.
            if not offer_to_add_first(
                self,
                self.tr(
                    "Nobody is in the People list yet, and an exam is recorded for a person. "
                    "Add the person first?"
                ),
                self.tr("Add &person…"),
            ):
                return None
            self.people.add_record()
            if not self._people_names:
                return None
        person = self.people.selected_record()
        values: dict[str, Any] = {} if person is None else {"person_id": person["id"]}
        if self._suggested_code:
            values["exam_code"] = self._suggested_code
            known = self._known_exam(self._suggested_code)
            if known is not None:
                if known.title:
                    values["exam_title"] = known.title
                values["kind"] = known.kind
        return values

    def add_missing(self, competency_id: str, _level: Level) -> None:
        """Add exam for a competency's missing person; its code filled when the competency
        accepts one code only (else the form's completions list them)."""
        codes = sorted(exam_codes_of(self.context.catalog, competency_id))
        self._suggested_code = codes[0] if len(codes) == 1 else ""
        try:
            self.exams.add_record()
        finally:
            self._suggested_code = ""

    def open_lead(self, lead: Lead) -> None:
        """Add exam for a designation's missing certification: the first exam that earns it
        filled in, the Person field focused (who passed it is what is left to say)."""
        self._suggested_code = lead.code
        self._lead = lead
        try:
            self.exams.add_record()
        finally:
            self._suggested_code = ""
            self._lead = None

    def _say_what_counts(self, form: RecordForm, lead: Lead) -> None:
        """Above an Add exam opened for a designation: which certification the exam earns."""
        if not lead.code:
            return
        form.add_note(
            self.tr("{code} earns {certification}, which {metric} counts.").format(
                code=lead.code, certification=lead.certification, metric=lead.metric_name
            ),
            "leadNote",
        )

    def _expand_exam_edit(self, record: Record, field: Field, value: object) -> dict[str, object]:
        values: dict[str, object] = {field.key: value}
        if field.key != "exam_code" or not isinstance(value, str):
            return values
        known = self._known_exam(value)
        old = self._known_exam(str(record.get("exam_code", "")))
        title = str(record.get("exam_title") or "")
        if known is not None and (not title or (old is not None and title == old.title)):
            # The title followed the old code: it follows the new one too.
            values["exam_title"] = known.title
            values["kind"] = known.kind
        return values

    def _known_exam(self, code: str) -> CredentialChoice | None:
        """The credential of ``code`` with its title: the 2017-2018 catalogue's, or the
        Solutions Partner catalogues' (the certification the exam earns by itself)."""
        if self._designation_titles is None:
            self._designation_titles = designation_exam_titles(self.context.scored_catalogs)
        return find_exam(self.context.catalog, self._designation_titles, code)

    def _link_code_to_title(self, form: RecordForm) -> None:
        if self._lead is not None:
            form.editor("person_id").setFocus()
            self._say_what_counts(form, self._lead)
        code = form.editor("exam_code")
        if self.context.scores_designations() and isinstance(code, ValidatingLineEdit):
            code.setPlaceholderText("AZ-104")  # an exam of the program in force, not 70-533
        title = form.editor("exam_title")
        kind = form.editor("kind")
        filled: dict[str, str] = {"title": ""}

        def fill() -> None:
            if not isinstance(code, ValidatingLineEdit) or not isinstance(
                title, ValidatingLineEdit
            ):
                return
            known = self._known_exam(code.text())
            if known is None:
                return
            if not title.text() or title.text() == filled["title"]:
                title.set_value(known.title)  # shown from its start, not its end
                filled["title"] = known.title
                if isinstance(kind, ChoiceComboBox):
                    kind.set_value(known.kind)

        code.edited.connect(fill)


def exam_codes_of(catalog: Catalog, competency_id: str) -> set[str]:
    """Every credential code a role of the competency accepts, in any of its options."""
    competency = next((item for item in catalog.competencies if item.id == competency_id), None)
    if competency is None:
        return set()
    return {
        code
        for option in competency.options
        for role in option.skills.roles
        for code in role.credentials.codes()
    }


def _person_label(record: Record) -> str:
    name = str(record.get("name") or "")
    mcp_id = str(record.get("mcp_id") or "")
    return f"{name} ({mcp_id})" if name else mcp_id
