"""Statistics used across the collection: quantiles, t-based confidence intervals, group summaries
and pooled effects. numpy and the standard library only (no scipy).

Every interval that the explorers, the illustrative-data generators and the notebooks draw comes
from here, so that one rule holds everywhere:

* the interval of a **mean** (one group, or a difference of two groups) uses Student's t with
  the sample's degrees of freedom (Welch–Satterthwaite for two groups of unequal variance); with
  5 people per group t(0.975, 4) = 2.776, where the normal 1.96 would make the interval 29 %
  too narrow;
* a **pooled effect** of several studies (fixed effect, inverse-variance weights) uses the normal
  quantile, as meta-analyses do, because its standard error is treated as known.

Quantiles are exact to about 1e-12: the normal quantile is Acklam's rational approximation
refined by one Halley step; Student's t distribution function is the regularized incomplete beta
function (a continued fraction), and its quantile is found by safeguarded Newton steps.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from functools import lru_cache

import numpy as np
from numpy.typing import ArrayLike

from .._validate import as_float, as_float_array, fmt

#: the confidence level used when none is given
LEVEL = 0.95

# ---- quantiles -------------------------------------------------------------------------------
# Acklam's coefficients for the inverse of the standard normal distribution function.
_A = (-3.969683028665376e01, 2.209460984245205e02, -2.759285104469687e02, 1.383577518672690e02)
_A += (-3.066479806614716e01, 2.506628277459239e00)
_B = (-5.447609879822406e01, 1.615858368580409e02, -1.556989798598866e02, 6.680131188771972e01)
_B += (-1.328068155288572e01,)
_C = (-7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e00, -2.549732539343734e00)
_C += (4.374664141464968e00, 2.938163982698783e00)
_D = (7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e00, 3.754408661907416e00)
_P_LOW = 0.02425


def _poly(coef: Sequence[float], x: float) -> float:
    out = 0.0
    for c in coef:
        out = out * x + c
    return out


def _check_probability(name: str, p) -> np.ndarray:
    arr = as_float_array(name, p, low=0.0, high=1.0)
    if ((arr <= 0.0) | (arr >= 1.0)).any():
        bad = arr[(arr <= 0.0) | (arr >= 1.0)].flat[0]
        raise ValueError(f"{name} = {fmt(bad)} is outside the open interval (0, 1)")
    return arr


def _scalar_or_array(arr: np.ndarray, *inputs):
    return float(arr) if all(np.ndim(x) == 0 for x in inputs) else arr


@lru_cache(maxsize=4096)
def _normal_quantile(p: float) -> float:
    q = min(p, 1.0 - p)
    if q < _P_LOW:
        r = math.sqrt(-2.0 * math.log(q))
        x = _poly(_C, r) / (_poly(_D, r) * r + 1.0)
    else:
        r = q - 0.5
        s = r * r
        x = _poly(_A, s) * r / (_poly(_B, s) * s + 1.0)
    # one Halley step on Phi(x) - q, Phi computed with erfc for accuracy in the tail
    e = 0.5 * math.erfc(-x / math.sqrt(2.0)) - q
    u = e * math.sqrt(2.0 * math.pi) * math.exp(0.5 * x * x)
    x = x - u / (1.0 + 0.5 * x * u)
    return x if p < 0.5 else -x or 0.0


def normal_quantile(p: ArrayLike) -> float | np.ndarray:
    """Quantile of the standard normal distribution: ``normal_quantile(0.975) = 1.959964``.

    ``p`` (scalar or array) must lie strictly between 0 and 1.
    """
    arr = _check_probability("p", p)
    out = np.vectorize(_normal_quantile, otypes=[float])(arr)
    return _scalar_or_array(out, p)


def normal_cdf(z: ArrayLike) -> float | np.ndarray:
    """Standard normal distribution function Phi(z) = erfc(-z / sqrt 2) / 2. Vectorised."""
    arr = as_float_array("z", z)
    out = np.vectorize(lambda v: 0.5 * math.erfc(-v / math.sqrt(2.0)), otypes=[float])(arr)
    return _scalar_or_array(out, z)


def _betacf(a: float, b: float, x: float) -> float:
    """Continued fraction of the incomplete beta function (modified Lentz)."""
    tiny = 1e-300
    qab, qap, qam = a + b, a + 1.0, a - 1.0
    c, d = 1.0, 1.0 - qab * x / qap
    d = 1.0 / (d if abs(d) > tiny else tiny)
    h = d
    for m in range(1, 500):
        m2 = 2 * m
        aa = m * (b - m) * x / ((qam + m2) * (a + m2))
        d = 1.0 + aa * d
        d = 1.0 / (d if abs(d) > tiny else tiny)
        c = 1.0 + aa / c
        c = c if abs(c) > tiny else tiny
        h *= d * c
        aa = -(a + m) * (qab + m) * x / ((a + m2) * (qap + m2))
        d = 1.0 + aa * d
        d = 1.0 / (d if abs(d) > tiny else tiny)
        c = 1.0 + aa / c
        c = c if abs(c) > tiny else tiny
        delta = d * c
        h *= delta
        if abs(delta - 1.0) < 1e-15:
            break
    return h


def _betainc(a: float, b: float, x: float) -> float:
    """Regularized incomplete beta function I_x(a, b), 0 <= x <= 1."""
    if x <= 0.0:
        return 0.0
    if x >= 1.0:
        return 1.0
    ln_front = math.lgamma(a + b) - math.lgamma(a) - math.lgamma(b) + a * math.log(x) + b * math.log1p(-x)
    front = math.exp(ln_front)
    if x < (a + 1.0) / (a + b + 2.0):
        return front * _betacf(a, b, x) / a
    return 1.0 - front * _betacf(b, a, 1.0 - x) / b


def _t_cdf(t: float, dof: float) -> float:
    if math.isinf(dof):
        return 0.5 * math.erfc(-t / math.sqrt(2.0))
    tail = 0.5 * _betainc(0.5 * dof, 0.5, dof / (dof + t * t))
    return 1.0 - tail if t > 0 else tail


def _t_pdf(t: float, dof: float) -> float:
    ln_c = math.lgamma(0.5 * (dof + 1.0)) - math.lgamma(0.5 * dof) - 0.5 * math.log(dof * math.pi)
    return math.exp(ln_c - 0.5 * (dof + 1.0) * math.log1p(t * t / dof))


@lru_cache(maxsize=4096)
def _t_quantile(p: float, dof: float) -> float:
    if math.isinf(dof):
        return _normal_quantile(p)
    if dof == 1.0:  # Cauchy; written with the smaller tail so that extreme p stay accurate
        return -1.0 / math.tan(math.pi * p) if p < 0.5 else 1.0 / math.tan(math.pi * (1.0 - p))
    if dof == 2.0:
        return (2.0 * p - 1.0) / math.sqrt(2.0 * p * (1.0 - p))
    if p == 0.5:
        return 0.0
    # start from the Cornish-Fisher expansion around the normal quantile, then Newton steps
    # kept inside a bracket that always contains the root
    z = _normal_quantile(p)
    x = z + (z**3 + z) / (4 * dof) + (5 * z**5 + 16 * z**3 + 3 * z) / (96 * dof**2)
    lo, hi = (-1e300, 0.0) if p < 0.5 else (0.0, 1e300)
    for _ in range(100):
        f = _t_cdf(x, dof) - p
        if f > 0:
            hi = min(hi, x)
        else:
            lo = max(lo, x)
        step = f / _t_pdf(x, dof)
        new = x - step
        if not (lo < new < hi):
            new = 0.5 * (lo + hi) if math.isfinite(lo + hi) and abs(lo + hi) < 1e300 else x - 0.5 * step
        if abs(new - x) <= 1e-14 * max(1.0, abs(x)):
            return new
        x = new
    return x  # pragma: no cover (Newton converges in a handful of steps)


def t_cdf(t: ArrayLike, dof: ArrayLike) -> float | np.ndarray:
    """Distribution function of Student's t with ``dof`` degrees of freedom (> 0; inf = normal)."""
    tt = as_float_array("t", t)
    v = _check_dof(dof)
    out = np.vectorize(_t_cdf, otypes=[float])(tt, v)
    return _scalar_or_array(out, t, dof)


def t_quantile(p: ArrayLike, dof: ArrayLike) -> float | np.ndarray:
    """Quantile of Student's t: ``t_quantile(0.975, 4) = 2.776``; ``dof`` > 0, may be an array."""
    arr = _check_probability("p", p)
    v = _check_dof(dof)
    out = np.vectorize(_t_quantile, otypes=[float])(arr, v)
    return _scalar_or_array(out, p, dof)


def _check_dof(dof) -> np.ndarray:
    if dof is None or isinstance(dof, (bool, np.bool_)):
        raise ValueError(f"dof must be a number of degrees of freedom > 0 (inf = normal), got {dof!r}")
    try:
        v = np.asarray(dof, dtype=float)
    except (TypeError, ValueError):
        raise ValueError(f"dof must be a number of degrees of freedom, got {dof!r}") from None
    if np.isnan(v).any() or (v <= 0).any():
        bad = v[np.isnan(v) | (v <= 0)].flat[0]
        raise ValueError(f"dof = {fmt(bad)} degrees of freedom is not allowed; it must be > 0 (inf = normal)")
    return v


def _check_level(level) -> float:
    lv = as_float("level", level, low=0.0, high=1.0)
    if not 0.0 < lv < 1.0:
        raise ValueError(f"level = {lv:g} is outside the open interval (0, 1); use e.g. 0.95")
    return lv


def t_critical(dof: ArrayLike, level: float = LEVEL) -> float | np.ndarray:
    """Two-sided critical value of t for a ``level`` interval: ``t_critical(4) = 2.776``."""
    return t_quantile(0.5 + 0.5 * _check_level(level), dof)


def z_critical(level: float = LEVEL) -> float:
    """Two-sided critical value of the normal distribution: ``z_critical() = 1.959964``."""
    return float(normal_quantile(0.5 + 0.5 * _check_level(level)))


# ---- confidence intervals of means -------------------------------------------------------------
def _sample(name: str, values, least: int = 2) -> np.ndarray:
    arr = as_float_array(name, values).ravel()
    if arr.size < least:
        raise ValueError(f"{name} needs at least {least} values, got {arr.size}")
    return arr


def mean_ci(values: ArrayLike, level: float = LEVEL) -> tuple[float, float, float]:
    """Mean of ``values`` with its t-based confidence interval: (mean, low, high).

    Half-width t(1 - (1 - level)/2, n - 1) * sd / sqrt(n) with the sample SD (ddof = 1); n >= 2.
    """
    x = _sample("values", values)
    m = float(x.mean())
    half = float(t_critical(x.size - 1, level)) * float(x.std(ddof=1)) / math.sqrt(x.size)
    return m, m - half, m + half


def group_summary(
    values: ArrayLike, groups: ArrayLike, order: Sequence | None = None, level: float = LEVEL
) -> dict:
    """Mean, SD, n and t-based confidence interval of ``values`` for each group label in ``groups``.

    Returns a dict of equal-length arrays: ``group``, ``n``, ``mean``, ``sd`` (ddof = 1),
    ``ci_low``, ``ci_high``. Groups come in ``order`` if given (every label must occur), otherwise
    sorted. Each group needs at least 2 values.
    """
    x = as_float_array("values", values).ravel()
    if np.ndim(groups) != 1:
        raise ValueError(f"groups must be a 1-D array of group labels, one per value, got {groups!r}")
    g = np.asarray(groups).ravel()
    if g.shape != x.shape:
        raise ValueError(f"values and groups must be the same length, got {x.size} and {g.size}")
    present = set(g.tolist())
    if order is None:
        labels = sorted(present)
    elif isinstance(order, (list, tuple, np.ndarray)) and len(order) > 0:
        labels = list(order)
        missing = [v for v in labels if v not in present]
        if missing:
            shown = sorted(present, key=str)
            raise ValueError(f"order must list labels that occur in groups {shown}, got {missing[0]!r}")
    else:
        raise ValueError(f"order must be None or a non-empty list of group labels, got {order!r}")
    out = {k: [] for k in ("group", "n", "mean", "sd", "ci_low", "ci_high")}
    for label in labels:
        sel = x[g == label]
        if sel.size < 2:
            raise ValueError(
                f"group {label!r} has {sel.size} value(s); a confidence interval needs at least 2"
            )
        m, lo, hi = mean_ci(sel, level)
        for k, v in zip(out, (label, sel.size, m, float(sel.std(ddof=1)), lo, hi), strict=True):
            out[k].append(v)
    dtypes = {"group": object, "n": int}  # counts stay whole numbers
    return {k: np.asarray(v, dtype=dtypes.get(k, float)) for k, v in out.items()}


def welch_dof(var_a: float, n_a: int, var_b: float, n_b: int) -> float:
    """Welch–Satterthwaite degrees of freedom of the difference of two means (unequal variances):
    sample variances ``var_a``, ``var_b`` (>= 0) of groups of ``n_a``, ``n_b`` (>= 2) values."""
    var_a, var_b = as_float("var_a", var_a, low=0.0), as_float("var_b", var_b, low=0.0)
    n_a, n_b = as_float("n_a", n_a, low=2.0), as_float("n_b", n_b, low=2.0)
    va, vb = var_a / n_a, var_b / n_b
    den = va**2 / (n_a - 1) + vb**2 / (n_b - 1)
    return (va + vb) ** 2 / den if den > 0 else float(n_a + n_b - 2)


def mean_difference_ci(a: ArrayLike, b: ArrayLike, level: float = LEVEL) -> tuple[float, float, float]:
    """Difference of means mean(a) - mean(b) with a Welch t confidence interval: (d, low, high)."""
    x, y = _sample("a", a), _sample("b", b)
    va, vb = float(x.var(ddof=1)), float(y.var(ddof=1))
    d = float(x.mean() - y.mean())
    se = math.sqrt(va / x.size + vb / y.size)
    half = float(t_critical(welch_dof(va, x.size, vb, y.size), level)) * se
    return d, d - half, d + half


def relative_difference_ci(a: ArrayLike, b: ArrayLike, level: float = LEVEL) -> tuple[float, float, float]:
    """Relative difference mean(a) / mean(b) - 1 with a confidence interval: (r, low, high).

    Delta method on the log of the ratio of means, with Welch–Satterthwaite degrees of freedom;
    both means must be positive.
    """
    x, y = _sample("a", a), _sample("b", b)
    ma, mb = float(x.mean()), float(y.mean())
    if ma <= 0 or mb <= 0:
        raise ValueError(f"relative difference needs positive means, got mean(a) = {ma:g}, mean(b) = {mb:g}")
    # variances of the log means (delta method): var(x)/(n mean^2)
    va, vb = float(x.var(ddof=1)) / ma**2, float(y.var(ddof=1)) / mb**2
    se = math.sqrt(va / x.size + vb / y.size)
    half = float(t_critical(welch_dof(va, x.size, vb, y.size), level)) * se
    r = math.log(ma / mb)
    return math.expm1(r), math.expm1(r - half), math.expm1(r + half)


# ---- pooled effects ------------------------------------------------------------------------------
def pooled_effect(g: ArrayLike, se: ArrayLike, level: float = LEVEL) -> tuple[float, float, float]:
    """Fixed-effect (inverse-variance) pooled effect of several studies: (estimate, low, high).

    ``g``: the studies' effects (e.g. Hedges g, between -10 and 10); ``se``: their standard errors
    (> 0), same shape. The interval uses the normal quantile (``z_critical(level)``).
    """
    gg = as_float_array("g", g, low=-10.0, high=10.0)
    s = as_float_array("se", se, low=1e-9, high=100.0)
    if gg.shape != s.shape or gg.size == 0:
        raise ValueError(f"g and se must be non-empty and the same shape, got {gg.shape} and {s.shape}")
    w = 1.0 / s**2
    est = float((w * gg).sum() / w.sum())
    half = z_critical(level) * float(np.sqrt(1.0 / w.sum()))
    return est, est - half, est + half
