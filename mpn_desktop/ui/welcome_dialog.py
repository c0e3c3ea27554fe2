"""First run on an empty database: the organisation, its market and anniversary, and its targets
(competencies and their levels, Solutions Partner designations)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette, QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QGridLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from mpn_desktop.domain.designations import DESIGNATION_IDS, short_name
from mpn_desktop.domain.enums import Level, Market
from mpn_desktop.domain.fee import membership_year
from mpn_desktop.domain.identifiers import is_mpn_id
from mpn_desktop.lazy_modules import LazyModule
from mpn_desktop.store import records_sqlite
from mpn_desktop.store.changes import OpResult
from mpn_desktop.ui import locale_text
from mpn_desktop.ui.context import AppContext
from mpn_desktop.ui.editors.date_field import DateField
from mpn_desktop.ui.qt_dates import typed_day
from mpn_desktop.ui.screen_fit import resize_to_fit
from mpn_desktop.ui.status_text import semantic_colors

if TYPE_CHECKING:
    from mpn_desktop.store import records
else:
    records = LazyModule("mpn_desktop.store.records")  # SQLAlchemy's ORM: when saving

SampleLoader = Callable[[], OpResult[None]]
"""Fills the database with the sample organisation and returns what changed."""


class WelcomeDialog(QDialog):
    """Asks for the organisation and what it aims for, or loads the sample organisation.

    Each field says what is wrong next to it as the user types; "Create" stays
    disabled until everything is right. Accepting writes the organisation and
    its targets through ``context.run`` (not onto the undo stack: there is
    nothing before it to go back to).
    """

    def __init__(
        self,
        context: AppContext,
        parent: QWidget | None = None,
        *,
        load_sample: SampleLoader | None = None,
    ) -> None:
        super().__init__(parent)
        self._context = context
        self._load_sample = load_sample
        self._targets_touched = False
        self._risk_color = semantic_colors(self.palette()).risk.name()
        self._hint_color = self.palette().color(QPalette.ColorRole.PlaceholderText).name()
        self.setObjectName("welcomeDialog")
        self.setWindowTitle(self.tr("Welcome to the MPN Competency Tracker"))
        layout = QVBoxLayout(self)
        self.intro = QLabel(
            self.tr(
                "Tell the tracker about your organisation and what it aims for: cloud "
                "competencies (2017-2018) or Solutions Partner designations (from October "
                "2022). You can change all of this later (Edit ▸ Organisation and targets)."
            ),
            self,
        )
        self.intro.setWordWrap(True)
        layout.addWidget(self.intro)
        # The form scrolls on a small screen (1024x700 at 150% is 683x467 points), the
        # intro and the buttons stay in view.
        form = QWidget(self)
        boxes = QVBoxLayout(form)
        boxes.setContentsMargins(0, 0, 0, 0)
        boxes.addWidget(self._organisation_box())
        # Today's program: a designation may be the only target. On a day under it the
        # designations come first (made first: the Tab key's order too): at the first-start
        # size the box after the organisation's is all that is seen, and a partner starting
        # today met the 2017-2018 competencies.
        if context.scores_designations():
            boxes.addWidget(self._designation_checks())
            boxes.addWidget(self._targets_box())
        else:
            boxes.addWidget(self._targets_box())
            boxes.addWidget(self._designation_checks())
        self.form_area = QScrollArea(self)
        self.form_area.setObjectName("welcomeForm")
        self.form_area.setWidgetResizable(True)
        self.form_area.setFrameShape(QFrame.Shape.NoFrame)
        self.form_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.form_area.setWidget(form)
        layout.addWidget(self.form_area, 1)
        self.buttons = QDialogButtonBox(self)
        self.create_button = self.buttons.addButton(
            self.tr("&Create organisation"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.create_button.setObjectName("createOrganisationButton")
        self.sample_button = QPushButton(self.tr("Load the &sample organisation"), self)
        self.sample_button.setObjectName("loadSampleButton")
        self.sample_button.setToolTip(
            self.tr("Fills the database with Contoso Cloud Ltd, a made-up partner, to look around.")
        )
        self.sample_button.setEnabled(load_sample is not None)
        self.buttons.addButton(self.sample_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.sample_button.clicked.connect(self._accept_sample)
        layout.addWidget(self.buttons)
        self.loaded_sample = False
        self._revalidate()
        # Room for the longest competency name beside its level, and for the intro to breathe.
        self.setMinimumWidth(max(self.sizeHint().width(), form.sizeHint().width(), 520))
        self._fitted = False

    def showEvent(self, event: QShowEvent) -> None:
        """The first time: as high as the whole form where the screen has room (the scroll
        area alone asks for less), measured once laid out in the fonts it is shown in."""
        super().showEvent(event)
        if self._fitted:
            return
        self._fitted = True
        form = self.form_area.widget()
        if form is None:
            return
        # Wrapped lines (the designations' note) at the width they get, not at a guess.
        needed = form.heightForWidth(self.form_area.viewport().width())
        needed = needed if needed > 0 else form.sizeHint().height()
        extra = needed - self.form_area.height()
        if extra > 0:
            resize_to_fit(self, (self.width(), self.height() + extra))

    # --- building -------------------------------------------------------------------------

    def _message_label(self, name: str) -> QLabel:
        label = QLabel(self)
        label.setObjectName(name)
        label.setWordWrap(True)
        color = semantic_colors(self.palette()).risk
        label.setStyleSheet(f"color: {color.name()}")
        return label

    def _organisation_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Your organisation"), self)
        form = QFormLayout(box)
        self.name_edit = QLineEdit(box)
        self.name_edit.setObjectName("organisationName")
        self.name_edit.setAccessibleName(self.tr("Organisation name"))
        self.name_edit.setPlaceholderText(self.tr("Contoso Cloud Ltd"))
        self.name_edit.setMaxLength(200)
        self.name_message = self._message_label("organisationNameMessage")
        form.addRow(self.tr("&Name:"), self.name_edit)
        form.addRow("", self.name_message)
        self.mpn_edit = QLineEdit(box)
        self.mpn_edit.setObjectName("mpnId")
        self.mpn_edit.setAccessibleName(self.tr("MPN ID"))
        self.mpn_edit.setPlaceholderText("4123456")
        self.mpn_edit.setMaxLength(10)
        self.mpn_message = self._message_label("mpnIdMessage")
        form.addRow(self.tr("&MPN ID:"), self.mpn_edit)
        form.addRow("", self.mpn_message)
        self.market_combo = QComboBox(box)
        self.market_combo.setObjectName("market")
        self.market_combo.setAccessibleName(self.tr("Market"))
        self.market_combo.addItem(self.tr("Developed market"), Market.DEVELOPED)
        self.market_combo.addItem(self.tr("Developing market"), Market.DEVELOPING)
        market_help = self.tr(
            "Whether Microsoft counts your country as a developed or a developing market; "
            "Partner Center shows it for your location (ask your Microsoft partner contact "
            "when unsure). Developing markets have lower sales thresholds for some "
            "competencies: Cloud Platform silver needs US$ 10,000 of Azure consumption "
            "there instead of US$ 15,000."
        )
        self.market_combo.setToolTip(market_help)
        self.market_combo.setWhatsThis(market_help)
        form.addRow(self.tr("Mar&ket:"), self.market_combo)
        # Empty until the user types it: today's date, offered before, was accepted
        # unread and made the fee due today and unpaid at once.
        self.anniversary_edit = DateField(box, optional=True)
        self.anniversary_edit.setObjectName("anniversary")
        self.anniversary_edit.setAccessibleName(self.tr("Membership anniversary"))
        about = self.tr(
            "The day your membership year starts each year: the day your organisation "
            "joined or last renewed, shown in Partner Center (Account settings > "
            "Legal info, or the Membership page). The yearly fee is due on it."
        )
        self.anniversary_edit.setToolTip(about)
        self.anniversary_edit.setWhatsThis(about)
        # Short beside the field (a long note was squeezed out of a small screen); all of it
        # in the tooltip and What's This.
        self.anniversary_note = QLabel(
            self.tr("When your membership year starts; the yearly fee is due on it."), box
        )
        self.anniversary_note.setObjectName("anniversaryNote")
        self.anniversary_note.setWordWrap(True)
        self.anniversary_note.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        # Which year the program counts was not said: typing the coming renewal day
        # (2027-03-01 on 2026-12-06) gives the year it closes (2026-03-01 to 2027-02-28).
        self.membership_year_hint = QLabel(box)
        self.membership_year_hint.setObjectName("membershipYearHint")
        self.membership_year_hint.setWordWrap(True)
        self.membership_year_hint.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self._show_membership_year()
        self.anniversary_message = self._message_label("anniversaryMessage")
        form.addRow(self.tr("&Anniversary:"), self.anniversary_edit)
        form.addRow("", self.anniversary_note)
        form.addRow("", self.membership_year_hint)
        form.addRow("", self.anniversary_message)
        self.anniversary_edit.textChanged.connect(self._revalidate)
        self.name_edit.textChanged.connect(self._revalidate)
        self.mpn_edit.textChanged.connect(self._revalidate)
        return box

    def _targets_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Competencies to aim for"), self)
        box.setObjectName("competencyTargets")
        grid = QGridLayout(box)
        grid.setColumnStretch(0, 1)
        self.target_combos: dict[str, QComboBox] = {}
        row = 0
        for competency in self._context.catalog.competencies:
            if competency.retired:
                continue
            label = QLabel(competency.name, box)
            combo = QComboBox(box)
            combo.setObjectName(f"target-{competency.id}")
            combo.setAccessibleName(
                self.tr("Level to aim for in {name}").format(name=competency.name)
            )
            combo.addItem(self.tr("Not a target"), None)
            combo.addItem(self.tr("Silver"), Level.SILVER)
            combo.addItem(self.tr("Gold"), Level.GOLD)
            label.setBuddy(combo)
            combo.currentIndexChanged.connect(self._target_chosen)
            grid.addWidget(label, row, 0)
            grid.addWidget(combo, row, 1)
            self.target_combos[competency.id] = combo
            row += 1
        self.targets_message = self._message_label("targetsMessage")
        grid.addWidget(self.targets_message, row, 0, 1, 2)
        return box

    def _designation_checks(self) -> QGroupBox:
        box = QGroupBox(
            self.tr("Solutions Partner designations to aim for (from October 2022)"), self
        )
        box.setObjectName("designationTargets")
        grid = QGridLayout(box)
        self.designation_checks: dict[str, QCheckBox] = {}
        for index, designation_id in enumerate(DESIGNATION_IDS):
            # "Data & AI": a single & would be taken as the key of a mnemonic.
            check = QCheckBox(short_name(designation_id, "").replace("&", "&&"), box)
            check.setObjectName(f"designation-{designation_id}")
            check.toggled.connect(self._target_chosen)
            grid.addWidget(check, index // 2, index % 2)
            self.designation_checks[designation_id] = check
        hint = QLabel(
            self.tr(
                "With none ticked, the 2017-2018 competency targets carry over to their "
                "designations on days from October 2022 (Cloud Platform to Infrastructure, Cloud "
                "Productivity and Small and Midmarket to Modern Work, Cloud CRM to Business "
                "Applications, Enterprise Mobility Management to Security)."
            ),
            box,
        )
        hint.setWordWrap(True)
        grid.addWidget(hint, (len(DESIGNATION_IDS) + 1) // 2, 0, 1, 2)
        return box

    def designations(self) -> tuple[str, ...]:
        """The designations ticked, in the program's order."""
        return tuple(d for d, check in self.designation_checks.items() if check.isChecked())

    # --- validation -----------------------------------------------------------------------

    def name_problem(self) -> str:
        """What is wrong with the name, or an empty string."""
        if not self.name_edit.text().strip():
            return self.tr("Enter your organisation's name.")
        return ""

    def mpn_id_problem(self) -> str:
        """What is wrong with the MPN ID, or an empty string."""
        text = self.mpn_edit.text().strip()
        if not text:
            return self.tr("Enter your MPN ID (Partner Center ▸ Account settings).")
        if not is_mpn_id(text):
            return self.tr("An MPN ID is 4 to 10 digits, such as 4123456.")
        return ""

    anniversary_required = True
    """A new organisation needs it (the fee is worked out from it); a saved one may lack it."""

    def anniversary_problem(self) -> str:
        """What is wrong with the anniversary, or an empty string."""
        if not self.anniversary_edit.text().strip():
            if not self.anniversary_required:
                return ""
            return self.tr("Enter your membership anniversary (the day your fee is due).")
        return self.anniversary_edit.problem()

    def targets(self) -> dict[str, Level]:
        """The chosen competency ids and levels."""
        chosen: dict[str, Level] = {}
        for competency_id, combo in self.target_combos.items():
            level = combo.currentData()
            if isinstance(level, Level):
                chosen[competency_id] = level
        return chosen

    def targets_problem(self) -> str:
        """What is wrong with the targets, or an empty string."""
        if not self.targets() and not self.designations():
            return self.tr(
                "Choose at least one competency and its level, or a designation, to aim for."
            )
        return ""

    def _revalidate(self) -> None:
        # Say nothing about a field the user has not touched yet: a fresh form
        # full of red reads as a scolding.
        name = self.name_problem()
        mpn = self.mpn_id_problem()
        targets = self.targets_problem()
        anniversary = self.anniversary_problem()
        self._show_membership_year()
        # Said once something was typed; an empty field waits with its note above.
        typed = bool(self.anniversary_edit.text().strip())
        self.anniversary_message.setText(anniversary if typed else "")
        self.anniversary_message.setVisible(bool(self.anniversary_message.text()))
        self.name_message.setText(name if self.name_edit.isModified() else "")
        self.name_message.setVisible(bool(self.name_message.text()))
        self.mpn_message.setText(mpn if self.mpn_edit.isModified() else "")
        self.mpn_message.setVisible(bool(self.mpn_message.text()))
        self.targets_message.setText(targets)
        # Untouched, the line is a hint that says why Create waits; once the user has
        # chosen and then cleared every target, it is a problem like the others.
        color = self._risk_color if self._targets_touched else self._hint_color
        self.targets_message.setStyleSheet(f"color: {color}")
        self.create_button.setEnabled(not (name or mpn or targets or anniversary))

    def _show_membership_year(self) -> None:
        """The membership year the anniversary typed gives on the as-of day, or how it is found."""
        typed = typed_day(self.anniversary_edit.text().strip())
        year = membership_year(typed, self._context.as_of) if typed is not None else None
        if year is None:
            self.membership_year_hint.setText(
                self.tr(
                    "The membership year is worked out from it: the one holding today that "
                    "starts on its day and month (the year typed does not matter)."
                )
            )
            return
        self.membership_year_hint.setText(
            self.tr("The membership year worked out from it: {start} to {end}.").format(
                start=locale_text.day(year.start), end=locale_text.day(year.end)
            )
        )

    def _target_chosen(self) -> None:
        self._targets_touched = True
        self._revalidate()

    # --- results --------------------------------------------------------------------------

    def organisation_values(self) -> dict[str, object]:
        """The organisation's fields as the store takes them."""
        self.anniversary_edit.commit()  # what was typed, even before the field was left
        return {
            "name": self.name_edit.text().strip(),
            "mpn_id": self.mpn_edit.text().strip(),
            "market": self.market_combo.currentData(),
            "anniversary": self.anniversary_edit.day(),
        }

    def accept(self) -> None:
        """Writes the organisation and its targets; stays open when the store refuses."""
        if not self.create_button.isEnabled():
            return
        values = self.organisation_values()
        targets = self.targets()
        designations = self.designations()
        db = self._context.db
        # One transaction: a refused target leaves no organisation without its targets.
        saved = self._context.run(
            lambda: records.set_organization_and_targets(
                db, values, targets, designations=designations
            ),
            failure=self.tr("The organisation was not saved."),
        )
        if saved is None:
            return
        super().accept()

    def _accept_sample(self) -> None:
        if self._load_sample is None:
            return
        if self._context.run(self._load_sample, failure=self.tr("The sample was not loaded.")):
            self.loaded_sample = True
            super().accept()


def needs_welcome(context: AppContext) -> bool:
    """Whether the open database has no organisation yet (first run or a new file)."""
    return records_sqlite.get_organization(context.db) is None


def sample_loader(context: AppContext) -> SampleLoader:
    """Loads the sample organisation, dated around the "as of" day, into the open database."""
    from mpn_desktop.store.sample import load_sample

    return lambda: load_sample(context.db, context.as_of)
