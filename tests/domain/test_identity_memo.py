"""IdentityMemo: a value per object by identity, holding the object so its id stays its own."""

from __future__ import annotations

import gc
import weakref
from functools import partial

from mpn_desktop.domain.identity_memo import IdentityMemo


class _Thing:
    """Equal to every other one: only identity tells them apart."""

    def __eq__(self, other: object) -> bool:
        return isinstance(other, _Thing)

    def __hash__(self) -> int:
        return 0


def test_an_object_made_where_a_freed_one_was_reads_nothing_of_it() -> None:
    # Made and dropped in turn, CPython hands the freed address (so the id) to the next
    # one: the memo must not give the new object the freed one's value.
    memo: IdentityMemo[tuple[_Thing], int] = IdentityMemo(1024)
    for n in range(50):
        thing = _Thing()
        assert memo.get((thing,)) is None
        assert memo.kept((thing,), partial(int, n)) == n
        del thing
        gc.collect()


def test_a_pair_is_found_by_both_objects_identity_not_equality() -> None:
    memo: IdentityMemo[tuple[_Thing, _Thing], str] = IdentityMemo(8)
    a, b, c = _Thing(), _Thing(), _Thing()
    memo.keep((a, b), "ab")
    assert memo.get((a, b)) == "ab"
    assert memo.get((b, a)) is None
    assert memo.get((a, c)) is None
    assert memo.kept((a, b), lambda: "made again") == "ab"


def test_when_full_it_starts_again_and_frees_what_it_held() -> None:
    memo: IdentityMemo[tuple[_Thing], int] = IdentityMemo(3)
    things = [_Thing() for _ in range(4)]
    for n, thing in enumerate(things[:3]):
        memo.keep((thing,), n)
    assert len(memo) == 3
    held = [weakref.ref(thing) for thing in things[:3]]
    del things[:3], thing
    gc.collect()
    assert all(ref() is not None for ref in held)  # the memo keeps them alive
    memo.keep((things[0],), 3)
    assert len(memo) == 1
    gc.collect()
    assert all(ref() is None for ref in held)
    assert memo.get((things[0],)) == 3
