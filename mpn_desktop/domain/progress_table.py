"""``Progress`` as one flat table (a row per step of each level), for spreadsheets.

The workbook's ``Status`` sheet is this table: plain values (dates, numbers,
true/false, text), one row per step of the option used at each level of every
targeted competency, and one row per measure of a step that has several.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from decimal import Decimal

from mpn_desktop.domain.progress import CompetencyProgress, LevelProgress, Progress, StepProgress

Cell = str | date | Decimal | bool | None

STATUS_COLUMNS = (
    "as_of",
    "competency",
    "name",
    "target",
    "level",
    "attained",
    "option",
    "step",
    "description",
    "met",
    "have",
    "need",
    "unit",
    "missing",
)


def progress_rows(progress: Progress) -> Iterator[tuple[Cell, ...]]:
    """The rows of the status table, in the order of ``STATUS_COLUMNS``."""
    for item in progress.targeted:
        for level in item.levels:
            for step in level.steps:
                yield _row(progress.as_of, item, level, step)
                for part in step.parts:
                    yield _row(progress.as_of, item, level, part, kind=step)


def _row(
    as_of: date,
    item: CompetencyProgress,
    level: LevelProgress,
    step: StepProgress,
    kind: StepProgress | None = None,
) -> tuple[Cell, ...]:
    return (
        as_of,
        item.id,
        item.name,
        item.target.value if item.target else None,
        level.level.value,
        level.attained,
        level.option.name,
        (kind or step).step.value,
        step.description,
        step.met,
        step.have,
        step.need,
        step.unit,
        "; ".join(step.missing),
    )
