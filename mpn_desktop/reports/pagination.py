"""Splitting a column of measured blocks into pages (pure Python, no Qt).

A block is one unbreakable piece (a heading, a row, a detail line). A block
marked ``keep_with_next`` goes on the page of the block after it, so a heading
is never left at the foot of a page. Footnotes referenced on a page are printed
at its foot, so their height is taken from the page as it fills. When a page
starts inside a section, the section's name is repeated ("continued").
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class BlockSize:
    """What pagination needs to know of a block."""

    height: float
    space_before: float = 0.0
    keep_with_next: bool = False
    footnotes: tuple[int, ...] = ()
    continued: str = ""
    """The label repeated at the top of a page that starts with this block ("" for none)."""


@dataclass(slots=True)
class Page:
    """The blocks on one page: (block index, top) pairs, its footnotes, its continued label."""

    placements: list[tuple[int, float]] = field(default_factory=list)
    footnotes: list[int] = field(default_factory=list)
    continued: str = ""


def _groups(blocks: Sequence[BlockSize]) -> list[range]:
    """Runs of blocks that must share a page: each keep_with_next block with the next one."""
    groups: list[range] = []
    start = 0
    for index, block in enumerate(blocks):
        if not block.keep_with_next or index == len(blocks) - 1:
            groups.append(range(start, index + 1))
            start = index + 1
    return groups


def paginate(
    blocks: Sequence[BlockSize],
    *,
    first_body: tuple[float, float],
    body: tuple[float, float],
    footnotes_height: Callable[[Sequence[int]], float],
    continued_height: float,
) -> list[Page]:
    """Places every block once, in order, on as many pages as needed.

    ``first_body`` and ``body`` are the (top, bottom) of the text area of the
    first page and of the others; ``footnotes_height`` gives the height the
    footnotes with those numbers take at a page's foot.
    """
    pages = [Page()]
    top, bottom = first_body
    y = top

    def new_page(continued: str) -> None:
        nonlocal top, bottom, y
        pages.append(Page(continued=continued))
        top, bottom = body
        y = top + (continued_height if continued else 0.0)

    def fits(members: Sequence[int], at: float) -> bool:
        page = pages[-1]
        height = _height(blocks, members, at_top=at == _page_top(page, top, continued_height))
        notes = list(page.footnotes)
        for index in members:
            notes += [number for number in blocks[index].footnotes if number not in notes]
        return at + height <= bottom - footnotes_height(notes)

    def place(index: int) -> None:
        nonlocal y
        page = pages[-1]
        block = blocks[index]
        if y > _page_top(page, top, continued_height):
            y += block.space_before
        page.placements.append((index, y))
        y += block.height
        page.footnotes += [number for number in block.footnotes if number not in page.footnotes]

    for group in _groups(blocks):
        members = list(group)
        if pages[-1].placements and not fits(members, y):
            new_page(blocks[members[0]].continued)
        for index in members:
            # Only a group taller than a whole page is broken between its blocks.
            if pages[-1].placements and not fits([index], y):
                new_page(blocks[index].continued)
            place(index)
    return pages


def _page_top(page: Page, top: float, continued_height: float) -> float:
    return top + (continued_height if page.continued else 0.0)


def _height(blocks: Sequence[BlockSize], members: Sequence[int], *, at_top: bool) -> float:
    total = 0.0
    for position, index in enumerate(members):
        block = blocks[index]
        if position or not at_top:
            total += block.space_before
        total += block.height
    return total
