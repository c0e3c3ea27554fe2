"""A file larger than such a file can be is refused in the chosen language, the sizes written
with the language's separators (``wording.number``).

Before, both refusals were English f-strings with Python's "," grouping whatever the
language: under ``--language de`` "big.json: is 2,048 bytes, more than the 1,024 such a
file can be".
"""

from __future__ import annotations

from pathlib import Path

import pytest

from mpn_desktop.domain.vocabulary import use_language
from mpn_desktop.errors import MpnError
from mpn_desktop.input_files import read_input

# A regular file whose size says 0 and which reads longer: what a file growing while it is
# read looks like to read_input.
GROWING = Path("/proc/self/maps")


def _refusal(path: Path, language: str) -> str:
    use_language(language)
    try:
        with pytest.raises(MpnError) as refused:
            read_input(path, max_bytes=1024)
    finally:
        use_language("en")
    return str(refused.value)


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("en", "{path}: is 2,048 bytes, more than the 1,024 such a file can be"),
        (
            "de",
            "{path}: ist 2.048 Bytes groß, mehr als die 1.024, die eine solche Datei haben darf",
        ),
    ],
)
def test_a_file_larger_than_it_may_be(tmp_path: Path, language: str, expected: str) -> None:
    path = tmp_path / "big.json"
    path.write_bytes(b" " * 2048)
    assert _refusal(path, language) == expected.format(path=path)


@pytest.mark.skipif(not GROWING.is_file() or GROWING.stat().st_size, reason="needs Linux's /proc")
@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("en", "{path}: is more than the 1,024 bytes such a file can be"),
        ("de", "{path}: ist größer als die 1.024 Bytes, die eine solche Datei haben darf"),
    ],
)
def test_a_file_that_reads_longer_than_its_size(language: str, expected: str) -> None:
    assert _refusal(GROWING, language) == expected.format(path=GROWING)
