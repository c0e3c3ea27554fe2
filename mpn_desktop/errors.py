"""The program's own exception types: each carries a message written for a person."""

from __future__ import annotations

from pathlib import Path


class MpnError(Exception):
    """Base of every error whose message may be shown to the user as it is.

    The message says what was wrong and where (file, line, field); code that
    catches it shows ``str(error)`` and never a traceback.
    """


class CatalogError(MpnError):
    """The requirements catalogue file is missing, unreadable or invalid."""


class StoreError(MpnError):
    """The database cannot be opened, read or written."""


class RefusedDatabase(StoreError):
    """A database file refused as it is (damaged, or written by a newer version), with the
    latest sound backup next to it that its refusal's advice names (None: there was none),
    so what offers to restore it does not check the backups (a whole file each) again."""

    def __init__(self, message: str, latest_sound_backup: Path | None) -> None:
        super().__init__(message)
        self.latest_sound_backup = latest_sound_backup


class ImportFailed(MpnError):
    """An import could not be carried out (the file itself is unusable)."""


class ValidationError(MpnError):
    """One or more values given by the user are not acceptable."""

    def __init__(self, message: str, problems: list[str] | None = None) -> None:
        super().__init__(message)
        self.problems: list[str] = list(problems or [])


class ReadOnlyDatabase(StoreError):
    """The login may only read this database (SELECT grants alone); nothing was written."""


class DiskProblem(StoreError):
    """A sound database cannot be used where it is: its folder is read-only or its disk full.

    Never a reason to restore a backup over it; the message says what to do instead.
    """


class RecordChanged(MpnError):
    """A record was changed or deleted by someone else since it was shown; nothing was written.

    The message says what changed; the window offers to reload.
    """
