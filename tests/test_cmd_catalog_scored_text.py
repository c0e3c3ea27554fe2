"""``catalog`` of each shipped Solutions Partner catalogue reads as the window's Help >
Requirements does: the certifications one a line with their exams and the days they count
until, thresholds in their units (US$ before an amount), the fee, each metric's note, then the
windows, readings and sources.

Before: a metric's certifications in one line of names without exams ("4 points per person
with: Azure Network Engineer Associate, Azure Stack Hub Operator Associate, ..."), "1 points
per person", "25,000 USD for full points", no fee, no metric notes, no sources, and the dates
a retiring certification stops counting nowhere.
"""

from __future__ import annotations

import pytest

from mpn_desktop.cli import main
from mpn_desktop.commands.scored_catalog_text import scored_catalog_lines
from mpn_desktop.commands.text_lines import TextLine, wrap_lines
from mpn_desktop.programs import shipped_scored_catalogs

DAYS = {"2022-10": "2022-10-15", "2023-06": "2023-08-15", "2026-05": "2026-12-07"}


def _listed(capsys: pytest.CaptureFixture[str], *options: str) -> list[str]:
    assert main(["catalog", *options]) == 0
    return capsys.readouterr().out.splitlines()


@pytest.mark.parametrize("catalog", shipped_scored_catalogs(), ids=lambda c: c.version)
def test_every_certification_is_on_its_own_line_with_its_exams_and_dates(
    capsys: pytest.CaptureFixture[str], catalog: object
) -> None:
    from mpn_desktop.domain.designations import ScoredCatalog

    assert isinstance(catalog, ScoredCatalog)
    lines = _listed(capsys, "--as-of", DAYS[catalog.version])
    assert lines[0].endswith(
        f"{catalog.version} (in force {catalog.effective_from} to "
        + (f"{catalog.effective_until})" if catalog.effective_until else "today)")
    )
    assert "Fee: US$ 4,730 a year, one fee however many designations." in lines
    for designation in catalog.designations:
        for track in designation.tracks:
            for metric in track.metrics:
                if metric.skilling is None:
                    continue
                for entry in metric.skilling.certifications:
                    cert = catalog.certifications[entry.certification]
                    shown = [line for line in lines if line.startswith(f"        {cert.name}")]
                    assert shown, cert.name
                    if cert.exams:
                        assert all(f"({' + '.join(cert.exams[0])}" in s for s in shown)
                    if cert.eligible_until is not None:
                        assert all(f"counts until {cert.eligible_until}" in s for s in shown)
    assert not [line for line in lines if " 1 points" in line or " USD " in line]
    # The rules first, then what the tracker reads into them, then where they come from.
    first_reading = next(i for i, line in enumerate(lines) if line.startswith("Reading: "))
    last_designation = max(i for i, line in enumerate(lines) if line.startswith("Solutions"))
    assert last_designation < first_reading < lines.index("Sources:")
    assert len([line for line in lines if line.startswith("Reading: ")]) == len(catalog.readings)


def test_the_2026_catalogue_names_thresholds_steps_and_notes(
    capsys: pytest.CaptureFixture[str],
) -> None:
    lines = _listed(capsys, "--as-of", "2026-12-07")
    assert (
        "      US$ 25,000 for full points: growth of Azure security consumption, through PAL or CSP"
    ) in lines
    assert (
        "      step 1: 1 person with Azure Security Engineer Associate (AZ-500; counts until "
        "2027-08-31) or Cloud and AI Security Engineer Associate (SC-500), worth 4 points"
    ) in lines
    assert "      8 points per person with any of:" in lines
    assert (
        "        Information Protection Administrator Associate (SC-400; counts until 2026-05-31)"
        in lines
    )
    assert any(
        line.startswith("      note: SMB track: each prerequisite step met") for line in lines
    )
    assert any(
        line.startswith("  SEC26: Partner Center: Solutions Partner for Security") for line in lines
    )


def test_a_certification_leaving_a_metric_s_list_says_until_when(
    capsys: pytest.CaptureFixture[str],
) -> None:
    lines = _listed(capsys, "--as-of", "2023-08-15")
    assert (
        "        Power Platform App Maker Associate (PL-100; on the list until 2023-11-30)"
    ) in lines


def test_german(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--language", "de", "catalog", "--as-of", "2026-12-07"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert (
        "      volle Punktzahl bei 2.500 Benutzern: Wachstum der geschützten Benutzer von "
        "Microsoft 365-Sicherheits-Workloads, über CPOR oder CSP"
    ) in lines
    assert "      8 Punkte je Person mit einer dieser Zertifizierungen:" in lines
    assert (
        "      Schritt 2: 1 Person mit Security Operations Analyst Associate (SC-200), "
        "4 Punkte wert"
    ) in lines
    assert (
        "        Information Protection Administrator Associate (SC-400; zählt bis 31.05.2026)"
        in lines
    )


def test_on_a_terminal_a_long_line_wraps_under_its_own_text() -> None:
    catalog = shipped_scored_catalogs()[-1]
    lines = scored_catalog_lines(catalog, ())
    reading = next(
        line for line in lines if isinstance(line, TextLine) and line.text.startswith("Reading: ")
    )
    wrapped = wrap_lines([reading], 60)
    assert len(wrapped) > 1
    assert all(line.startswith(" " * len("Reading: ")) for line in wrapped[1:])
    # Words are never broken: a line runs past the width only with one word too long.
    for line in wrap_lines(lines, 60):
        assert len(line) < 60 or " " not in line.strip(), line


def test_a_step_of_three_certifications_reads_as_one_list_of_alternatives() -> None:
    """ "A, B or C", as the status sentences list them (wording.or_list), not "A or B or C"."""
    from dataclasses import replace

    from mpn_desktop.commands.scored_catalog_text import _certification

    catalog = shipped_scored_catalogs()[-1]
    designations = list(catalog.designations)
    at, designation, track, metric = next(
        (i, d, t, m)
        for i, d in enumerate(designations)
        for t in d.tracks
        for m in t.metrics
        if m.skilling is not None and len(m.skilling.prerequisites) > 1
    )
    assert metric.skilling is not None
    first, second, *rest = metric.skilling.prerequisites
    finals = metric.skilling.certifications
    three = replace(first, certifications=(first.certifications[0], *finals[:2]))
    skilling = replace(metric.skilling, prerequisites=(three, second, *rest))
    metrics = tuple(replace(m, skilling=skilling) if m is metric else m for m in track.metrics)
    tracks = tuple(replace(t, metrics=metrics) if t is track else t for t in designation.tracks)
    designations[at] = replace(designation, tracks=tracks)
    lines = scored_catalog_lines(replace(catalog, designations=tuple(designations)), ())
    a, b, c = (_certification(catalog, entry) for entry in three.certifications)
    assert any(f"with {a}, {b} or {c}" in str(line) for line in lines)
