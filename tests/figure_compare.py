"""Compare plotly trace data: a live FigureWidget (or a browser's gd.data) against a freshly built
figure. Used by the explorer sweep, the browser tests and the benchmarks."""

from __future__ import annotations

import numpy as np

KEYS = ("x", "y", "z")


def _as_list(v):
    if v is None:
        return None
    if isinstance(v, np.ndarray):
        return v.tolist()
    if isinstance(v, (list, tuple)):
        return [x.tolist() if isinstance(x, np.ndarray) else x for x in v]
    return [v]


def trace_arrays(fig) -> list[dict]:
    """Per trace: visibility and the x/y/z/text arrays as plain lists (None when absent)."""
    out = []
    for t in fig.data:
        vis = getattr(t, "visible", None)
        out.append(
            {
                "visible": True if vis is None else vis,
                **{k: _as_list(getattr(t, k, None)) for k in KEYS + ("text",)},
            }
        )
    return out


def numeric(a):
    """``a`` as a float array, or None if it holds non-numbers (categories, labels)."""
    if a is None:
        return None
    try:
        return np.asarray(a, dtype=float)
    except (TypeError, ValueError):
        return None


def same_array(a, b) -> bool:
    if a is None or b is None:
        return (a is None or len(a) == 0) and (b is None or len(b) == 0)
    if len(a) != len(b):
        return False
    fa, fb = numeric(a), numeric(b)
    if fa is None or fb is None:
        return [str(x) for x in a] == [str(x) for x in b]
    if fa.shape != fb.shape:
        return False
    return bool(np.allclose(fa, fb, rtol=1e-6, atol=1e-9, equal_nan=True))


def trace_mismatch(actual: list[dict], expected: list[dict]) -> str | None:
    """Why ``actual`` traces differ from ``expected`` ones (None if they agree). Hidden traces
    (visible False) are compared only for their visibility."""
    if len(actual) != len(expected):
        return f"{len(actual)} traces shown, expected {len(expected)}"
    for i, (b, e) in enumerate(zip(actual, expected, strict=True)):
        if (b["visible"] is False) != (e["visible"] is False):
            return f"trace {i}: visible={b['visible']}, expected {e['visible']}"
        if e["visible"] is False:
            continue
        for k in KEYS:
            if not same_array(b[k], e[k]):
                return f"trace {i}.{k} shown {str(b[k])[:80]} != expected {str(e[k])[:80]}"
    return None
