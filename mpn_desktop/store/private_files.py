"""Files and folders that hold the user's data: readable by their owner only (0600, 0700)."""

from __future__ import annotations

import os
from pathlib import Path

from mpn_desktop.domain.vocabulary import _
from mpn_desktop.errors import StoreError


def make_private_folder(folder: Path, what: str) -> None:
    """Creates ``folder`` (0700) and its parents when missing; a ``StoreError`` when it cannot.

    ``what`` names the folder in English, marked with ``N_`` (translated here).
    """
    if folder.is_dir():
        return
    try:
        folder.mkdir(parents=True, mode=0o700)
    except FileExistsError:
        if not folder.is_dir():
            raise StoreError(
                _("{folder}: cannot create {what}: it is a file, not a folder").format(
                    folder=folder, what=_(what)
                )
            ) from None
    except OSError as error:
        raise StoreError(
            _("{folder}: cannot create {what} ({reason})").format(
                folder=folder, what=_(what), reason=error.strerror or error
            )
        ) from None


def create_private_file(path: Path) -> bool:
    """Creates an empty file readable by its owner only (0600); False when it exists already.

    Created with its mode from the start (not chmod-ed afterwards), so there is
    no moment when another user of the machine could open it.
    """
    try:
        descriptor = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
    except FileExistsError:
        return False
    except OSError as error:
        raise StoreError(
            _("{path}: cannot be created ({reason})").format(
                path=path, reason=error.strerror or error
            )
        ) from None
    os.close(descriptor)
    return True


def keep_private(path: Path) -> None:
    """Makes ``path`` readable by its owner only: created 0600 when missing, else chmod-ed to 0600.

    For files a library writes itself (Qt's settings file, the log), which
    would otherwise be made with the umask's 0644 and show names and folders
    to every user of the machine. Best effort: a failure leaves the file as it
    was, and the library then says what it cannot write.
    """
    try:
        if not create_private_file(path) and (path.stat().st_mode & 0o077):
            path.chmod(0o600)
    except (OSError, StoreError):
        return
