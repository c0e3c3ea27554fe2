"""Counts in sentences: "1 error", "2 errors" — never "1 errors"."""

from __future__ import annotations


def counted(count: int, one: str, many: str, **more: object) -> str:
    """``one`` when ``count`` is 1, else ``many``; each has ``{count}`` (and ``more``) filled in.

    Pass both texts through ``tr`` first, so each can be translated whole.
    """
    return (one if count == 1 else many).format(count=count, **more)
