"""A damaged database's report stays short enough for the advice after it to be read."""

from __future__ import annotations

from mpn_desktop.store.sqlite_files import REPORTED_PROBLEMS, damage_report


def test_a_row_of_many_lines_gives_its_first_problems_and_says_more_follow() -> None:
    row = "\n".join(f"On tree page 19 cell {cell}: invalid page number" for cell in range(90))

    report = damage_report(["*** in database main ***\n" + row])

    assert report.split("; ")[:REPORTED_PROBLEMS] == [
        "*** in database main ***",
        "On tree page 19 cell 0: invalid page number",
        "On tree page 19 cell 1: invalid page number",
    ]
    assert report.endswith("; …")
    assert len(report) < 200


def test_a_short_report_is_repeated_whole() -> None:
    assert damage_report(["row 3 missing from index ix_a", "wrong # of entries"]) == (
        "row 3 missing from index ix_a; wrong # of entries"
    )


def test_a_very_long_problem_is_cut() -> None:
    report = damage_report(["x" * 5000])

    assert report == "x" * 200 + "…"
