"""Splitting blocks into pages: every block once and in order, headings kept with what follows."""

from __future__ import annotations

from collections.abc import Sequence

from mpn_desktop.reports.pagination import BlockSize, Page, paginate

BODY = (0.0, 100.0)


def no_footnotes(numbers: Sequence[int]) -> float:
    return 0.0


def pages_of(blocks: Sequence[BlockSize], **options: object) -> list[Page]:
    settings: dict[str, object] = {
        "first_body": BODY,
        "body": BODY,
        "footnotes_height": no_footnotes,
        "continued_height": 0.0,
    }
    settings.update(options)
    return paginate(blocks, **settings)  # type: ignore[arg-type]


def placed(pages: Sequence[Page]) -> list[int]:
    return [index for page in pages for index, _ in page.placements]


def test_every_block_is_placed_once_in_order() -> None:
    blocks = [BlockSize(height=7.0 + index % 5) for index in range(200)]
    pages = pages_of(blocks)
    assert placed(pages) == list(range(200))
    for page in pages:
        bottoms = [top + blocks[index].height for index, top in page.placements]
        assert max(bottoms) <= BODY[1]
        tops = [top for _, top in page.placements]
        assert tops == sorted(tops)


def test_a_heading_is_never_the_last_block_of_a_page() -> None:
    blocks = [BlockSize(height=30.0)] * 3 + [
        BlockSize(height=5.0, keep_with_next=True),
        BlockSize(height=20.0),
    ]
    pages = pages_of(blocks)
    assert [index for index, _ in pages[0].placements] == [0, 1, 2]
    assert [index for index, _ in pages[1].placements] == [3, 4]


def test_a_chain_of_headings_moves_together() -> None:
    blocks = [
        BlockSize(height=80.0),
        BlockSize(height=5.0, keep_with_next=True),
        BlockSize(height=5.0, keep_with_next=True),
        BlockSize(height=15.0),
    ]
    pages = pages_of(blocks)
    assert [index for index, _ in pages[1].placements] == [1, 2, 3]


def test_space_before_is_dropped_at_the_top_of_a_page() -> None:
    blocks = [BlockSize(height=90.0), BlockSize(height=20.0, space_before=8.0)]
    pages = pages_of(blocks)
    assert pages[1].placements == [(1, 0.0)]
    single = pages_of([BlockSize(height=10.0), BlockSize(height=10.0, space_before=8.0)])
    assert single[0].placements == [(0, 0.0), (1, 18.0)]


def test_footnotes_take_room_at_the_foot_of_the_page_they_are_referenced_on() -> None:
    def ten_each(numbers: Sequence[int]) -> float:
        return 10.0 * len(numbers)

    blocks = [BlockSize(height=45.0, footnotes=(1,)), BlockSize(height=45.0, footnotes=(2,))]
    pages = pages_of(blocks, footnotes_height=ten_each)
    # 45 + 45 = 90 would fit alone, but not with two notes of 10 below it.
    assert [page.footnotes for page in pages] == [[1], [2]]
    assert placed(pages) == [0, 1]


def test_a_page_starting_inside_a_section_repeats_its_name() -> None:
    blocks = [BlockSize(height=60.0), BlockSize(height=60.0, continued="Cloud CRM (continued)")]
    pages = pages_of(blocks, continued_height=12.0)
    assert pages[1].continued == "Cloud CRM (continued)"
    assert pages[1].placements == [(1, 12.0)]
    assert pages[0].continued == ""


def test_the_first_page_has_its_own_body_area() -> None:
    blocks = [BlockSize(height=30.0) for _ in range(4)]
    pages = pages_of(blocks, first_body=(50.0, 100.0))
    assert pages[0].placements == [(0, 50.0)]
    assert [index for index, _ in pages[1].placements] == [1, 2, 3]


def test_a_group_taller_than_a_page_is_broken_between_its_blocks() -> None:
    blocks = [BlockSize(height=30.0, keep_with_next=True) for _ in range(7)] + [BlockSize(10.0)]
    pages = pages_of(blocks)
    assert placed(pages) == list(range(8))
    assert len(pages) == 3


def test_a_block_taller_than_a_page_gets_a_page_of_its_own() -> None:
    blocks = [BlockSize(height=10.0), BlockSize(height=150.0), BlockSize(height=10.0)]
    pages = pages_of(blocks)
    assert [[index for index, _ in page.placements] for page in pages] == [[0], [1], [2]]
