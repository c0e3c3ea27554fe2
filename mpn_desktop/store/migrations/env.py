"""Alembic environment: runs on the connection the program hands over (no alembic.ini needed)."""

from __future__ import annotations

from alembic import context

from mpn_desktop.store.models import Base

connection = context.config.attributes.get("connection")
if connection is None:
    raise RuntimeError(
        "mpn-desktop runs its migrations itself: use mpn_desktop.store.migrate.upgrade(connection)"
    )

context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    # SQLite alters tables by rebuilding them; batch mode does that for us.
    render_as_batch=True,
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
