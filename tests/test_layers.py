"""The layer rules of DESIGN.md, read off every module's imports with ``ast``.

``ui -> (importers, reports, store) -> domain``: the domain imports nothing of
the project nor Qt nor SQLAlchemy; nothing outside ``store/`` talks to the
database library. An import inside a function or under ``TYPE_CHECKING``
counts the same as one at the top: it is still a dependency.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "mpn_desktop"

# Modules every layer above the domain may lean on: the package's version, the
# program's exception types, the user's folders, the log set-up, how a message
# shows what the user gave (shown), how a file the user names is opened (input_files)
# and modules imported at their first use (lazy_modules).
_BASE = frozenset(
    {"__init__", "errors", "paths", "logging_setup", "shown", "input_files", "lazy_modules"}
)

# Which parts of the project each layer may import (itself included).
_ALLOWED: dict[str, frozenset[str]] = {
    "domain": frozenset({"domain"}),
    "store": frozenset({"store", "domain"}) | _BASE,
    "importers": frozenset({"importers", "store", "domain"}) | _BASE,
    "reports": frozenset({"reports", "domain"}) | _BASE,
    "ui": frozenset({"ui", "importers", "reports", "store", "domain"}) | _BASE,
}

_QT = frozenset({"PySide6", "shiboken6"})
_DATABASE = frozenset({"sqlalchemy", "sqlite3", "alembic", "psycopg", "psycopg2"})
_NO_QT = frozenset({"domain", "store", "importers"})


@dataclass(frozen=True)
class _Import:
    """One imported module name, where it was imported."""

    module: str
    line: int


def _modules() -> list[Path]:
    return sorted(path for path in PACKAGE.rglob("*.py") if "migrations" not in path.parts)


def _name(path: Path) -> str:
    return path.relative_to(PACKAGE).as_posix()


def _layer(path: Path) -> str:
    first = path.relative_to(PACKAGE).parts[0]
    return first.removesuffix(".py")


def _imports(path: Path) -> list[_Import]:
    """Every absolute module name the file imports, relative imports resolved."""
    package = ("mpn_desktop", *path.relative_to(PACKAGE).parent.parts)
    return _imports_in(path.read_text(encoding="utf-8"), package)


def _imports_in(source: str, package: tuple[str, ...]) -> list[_Import]:
    tree = ast.parse(source)
    found: list[_Import] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.extend(_Import(alias.name, node.lineno) for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package[: len(package) - node.level + 1]
                module = ".".join((*base, node.module) if node.module else base)
            else:
                module = node.module or ""
            found.append(_Import(module, node.lineno))
    return found


def _project_part(module: str) -> str | None:
    """``domain`` for ``mpn_desktop.domain.catalog``; None for a module outside the project."""
    parts = module.split(".")
    if parts[0] != "mpn_desktop":
        return None
    return parts[1] if len(parts) > 1 else "__init__"


def _top(module: str) -> str:
    return module.split(".", maxsplit=1)[0]


def _layered() -> list[Path]:
    return [path for path in _modules() if _layer(path) in _ALLOWED]


@pytest.mark.parametrize("path", _layered(), ids=_name)
def test_a_layer_imports_only_the_layers_below_it(path: Path) -> None:
    allowed = _ALLOWED[_layer(path)]
    wrong = [
        f"{_name(path)}:{item.line} imports {item.module}"
        for item in _imports(path)
        if (part := _project_part(item.module)) is not None and part not in allowed
    ]
    assert not wrong, "; ".join(wrong)


@pytest.mark.parametrize("path", [path for path in _modules() if _layer(path) in _NO_QT], ids=_name)
def test_domain_store_and_importers_do_not_import_qt(path: Path) -> None:
    wrong = [
        f"{_name(path)}:{item.line} imports {item.module}"
        for item in _imports(path)
        if _top(item.module) in _QT
    ]
    assert not wrong, "; ".join(wrong)


def test_the_domain_imports_no_database_library() -> None:
    wrong = [
        f"{_name(path)}:{item.line} imports {item.module}"
        for path in _modules()
        if _layer(path) == "domain"
        for item in _imports(path)
        if _top(item.module) in _DATABASE
    ]
    assert not wrong, "; ".join(wrong)


def test_only_the_store_imports_the_database_library() -> None:
    wrong = [
        f"{_name(path)}:{item.line} imports {item.module}"
        for path in _modules()
        if _layer(path) != "store"
        for item in _imports(path)
        if _top(item.module) in _DATABASE
    ]
    assert not wrong, "; ".join(wrong)


def test_the_reader_sees_hidden_and_relative_imports() -> None:
    """An import in a function, under TYPE_CHECKING or written relative is still seen."""
    source = (
        "from typing import TYPE_CHECKING\n"
        "if TYPE_CHECKING:\n"
        "    from ..ui import main_window\n"
        "def later():\n"
        "    import sqlalchemy.orm\n"
        "    from . import facts\n"
    )
    found = {item.module for item in _imports_in(source, ("mpn_desktop", "domain"))}
    assert {"mpn_desktop.ui", "sqlalchemy.orm", "mpn_desktop.domain"} <= found
    assert _project_part("mpn_desktop.ui") not in _ALLOWED["domain"]
