"""A quicker ``__init__`` for frozen slotted dataclasses that stay frozen.

A frozen dataclass's generated ``__init__`` sets each field through
``object.__setattr__(self, name, value)``: a lookup of the attribute by name and the
check that the class's own ``__setattr__`` (the one refusing assignment) is bypassed
legitimately, per field. With ``slots=True`` each field is a slot whose descriptor can
set it directly: ``quick_init`` replaces the generated ``__init__`` by one calling the
slots' setters, the same parameters and defaults in the same order. Assignment after
construction is still refused (the class's ``__setattr__`` is untouched).

Measured on ``MetricScore`` (17 fields, called with keywords as the scoring does):
7.4 -> 4.8 us per record on the shared machine.
"""

from __future__ import annotations

import dataclasses
from typing import Any, TypeVar

_T = TypeVar("_T")


def quick_init(cls: type[_T]) -> type[_T]:
    """``cls`` (a frozen dataclass with slots, no ``__post_init__``, no default
    factories, every field in ``__init__``) with an ``__init__`` setting its slots."""
    fields = dataclasses.fields(cls)  # type: ignore[arg-type]
    if hasattr(cls, "__post_init__"):
        raise TypeError(f"{cls.__name__} has a __post_init__")
    names: dict[str, Any] = {}
    signature: list[str] = []
    body: list[str] = []
    for index, field in enumerate(fields):
        if field.default_factory is not dataclasses.MISSING or not field.init or field.kw_only:
            raise TypeError(f"{cls.__name__}.{field.name}: not a plain positional field")
        if field.default is dataclasses.MISSING:
            signature.append(field.name)
        else:
            names[f"_default{index}"] = field.default
            signature.append(f"{field.name}=_default{index}")
        # The slot's own setter (a member descriptor of the class).
        names[f"_set{index}"] = cls.__dict__[field.name].__set__
        body.append(f"    _set{index}(self, {field.name})")
    source = f"def __init__(self, {', '.join(signature)}):\n" + "\n".join(body) + "\n"
    exec(source, names)  # our own text, as dataclasses makes its __init__
    init = names["__init__"]
    init.__qualname__ = f"{cls.__qualname__}.__init__"
    init.__doc__ = cls.__init__.__doc__
    setattr(cls, "__init__", init)  # noqa: B010 - a method replaced on the class
    return cls
