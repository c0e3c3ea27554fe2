"""Opening a file the user names for reading: a regular file only, with clear refusals.

A FIFO would block the program for ever, a device such as ``/dev/zero`` never
ends, and a folder or an over-long path used to end in "an unexpected error".
Each case here becomes one sentence naming the path and what is wrong with it.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path
from typing import BinaryIO

from mpn_desktop.domain.vocabulary import _
from mpn_desktop.domain.wording import number
from mpn_desktop.errors import MpnError
from mpn_desktop.shown import shown_path

# Opening a FIFO for reading waits for a writer unless O_NONBLOCK is given.
_OPEN_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)


def problem_of(error: OSError) -> str:
    """What an operating-system error means for the user's path, in words (the chosen language)."""
    code = error.errno
    if code == errno.ENOENT:
        return _("no such file")
    if code == errno.ENAMETOOLONG:
        return _("the path is too long for this system (or a name in it is longer than 255 bytes)")
    if code in (errno.EACCES, errno.EPERM):
        return _("permission denied: the file cannot be read by this user")
    if code == errno.EISDIR:
        return _("is a folder, not a file")
    if code == errno.ENOTDIR:
        return _("a part of the path is not a folder")
    if code == errno.ELOOP:
        return _("the path has too many symbolic links (a loop?)")
    return _("cannot be read ({reason})").format(reason=error.strerror or error)


def _kind(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return _("is a folder, not a file")
    if stat.S_ISFIFO(mode):
        return _("is a named pipe (FIFO), not a file; save the data to a file and read that")
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return _("is a device, not a file")
    if stat.S_ISSOCK(mode):
        return _("is a socket, not a file")
    return _("is not a regular file")


def open_input(
    path: Path, *, max_bytes: int | None = None, error: type[MpnError] = MpnError
) -> BinaryIO:
    """``path`` opened for binary reading; ``error`` (naming the path) when it is not a file.

    A regular file only: folders, FIFOs, devices and sockets are refused before
    a byte is read. ``max_bytes`` refuses a larger file (a document read whole).
    """
    try:
        descriptor = os.open(path, _OPEN_FLAGS)
    except OSError as failure:
        raise error(f"{shown_path(path)}: {problem_of(failure)}") from None
    except ValueError:  # a NUL character in the path
        raise error(
            _("{path}: is not a valid path (it holds a NUL character)").format(
                path=shown_path(path)
            )
        ) from None
    try:
        info = os.fstat(descriptor)
        if not stat.S_ISREG(info.st_mode):
            raise error(f"{shown_path(path)}: {_kind(info.st_mode)}")
        if max_bytes is not None and info.st_size > max_bytes:
            raise error(
                _("{path}: is {size} bytes, more than the {most} such a file can be").format(
                    path=shown_path(path), size=number(info.st_size), most=number(max_bytes)
                )
            )
        if hasattr(os, "set_blocking"):
            os.set_blocking(descriptor, True)
        return os.fdopen(descriptor, "rb")
    except BaseException:
        os.close(descriptor)
        raise


def read_input(path: Path, *, max_bytes: int, error: type[MpnError] = MpnError) -> bytes:
    """The whole of a regular file of at most ``max_bytes``; ``error`` names what is wrong."""
    with open_input(path, max_bytes=max_bytes, error=error) as stream:
        try:
            data = stream.read(max_bytes + 1)
        except OSError as failure:
            raise error(f"{shown_path(path)}: {problem_of(failure)}") from None
    if len(data) > max_bytes:  # it grew while being read
        raise error(
            _("{path}: is more than the {most} bytes such a file can be").format(
                path=shown_path(path), most=number(max_bytes)
            )
        )
    return data
