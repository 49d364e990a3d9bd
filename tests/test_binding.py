"""The IGF-1 binding model (helpers.models.binding): conservation, monotonicity, calibration, errors."""

import itertools
import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from helpers.calibration import target
from helpers.models import binding, units
from helpers.models.binding import ADULT_DEFAULTS, HALF_LIFE_MIN, clearance, equilibrium

POOLS_NM = ("free_nM", "binary_nM", "ternary_nM", "other_bound_nM")
FRACS = ("free_fraction", "binary_fraction", "ternary_fraction", "other_fraction")

conc = st.floats(
    min_value=0.0, max_value=1e4, allow_nan=False, allow_infinity=False, allow_subnormal=False
)  # sub-1e-308 nM concentrations are not physical
pos = st.floats(min_value=1e-6, max_value=1e4, allow_nan=False, allow_infinity=False)
frac = st.floats(min_value=0.0, max_value=1.0)


# ---- conservation over random inputs -------------------------------------------------------
@settings(max_examples=300, deadline=None)
@given(igf1=conc, bp3=conc, als=conc, other=conc, intact=frac)
def test_pools_sum_to_total_and_are_non_negative(igf1, bp3, als, other, intact):
    r = equilibrium(igf1, bp3, als, other, intact)
    total = sum(r[k] for k in POOLS_NM)
    assert total == pytest.approx(igf1, rel=1e-9, abs=1e-300)
    assert all(r[k] >= 0 for k in POOLS_NM)
    if igf1 > 0:
        assert sum(r[k] for k in FRACS) == pytest.approx(1.0, rel=1e-9)
    # bound complexes never exceed the binding protein that carries them
    assert r["binary_nM"] + r["ternary_nM"] <= bp3 * intact * (1 + 1e-9) + 1e-300
    assert r["ternary_nM"] <= als * (1 + 1e-9) + 1e-300
    assert r["other_bound_nM"] <= other * (1 + 1e-9) + 1e-300


@settings(max_examples=150, deadline=None)
@given(igf1=pos, bp3=pos, als=conc, other=conc)
def test_equilibrium_relations_hold(igf1, bp3, als, other):
    """The solution really is at equilibrium: each complex obeys its Kd."""
    r = equilibrium(igf1, bp3, als, other)
    x = r["free_nM"]
    bp3_free = bp3 - r["binary_nM"] - r["ternary_nM"]
    als_free = als - r["ternary_nM"]
    assert r["binary_nM"] == pytest.approx(x * bp3_free / binding.KD_IGFBP3_NM, rel=1e-6, abs=1e-12)
    assert r["ternary_nM"] == pytest.approx(
        r["binary_nM"] * als_free / binding.KD_ALS_NM, rel=1e-6, abs=1e-12
    )


def test_zero_igf1_and_extreme_ratios():
    z = equilibrium(0.0, 100.0, 200.0, 5.0)
    assert all(z[k] == 0.0 for k in POOLS_NM + FRACS)
    flood = equilibrium(1e4, 1e-6, 0.0)  # almost no binder: all free
    assert flood["free_fraction"] > 1 - 1e-9
    trace = equilibrium(1e-6, 1e4, 1e4, 1e4)  # tracer amounts: all bound, mostly ternary
    assert trace["free_fraction"] < 1e-8 and trace["ternary_fraction"] > 0.99
    no_binders = equilibrium(20.0, 0.0, 0.0, 0.0)
    assert no_binders["free_nM"] == pytest.approx(20.0)


def test_vectorised_matches_scalar():
    igf1 = np.array([5.0, 19.34, 60.0])
    r = equilibrium(igf1, 146.3, 284.7, 5.0)
    for i, v in enumerate(igf1):
        s = equilibrium(float(v), 146.3, 284.7, 5.0)
        assert r["free_nM"][i] == pytest.approx(s["free_nM"], rel=1e-12)


# ---- monotonic behaviour -------------------------------------------------------------------
def _sweep(name, values):
    return [equilibrium(**{**ADULT_DEFAULTS, name: v}) for v in values]


def test_more_igfbp3_less_free_igf1():
    free = [r["free_nM"] for r in _sweep("igfbp3_nM", [20, 50, 100, 146.3, 300])]
    assert all(a > b for a, b in itertools.pairwise(free))


def test_more_als_larger_ternary_share():
    tern = [r["ternary_fraction"] for r in _sweep("als_nM", [0, 5, 50, 284.7, 600])]
    assert tern[0] == 0.0
    assert all(a < b for a, b in itertools.pairwise(tern))


def test_proteolysis_raises_free_igf1():
    free = [r["free_nM"] for r in _sweep("igfbp3_intact_fraction", [1.0, 0.7, 0.4, 0.15, 0.05])]
    assert all(a < b for a, b in itertools.pairwise(free))
    # with most IGFBP-3 cut, IGF-1 exceeds intact IGFBP-3 and free IGF-1 rises steeply
    assert free[-1] > 1000 * free[0]


@settings(max_examples=100, deadline=None)
@given(
    igf1=st.floats(0.1, 200),
    bp3=st.floats(1, 500),
    als=st.floats(0, 800),
    other=st.floats(0, 50),
    k=st.floats(1.05, 3.0),
)
def test_free_igf1_falls_when_any_binder_rises(igf1, bp3, als, other, k):
    base = equilibrium(igf1, bp3, als, other)["free_nM"]
    assert equilibrium(igf1, bp3 * k, als, other)["free_nM"] <= base * (1 + 1e-9)
    assert equilibrium(igf1, bp3, als * k + 1, other)["free_nM"] <= base * (1 + 1e-9)
    assert equilibrium(igf1, bp3, als, other * k + 1)["free_nM"] <= base * (1 + 1e-9)


# ---- calibration ---------------------------------------------------------------------------
def test_adult_defaults_are_sourced_values_converted_to_nM():
    assert set(ADULT_DEFAULTS) == {
        "igf1_nM",
        "igfbp3_nM",
        "als_nM",
        "other_igfbp_nM",
        "igfbp3_intact_fraction",
    }
    # IGF-1 147.9 ng/mL (A24) -> 19.3 nM with the shared conversion factor
    assert ADULT_DEFAULTS["igf1_nM"] == pytest.approx(target("A24").value * units.NMOL_L_PER_NG_ML, abs=0.01)
    assert 100 / 7.649 < ADULT_DEFAULTS["igf1_nM"] < 200 / 7.649  # typical adult 100-200 ng/mL
    bp3_nM = target("A46").value / target("A03").value  # ng/mL / kDa
    assert ADULT_DEFAULTS["igfbp3_nM"] == pytest.approx(bp3_nM, abs=0.1)  # A46, A03
    als_nM = target("A15").value * 1e3 / target("A04").value  # mg/L / kDa
    assert ADULT_DEFAULTS["als_nM"] == pytest.approx(als_nM, abs=0.1)  # A15, A04
    # IGFBP-3 and ALS exceed IGF-1 on a molar basis
    assert ADULT_DEFAULTS["igfbp3_nM"] > 5 * ADULT_DEFAULTS["igf1_nM"]
    assert ADULT_DEFAULTS["als_nM"] > ADULT_DEFAULTS["igfbp3_nM"]
    assert ADULT_DEFAULTS["other_igfbp_nM"] > 0


def test_binding_constants_match_published_values():
    assert binding.KD_IGFBP3_NM == pytest.approx(target("A06").value / 1000)  # 102 pM (A06)
    assert 1 / (binding.KD_ALS_NM * 1e-9) == pytest.approx(target("A05").value)  # Ka 5e8 /M (A05)


def test_adult_calibration_free_well_under_one_percent_mostly_ternary():
    r = equilibrium(**ADULT_DEFAULTS)
    assert r["free_fraction"] < 0.01 * target("A13").value  # well under 1 %, below even the 0.38 % (A13)
    assert r["free_fraction"] > 0  # but not zero
    assert r["ternary_fraction"] > target("A14").low / 100  # most IGF-1 ternary (A14: 75-90 %, vendor)
    assert r["binary_fraction"] + r["other_fraction"] < 0.05


def test_half_lives_inside_published_ranges():
    for pool, (lo, hi) in binding.HALF_LIFE_RANGE_MIN.items():
        assert lo <= HALF_LIFE_MIN[pool] <= hi
    assert HALF_LIFE_MIN["free"] == pytest.approx(target("A09").value)  # A09
    assert HALF_LIFE_MIN["binary"] == pytest.approx(target("A10").value)  # A10
    assert HALF_LIFE_MIN["ternary"] == pytest.approx(60 * target("A11").value)  # A11: 13.5 h


def test_clearance_halves_at_the_half_life_and_is_vectorised():
    for pool, th in HALF_LIFE_MIN.items():
        assert clearance(th, pool) == pytest.approx(0.5)
        assert clearance(2 * th, pool) == pytest.approx(0.25)
        assert clearance(0.0, pool) == 1.0
    t = np.linspace(0, 120, 7)
    y = clearance(t, "free")
    assert isinstance(y, np.ndarray) and y.shape == t.shape
    assert np.all(np.diff(y) < 0)
    assert binding.half_life_from_curve(t, y) == pytest.approx(11.0, rel=1e-9)


# ---- errors --------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "kwargs, match",
    [
        ({"igf1_nM": -1.0}, r"igf1_nM = -1 nM is below the allowed range >= 0 nM"),
        ({"igfbp3_nM": float("nan")}, r"igfbp3_nM must be finite"),
        ({"als_nM": -0.1}, r"als_nM"),
        ({"other_igfbp_nM": float("inf")}, r"other_igfbp_nM must be finite"),
        (
            {"igfbp3_intact_fraction": 1.2},
            r"igfbp3_intact_fraction = 1.2 is above the allowed range \[0, 1\]",
        ),
        ({"igfbp3_intact_fraction": -0.1}, r"igfbp3_intact_fraction"),
        ({"igf1_nM": "lots"}, r"igf1_nM must be a number"),
    ],
)
def test_bad_inputs_raise_value_error(kwargs, match):
    with pytest.raises(ValueError, match=match):
        equilibrium(**{**ADULT_DEFAULTS, **kwargs})


def test_clearance_bad_inputs():
    with pytest.raises(ValueError, match=r"pool = 'tertiary' is not allowed.*did you mean 'ternary'"):
        clearance(10, "tertiary")
    with pytest.raises(ValueError, match=r"t_min = -5 min is below"):
        clearance(-5, "free")
    with pytest.raises(ValueError, match="does not decay"):
        binding.half_life_from_curve([0, 1, 2], [1, 1, 1])


def test_free_ng_ml_uses_shared_unit_factor():
    assert binding.igf1_free_ng_ml(1.0) == pytest.approx(1 / units.NMOL_L_PER_NG_ML)
    assert math.isclose(binding.igf1_free_ng_ml(0.1307), 1.0, rel_tol=1e-3)


@pytest.mark.parametrize("igf1", [2.2250738585072014e-308, 1e-200, 1e-101])
def test_tracer_limit_matches_linear_binding(igf1):
    """Vanishing IGF-1 occupies no binder: shares follow the linear (tracer) weights exactly,
    and continue smoothly into the bisection regime."""
    r = equilibrium(igf1, 1193.0, 2555.0, 3.0)
    v = equilibrium(np.array([igf1]), 1193.0, 2555.0, 3.0)
    assert sum(r[k] for k in FRACS) == pytest.approx(1.0, rel=1e-12)
    assert v["free_fraction"][0] == pytest.approx(r["free_fraction"], rel=1e-12)
    small = equilibrium(1e-90, 1193.0, 2555.0, 3.0)  # just above the switch: bisection
    assert small["free_fraction"] == pytest.approx(r["free_fraction"], rel=1e-6)
