"""The Solutions Partner checklist's qualification block reads as a reader takes it: the
cheapest way under the track that counts (it followed the last track's line, the other
track's, and read as that track's way), its steps numbered ("Cheapest way to 70 (1 of 3)":
each repeating the same heading read as several ways), the classification a sentence of its
own, and the window's rule, the same for every designation of the day, said once in the notes
about the figures rather than four lines in each designation's block."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from mpn_desktop.domain.facts import Organization
from mpn_desktop.domain.qualification_window import QualificationWindow, WindowStatus
from mpn_desktop.domain.requirement_tree import NodeKind, RequirementNode, RequirementTree
from mpn_desktop.programs import shipped_scored_catalogs
from mpn_desktop.reports.checklist import Checklist, LevelBlock
from mpn_desktop.reports.designation_checklist import build_designation_checklist

DAY = date(2026, 10, 15)
ORGANIZATION = Organization(name="Large Partner Ltd", mpn_id="9000001")
RULE = "From 2023-09-19 a qualification counts on any day of the window (PCS24)."
CLASSIFIED = "SMB track by Partner Center's classification: 0 workloads (5 or more make Enterprise)"
WAY = ("Intermediate certifications: 2 more people (+8 points)", "Deployments: 1 more service")


def _designation(id_: str, *, tracks: bool, way: tuple[str, ...] = WAY) -> RequirementNode:
    window = QualificationWindow(date(2026, 5, 1), DAY, False, RULE, WindowStatus.IN_PROGRESS)
    other = RequirementNode(
        kind=NodeKind.DESIGNATION,
        id=id_,
        label=id_,
        met=False,
        points=Decimal(57),
        max_points=Decimal(100),
        way="enterprise",
    )
    return RequirementNode(
        kind=NodeKind.DESIGNATION,
        id=id_,
        label=id_,
        met=False,
        points=Decimal(65),
        max_points=Decimal(100),
        need=Decimal(70),
        targeted=True,
        way="smb" if tracks else "",
        alternatives=(other,) if tracks else (),
        window=window,
        suggestion=way,
        notes=(CLASSIFIED,),
    )


def _checklist(*designations: RequirementNode) -> Checklist:
    tree = RequirementTree(
        program="solutions-partner",
        as_of=DAY,
        organization=ORGANIZATION,
        requirements=designations,
    )
    catalog = shipped_scored_catalogs()[-1]
    return build_designation_checklist(catalog, tree, ORGANIZATION, printed_on=DAY)


def _window(document: Checklist, section: int = 0) -> LevelBlock:
    return document.sections[section].levels[-1]


def test_the_cheapest_way_is_under_the_track_that_counts_its_steps_numbered() -> None:
    block = _window(_checklist(_designation("infrastructure-azure", tracks=True)))
    counting, other = block.lines
    assert counting.description == "counts"
    assert counting.actions == (
        "Cheapest way to 70 (1 of 2): Intermediate certifications: 2 more people (+8 points)",
        "Cheapest way to 70 (2 of 2): Deployments: 1 more service",
    )
    assert other.actions == () and block.actions == ()


def test_without_tracks_the_way_follows_the_window_and_one_step_is_not_numbered() -> None:
    block = _window(_checklist(_designation("security", tracks=False, way=WAY[:1])))
    assert block.lines == ()
    assert block.actions == (
        "Cheapest way to 70: Intermediate certifications: 2 more people (+8 points)",
    )


def test_the_window_s_rule_is_said_once_and_the_classification_is_a_sentence() -> None:
    document = _checklist(
        _designation("infrastructure-azure", tracks=True), _designation("security", tracks=False)
    )
    for section in (0, 1):
        about = _window(document, section).option
        assert RULE not in about
        assert f"{CLASSIFIED}." in about
    assert document.catalog_notes.count(RULE) == 1
