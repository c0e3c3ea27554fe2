"""Facts with the row ids and id maps one-row updates need; both facts readers make them.

``facts_loader`` (SQLAlchemy) and ``facts_sqlite`` (the sqlite3 driver, for
the window's first evaluation without SQLAlchemy) return the same
``LoadedFacts``; ``facts_rows`` and ``facts_loader.reload_indexed_facts``
carry them through later changes.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from mpn_desktop.domain import facts
from mpn_desktop.domain.dates import Month


@dataclass(frozen=True)
class LoadedFacts:
    """Facts with what is needed to change them a row at a time (``store.facts_rows``).

    ``ids`` holds, per field of ``Facts`` with rows of its own, the database id
    of each of its rows in the same order (ascending: every query orders by id);
    the maps give the name or id by which rows refer to a customer,
    subscription or person.
    """

    facts: facts.Facts
    usage_from: Month | None
    ids: Mapping[str, tuple[int, ...]]
    customer_names: Mapping[int, str]
    subscription_ids: Mapping[int, str]
    mcp_ids: Mapping[int, str]
