"""How values a user gave appear inside messages: cut short, control characters made visible.

A message must stay one readable line whatever the file held: a 10 MB cell,
an escape sequence that would clear the terminal, a file name that is not
UTF-8. Every message that repeats what the user gave goes through here.
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Any, TextIO

VALUE_LIMIT = 60
"""Characters of a value repeated in a message; the rest is replaced by a count."""

PATH_LIMIT = 240
"""Characters of a path repeated in a message (a path may be 4,096 long)."""

MESSAGE_LIMIT = 2000
"""Characters of one whole message printed at most."""

# C0 and C1 control characters, DEL, and the lone surrogates a file name that is
# not UTF-8 decodes to: shown as escapes, never sent to the terminal as they are.
_INVISIBLE = re.compile(r"[\x00-\x1f\x7f-\x9f\ud800-\udfff]")


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def visible(text: str) -> str:
    """``text`` with every control character written as an escape (``\\x1b``)."""
    return _INVISIBLE.sub(_escape, text)


def cut(text: str, limit: int) -> str:
    """``text`` cut to about ``limit`` characters, saying how many were left out."""
    if len(text) <= limit:
        return text
    return f"{text[:limit]}... ({len(text) - limit:,} more characters)"


def shown_value(value: object, limit: int = VALUE_LIMIT) -> str:
    """A value as a message repeats it: cut short, control characters escaped."""
    return visible(cut(str(value), limit))


def shown_path(path: Path | str) -> str:
    """A path as a message names it: a very long one cut in the middle, bad bytes escaped."""
    text = os.fspath(path)
    if len(text) > PATH_LIMIT:
        half = PATH_LIMIT // 2
        text = f"{text[:half]}...({len(text) - PATH_LIMIT:,} characters)...{text[-half:]}"
    return visible(text)


def shown_message(text: str, limit: int = MESSAGE_LIMIT) -> str:
    """A whole message as printed: bounded, and no control character but the line breaks."""
    return _INVISIBLE.sub(
        lambda m: m.group() if m.group() in "\n\t" else _escape(m), cut(text, limit)
    )


def storable_name(path: Path) -> str:
    """A file's name as text that can be stored: bytes that are not UTF-8 become U+FFFD."""
    return path.name.encode("utf-8", "surrogateescape").decode("utf-8", "replace")


def quoted(text: str, limit: int = VALUE_LIMIT) -> str:
    """Text in quotes as ``repr`` writes it (control characters escaped), cut short."""
    return repr(cut(text, limit))


_TERMINAL_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


class TerminalSafeText:
    """Wraps a text stream so control characters are written as ``\\u001b`` escapes.

    Names stored before control characters were refused (or typed in another
    program) must not clear or retitle the terminal ``status`` prints to. The
    escape is JSON's own, so ``status --json`` stays valid JSON meaning the same.
    Line breaks, tabs and carriage returns pass.
    """

    def __init__(self, stream: TextIO) -> None:
        self._stream = stream

    def write(self, text: str) -> int:
        """Writes ``text`` with its control characters escaped."""
        self._stream.write(_TERMINAL_CONTROL.sub(_json_escape, text))
        return len(text)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._stream, name)


def _json_escape(match: re.Match[str]) -> str:
    return f"\\u{ord(match.group()):04x}"
