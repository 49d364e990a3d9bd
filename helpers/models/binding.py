"""Mass-action model of IGF-1 binding in serum: free, binary, ternary and other-bound IGF-1.

Species (all concentrations in nmol/L = nM)::

    IGF-1 + IGFBP-3          <->  IGF-1:IGFBP-3              (binary, Kd = KD_IGFBP3_NM)
    IGF-1:IGFBP-3 + ALS      <->  IGF-1:IGFBP-3:ALS          (ternary, Kd = KD_ALS_NM)
    IGF-1 + other IGFBP      <->  IGF-1:IGFBP-x              (other-bound, Kd = KD_OTHER_NM)

ALS binds only the IGF-occupied IGFBP-3 [@firth2002]; IGFBP fragments made by proteolysis are
treated as not binding IGF-1 at all (``igfbp3_intact_fraction`` of the IGFBP-3 is intact).
IGF-II, which competes for the same binding sites in real serum, is left out (a simplification
discussed in notebook 02).

Solution: for a trial free IGF-1 concentration x, free IGFBP-3 follows exactly from a quadratic
(the ALS balance substituted into the IGFBP-3 balance), so every complex is an explicit,
increasing function of x. The total-IGF-1 balance g(x) = x + binary + ternary + other = IGF-1
total is then solved by bisection on x in [0, IGF-1 total], iterated until the bracket can no
longer shrink in floating point (never a fixed small number of steps), so pools sum to the total
to ~1e-15 relative.

Constants (sources and caveats in notebook 02 and in data/igfbp_family.csv):

- IGFBP-3 : IGF-I Kd 102 pM, solid-phase Scatchard with recombinant IGFBP-3 (calibration row A06;
  primary paper's identifier could not be verified, so it is not in the bibliography). IGFBPs bind
  IGFs with affinities at least as high as the IGF-1 receptor, i.e. sub-nanomolar [@jones1995].
- ALS : binary complex, Ka ~ 5e8 /M, i.e. Kd ~ 2 nM (Baxter, Martin & Beniac 1989, J Biol Chem;
  calibration row A05; identifier not verified).
- other IGFBPs (IGFBP-1, -2, -4, -5, -6 lumped): Kd 0.3 nM, an order-of-magnitude value
  (sub-nanomolar, as reviewed in [@jones1995; @firth2002]); illustrative.
"""

from __future__ import annotations

import math

import numpy as np

from .._validate import as_float_array, check_choice, scalar_or_array
from .units import NMOL_L_PER_NG_ML

#: IGFBP-3 : IGF-I dissociation constant (nM) — 102 pM (calibration row A06).
KD_IGFBP3_NM = 0.102
#: ALS : (IGF-I:IGFBP-3) dissociation constant (nM) = 1 / (5e8 /M) (calibration row A05).
KD_ALS_NM = 1.0 / 5e8 * 1e9
#: Lumped other IGFBPs : IGF-I dissociation constant (nM), order of magnitude only.
KD_OTHER_NM = 0.3

#: Molar masses used to convert the published mass concentrations (g/mol = Da).
IGFBP3_MOLAR_MASS_G_PER_MOL = 28_700.0  # non-glycosylated core (A03, vendor statement: weak)
ALS_MOLAR_MASS_G_PER_MOL = 85_000.0  # 84-86 kDa glycosylated doublet (A04)

#: Typical healthy-adult serum values that are converted to nM below.
ADULT_IGF1_NG_ML = 147.9  # median, men aged 38 y, IDS-iSYS [@bidlingmaier2014] (A24)
ADULT_IGFBP3_NG_ML = 4200.0  # median, men aged 40 y, IDS-iSYS [@friedrich2014] (A46)
ADULT_ALS_MG_L = 24.2  # mean of 93 normal adults, RIA (Baxter 1990; A15)
ADULT_OTHER_IGFBP_NM = 5.0  # IGFBP-1 alone is ~1-6 nM from overnight to prolonged fasting
# [@cotterill1993]; IGFBP-2, -4, -5, -6 lumped in: illustrative

#: Healthy-adult defaults keyed by ``equilibrium()``'s parameter names.
ADULT_DEFAULTS: dict[str, float] = {
    "igf1_nM": round(ADULT_IGF1_NG_ML * NMOL_L_PER_NG_ML, 2),  # 19.34 nM
    "igfbp3_nM": round(ADULT_IGFBP3_NG_ML / IGFBP3_MOLAR_MASS_G_PER_MOL * 1000, 1),  # 146.3 nM
    "als_nM": round(ADULT_ALS_MG_L / ALS_MOLAR_MASS_G_PER_MOL * 1e6, 1),  # 284.7 nM
    "other_igfbp_nM": ADULT_OTHER_IGFBP_NM,
    "igfbp3_intact_fraction": 1.0,
}

#: Apparent plasma half-lives of 125I-IGF-I in minutes, two healthy adults (Guler, Zapf, Schmid &
#: Froesch 1989, Acta Endocrinol; calibration rows A09-A11): free 10-12 min, ~50 kDa binary
#: complex 20-30 min, ~150-200 kDa ternary complex 12-15 h. Mid-points of the ranges.
HALF_LIFE_MIN: dict[str, float] = {"free": 11.0, "binary": 25.0, "ternary": 13.5 * 60.0}
#: Published ranges (min) of the half-lives above, for tests and text.
HALF_LIFE_RANGE_MIN: dict[str, tuple[float, float]] = {
    "free": (10.0, 12.0),
    "binary": (20.0, 30.0),
    "ternary": (12.0 * 60.0, 15.0 * 60.0),
}
POOLS = ("free", "binary", "ternary")

#: Below this total IGF-1 (nM) no binder is measurably occupied (occupancy ~ total / Kd < 1e-99), so
#: the exact tracer-limit (linear) formulas are used; this avoids subnormal-number round-off.
_TRACER_NM = 1e-100
_MAX_ITER = 2000  # safety net only: float bisection of a bracket in [0, total] ends in < 1100 halvings


def _complexes(x, igfbp3, als, other):
    """Binary, ternary and other-bound IGF-1 (nM) for free IGF-1 ``x`` (nM). Arrays broadcast."""
    u = x / KD_IGFBP3_NM  # occupied : free IGFBP-3
    c = u / KD_ALS_NM  # ternary per (free BP-3 x free ALS)
    # free IGFBP-3 b solves (1+u) c b^2 + (1 + u + (ALS - BP3) c) b - BP3 = 0 (b >= 0)
    alpha = (1.0 + u) * c
    beta = 1.0 + u + (als - igfbp3) * c
    disc = np.sqrt(beta * beta + 4.0 * alpha * igfbp3)
    with np.errstate(divide="ignore", invalid="ignore"):
        # two algebraically equal forms of the positive root; pick the one free of cancellation
        b_pos = np.where(beta + disc > 0, 2.0 * igfbp3 / (beta + disc), 0.0)
        b_neg = np.where(alpha > 0, (disc - beta) / (2.0 * alpha), 0.0)
    b = np.where(beta >= 0, b_pos, b_neg)
    binary = u * b
    a = als / (1.0 + b * c)  # free ALS
    ternary = binary * a / KD_ALS_NM
    other_bound = other * x / (KD_OTHER_NM + x)
    return binary, ternary, other_bound


def _complexes_scalar(x: float, igfbp3: float, als: float, other: float):
    """Pure-float twin of ``_complexes`` (same formulas) for the fast scalar path."""
    u = x / KD_IGFBP3_NM
    c = u / KD_ALS_NM
    alpha = (1.0 + u) * c
    beta = 1.0 + u + (als - igfbp3) * c
    disc = math.sqrt(beta * beta + 4.0 * alpha * igfbp3)
    if beta >= 0:
        b = 2.0 * igfbp3 / (beta + disc) if beta + disc > 0 else 0.0
    else:
        b = (disc - beta) / (2.0 * alpha) if alpha > 0 else 0.0
    binary = u * b
    ternary = binary * (als / (1.0 + b * c)) / KD_ALS_NM
    return binary, ternary, other * x / (KD_OTHER_NM + x)


def _tracer_weights(bp3, als, other):
    """Relative sizes of the free, binary, ternary and other-bound pools when IGF-1 is a tracer."""
    w_bin = bp3 / KD_IGFBP3_NM
    return 1.0, w_bin, w_bin * als / KD_ALS_NM, other / KD_OTHER_NM


def _solve_scalar(igf1: float, bp3: float, als: float, other: float) -> tuple[float, ...]:
    if igf1 < _TRACER_NM:
        w = _tracer_weights(bp3, als, other)
        tot = sum(w)
        return tuple(igf1 * wi / tot for wi in w)
    lo, hi = 0.0, igf1
    for _ in range(_MAX_ITER):
        mid = 0.5 * (lo + hi)
        if not lo < mid < hi:
            break
        b2, t3, ob = _complexes_scalar(mid, bp3, als, other)
        if mid + b2 + t3 + ob > igf1:
            hi = mid
        else:
            lo = mid
    best = None
    for x in (lo, hi):
        b2, t3, ob = _complexes_scalar(x, bp3, als, other)
        err = abs(x + b2 + t3 + ob - igf1)
        if best is None or err < best[0]:
            best = (err, x, b2, t3, ob)
    return best[1:]


def equilibrium(igf1_nM, igfbp3_nM, als_nM, other_igfbp_nM=0.0, igfbp3_intact_fraction=1.0) -> dict:
    """Equilibrium distribution of total IGF-1 between free, binary, ternary and other-bound pools.

    Parameters (nmol/L, >= 0; scalars or arrays that broadcast):
        igf1_nM: total IGF-1. igfbp3_nM: total IGFBP-3 (intact + fragments). als_nM: total ALS.
        other_igfbp_nM: IGFBP-1, -2, -4, -5, -6 lumped. igfbp3_intact_fraction: share of IGFBP-3
        left intact by proteolysis, in [0, 1]; fragments are treated as non-binding.

    Returns a dict of floats (or arrays): ``free_nM``, ``binary_nM``, ``ternary_nM``,
    ``other_bound_nM`` and the matching ``*_fraction`` of total IGF-1 (0 when IGF-1 is 0).
    Raises ValueError for negative or non-finite inputs or an intact fraction outside [0, 1].
    """
    igf1 = as_float_array("igf1_nM", igf1_nM, low=0.0, unit="nM")
    bp3 = as_float_array("igfbp3_nM", igfbp3_nM, low=0.0, unit="nM")
    als = as_float_array("als_nM", als_nM, low=0.0, unit="nM")
    other = as_float_array("other_igfbp_nM", other_igfbp_nM, low=0.0, unit="nM")
    intact = as_float_array("igfbp3_intact_fraction", igfbp3_intact_fraction, low=0.0, high=1.0)
    scalar = all(
        np.ndim(v) == 0 for v in (igf1_nM, igfbp3_nM, als_nM, other_igfbp_nM, igfbp3_intact_fraction)
    )
    if scalar:
        t = float(igf1)
        free, binary, ternary, other_bound = _solve_scalar(
            t, float(bp3) * float(intact), float(als), float(other)
        )
        pools = {"free": free, "binary": binary, "ternary": ternary, "other_bound": other_bound}
        out = {f"{k}_nM": v for k, v in pools.items()}
        out.update(
            {
                f"{'other' if k == 'other_bound' else k}_fraction": (v / t if t > 0 else 0.0)
                for k, v in pools.items()
            }
        )
        return out
    igf1, bp3, als, other, intact = np.broadcast_arrays(igf1, bp3, als, other, intact)
    bp3_eff = bp3 * intact

    lo = np.zeros_like(igf1)
    hi = igf1.copy()
    for _ in range(_MAX_ITER):
        mid = 0.5 * (lo + hi)
        moving = (mid > lo) & (mid < hi)  # bracket can still shrink in floating point
        if not moving.any():
            break
        b2, t3, ob = _complexes(mid, bp3_eff, als, other)
        too_high = mid + b2 + t3 + ob > igf1
        hi = np.where(moving & too_high, mid, hi)
        lo = np.where(moving & ~too_high, mid, lo)
    else:  # pragma: no cover - cannot happen for finite doubles
        raise RuntimeError("bisection did not converge")
    # of the two bracket ends, keep the one whose pools sum closer to the total
    res = []
    for x in (lo, hi):
        b2, t3, ob = _complexes(x, bp3_eff, als, other)
        res.append((np.abs(x + b2 + t3 + ob - igf1), x, b2, t3, ob))
    pick_lo = res[0][0] <= res[1][0]
    free, binary, ternary, other_bound = (
        np.where(pick_lo, a, b) for a, b in zip(res[0][1:], res[1][1:], strict=True)
    )
    tracer = igf1 < _TRACER_NM
    if tracer.any():
        w = [np.broadcast_to(wi, igf1.shape) for wi in _tracer_weights(bp3_eff, als, other)]
        tot = sum(w)
        free, binary, ternary, other_bound = (
            np.where(tracer, igf1 * wi / tot, p)
            for wi, p in zip(w, (free, binary, ternary, other_bound), strict=True)
        )

    with np.errstate(divide="ignore", invalid="ignore"):

        def frac(p):
            return np.where(igf1 > 0, p / np.where(igf1 > 0, igf1, 1.0), 0.0)

        out = {
            "free_nM": free,
            "binary_nM": binary,
            "ternary_nM": ternary,
            "other_bound_nM": other_bound,
            "free_fraction": frac(free),
            "binary_fraction": frac(binary),
            "ternary_fraction": frac(ternary),
            "other_fraction": frac(other_bound),
        }
    return out


def clearance(t_min, pool: str):
    """Fraction (0-1) of a tracer still in ``pool`` (``"free"``, ``"binary"`` or ``"ternary"``)
    ``t_min`` minutes (>= 0) after a bolus: first-order decay 0.5 ** (t / half-life). Vectorised."""
    check_choice("pool", pool, POOLS)
    t = as_float_array("t_min", t_min, low=0.0, unit="min")
    return scalar_or_array(np.power(0.5, t / HALF_LIFE_MIN[pool]), t_min)


def half_life_from_curve(t_min, remaining) -> float:
    """Half-life (min) read off a single-exponential decay curve by a straight-line fit of
    log(remaining) against time (what students do on the log-scale plot)."""
    t = as_float_array("t_min", t_min, low=0.0, unit="min")
    y = as_float_array("remaining", remaining, low=0.0)
    keep = y > 0
    if keep.sum() < 2:
        raise ValueError("need at least two positive points to fit a half-life")
    slope = np.polyfit(t[keep], np.log(y[keep]), 1)[0]
    if slope >= 0:
        raise ValueError("the curve does not decay; no half-life")
    return float(np.log(2.0) / -slope)


def igf1_free_ng_ml(free_nM):
    """Free IGF-1 in ng/mL from nM (uses the shared IGF-1 molar mass in helpers.models.units)."""
    arr = as_float_array("free_nM", free_nM, low=0.0, unit="nM")
    return scalar_or_array(arr / NMOL_L_PER_NG_ML, free_nM)
