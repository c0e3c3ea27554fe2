"""The bundle specification keeps exactly the Qt modules the program imports; CI runs packaging."""

from __future__ import annotations

import ast
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SPEC = ROOT / "packaging" / "mpn-desktop.spec"
QT_IMPORT = re.compile(r"\bPySide6\.(Qt\w+)|\bfrom PySide6 import ([\w, ]+)")


def spec_list(name: str) -> set[str]:
    for node in ast.parse(SPEC.read_text(encoding="utf-8")).body:
        if isinstance(node, ast.Assign) and any(
            isinstance(target, ast.Name) and target.id == name for target in node.targets
        ):
            return set(ast.literal_eval(node.value))
    raise AssertionError(f"{SPEC.name} has no list {name}")


def qt_modules_the_program_imports() -> set[str]:
    found: set[str] = set()
    for path in (ROOT / "mpn_desktop").rglob("*.py"):
        for dotted, listed in QT_IMPORT.findall(path.read_text(encoding="utf-8")):
            names = [dotted] if dotted else [name.strip() for name in listed.split(",")]
            found.update(name for name in names if name.startswith("Qt"))
    return found


def test_every_qt_module_the_program_imports_is_in_the_bundle() -> None:
    imported = qt_modules_the_program_imports()
    assert imported >= {"QtCore", "QtGui", "QtWidgets"}
    missing = imported - spec_list("QT_USED")
    assert not missing, f"add {sorted(missing)} to QT_USED in {SPEC.name}"
    assert not imported & spec_list("QT_UNUSED"), "a module the program imports is excluded"


def test_the_bundle_carries_no_qt_module_the_program_does_not_import() -> None:
    unused = spec_list("QT_USED") - qt_modules_the_program_imports()
    assert not unused, f"move {sorted(unused)} from QT_USED to QT_UNUSED in {SPEC.name}"


def _commands(script: Path) -> list[str]:
    """The script's lines that do something (comments and blank lines left out)."""
    text = script.read_text(encoding="utf-8")
    return [line.strip() for line in text.splitlines() if line.strip() and line.strip()[0] != "#"]


def test_ci_runs_the_packaging_step_and_fails_with_it() -> None:
    """`.ci/run` calls `.ci/package` unconditionally, with errexit on, so its failure fails CI.

    Only the call is checked here: building the bundle and starting it is
    `.ci/package`'s own work (about 1.5 minutes), proven in every CI run.
    """
    run, package = ROOT / ".ci" / "run", ROOT / ".ci" / "package"
    commands = _commands(run)
    assert "set -euo pipefail" in commands
    # A line of its own at the top level: not "|| true", not indented in an "if" or a
    # function, not in the background.
    assert ".ci/package" in run.read_text(encoding="utf-8").splitlines()
    assert commands.index("set -euo pipefail") < commands.index(".ci/package")
    assert package.stat().st_mode & 0o111, ".ci/package must be executable"
    assert "set -euo pipefail" in _commands(package)


def spec_value(name: str) -> object:
    for node in ast.parse(SPEC.read_text(encoding="utf-8")).body:
        if isinstance(node, ast.Assign) and any(
            isinstance(target, ast.Name) and target.id == name for target in node.targets
        ):
            return ast.literal_eval(node.value)
    raise AssertionError(f"{SPEC.name} has no {name}")


def test_the_bundle_keeps_qt_s_own_translation_of_every_language_shipped() -> None:
    """Qt's translations are dropped but those of the program's languages (the buttons' words)."""
    from mpn_desktop.ui.language import TRANSLATED

    kept = spec_value("KEPT_QT_FILES")
    assert isinstance(kept, tuple)
    assert "/Qt/translations/" in str(spec_value("UNUSED_QT_FILES"))
    for language in TRANSLATED:
        assert f"/Qt/translations/qtbase_{language}.qm" in kept


def test_the_bundle_carries_the_program_s_translations() -> None:
    """The resources folder, with every .qm and .mo, goes into the bundle whole."""
    spec = SPEC.read_text(encoding="utf-8")
    assert 'collect_data_files("mpn_desktop.resources")' in spec
    folder = ROOT / "resources" / "translations"
    for name in ("mpn_desktop_de.qm", "mpn_desktop_en.qm", "mpn_desktop_domain_de.mo"):
        assert (folder / name).is_file(), name


def test_ci_starts_the_bundle_in_german() -> None:
    """.ci/package checks that the bundle finds its German (.mo, .qm) and Qt's (qtbase_de.qm)."""
    package = (ROOT / ".ci" / "package").read_text(encoding="utf-8")
    assert "--language de status" in package
    assert "LANGUAGE=de" in package
    assert "&Bearbeiten | Abbrechen" in package
