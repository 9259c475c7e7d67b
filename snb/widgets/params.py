"""The settings a render function accepts, checked before anything is computed.

Every render function declares its settings with :func:`settings`; a value outside them
raises :class:`SettingError` with one sentence, e.g. "People must be a whole number from
20 to 10,000, not 0." The explorer shows that same sentence under its controls (see
:meth:`snb.widgets.base.Explorer._show`), so calling a render function directly and
moving a widget give the same message, never a raw library error, never a picture of an
impossible value, and never minutes of work on a size no page uses.
"""

from __future__ import annotations

import functools
import inspect
import math
import numbers
from dataclasses import dataclass
from typing import Any, Callable, Iterable

import numpy as np

from snb.feedback import describe

__all__ = ["SettingError", "Whole", "Real", "OneOf", "settings", "MAX_SEED"]

#: Largest random seed numpy accepts (2**32 - 1).
MAX_SEED = 2**32 - 1


class SettingError(ValueError):
    """A setting a render function cannot draw; the message is the sentence a widget shows."""


def _plain(value: Any) -> Any:
    if isinstance(value, np.ndarray) and value.ndim == 0:
        value = value.item()
    if isinstance(value, (np.generic,)):
        value = value.item()
    return value


@dataclass(frozen=True)
class Whole:
    """A whole number from ``low`` to ``high`` (a float such as 100.0 is taken as 100)."""

    low: int
    high: int
    label: str

    def read(self, value: Any) -> int:
        value = _plain(value)
        ok = isinstance(value, numbers.Real) and not isinstance(value, bool)
        if ok and not isinstance(value, numbers.Integral):
            ok = math.isfinite(value) and float(value).is_integer()
        if not ok or not self.low <= value <= self.high:
            raise SettingError(f"{self.label} must be a whole number from {self.low:,} to {self.high:,}, "
                               f"not {describe(value)}.")
        return int(value)


@dataclass(frozen=True)
class Real:
    """A finite number from ``low`` to ``high``."""

    low: float
    high: float
    label: str

    def read(self, value: Any) -> float:
        value = _plain(value)
        ok = isinstance(value, numbers.Real) and not isinstance(value, bool)
        try:
            number = float(value) if ok else math.nan
        except (OverflowError, ValueError):
            number = math.nan
        if not (math.isfinite(number) and self.low <= number <= self.high):
            raise SettingError(f"{self.label} must be a number from {self.low:g} to {self.high:g}, "
                               f"not {describe(value)}.")
        return number


@dataclass(frozen=True)
class OneOf:
    """One of a few named choices."""

    options: tuple[Any, ...]
    label: str

    def __init__(self, options: Iterable[Any], label: str) -> None:
        object.__setattr__(self, "options", tuple(options))
        object.__setattr__(self, "label", label)

    def read(self, value: Any) -> Any:
        value = _plain(value)
        try:
            known = value in self.options
        except TypeError:  # unhashable or uncomparable: not a choice
            known = False
        if not known:
            shown = ", ".join(repr(o) for o in self.options)
            raise SettingError(f"{self.label} must be one of {shown}; not {describe(value)}.")
        return value


def settings(_check: Callable[[dict[str, Any]], str | None] | None = None,
             **rules: Whole | Real | OneOf) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """Decorator: read each named argument with its rule before the function runs.

    ``_check`` may add a rule across arguments: it gets the read values and returns the
    sentence that refuses them, or None.

    Examples
    --------
    >>> @settings(n=Whole(1, 10, "People"))
    ... def count(n=3):
    ...     return n
    >>> count(4.0)
    4
    >>> count(0)
    Traceback (most recent call last):
    ...
    snb.widgets.params.SettingError: People must be a whole number from 1 to 10, not 0.
    """
    def decorate(func: Callable[..., Any]) -> Callable[..., Any]:
        signature = inspect.signature(func)
        unknown = set(rules) - set(signature.parameters)
        if unknown:
            raise TypeError(f"{func.__name__} has no parameter {sorted(unknown)}")

        @functools.wraps(func)
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            try:
                bound = signature.bind(*args, **kwargs)
            except TypeError as exc:
                raise SettingError(f"{func.__name__}: {exc}.") from None
            bound.apply_defaults()
            for name, rule in rules.items():
                bound.arguments[name] = rule.read(bound.arguments[name])
            if _check is not None:
                problem = _check(dict(bound.arguments))
                if problem:
                    raise SettingError(problem)
            return func(*bound.args, **bound.kwargs)

        wrapper.settings = rules  # type: ignore[attr-defined]
        return wrapper

    return decorate
