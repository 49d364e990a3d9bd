"""Mass-action model of IGF-1 and IGF-2 binding in serum: free, binary, ternary, other-bound.

Species (all concentrations in nmol/L = nM); L is IGF-1 or IGF-2, which compete for every site::

    L + IGFBP-3          <->  L:IGFBP-3              (binary, Kd = KD_IGFBP3_NM[L])
    L:IGFBP-3 + ALS      <->  L:IGFBP-3:ALS          (ternary, Kd = KD_ALS_NM, same for both IGFs)
    L + other IGFBP      <->  L:IGFBP-x              (other-bound, Kd = KD_OTHER_NM[L])

ALS binds only the IGF-occupied IGFBP-3, with IGF-I or IGF-II in it (Baxter, Martin & Beniac 1989
[@baxter1989]); IGFBP-3 fragments made by proteolysis are treated as not binding IGFs at all
(``igfbp3_intact_fraction`` of the IGFBP-3 is intact).

Solution: for trial free concentrations x1 (IGF-1) and x2 (IGF-2), free IGFBP-3 follows exactly
from a quadratic (the ALS balance substituted into the IGFBP-3 balance) and every complex is an
explicit function of (x1, x2). With the default constants every binder prefers IGF-2 by the same
factor, so all binder states depend on one number (the occupied : free ratio of IGFBP-3) and the
two balances reduce exactly to one equation in it, solved by bisection (``_solve_*_fast``). In
general (any constants) the IGF-2 balance is bisected for each trial x1 inside a bisection of the
IGF-1 balance (``_solve_scalar``/``_solve_array``). Every bisection runs until the bracket can no
longer shrink in floating point (never a fixed small number of steps), so each ligand's pools sum
to its total to ~1e-12 relative.

Constants (sources and caveats in notebook 02 and in data/igfbp_family.csv):

- IGFBP-3 : IGF-I Kd 102 pM and IGF-II Kd 44 pM, solid-phase Scatchard with recombinant IGFBP-3
  (calibration row A06, 1997; its primary paper is not in the bibliography). IGFBPs bind IGFs
  with sub-nanomolar affinities [@jones1995].
- ALS : binary complex, Ka ~ 5e8 /M, i.e. Kd ~ 2 nM, for complexes with IGF-I or IGF-II
  [@baxter1989] (calibration row A05).
- other IGFBPs (IGFBP-1, -2, -4, -5, -6 lumped): IGF-I Kd 0.3 nM, an order-of-magnitude value
  (sub-nanomolar [@jones1995; @firth2002]); for IGF-II the same 102/44 preference as IGFBP-3's is
  assumed (IGFBP-6 in particular prefers IGF-II [@vandoorn1999]); illustrative.
"""

from __future__ import annotations

import math

import numpy as np
from numpy.typing import ArrayLike

from .._validate import as_float_array, check_choice, scalar_or_array
from .units import NMOL_L_PER_NG_ML

#: IGFBP-3 : IGF-I dissociation constant (nM) — 102 pM (calibration row A06).
KD_IGFBP3_NM = 0.102
#: IGFBP-3 : IGF-II dissociation constant (nM) — 44 pM, same study as A06 ("twice as high" affinity).
KD_IGFBP3_IGF2_NM = 0.044
#: ALS : (IGF:IGFBP-3) dissociation constant (nM) = 1 / (5e8 /M) (calibration row A05).
KD_ALS_NM = 1.0 / 5e8 * 1e9
#: Lumped other IGFBPs : IGF-I dissociation constant (nM), order of magnitude only.
KD_OTHER_NM = 0.3
#: Lumped other IGFBPs : IGF-II dissociation constant (nM): IGFBP-3's IGF-II preference assumed.
KD_OTHER_IGF2_NM = KD_OTHER_NM * KD_IGFBP3_IGF2_NM / KD_IGFBP3_NM

#: IGFBP-3 molar mass (g/mol = Da): the 264-residue core (28.7 kDa) [@spratt1990] plus about
#: 4 + 4.5 + 5 kDa of carbohydrate on its three N-glycosylation sites [@firth1999], i.e. the fully
#: glycosylated form that circulates (a 40-45 kDa doublet on gels). The old core-only value
#: (28.7 kDa) overstated IGFBP-3 in nM by half.
IGFBP3_CORE_MASS_G_PER_MOL = 28_700.0
IGFBP3_CARBOHYDRATE_G_PER_MOL = 4_000.0 + 4_500.0 + 5_000.0
IGFBP3_MOLAR_MASS_G_PER_MOL = IGFBP3_CORE_MASS_G_PER_MOL + IGFBP3_CARBOHYDRATE_G_PER_MOL
ALS_MOLAR_MASS_G_PER_MOL = 85_000.0  # 84-86 kDa glycosylated doublet [@baxter1989] (A04)
#: IGF-II molar mass (g/mol): 67 amino acids [@jansen1984], 7.47 kDa.
IGF2_MOLAR_MASS_G_PER_MOL = 7_469.0

#: Typical healthy-adult serum values that are converted to nM below.
ADULT_IGF1_NG_ML = 147.9  # median, men aged 38 y, IDS-iSYS [@bidlingmaier2014] (A24)
#: Total IGF-II implied by ultrafiltration in 49 healthy adults: free IGF-II 1480 ng/L was ~0.20 %
#: of total [@frystyk1994], so about 740 ng/mL (other assays give 370-600 ng/mL [@guler1989]).
ADULT_IGF2_NG_ML = 1.480 / 0.0020
ADULT_IGFBP3_NG_ML = 4200.0  # median, men aged 40 y, IDS-iSYS [@friedrich2014] (A46)
ADULT_ALS_MG_L = 24.2  # mean of 93 normal adults, RIA [@baxter1990] (A15)
#: Other IGFBPs lumped (nM): IGFBP-6 alone is ~145 ug/L, ~6 nM [@vandoorn1999]; IGFBP-1 is 1-6 nM
#: from an overnight to a prolonged fast [@cotterill1993]; IGFBP-2, -4 and -5 are an illustrative
#: remainder.
ADULT_OTHER_IGFBP_NM = 30.0

#: Healthy-adult defaults keyed by ``equilibrium()``'s parameter names.
ADULT_DEFAULTS: dict[str, float] = {
    "igf1_nM": round(ADULT_IGF1_NG_ML * NMOL_L_PER_NG_ML, 2),  # 19.34 nM
    "igfbp3_nM": round(ADULT_IGFBP3_NG_ML / IGFBP3_MOLAR_MASS_G_PER_MOL * 1000, 1),  # 99.5 nM
    "als_nM": round(ADULT_ALS_MG_L / ALS_MOLAR_MASS_G_PER_MOL * 1e6, 1),  # 284.7 nM
    "other_igfbp_nM": ADULT_OTHER_IGFBP_NM,
    "igfbp3_intact_fraction": 1.0,
    "igf2_nM": round(ADULT_IGF2_NG_ML / IGF2_MOLAR_MASS_G_PER_MOL * 1000, 1),  # 99.1 nM
}

#: Published partition of serum IGF-1 at the adult defaults, for tests and text (share of total):
#: ternary (~150-200 kDa) and all binary (~50 kDa) complexes by neutral gel chromatography in two
#: healthy adults, 92 and 45 of 152 ug/L, 61 % and 30 % [@guler1989] (the 10 % eluting "free" there
#: is dissociation on the column); free by ultrafiltration 0.38 +/- 0.02 % (49 adults)
#: [@frystyk1994] and about 1 % by direct immunoassay [@juul1997].
PUBLISHED_PARTITION = {
    "ternary": (0.60, 0.90),
    "binary_all": (0.10, 0.32),
    "free": (0.002, 0.011),
}

#: Apparent plasma half-lives of 125I-IGF-I in minutes, two healthy adults [@guler1989]
#: (calibration rows A09-A11): free 10-12 min, ~50 kDa binary complex 20-30 min, ~150-200 kDa
#: ternary complex 12-15 h. Mid-points of the ranges.
HALF_LIFE_MIN: dict[str, float] = {"free": 11.0, "binary": 25.0, "ternary": 13.5 * 60.0}
#: Published ranges (min) of the half-lives above, for tests and text.
HALF_LIFE_RANGE_MIN: dict[str, tuple[float, float]] = {
    "free": (10.0, 12.0),
    "binary": (20.0, 30.0),
    "ternary": (12.0 * 60.0, 15.0 * 60.0),
}
POOLS = ("free", "binary", "ternary")

#: Below this total (nM) a ligand occupies no binder measurably (occupancy ~ total / Kd < 1e-99),
#: so it is treated exactly as a tracer (linear binding); this avoids subnormal round-off.
_TRACER_NM = 1e-100
_MAX_ITER = 2000  # safety net only: float bisection of a bracket in [0, total] ends in < 1100 halvings


def _binders(x1, x2, igfbp3, als, other, xp=np):
    """Free IGFBP-3, free ALS and free other-IGFBP (nM) for free IGF-1 ``x1`` and IGF-2 ``x2``."""
    u = x1 / KD_IGFBP3_NM + x2 / KD_IGFBP3_IGF2_NM  # occupied : free IGFBP-3
    c = u / KD_ALS_NM  # ternary per (free BP-3 x free ALS)
    # free IGFBP-3 b solves (1+u) c b^2 + (1 + u + (ALS - BP3) c) b - BP3 = 0 (b >= 0)
    alpha = (1.0 + u) * c
    beta = 1.0 + u + (als - igfbp3) * c
    if xp is math:
        disc = math.sqrt(beta * beta + 4.0 * alpha * igfbp3)
        if beta >= 0:
            b = 2.0 * igfbp3 / (beta + disc) if beta + disc > 0 else 0.0
        else:
            b = (disc - beta) / (2.0 * alpha) if alpha > 0 else 0.0
    else:
        disc = np.sqrt(beta * beta + 4.0 * alpha * igfbp3)
        with np.errstate(divide="ignore", invalid="ignore"):
            # two algebraically equal forms of the positive root; pick the one free of cancellation
            b_pos = np.where(beta + disc > 0, 2.0 * igfbp3 / (beta + disc), 0.0)
            b_neg = np.where(alpha > 0, (disc - beta) / (2.0 * alpha), 0.0)
        b = np.where(beta >= 0, b_pos, b_neg)
    a = als / (1.0 + b * c)
    o = other / (1.0 + x1 / KD_OTHER_NM + x2 / KD_OTHER_IGF2_NM)
    return b, a, o


def _pools(x, which, b, a, o):
    """Binary, ternary and other-bound amounts of ligand ``which`` (1 or 2) at free level ``x``."""
    k3 = KD_IGFBP3_NM if which == 1 else KD_IGFBP3_IGF2_NM
    ko = KD_OTHER_NM if which == 1 else KD_OTHER_IGF2_NM
    binary = b * x / k3
    return binary, binary * a / KD_ALS_NM, o * x / ko


def _bisect_scalar(total, bound_of):
    """Free level x in [0, total] with x + bound_of(x) = total (bound_of increasing)."""
    if total <= 0.0:
        return 0.0
    lo, hi = 0.0, total
    for _ in range(_MAX_ITER):
        mid = 0.5 * (lo + hi)
        if not lo < mid < hi:
            break
        if mid + bound_of(mid) > total:
            hi = mid
        else:
            lo = mid
    return lo if abs(lo + bound_of(lo) - total) <= abs(hi + bound_of(hi) - total) else hi


def _solve_scalar(t1, t2, bp3, als, other):
    """Free IGF-1 and IGF-2 (nM) at equilibrium (pure-float path)."""

    def bound2(x2, x1):
        b, a, o = _binders(x1, x2, bp3, als, other, math)
        return sum(_pools(x2, 2, b, a, o))

    def x2_of(x1):
        if t2 < _TRACER_NM:
            return 0.0
        return _bisect_scalar(t2, lambda x2: bound2(x2, x1))

    def bound1(x1):
        x2 = x2_of(x1)
        b, a, o = _binders(x1, x2, bp3, als, other, math)
        return sum(_pools(x1, 1, b, a, o))

    if t1 < _TRACER_NM:  # IGF-1 as a tracer: linear binding to what IGF-2 leaves free
        x2 = x2_of(0.0)
        b, a, o = _binders(0.0, x2, bp3, als, other, math)
        x1 = t1 / (1.0 + sum(_pools(1.0, 1, b, a, o)))
    else:
        x1 = _bisect_scalar(t1, bound1)
        x2 = x2_of(x1)
    if 0.0 < t2 < _TRACER_NM:  # IGF-2 as a tracer: linear binding to what IGF-1 leaves free
        b, a, o = _binders(x1, 0.0, bp3, als, other, math)
        x2 = t2 / (1.0 + sum(_pools(1.0, 2, b, a, o)))
    return x1, x2


def _bisect_array(total, bound_of):
    """Vectorised twin of ``_bisect_scalar`` (element-wise bracket, same stopping rule)."""
    lo = np.zeros_like(total)
    hi = total.copy()
    for _ in range(_MAX_ITER):
        mid = 0.5 * (lo + hi)
        moving = (mid > lo) & (mid < hi)  # bracket can still shrink in floating point
        if not moving.any():
            break
        too_high = mid + bound_of(mid, moving) > total
        hi = np.where(moving & too_high, mid, hi)
        lo = np.where(moving & ~too_high, mid, lo)
    else:  # pragma: no cover - cannot happen for finite doubles
        raise RuntimeError("bisection did not converge")
    e_lo = np.abs(lo + bound_of(lo, None) - total)
    e_hi = np.abs(hi + bound_of(hi, None) - total)
    return np.where(e_lo <= e_hi, lo, hi)


def _solve_array(t1, t2, bp3, als, other):
    """Element-wise free IGF-1 and IGF-2 (nM); arrays already broadcast to one shape."""
    tracer1 = t1 < _TRACER_NM
    tracer2 = t2 < _TRACER_NM
    t1s = np.where(tracer1, 0.0, t1)
    t2s = np.where(tracer2, 0.0, t2)

    def x2_of(x1):
        def bound2(x2, _m):
            b, a, o = _binders(x1, x2, bp3, als, other)
            return sum(_pools(x2, 2, b, a, o))

        return _bisect_array(t2s, bound2)

    def bound1(x1, _m):
        x2 = x2_of(x1)
        b, a, o = _binders(x1, x2, bp3, als, other)
        return sum(_pools(x1, 1, b, a, o))

    x1 = _bisect_array(t1s, bound1)
    x2 = x2_of(x1)
    b, a, o = _binders(x1, x2, bp3, als, other)
    w1 = 1.0 + sum(_pools(1.0, 1, b, a, o))
    w2 = 1.0 + sum(_pools(1.0, 2, b, a, o))
    x1 = np.where(tracer1, t1 / w1, x1)
    x2 = np.where(tracer2, t2 / w2, x2)
    return x1, x2


def _same_preference() -> bool:
    """True when every binder prefers IGF-2 over IGF-1 by the same factor (the default constants):
    then all binder states depend on one number and the exact solution is a 1-D search."""
    return math.isclose(KD_IGFBP3_NM / KD_IGFBP3_IGF2_NM, KD_OTHER_NM / KD_OTHER_IGF2_NM, rel_tol=1e-12)


def _bound_total(u, bp3, als, other, xp=math):
    """IGF (both ligands) bound to IGFBP-3 (binary + ternary) and to the other IGFBPs when the
    occupied : free IGFBP-3 ratio is ``u`` (same-preference case: other IGFBPs see u * K3/Ko)."""
    c = u / KD_ALS_NM
    alpha = (1.0 + u) * c
    beta = 1.0 + u + (als - bp3) * c
    if xp is math:
        disc = math.sqrt(beta * beta + 4.0 * alpha * bp3)
        if beta >= 0:
            b = 2.0 * bp3 / (beta + disc) if beta + disc > 0 else 0.0
        else:
            b = (disc - beta) / (2.0 * alpha) if alpha > 0 else 0.0
    else:
        disc = np.sqrt(beta * beta + 4.0 * alpha * bp3)
        with np.errstate(divide="ignore", invalid="ignore"):
            b_pos = np.where(beta + disc > 0, 2.0 * bp3 / (beta + disc), 0.0)
            b_neg = np.where(alpha > 0, (disc - beta) / (2.0 * alpha), 0.0)
        b = np.where(beta >= 0, b_pos, b_neg)
    v = u * KD_IGFBP3_NM / KD_OTHER_NM
    return u * b * (1.0 + als / (1.0 + b * c) / KD_ALS_NM) + other * v / (1.0 + v)


def _solve_scalar_fast(t1, t2, bp3, als, other):
    """Exact solution in the same-preference case. With u the occupied : free ratio of IGFBP-3,
    each ligand's bound : free ratio is B(u) / (u K) and both balances reduce to
    t1 / (u K1 + B(u)) + t2 / (u K2 + B(u)) = 1, decreasing in u; bisect u in [0, t1/K1 + t2/K2]."""
    k1, k2 = KD_IGFBP3_NM, KD_IGFBP3_IGF2_NM
    hi = t1 / k1 + t2 / k2
    if hi <= 0.0:
        return 0.0, 0.0

    def excess(u):
        bt = _bound_total(u, bp3, als, other)
        return t1 / (u * k1 + bt) + t2 / (u * k2 + bt) - 1.0

    lo = 0.0
    for _ in range(_MAX_ITER):
        mid = 0.5 * (lo + hi)
        if not lo < mid < hi:
            break
        if excess(mid) > 0.0:
            lo = mid
        else:
            hi = mid
    u = hi if lo == 0.0 else (lo if abs(excess(lo)) <= abs(excess(hi)) else hi)
    bt = _bound_total(u, bp3, als, other)
    return t1 * (u * k1 / (u * k1 + bt)), t2 * (u * k2 / (u * k2 + bt))  # no t*u underflow


def _solve_array_fast(t1, t2, bp3, als, other):
    """Vectorised twin of ``_solve_scalar_fast`` (element-wise bracket, same stopping rule)."""
    k1, k2 = KD_IGFBP3_NM, KD_IGFBP3_IGF2_NM
    hi = t1 / k1 + t2 / k2
    lo = np.zeros_like(hi)

    def excess(u):
        bt = _bound_total(u, bp3, als, other, np)
        with np.errstate(divide="ignore", invalid="ignore"):
            return t1 / (u * k1 + bt) + t2 / (u * k2 + bt) - 1.0

    for _ in range(_MAX_ITER):
        mid = 0.5 * (lo + hi)
        moving = (mid > lo) & (mid < hi)
        if not moving.any():
            break
        up = excess(mid) > 0.0
        lo = np.where(moving & up, mid, lo)
        hi = np.where(moving & ~up, mid, hi)
    else:  # pragma: no cover - cannot happen for finite doubles
        raise RuntimeError("bisection did not converge")
    e_lo, e_hi = np.abs(excess(lo)), np.abs(excess(hi))
    u = np.where((lo > 0.0) & (e_lo <= e_hi), lo, hi)
    bt = _bound_total(u, bp3, als, other, np)
    with np.errstate(divide="ignore", invalid="ignore"):
        x1 = np.where(hi > 0.0, t1 * (u * k1 / (u * k1 + bt)), 0.0)
        x2 = np.where(hi > 0.0, t2 * (u * k2 / (u * k2 + bt)), 0.0)
    return x1, x2


def _result(x1, x2, t1, t2, bp3, als, other, xp):
    b, a, o = _binders(x1, x2, bp3, als, other, xp)
    out = {}
    for prefix, x, which, t in (("", x1, 1, t1), ("igf2_", x2, 2, t2)):
        binary, ternary, other_bound = _pools(x, which, b, a, o)
        # a tracer ligand (total < _TRACER_NM) binds linearly: split its total by the exact
        # weights instead of scaling a subnormal free level (which would lose precision)
        w = (1.0, *_pools(1.0, which, b, a, o))
        wsum = w[0] + w[1] + w[2] + w[3]
        if xp is math:
            if t < _TRACER_NM:
                x, binary, ternary, other_bound = (t * wi / wsum for wi in w)
        else:
            tr = t < _TRACER_NM
            x, binary, ternary, other_bound = (
                np.where(tr, t * wi / wsum, p)
                for wi, p in zip(w, (x, binary, ternary, other_bound), strict=True)
            )
        pools = {"free": x, "binary": binary, "ternary": ternary, "other_bound": other_bound}
        for k, v in pools.items():
            out[f"{prefix}{k}_nM"] = v
        names = {"free": "free", "binary": "binary", "ternary": "ternary", "other_bound": "other"}
        for k, v in pools.items():
            if xp is math:
                out[f"{prefix}{names[k]}_fraction"] = v / t if t > 0 else 0.0
            else:
                with np.errstate(divide="ignore", invalid="ignore"):
                    out[f"{prefix}{names[k]}_fraction"] = np.where(t > 0, v / np.where(t > 0, t, 1.0), 0.0)
        out[f"{prefix}binary_all_fraction"] = out[f"{prefix}binary_fraction"] + out[f"{prefix}other_fraction"]
    return out


def equilibrium(
    igf1_nM: ArrayLike,
    igfbp3_nM: ArrayLike,
    als_nM: ArrayLike,
    other_igfbp_nM: ArrayLike = 0.0,
    igfbp3_intact_fraction: ArrayLike = 1.0,
    igf2_nM: ArrayLike = 0.0,
) -> dict:
    """Equilibrium distribution of total IGF-1 (and IGF-2) between free, binary, ternary and
    other-bound pools.

    Parameters (nmol/L, >= 0; scalars or arrays that broadcast):
        igf1_nM: total IGF-1. igfbp3_nM: total IGFBP-3 (intact + fragments). als_nM: total ALS.
        other_igfbp_nM: IGFBP-1, -2, -4, -5, -6 lumped. igfbp3_intact_fraction: share of IGFBP-3
        left intact by proteolysis, in [0, 1]; fragments are treated as non-binding.
        igf2_nM: total IGF-2, which competes with IGF-1 for every binding site (default 0 = the
        IGF-1-only model).

    Returns a dict of floats (or arrays): ``free_nM``, ``binary_nM``, ``ternary_nM``,
    ``other_bound_nM``, the matching ``*_fraction`` of total IGF-1 (0 when IGF-1 is 0) and
    ``binary_all_fraction`` (IGFBP-3 binary + other IGFBPs: every ~50 kDa complex, as gel
    chromatography counts "binary"); the same keys prefixed ``igf2_`` for IGF-2.
    Raises ValueError for negative or non-finite inputs or an intact fraction outside [0, 1].
    """
    igf1 = as_float_array("igf1_nM", igf1_nM, low=0.0, unit="nM")
    bp3 = as_float_array("igfbp3_nM", igfbp3_nM, low=0.0, unit="nM")
    als = as_float_array("als_nM", als_nM, low=0.0, unit="nM")
    other = as_float_array("other_igfbp_nM", other_igfbp_nM, low=0.0, unit="nM")
    intact = as_float_array("igfbp3_intact_fraction", igfbp3_intact_fraction, low=0.0, high=1.0)
    igf2 = as_float_array("igf2_nM", igf2_nM, low=0.0, unit="nM")
    args = (igf1_nM, igfbp3_nM, als_nM, other_igfbp_nM, igfbp3_intact_fraction, igf2_nM)
    if all(np.ndim(v) == 0 for v in args):
        t1, t2 = float(igf1), float(igf2)
        bp3_eff = float(bp3) * float(intact)
        solve = _solve_scalar_fast if _same_preference() else _solve_scalar
        x1, x2 = solve(t1, t2, bp3_eff, float(als), float(other))
        return _result(x1, x2, t1, t2, bp3_eff, float(als), float(other), math)
    igf1, igf2, bp3, als, other, intact = np.broadcast_arrays(igf1, igf2, bp3, als, other, intact)
    bp3_eff = bp3 * intact
    solve = _solve_array_fast if _same_preference() else _solve_array
    x1, x2 = solve(igf1, igf2, bp3_eff, als, other)
    return _result(x1, x2, igf1, igf2, bp3_eff, als, other, np)


def clearance(t_min: ArrayLike, pool: str) -> float | np.ndarray:
    """Fraction (0-1) of a tracer still in ``pool`` (``"free"``, ``"binary"`` or ``"ternary"``)
    ``t_min`` minutes (>= 0) after a bolus: first-order decay 0.5 ** (t / half-life). Vectorised."""
    check_choice("pool", pool, POOLS)
    t = as_float_array("t_min", t_min, low=0.0, unit="min")
    return scalar_or_array(np.power(0.5, t / HALF_LIFE_MIN[pool]), t_min)


def half_life_from_curve(t_min: ArrayLike, remaining: ArrayLike) -> float:
    """Half-life (min) read off a single-exponential decay curve by a straight-line fit of
    log(remaining) against time (what students do on the log-scale plot)."""
    t = as_float_array("t_min", t_min, low=0.0, unit="min")
    y = as_float_array("remaining", remaining, low=0.0)
    if t.ndim != 1 or y.shape != t.shape:
        raise ValueError(
            f"t_min and remaining must be 1-D arrays of the same length, got {t.shape} and {y.shape}"
        )
    keep = y > 0
    if keep.sum() < 2:
        raise ValueError(
            f"remaining needs at least two positive points to fit a half-life, got {int(keep.sum())}"
        )
    slope = np.polyfit(t[keep], np.log(y[keep]), 1)[0]
    if slope >= 0:
        raise ValueError("remaining must decay over t_min to give a half-life; this curve does not")
    return float(np.log(2.0) / -slope)


def igf1_free_ng_ml(free_nM: ArrayLike) -> float | np.ndarray:
    """Free IGF-1 in ng/mL from nM (uses the shared IGF-1 molar mass in helpers.models.units)."""
    arr = as_float_array("free_nM", free_nM, low=0.0, unit="nM")
    return scalar_or_array(arr / NMOL_L_PER_NG_ML, free_nM)
