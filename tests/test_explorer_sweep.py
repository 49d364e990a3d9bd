"""Sweep every registered explorer across its controls' whole ranges (no browser).

For every entry of helpers.explorers.REGISTRY and every control: min, max, default, every option,
random values (fixed seed), all-min / all-max and random combinations of extremes. After each
``set()``: no exception, plotted numbers finite (NaN only as plotly's gap marker, never inf or
an all-NaN trace), ``summary()`` equal to
``summarize(compute(**values()))`` recomputed by an independent instance, and the live figure's
trace data equal to a freshly built ``make_figure(compute(**values()))`` (a stale trace fails).
Out-of-range values raise ValueError naming the control. Every control must matter to the model.
"""

from __future__ import annotations

import math

import numpy as np
import pytest
from figure_compare import numeric, trace_arrays, trace_mismatch

from helpers.explorers import REGISTRY
from helpers.explorers.base import allowed_values

NAMES = sorted(REGISTRY)
SEED = 20261121
N_RANDOM = 6
N_RANDOM_EXTREMES = 4


def _is_log(w) -> bool:
    return type(w).__name__ == "FloatLogSlider"


def _is_int(w) -> bool:
    return type(w).__name__ in ("IntSlider", "BoundedIntText")


def _pick(w, how, rng):
    """A value for control ``w``: 'min', 'max', 'default', 'rand' (or an explicit value)."""
    kind = allowed_values(w)
    if how == "default":
        return w.value
    if kind[0] == "bool":
        return {"min": False, "max": True}.get(how, bool(rng.integers(2)))
    if kind[0] == "options":
        opts = kind[1]
        return {"min": opts[0], "max": opts[-1]}.get(how, opts[int(rng.integers(len(opts)))])
    lo, hi = kind[1], kind[2]
    if how == "min":
        return lo
    if how == "max":
        return hi
    if _is_int(w):
        return int(rng.integers(int(lo), int(hi) + 1))
    if _is_log(w):
        return float(10 ** rng.uniform(math.log10(lo), math.log10(hi)))
    return float(rng.uniform(lo, hi))


def plan(ex, rng) -> list[dict[str, str]]:
    """Combinations of 'min'/'max'/'default'/'rand' per control."""
    keys = list(ex.controls)
    combos = [{k: "default" for k in keys}, {k: "min" for k in keys}, {k: "max" for k in keys}]
    for k in keys:
        for how in ("min", "max", "rand"):
            combos.append({**{j: "default" for j in keys}, k: how})
    for _ in range(N_RANDOM_EXTREMES):
        combos.append({k: ("min", "max")[int(rng.integers(2))] for k in keys})
    for _ in range(N_RANDOM):
        combos.append({k: "rand" for k in keys})
    return combos


def apply(ex, combo, rng) -> dict:
    """Set choices first (they may rescale sliders), then pick numbers in the current ranges."""
    choices = {
        k: _pick(ex.controls[k], how, rng)
        for k, how in combo.items()
        if allowed_values(ex.controls[k])[0] != "range"
    }
    if choices:
        ex.set(**choices)
    numbers = {
        k: _pick(ex.controls[k], how, rng)
        for k, how in combo.items()
        if allowed_values(ex.controls[k])[0] == "range"
    }
    if numbers:
        ex.set(**numbers)
    return {**choices, **numbers}


def check_state(ex, oracle, where: str) -> None:
    for i, t in enumerate(trace_arrays(ex.figure)):
        for k in ("x", "y", "z"):
            a = numeric(t[k])
            if a is not None and a.size:
                # NaN (None) is plotly's gap marker between line segments; infinities never plot
                assert not np.any(np.isinf(a)), f"{where}: trace {i}.{k} has infinite values"
                assert np.any(np.isfinite(a)), f"{where}: trace {i}.{k} has no finite value"
    values = ex.values()
    result = oracle.compute(**values)
    expected = oracle.summarize(result)
    got = ex.summary()
    assert set(got) == set(expected), where
    for key in expected:
        assert math.isfinite(got[key]), f"{where}: summary[{key!r}] = {got[key]}"
        assert got[key] == pytest.approx(expected[key], rel=1e-9, abs=1e-12), (
            f"{where}: summary()[{key!r}] = {got[key]} but the model gives {expected[key]} (stale?)"
        )
    why = trace_mismatch(trace_arrays(ex.figure), trace_arrays(oracle.make_figure(result)))
    assert why is None, f"{where}: the live figure differs from make_figure(compute(values)): {why}"
    assert ex.describe(got)


@pytest.mark.parametrize("name", NAMES)
def test_sweep_whole_ranges(name):
    rng = np.random.default_rng(SEED)
    ex, oracle = REGISTRY[name](), REGISTRY[name]()
    check_state(ex, oracle, f"{name} at defaults")
    combos = plan(ex, rng)
    for combo in combos:
        set_values = apply(ex, combo, rng)
        check_state(ex, oracle, f"{name} after set({set_values})")
    # static renders work at the extremes too
    apply(ex, {k: "max" for k in ex.controls}, rng)
    assert ex.static_figure().data
    assert len(combos) >= 3 + 3 * len(ex.controls)


@pytest.mark.parametrize("name", NAMES)
def test_gui_path_matches_set(name):
    """Moving a widget (what a browser does) gives the same state as set()."""
    rng = np.random.default_rng(SEED + 1)
    ex, oracle = REGISTRY[name](), REGISTRY[name]()
    for key, w in ex.controls.items():
        if allowed_values(w)[0] == "range":
            w.value = _pick(w, "rand", rng)
        else:
            w.value = _pick(w, "max", rng)
        check_state(ex, oracle, f"{name} after moving {key!r} to {w.value!r}")


@pytest.mark.parametrize("name", NAMES)
def test_out_of_range_values_raise(name):
    ex = REGISTRY[name]()
    for key, w in ex.controls.items():
        kind = allowed_values(w)
        before = ex.summary()
        if kind[0] == "range":
            lo, hi = kind[1], kind[2]
            span = hi - lo
            bad = [lo - 0.5 * span - 1, hi + 0.5 * span + 1, float("inf"), float("nan"), None, True]
            if _is_log(w):
                bad += [0.0, -1.0]
            if _is_int(w):
                bad.append(lo + 0.5)
        elif kind[0] == "options":
            bad = ["__not_an_option__", None]
        else:
            bad = [1, "yes", None]
        for v in bad:
            with pytest.raises(ValueError, match=rf"control '{key}'"):
                ex.set(**{key: v})
        assert ex.summary() == before, f"{name}: a rejected value for {key!r} changed the state"


@pytest.mark.parametrize("name", NAMES)
def test_every_control_matters(name):
    """Each control, changed alone (min, max or another option), changes what compute() returns."""
    ex = REGISTRY[name]()
    base_values = ex.values()
    base = ex.summarize(ex.compute(**base_values))
    base_fig = trace_arrays(ex.make_figure(ex.compute(**base_values)))
    for key, w in ex.controls.items():
        kind = allowed_values(w)
        if kind[0] == "range":
            candidates = [kind[1], kind[2]]
        elif kind[0] == "options":
            candidates = [o for o in kind[1] if o != w.value]
        else:
            candidates = [not w.value]
        changed = False
        for v in candidates:
            r = ex.compute(**{**base_values, key: v})
            if (
                ex.summarize(r) != base
                or trace_mismatch(trace_arrays(ex.make_figure(r)), base_fig) is not None
            ):
                changed = True
                break
        assert changed, f"{name}: control {key!r} changes neither the summary nor the figure"


def test_sweep_catches_a_stale_figure():
    """Test of the test: an explorer whose update_figure does nothing is caught."""
    import sys
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).parent / "browser"))
    from tfl_fixture_explorers import AllControls, Unwired

    good, oracle = AllControls(), AllControls()
    good.set(amplitude=2.0, shape="square")
    check_state(good, oracle, "all controls")
    bad = Unwired()
    bad.set(amplitude=2.0)
    with pytest.raises(AssertionError, match="live figure differs from make_figure"):
        check_state(bad, Unwired(), "unwired")
