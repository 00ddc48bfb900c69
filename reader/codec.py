"""Model dataclasses to plain JSON-able data and back, driven by their type hints.

The cache stores analyses with this codec rather than pickle, so a damaged or
foreign cache file can at worst fail to decode; it can never run code.
"""

from __future__ import annotations

import dataclasses
import types
import typing
from functools import cache
from typing import Any

from . import models


def to_plain(value: Any) -> Any:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: to_plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, tuple | list):
        return [to_plain(v) for v in value]
    if isinstance(value, dict):
        return {str(k): to_plain(v) for k, v in value.items()}
    return value


@cache
def _hints(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls, vars(models))


def from_plain(kind: Any, data: Any) -> Any:
    """Rebuild a value of type ``kind`` (a model class or a typing form) from ``data``."""
    origin = typing.get_origin(kind)
    args = typing.get_args(kind)
    if dataclasses.is_dataclass(kind):
        hints = _hints(kind)
        fields = {f.name for f in dataclasses.fields(kind)}
        return kind(**{k: from_plain(hints[k], v) for k, v in data.items() if k in fields})
    if origin is tuple:
        item = args[0] if args else Any
        return tuple(from_plain(item, v) for v in data)
    if origin in (typing.Union, types.UnionType):
        if data is None:
            return None
        concrete = [a for a in args if a is not type(None)]
        return from_plain(concrete[0], data) if len(concrete) == 1 else data
    if origin is dict:
        return dict(data)
    if kind is float and isinstance(data, int):
        return float(data)
    return data
