"""One benchmark calling another's function calls it as that function is defined now."""

from __future__ import annotations

import ast
import importlib
import inspect
import sys
from pathlib import Path

BENCHMARKS = Path(__file__).parents[1] / "benchmarks"


def _calls_between_benchmarks() -> list[tuple[str, int, str, str, ast.Call]]:
    """(script, line, module, function, call) of every ``bench_x.f(...)`` in another script."""
    names = {path.stem for path in BENCHMARKS.glob("*.py")}
    found = []
    for script in sorted(BENCHMARKS.glob("*.py")):
        for node in ast.walk(ast.parse(script.read_text())):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and isinstance(node.func.value, ast.Name)
                and node.func.value.id in names
                and node.func.value.id != script.stem
            ):
                found.append((script.name, node.lineno, node.func.value.id, node.func.attr, node))
    return found


def test_every_call_from_one_benchmark_to_another_binds() -> None:
    # bench_startup called bench_fill._run without the as-of day bench_fill had come to need,
    # and benchmarks/run stopped there with a TypeError.
    calls = _calls_between_benchmarks()
    assert any(module == "bench_fill" for _, _, module, _, _ in calls)
    sys.path.insert(0, str(BENCHMARKS))
    try:
        wrong = []
        for script, line, module, function, call in calls:
            callee = getattr(importlib.import_module(module), function)
            if any(isinstance(arg, ast.Starred) for arg in call.args) or any(
                keyword.arg is None for keyword in call.keywords
            ):
                continue  # *args / **kwargs: not known without running
            try:
                inspect.signature(callee).bind(
                    *call.args, **{keyword.arg: None for keyword in call.keywords if keyword.arg}
                )
            except TypeError as error:
                wrong.append(f"{script}:{line} {module}.{function}: {error}")
        assert wrong == []
    finally:
        sys.path.pop(0)
