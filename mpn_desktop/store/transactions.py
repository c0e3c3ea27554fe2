"""One write transaction that several store operations share, so a caller composes them.

A store operation takes either the ``Database`` (it opens and commits a
transaction of its own) or a ``Transaction`` a caller opened with
``Database.transaction()``: then it writes inside that one, and nothing is
committed until the caller's block ends; any refusal rolls back every
operation of the block. The session's lifecycle stays outside the data
functions (SQLAlchemy's "Session Basics"), so deleting several records is one
transaction instead of N with compensation afterwards.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sqlalchemy.orm import Session

if TYPE_CHECKING:
    from mpn_desktop.store.database import Database


@dataclass(frozen=True, slots=True)
class Transaction:
    """An open write transaction; the operations given it write in its ``session``."""

    session: Session


@contextmanager
def writing(target: Database | Transaction) -> Iterator[Session]:
    """The session to write in: the caller's transaction, or a new one committed at the end."""
    if isinstance(target, Transaction):
        yield target.session
        return
    with target.session() as session:
        yield session
