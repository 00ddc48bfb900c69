"""Model dataclasses to plain JSON-able data and back, driven by their type hints.

The cache stores analyses with this codec rather than pickle, so a damaged or
foreign cache file can at worst fail to decode; it can never run code.

A tuple of dataclasses (a book's 10,000 sentences) is stored by columns,
``{"columns": {"start": [...], "end": [...], ...}}``, rather than as one
object per item: half the JSON to parse, and rebuilt by positional calls.
Any other value is stored as itself, a dataclass as an object.
"""

from __future__ import annotations

import dataclasses
import types
import typing
from collections.abc import Callable
from functools import cache
from typing import Any

from .. import models


def to_plain(value: Any) -> Any:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {name: to_plain(getattr(value, name)) for name in _names(type(value))}
    if isinstance(value, tuple | list):
        kind = type(value[0]) if value else None
        if dataclasses.is_dataclass(kind) and all(type(v) is kind for v in value):
            return {
                "columns": {
                    name: [to_plain(getattr(v, name)) for v in value] for name in _names(kind)
                }
            }
        return [to_plain(v) for v in value]
    if isinstance(value, dict):
        return {str(k): to_plain(v) for k, v in value.items()}
    return value


@cache
def _names(cls: type) -> tuple[str, ...]:
    return tuple(f.name for f in dataclasses.fields(cls))


@cache
def _hints(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls, vars(models))


def from_plain(kind: Any, data: Any) -> Any:
    """Rebuild a value of type ``kind`` (a model class or a typing form) from ``data``."""
    return _decoder(kind)(data)


Decoder = Callable[[Any], Any]


def _same(data: Any) -> Any:
    return data


def _to_float(data: Any) -> Any:
    return float(data) if isinstance(data, int) else data


@cache
def _decoder(kind: Any) -> Decoder:
    """A function that rebuilds ``kind`` from plain data, made once per type.

    The type hints are read here, not per value: a book's analysis holds
    hundreds of thousands of values.
    """
    origin = typing.get_origin(kind)
    args = typing.get_args(kind)
    if isinstance(kind, type) and dataclasses.is_dataclass(kind):
        model: Callable[..., Any] = kind
        hints = _hints(kind)
        fields = {f.name: _decoder(hints[f.name]) for f in dataclasses.fields(kind)}

        def decode_dataclass(data: dict[str, Any]) -> Any:
            return model(**{k: fields[k](v) for k, v in data.items() if k in fields})

        return decode_dataclass
    if origin is tuple:
        item_kind = args[0] if args else Any
        item = _decoder(item_kind)
        if dataclasses.is_dataclass(item_kind):
            return _columns_decoder(item_kind, item)
        if item is _same:
            return tuple
        return lambda data: tuple(item(v) for v in data)
    if origin in (typing.Union, types.UnionType):
        concrete = [a for a in args if a is not type(None)]
        if len(concrete) != 1:
            return _same
        inner = _decoder(concrete[0])
        return lambda data: None if data is None else inner(data)
    if origin is dict:
        return dict
    if kind is float:
        return _to_float
    return _same


def _columns_decoder(kind: type, item: Decoder) -> Decoder:
    """Rebuilds a tuple of ``kind`` from its columns (or from a list of objects)."""
    hints = _hints(kind)
    names = _names(kind)
    decoders = [_decoder(hints[name]) for name in names]

    def decode_columns(data: Any) -> tuple[Any, ...]:
        if not isinstance(data, dict):
            return tuple(item(v) for v in data)
        table = data["columns"]
        columns = [
            table[name] if decode is _same else list(map(decode, table[name]))
            for name, decode in zip(names, decoders, strict=True)
        ]
        if len({len(column) for column in columns}) > 1:
            raise ValueError(f"columns of {kind.__name__} differ in length")
        return tuple(map(kind, *columns))

    return decode_columns
