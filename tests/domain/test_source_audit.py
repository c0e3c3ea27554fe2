"""The shipped catalogue against its sources (REQUIREMENTS.md, the seed, the Partner Center pages).

Each test pins a point where the catalogue once disagreed with a source or
was silent where the source is unsure.
"""

from __future__ import annotations

from domain_builders import PLATFORM, PRODUCTIVITY, SILVER, facts, reference, run, step_of

from mpn_desktop.domain.catalog import Catalog
from mpn_desktop.domain.enums import StepKind


def test_70_534_and_70_535_share_their_title_as_in_the_source(catalog: Catalog) -> None:
    # pc-cloud-platform: "Exam 70-534: Architecting Microsoft Azure Solutions*" and
    # "Exam 70-535: Architecting Microsoft Azure Solutions". With a title of its own, an
    # import by title alone took a 70-534 pass for 70-535, which stays accepted after 2018.
    found = catalog.find_credentials_by_title("Architecting Microsoft Azure Solutions")
    assert sorted(item.code for item in found) == ["70-534", "70-535"]
    # The former title still finds 70-534.
    old = catalog.find_credentials_by_title(
        "Architecting Microsoft Azure Solutions (retired 2017-12-31)"
    )
    assert [item.code for item in old] == ["70-534"]


def test_the_reference_counts_carry_the_seed_s_typically(catalog: Catalog) -> None:
    # Seed: "Typically, a silver competency requires three customer references and a gold
    # competency requires five." The competency pages list no reference requirement.
    for competency in catalog.cloud_competencies:
        assert competency.references is not None
        assert "typically" in competency.references.note, competency.id


def test_the_references_step_shows_that_note(catalog: Catalog) -> None:
    step = step_of(
        run(catalog, facts(refs=[reference(PLATFORM)])), PLATFORM, SILVER, StepKind.REFERENCES
    )
    assert any("typically" in note and "source:" in note for note in step.notes)


def test_productivity_notes_that_entitlements_are_counted_per_workload(catalog: Catalog) -> None:
    # pc-cloud-productivity: "Active entitlements measures the count of active users on a
    # specific workload"; whether a user on two workloads counts twice is not said.
    measure = catalog.competency(PRODUCTIVITY).options[0].performance.measures[0]
    assert "does not say over which period" in measure.note
    assert "specific workload" in measure.note


def test_the_retired_crm_competency_says_it_is_the_on_premises_one(catalog: Catalog) -> None:
    # REQUIREMENTS.md: "Customer Relationship Management (on-premises)", not Cloud CRM.
    progress = run(catalog, facts(targets=[("customer-relationship-management", SILVER)]))
    retired = progress.competency("customer-relationship-management")
    assert retired.retired
    assert "on-premises" in retired.notes[0]
    assert any("2018-01-31" in note for note in retired.notes)
