"""A database URL that is none: the sentence names the URL (password hidden) and a bad port."""

from __future__ import annotations

import pytest

from mpn_desktop.errors import StoreError
from mpn_desktop.store.engine import parse_url, shown_url

EXPECTED = "(expected, for example, sqlite:///path/to/file.sqlite3)"


@pytest.mark.parametrize(
    ("url", "said"),
    [
        (
            "postgresql://db:abc/mpn",
            "'postgresql://db:abc/mpn' is not a database URL: its port 'abc'",
        ),
        (
            "postgresql://[::1]:zz/mpn",
            "'postgresql://[::1]:zz/mpn' is not a database URL: its port 'zz'",
        ),
        # SQLAlchemy reads 'b/c' as the password: the port is '1x', never a part of 'b/c'.
        ("postgresql://a:b/c@h:1x/m", "is not a database URL: its port '1x'"),
        (
            "mysql://ana:s3cret@h:9 9",
            "'mysql://ana:***@h:9 9' is not a database URL: its port '9 9'",
        ),
    ],
)
def test_a_port_that_is_no_number_is_named(url: str, said: str) -> None:
    with pytest.raises(StoreError) as refused:
        parse_url(url)
    assert said in str(refused.value)
    assert str(refused.value).endswith(f" is not a number {EXPECTED}")
    assert "s3cret" not in str(refused.value)


@pytest.mark.parametrize(
    "url", ["nonsense", "postgresql://a:b@c@h:1x/m", f"postgresql://h:{'x' * 30}/m"]
)
def test_no_port_is_named_where_none_is_read_or_it_is_long(url: str) -> None:
    with pytest.raises(StoreError) as refused:
        parse_url(url)
    assert str(refused.value).endswith(f"is not a database URL {EXPECTED}")


@pytest.mark.parametrize("url", ["postgresql://ana:se/cret@h:1x/m", "mysql://ana:s3/c?r#t@h:x/m"])
def test_a_password_with_a_slash_is_hidden_in_a_url_that_is_none(url: str) -> None:
    """Before, 'se/cret' was shown as written: the hiding stopped at a '/'."""
    with pytest.raises(StoreError) as refused:
        parse_url(url)
    said = str(refused.value)
    assert "://ana:***@h:" in said
    assert "se/cret" not in said and "s3/c" not in said


@pytest.mark.parametrize(
    ("url", "shown"),
    [
        ("postgresql://ana:p@ss@db.example.com/mpn", "postgresql://ana:***@db.example.com/mpn"),
        ("mysql://ana:a@b/c@h:x/m", "mysql://ana:***@h:x/m"),
        ("postgresql://ana:p%40ss@db.example.com/mpn", "postgresql://ana:***@db.example.com/mpn"),
    ],
)
def test_a_password_with_an_at_sign_is_hidden_whole(url: str, shown: str) -> None:
    """SQLAlchemy reads 'p@ss' as the password 'p' and the host 'ss@db...': before, the
    URL was shown as 'postgresql://ana:***@ss@db.example.com/mpn'."""
    assert shown_url(url) == shown
