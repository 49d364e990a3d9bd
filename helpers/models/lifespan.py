"""Age- and sex-specific reference curves for serum IGF-1, IGFBP-3 and the IGF-1:IGFBP-3 ratio.

Method (an illustrative LMS-style model)
----------------------------------------
Reference percentiles of a skewed lab value are usually described by three smooth functions of
age (Cole's LMS method): **M** (the median), **S** (a coefficient of variation) and **L** (a
Box-Cox power that removes the skew). A value ``y`` has the z-score (SDS)::

    z = ((y / M) ** L - 1) / (L * S)          (L != 0)

and the centile for a given z is ``y = M * (1 + L * S * z) ** (1 / L)``. The percentile is
``100 * Phi(z)`` with Phi the standard normal cumulative distribution.

The calibration file lists L, M and S of the published IDS-iSYS reference data at a few
calibration ages: IGF-1 at 1, 5, 10, 15, 20, 28, 38, 48, 58, 68 and 78 y [@bidlingmaier2014]
(rows A18–A39), IGFBP-3 at 5, 15, 22, 40 and 70 y and the molar IGF-1:IGFBP-3 ratio (x100) at
15, 40 and 70 y [@friedrich2014] (rows A43–A58). L is constant over age in those tables. Between
calibration ages this module interpolates ``ln M`` and ``S`` with a monotone piecewise-cubic
Hermite interpolant (Fritsch–Carlson, "PCHIP"): it passes exactly through every calibration
value, never overshoots between them (so the pubertal peak of the median stays at 15 y, the
calibration age with the highest median) and is smooth. Outside the calibration ages the
curves are continued linearly (``ln M`` and ``S``) with the slope of the nearest segment;
below the first IGF-1 age (1 y) the median and spread are held constant. These extrapolated
stretches are illustrative only, and so is the whole curve: the published reference tables have
values for every age and come from one assay; this model reproduces them at the calibration
ages (tested to within 0.5 %) and is a smooth guess in between.

All concentrations in ng/mL, ages in years; sex is ``"female"`` or ``"male"``.
"""

from __future__ import annotations

import math

import numpy as np
from numpy.typing import ArrayLike

from .._validate import as_float, as_float_array, check_choice, fmt, scalar_or_array
from .stats import normal_cdf as normal_cdf
from .stats import normal_quantile

SEXES = ("female", "male")
AGE_MIN_YEARS, AGE_MAX_YEARS = 0.0, 100.0
#: z-score of the 2.5th / 97.5th percentile (the usual 95 % reference interval).
Z_97_5 = normal_quantile(0.975)
#: largest |z| accepted by ``centile`` (far beyond any reference chart)
Z_MAX = 10.0

# LMS rows of the calibration file: age_years -> (M, S); L constant per sex.
# IGF-1, ng/mL, IDS-iSYS [@bidlingmaier2014] (A18–A39)
IGF1_LMS = {
    "male": dict(
        L=0.4568,
        ages=[1, 5, 10, 15, 20, 28, 38, 48, 58, 68, 78],
        M=[
            83.0813,
            127.6126,
            222.813,
            318.7692,
            258.5452,
            176.8353,
            147.8521,
            125.7431,
            112.5445,
            105.7704,
            91.1025,
        ],
        S=[0.4187, 0.389, 0.3532, 0.3202, 0.2922, 0.2645, 0.2571, 0.2798, 0.3161, 0.3492, 0.3762],
    ),
    "female": dict(
        L=0.4595,
        ages=[1, 5, 10, 15, 20, 28, 38, 48, 58, 68, 78],
        M=[
            62.3128,
            105.1525,
            206.5732,
            300.1497,
            234.7593,
            158.6612,
            135.6504,
            114.5344,
            98.0102,
            88.7193,
            86.7241,
        ],
        S=[0.4589, 0.4299, 0.3945, 0.3614, 0.3338, 0.3073, 0.2964, 0.3059, 0.3289, 0.3559, 0.3811],
    ),
}
# IGFBP-3, ng/mL, IDS-iSYS [@friedrich2014] (A43–A52)
IGFBP3_LMS = {
    "male": dict(
        L=0.719,
        ages=[5, 15, 22, 40, 70],
        M=[3458.4976, 4348.5313, 4456.0579, 4200.4898, 3483.2287],
        S=[0.2409, 0.2174, 0.2079, 0.212, 0.2581],
    ),
    "female": dict(
        L=0.8399,
        ages=[5, 15, 22, 40, 70],
        M=[3479.9041, 4466.1923, 4649.1144, 4009.7139, 3732.8081],
        S=[0.2496, 0.2173, 0.2046, 0.2044, 0.2427],
    ),
}
# molar IGF-1:IGFBP-3 ratio x 100 [@friedrich2014] (A53–A58); calibrated from 15 y only
RATIO_LMS = {
    "male": dict(L=0.4072, ages=[15, 40, 70], M=[24.5955, 11.6966, 11.1434], S=[0.3101, 0.259, 0.2733]),
    "female": dict(L=0.3208, ages=[15, 40, 70], M=[23.9725, 12.0755, 9.1711], S=[0.2974, 0.2923, 0.302]),
}
MARKERS = {
    "igf1": (IGF1_LMS, "IGF-1", "ng/mL", AGE_MIN_YEARS),
    "igfbp3": (IGFBP3_LMS, "IGFBP-3", "ng/mL", AGE_MIN_YEARS),
    "ratio": (RATIO_LMS, "IGF-1:IGFBP-3 molar ratio", "x100", 15.0),
}


# ---------------------------------------------------------------------------------------------
# numerics: normal CDF and monotone cubic interpolation, numpy only
# ---------------------------------------------------------------------------------------------
def _pchip_slopes(x: np.ndarray, y: np.ndarray) -> np.ndarray:
    h = np.diff(x)
    delta = np.diff(y) / h
    d = np.zeros_like(y)
    if len(x) == 2:
        return np.full_like(y, delta[0])
    for k in range(1, len(x) - 1):
        if delta[k - 1] * delta[k] > 0:
            w1, w2 = 2 * h[k] + h[k - 1], h[k] + 2 * h[k - 1]
            d[k] = (w1 + w2) / (w1 / delta[k - 1] + w2 / delta[k])
    # end points: one-sided three-point estimate, kept shape-preserving
    for k, (h0, h1, d0, d1) in (
        (0, (h[0], h[1], delta[0], delta[1])),
        (-1, (h[-1], h[-2], delta[-1], delta[-2])),
    ):
        e = ((2 * h0 + h1) * d0 - h0 * d1) / (h0 + h1)
        if np.sign(e) != np.sign(d0):
            e = 0.0
        elif np.sign(d0) != np.sign(d1) and abs(e) > abs(3 * d0):
            e = 3 * d0
        d[k] = e
    return d


def pchip(x_nodes: ArrayLike, y_nodes: ArrayLike, x: ArrayLike) -> np.ndarray:
    """Monotone piecewise-cubic Hermite interpolation (Fritsch–Carlson) of the nodes at ``x``;
    outside the nodes the end segments are continued as straight lines (slope of that segment)."""
    xn = as_float_array("x_nodes", x_nodes)
    yn = as_float_array("y_nodes", y_nodes)
    if xn.ndim != 1 or xn.size < 2 or yn.shape != xn.shape:
        raise ValueError(
            f"x_nodes and y_nodes must be 1-D arrays of the same length >= 2, got shapes {xn.shape} and {yn.shape}"
        )
    if (np.diff(xn) <= 0).any():
        raise ValueError(f"x_nodes must be strictly increasing, got {xn.tolist()}")
    x = as_float_array("x", x)
    d = _pchip_slopes(xn, yn)
    i = np.clip(np.searchsorted(xn, x, side="right") - 1, 0, len(xn) - 2)
    h = xn[i + 1] - xn[i]
    t = (x - xn[i]) / h
    h00, h10 = 2 * t**3 - 3 * t**2 + 1, t**3 - 2 * t**2 + t
    h01, h11 = -2 * t**3 + 3 * t**2, t**3 - t**2
    out = h00 * yn[i] + h10 * h * d[i] + h01 * yn[i + 1] + h11 * h * d[i + 1]
    lo, hi = x < xn[0], x > xn[-1]
    out = np.where(lo, yn[0] + (x - xn[0]) * (yn[1] - yn[0]) / (xn[1] - xn[0]), out)
    out = np.where(hi, yn[-1] + (x - xn[-1]) * (yn[-1] - yn[-2]) / (xn[-1] - xn[-2]), out)
    return out


# ---------------------------------------------------------------------------------------------
# LMS curves
# ---------------------------------------------------------------------------------------------
def _check(marker: str, age_years, sex: str) -> tuple[np.ndarray, dict]:
    check_choice("marker", marker, MARKERS)
    table, _label, _unit, age_lo = MARKERS[marker]
    check_choice("sex", sex, SEXES)
    age = as_float_array("age_years", age_years, low=age_lo, high=AGE_MAX_YEARS, unit="years")
    return age, table[sex]


def lms(marker: str, age_years: ArrayLike, sex: str) -> tuple[float, np.ndarray, np.ndarray]:
    """``(L, M, S)`` of ``marker`` (``"igf1"``, ``"igfbp3"`` or ``"ratio"``) at ``age_years``.

    M is in the marker's unit (ng/mL; the ratio is a molar ratio x 100), S is a coefficient of
    variation (dimensionless), L a Box-Cox power. Ages: 0–100 y (ratio: 15–100 y).
    """
    age, p = _check(marker, age_years, sex)
    ages = np.asarray(p["ages"], float)
    a = np.maximum(age, ages[0]) if marker == "igf1" else age  # IGF-1: hold values below 1 y
    m = np.exp(pchip(ages, np.log(p["M"]), a))
    s = np.clip(pchip(ages, p["S"], a), 0.05, None)
    return p["L"], m, s


def centile(marker: str, z: ArrayLike, age_years: ArrayLike, sex: str) -> np.ndarray:
    """The value (marker units) at z-score ``z``: ``M * (1 + L*S*z) ** (1/L)``."""
    z = as_float_array("z", z, low=-Z_MAX, high=Z_MAX, unit="SDS")
    L, m, s = lms(marker, age_years, sex)
    base = np.maximum(1.0 + L * s * z, 1e-12)
    return m * base ** (1.0 / L)


def sds(marker: str, value: ArrayLike, age_years: ArrayLike, sex: str) -> np.ndarray:
    """Standard deviation score (z) of ``value`` (marker units, > 0) at ``age_years`` for ``sex``."""
    return _sds(marker, value, age_years, sex, "value")


def _sds(marker: str, value, age_years, sex: str, name: str) -> np.ndarray:
    _table, label, unit, _lo = MARKERS[check_choice("marker", marker, MARKERS)]
    y = as_float_array(f"{name} ({label})", value, low=0.0, unit=unit)
    if (y <= 0).any():
        raise ValueError(f"{name} ({label}) must be > 0 {unit}; got {fmt(y[y <= 0].flat[0])}")
    L, m, s = lms(marker, age_years, sex)
    return ((y / m) ** L - 1.0) / (L * s)


def reference(marker: str, age_years: ArrayLike, sex: str) -> dict:
    """2.5th, 50th and 97.5th percentiles of ``marker`` at ``age_years`` for ``sex``."""
    out = {
        "p2_5": centile(marker, -Z_97_5, age_years, sex),
        "p50": centile(marker, 0.0, age_years, sex),
        "p97_5": centile(marker, Z_97_5, age_years, sex),
    }
    return {k: scalar_or_array(v, age_years) for k, v in out.items()}


# ---------------------------------------------------------------------------------------------
# the public API of issue 5
# ---------------------------------------------------------------------------------------------
def igf1_reference(age_years: ArrayLike, sex: str) -> dict:
    """IGF-1 reference percentiles (ng/mL) at ``age_years`` (0–100, scalar or array) for
    ``sex`` ("female"/"male"): dict with keys ``p2_5``, ``p50`` (median) and ``p97_5``."""
    return reference("igf1", age_years, sex)


def _score(measure: str, value_ng_ml, age_years, sex: str, *, percentile: bool):
    """SDS (or percentile, 0–100) of ``value_ng_ml`` for ``measure``; a scalar when both the
    value and the age are scalars, else an array."""
    z = _sds(measure, value_ng_ml, age_years, sex, "value_ng_ml")
    out = 100.0 * normal_cdf(z) if percentile else z
    return scalar_or_array(np.asarray(out), value_ng_ml if np.ndim(value_ng_ml) else age_years)


def igf1_sds(value_ng_ml: ArrayLike, age_years: ArrayLike, sex: str) -> float | np.ndarray:
    """IGF-1 standard deviation score (z-score) of ``value_ng_ml`` (> 0) for age and sex.
    The median has SDS 0, the 97.5th percentile SDS 1.96. Vectorised."""
    return _score("igf1", value_ng_ml, age_years, sex, percentile=False)


def igf1_percentile(value_ng_ml: ArrayLike, age_years: ArrayLike, sex: str) -> float | np.ndarray:
    """Percentile (0–100) of an IGF-1 value (ng/mL, > 0) among people of that age and sex."""
    return _score("igf1", value_ng_ml, age_years, sex, percentile=True)


def igfbp3_reference(age_years: ArrayLike, sex: str) -> dict:
    """IGFBP-3 reference percentiles (ng/mL; keys p2_5, p50, p97_5) at ``age_years`` (0–100)."""
    return reference("igfbp3", age_years, sex)


def igfbp3_sds(value_ng_ml: ArrayLike, age_years: ArrayLike, sex: str) -> float | np.ndarray:
    """IGFBP-3 standard deviation score of ``value_ng_ml`` (> 0) for age and sex."""
    return _score("igfbp3", value_ng_ml, age_years, sex, percentile=False)


def igfbp3_percentile(value_ng_ml: ArrayLike, age_years: ArrayLike, sex: str) -> float | np.ndarray:
    """Percentile (0–100) of an IGFBP-3 value (ng/mL, > 0) for age and sex."""
    return _score("igfbp3", value_ng_ml, age_years, sex, percentile=True)


def ratio_reference(age_years: ArrayLike, sex: str) -> dict:
    """Molar IGF-1:IGFBP-3 ratio (x 100) percentiles at ``age_years`` (15–100; the published
    LMS rows in the calibration file start at 15 y)."""
    return reference("ratio", age_years, sex)


def median_peak_age(marker: str, sex: str, step_years: float = 0.1) -> float:
    """Age (years) at which the modelled median of ``marker`` is highest, searched on a grid of
    ``step_years`` (0.01–10 y) over the marker's ages."""
    lo = MARKERS[check_choice("marker", marker, MARKERS)][3]
    check_choice("sex", sex, SEXES)
    step = as_float("step_years", step_years, low=0.01, high=10.0, unit="years")
    age = np.arange(lo, AGE_MAX_YEARS + step / 2, step)
    return float(age[np.argmax(lms(marker, age, sex)[1])])


def decline_percent_per_decade(marker: str, sex: str, age_from: float, age_to: float) -> float:
    """Adult decline of the median (% per decade) from a log-linear least-squares fit of
    ln(median) against age on a 1-year grid from ``age_from`` to ``age_to`` (the marker's ages,
    0–100 y or 15–100 y for the ratio; ``age_to`` at least 1 year above ``age_from``)."""
    lo = MARKERS[check_choice("marker", marker, MARKERS)][3]
    check_choice("sex", sex, SEXES)
    a0 = as_float("age_from", age_from, low=lo, high=AGE_MAX_YEARS, unit="years")
    a1 = as_float("age_to", age_to, low=lo, high=AGE_MAX_YEARS, unit="years")
    if a1 < a0 + 1.0:
        raise ValueError(
            f"age_to = {fmt(a1)} years must be at least 1 year above age_from = {fmt(a0)} years "
            "(the fit needs two ages)"
        )
    age = np.arange(a0, a1 + 0.5, 1.0)
    m = lms(marker, age, sex)[1]
    slope = np.polyfit(age, np.log(m), 1)[0]
    return float(100.0 * (1.0 - math.exp(10.0 * slope)))


# ---------------------------------------------------------------------------------------------
# molar ratio of a person's IGF-1 and IGFBP-3 (used for the illustrative cohort)
# ---------------------------------------------------------------------------------------------
def _fit_ratio_scale() -> float:
    """Scale k in ratio_x100 = k * IGF-1 / IGFBP-3 (both ng/mL): the geometric mean, over the
    six ratio calibration points (15, 40, 70 y; both sexes), of published ratio median divided
    by (IGF-1 median / IGFBP-3 median). k stands for 100 x the ratio of the two molar masses;
    fitting it avoids assuming a molar mass for (glycosylated) IGFBP-3."""
    logs = []
    for s in SEXES:
        ages = np.asarray(RATIO_LMS[s]["ages"], float)
        r = lms("ratio", ages, s)[1]
        i = lms("igf1", ages, s)[1]
        b = lms("igfbp3", ages, s)[1]
        logs.append(np.log(r * b / i))
    return float(np.exp(np.mean(np.concatenate(logs))))


#: fitted scale of the molar ratio (dimensionless, x100 included); about 360
RATIO_SCALE = _fit_ratio_scale()


def molar_ratio_x100(igf1_ng_ml: ArrayLike, igfbp3_ng_ml: ArrayLike) -> float | np.ndarray:
    """Molar IGF-1:IGFBP-3 ratio x 100 from mass concentrations (ng/mL, > 0), using the fitted
    RATIO_SCALE. Vectorised."""
    i = as_float_array("igf1_ng_ml", igf1_ng_ml, low=0.0, unit="ng/mL")
    b = as_float_array("igfbp3_ng_ml", igfbp3_ng_ml, low=0.0, unit="ng/mL")
    if (b <= 0).any():
        raise ValueError("igfbp3_ng_ml must be > 0 ng/mL")
    return scalar_or_array(RATIO_SCALE * i / b, igf1_ng_ml)


# ---------------------------------------------------------------------------------------------
# crude versus age-adjusted association (confounding by age)
# ---------------------------------------------------------------------------------------------
def age_covariates(age_years: ArrayLike, is_male: ArrayLike | None = None) -> np.ndarray:
    """Design matrix [1, age, age^2 (, male)] used to adjust for age (and sex when given).

    ``age_years``: a 1-D array of ages (0–100 y); ``is_male``: None or 0/1 values of the same shape.
    """
    a = as_float_array("age_years", age_years, low=AGE_MIN_YEARS, high=AGE_MAX_YEARS, unit="years")
    if a.ndim != 1 or a.size == 0:
        raise ValueError(f"age_years must be a non-empty 1-D array of ages, got shape {a.shape}")
    c = (a - 50.0) / 10.0
    cols = [np.ones_like(a), c, c * c]
    if is_male is not None:
        male = as_float_array("is_male", is_male, low=0.0, high=1.0)
        if male.shape != a.shape:
            raise ValueError(
                f"is_male must be None or an array of the shape of age_years {a.shape}, got {male.shape}"
            )
        cols.append(male)
    return np.column_stack(cols)


def residuals(y: ArrayLike, covariates: np.ndarray) -> np.ndarray:
    """What is left of ``y`` (1-D) after a least-squares fit on ``covariates`` (2-D, one row per
    value of ``y``)."""
    y = as_float_array("y", y)
    cov = as_float_array("covariates", covariates)
    if y.ndim != 1 or cov.ndim != 2 or cov.shape[0] != y.size or y.size == 0:
        raise ValueError(
            f"y must be a non-empty 1-D array and covariates a 2-D array with one row per value of y, "
            f"got shapes {y.shape} and {cov.shape}"
        )
    covariates = cov
    beta = np.linalg.lstsq(covariates, y, rcond=None)[0]
    return y - covariates @ beta


def association(x: ArrayLike, y: ArrayLike, age_years: ArrayLike, is_male: ArrayLike | None = None) -> dict:
    """Crude and age-adjusted association of ``y`` with ``x``.

    Returns ``r_crude`` (Pearson r of x and y), ``r_adjusted`` (partial correlation: r of the
    residuals of x and y after regressing each on age and age^2, and on sex when ``is_male`` is
    given), ``slope_crude`` and ``slope_adjusted`` (change in y per unit x, least squares) and
    ``n``. Needs at least 5 people.
    """
    x, y = as_float_array("x", x), as_float_array("y", y)
    if x.shape != y.shape or x.ndim != 1 or len(x) < 5:
        raise ValueError(f"x and y must be 1-D arrays of the same length >= 5, got {x.shape}, {y.shape}")
    X = age_covariates(age_years, is_male)
    if X.shape[0] != x.size:
        raise ValueError(f"age_years must be one age per value of x ({x.size}), got {X.shape[0]}")
    rx, ry = residuals(x, X), residuals(y, X)

    def r(a, b):
        sa, sb = a.std(), b.std()
        return float(np.mean((a - a.mean()) * (b - b.mean())) / (sa * sb)) if sa > 0 and sb > 0 else 0.0

    xc = x - x.mean()
    if not (xc @ xc > 0 and rx @ rx > 0):
        raise ValueError("x must vary, also after adjusting for age (and sex); got values that do not")
    return {
        "r_crude": r(x, y),
        "r_adjusted": r(rx, ry),
        "slope_crude": float(xc @ (y - y.mean()) / (xc @ xc)),
        "slope_adjusted": float(rx @ ry / (rx @ rx)),
        "n": int(len(x)),
    }
