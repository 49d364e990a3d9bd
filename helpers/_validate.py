"""Small input checks shared by every layer: each raises ValueError naming the parameter,
the offending value and what is allowed."""

from __future__ import annotations

from collections.abc import Iterable
from difflib import get_close_matches

import numpy as np


def fmt(value) -> str:
    """A number as a message shows it: ``nan``, ``inf``, ``-1``, ``2.5e+06`` (never ``np.float64(...)``)."""
    try:
        return f"{float(value):g}"
    except (TypeError, ValueError):
        return repr(value)


def as_float_array(
    name: str, value, *, low: float | None = None, high: float | None = None, unit: str = ""
) -> np.ndarray:
    """Return ``value`` as a float ndarray after checking it is finite and inside [low, high].

    Raises ValueError naming ``name``, the bad value and the allowed range (with ``unit``).
    """
    unit_s = f" {unit}" if unit else ""
    rng = _range_text(low, high, unit_s)
    if value is None or isinstance(value, (bool, np.bool_)):
        what = "None" if value is None else f"the boolean {value!r}"
        raise ValueError(f"{name} must be a number, got {what}; allowed {rng}")
    try:
        arr = np.asarray(value, dtype=float)
    except (TypeError, ValueError):
        raise ValueError(
            f"{name} must be a number or an array of numbers, got {value!r}; allowed {rng}"
        ) from None
    bad = ~np.isfinite(arr)
    if bad.any():
        raise ValueError(f"{name} must be finite, got {fmt(arr[bad].flat[0])}; allowed {rng}")
    if low is not None and (arr < low).any():
        raise ValueError(f"{name} = {fmt(arr[arr < low].flat[0])}{unit_s} is below the allowed range {rng}")
    if high is not None and (arr > high).any():
        raise ValueError(f"{name} = {fmt(arr[arr > high].flat[0])}{unit_s} is above the allowed range {rng}")
    return arr


def as_float(
    name: str, value, *, low: float | None = None, high: float | None = None, unit: str = ""
) -> float:
    """One finite number in [low, high] (see ``as_float_array``); an array is refused by name."""
    arr = as_float_array(name, value, low=low, high=high, unit=unit)
    if arr.ndim != 0:
        unit_s = f" {unit}" if unit else ""
        raise ValueError(
            f"{name} must be a single number, got an array of shape {arr.shape}; "
            f"allowed {_range_text(low, high, unit_s)}"
        )
    return float(arr)


def as_int(name: str, value, *, low: int, high: int) -> int:
    """One whole number in [low, high]; floats with a fractional part, arrays and booleans are refused."""
    x = as_float(name, value, low=low, high=high)
    if x != int(x):
        raise ValueError(f"{name} must be a whole number, got {fmt(x)}; allowed [{low}, {high}]")
    return int(x)


def check_scalar(name: str, value, ranges: dict[str, tuple[float, float, str]]) -> float:
    """One number for the parameter ``name``, checked against ``ranges[name] = (low, high, unit)``.

    Raises ValueError naming ``name``, the value and the allowed range, or saying that an array was given.
    """
    low, high, unit = ranges[name]
    return as_float(name, value, low=low, high=high, unit=unit)


def check_choice(name: str, value, options: Iterable[str]) -> str:
    """Return ``value`` if it is one of ``options``; otherwise raise ValueError listing them."""
    opts = list(options)
    if not isinstance(value, str) or value not in opts:
        close = get_close_matches(str(value), [str(o) for o in opts], n=1)
        hint = f" (did you mean {close[0]!r}?)" if close else ""
        shown = fmt(value) if isinstance(value, (float, np.floating)) else repr(value)
        raise ValueError(f"{name} = {shown} is not allowed; choose one of {opts}{hint}")
    return value


def _range_text(low, high, unit_s: str) -> str:
    if low is not None and high is not None:
        return f"[{low:g}, {high:g}]{unit_s}"
    if low is not None:
        return f">= {low:g}{unit_s}"
    if high is not None:
        return f"<= {high:g}{unit_s}"
    return "any finite number"


def scalar_or_array(arr: np.ndarray, like):
    """Return a Python float when the caller passed a scalar (and the result is one), else the array."""
    return float(arr) if np.ndim(like) == 0 and np.ndim(arr) == 0 else arr
