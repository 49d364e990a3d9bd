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
IGF2_POOLS_NM = tuple(f"igf2_{k}" for k in POOLS_NM)
IGF2_FRACS = tuple(f"igf2_{k}" for k in FRACS)


@settings(max_examples=300, deadline=None)
@given(igf1=conc, igf2=conc, bp3=conc, als=conc, other=conc, intact=frac)
def test_pools_sum_to_total_and_are_non_negative_for_both_ligands(igf1, igf2, bp3, als, other, intact):
    r = equilibrium(igf1, bp3, als, other, intact, igf2_nM=igf2)
    for pools, fracs, total in ((POOLS_NM, FRACS, igf1), (IGF2_POOLS_NM, IGF2_FRACS, igf2)):
        assert sum(r[k] for k in pools) == pytest.approx(total, rel=1e-9, abs=1e-300)
        assert all(r[k] >= 0 for k in pools)
        if total > 0:
            assert sum(r[k] for k in fracs) == pytest.approx(1.0, rel=1e-9)
    # bound complexes (both IGFs together) never exceed the binding protein that carries them
    bp3_bound = r["binary_nM"] + r["ternary_nM"] + r["igf2_binary_nM"] + r["igf2_ternary_nM"]
    assert bp3_bound <= bp3 * intact * (1 + 1e-9) + 1e-300
    assert r["ternary_nM"] + r["igf2_ternary_nM"] <= als * (1 + 1e-9) + 1e-300
    assert r["other_bound_nM"] + r["igf2_other_bound_nM"] <= other * (1 + 1e-9) + 1e-300


@settings(max_examples=150, deadline=None)
@given(igf1=pos, igf2=conc, bp3=pos, als=conc, other=conc)
def test_equilibrium_relations_hold_for_both_ligands(igf1, igf2, bp3, als, other):
    """The solution really is at equilibrium: each complex of each IGF obeys its Kd."""
    r = equilibrium(igf1, bp3, als, other, igf2_nM=igf2)
    bp3_free = bp3 - r["binary_nM"] - r["ternary_nM"] - r["igf2_binary_nM"] - r["igf2_ternary_nM"]
    als_free = als - r["ternary_nM"] - r["igf2_ternary_nM"]
    other_free = other - r["other_bound_nM"] - r["igf2_other_bound_nM"]
    for p, k3, ko in (
        ("", binding.KD_IGFBP3_NM, binding.KD_OTHER_NM),
        ("igf2_", binding.KD_IGFBP3_IGF2_NM, binding.KD_OTHER_IGF2_NM),
    ):
        x = r[f"{p}free_nM"]
        assert r[f"{p}binary_nM"] == pytest.approx(x * bp3_free / k3, rel=1e-6, abs=1e-9)
        assert r[f"{p}ternary_nM"] == pytest.approx(
            r[f"{p}binary_nM"] * als_free / binding.KD_ALS_NM, rel=1e-6, abs=1e-9
        )
        assert r[f"{p}other_bound_nM"] == pytest.approx(x * other_free / ko, rel=1e-6, abs=1e-9)


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
    r = equilibrium(igf1, 99.5, 284.7, 30.0, igf2_nM=99.1)
    for i, v in enumerate(igf1):
        s = equilibrium(float(v), 99.5, 284.7, 30.0, igf2_nM=99.1)
        assert r["free_nM"][i] == pytest.approx(s["free_nM"], rel=1e-9)
        assert r["igf2_free_nM"][i] == pytest.approx(s["igf2_free_nM"], rel=1e-9)


def test_igf2_competes_igf1_off_igfbp3():
    """More IGF-2 fills IGFBP-3 sites: free IGF-1 rises and its ternary share falls."""
    free = [r["free_nM"] for r in _sweep("igf2_nM", [0.0, 40.0, 80.0, 99.1, 120.0])]
    tern = [r["ternary_fraction"] for r in _sweep("igf2_nM", [0.0, 40.0, 80.0, 99.1, 120.0])]
    assert all(a < b for a, b in itertools.pairwise(free))
    assert all(a > b for a, b in itertools.pairwise(tern))
    # without IGF-2 the old artefact returns: almost everything ternary, almost nothing free
    no_igf2 = equilibrium(**{**ADULT_DEFAULTS, "igf2_nM": 0.0})
    assert no_igf2["ternary_fraction"] > 0.98 and no_igf2["free_fraction"] < 1e-4


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
    tern = [r["ternary_fraction"] for r in _sweep("als_nM", [0, 5, 50, 284.7, 600])]
    assert tern[0] == 0.0
    assert all(a < b for a, b in itertools.pairwise(tern))


def test_proteolysis_raises_free_igf1():
    free = [r["free_nM"] for r in _sweep("igfbp3_intact_fraction", [1.0, 0.9, 0.7, 0.4, 0.15, 0.05])]
    assert all(a < b for a, b in itertools.pairwise(free))
    # IGFBP-3 is nearly saturated by IGF-1 + IGF-2, so cutting even 10 % frees IGF-1 steeply
    assert free[1] > 4 * free[0]
    assert free[-1] > 100 * free[0]


@settings(max_examples=100, deadline=None)
@given(
    igf1=st.floats(0.1, 200),
    igf2=st.floats(0, 200),
    bp3=st.floats(1, 500),
    als=st.floats(0, 800),
    other=st.floats(0, 50),
    k=st.floats(1.05, 3.0),
)
def test_free_igf1_falls_when_any_binder_rises_and_rises_with_igf2(igf1, igf2, bp3, als, other, k):
    def free(**kw):
        a = dict(igf1_nM=igf1, igfbp3_nM=bp3, als_nM=als, other_igfbp_nM=other, igf2_nM=igf2)
        return equilibrium(**{**a, **kw})["free_nM"]

    base = free()
    assert free(igfbp3_nM=bp3 * k) <= base * (1 + 1e-9)
    assert free(als_nM=als * k + 1) <= base * (1 + 1e-9)
    assert free(other_igfbp_nM=other * k + 1) <= base * (1 + 1e-9)
    assert free(igf2_nM=igf2 * k + 1) >= base * (1 - 1e-9)


# ---- calibration ---------------------------------------------------------------------------
def test_adult_defaults_are_sourced_values_converted_to_nM():
    assert set(ADULT_DEFAULTS) == {
        "igf1_nM",
        "igf2_nM",
        "igfbp3_nM",
        "als_nM",
        "other_igfbp_nM",
        "igfbp3_intact_fraction",
    }
    # IGF-1 147.9 ng/mL (A24) -> 19.3 nM with the shared conversion factor
    assert ADULT_DEFAULTS["igf1_nM"] == pytest.approx(target("A24").value * units.NMOL_L_PER_NG_ML, abs=0.01)
    assert 100 / 7.649 < ADULT_DEFAULTS["igf1_nM"] < 200 / 7.649  # typical adult 100-200 ng/mL
    # IGFBP-3 4200 ng/mL (A46) over the GLYCOSYLATED mass: 28.7 kDa core (264 residues, spratt1990)
    # + 4 + 4.5 + 5 kDa of N-linked carbohydrate (firth1999) = 42.2 kDa
    assert binding.IGFBP3_MOLAR_MASS_G_PER_MOL == pytest.approx(42_200.0)
    assert ADULT_DEFAULTS["igfbp3_nM"] == pytest.approx(4200 / 42.2, abs=0.1)
    assert ADULT_DEFAULTS["als_nM"] == pytest.approx(24.2e6 / 85_000, abs=0.1)  # A15, A04
    # IGF-2: free 1480 ng/L is ~0.20 % of total (frystyk1994) -> ~740 ng/mL, 7.47 kDa
    assert ADULT_DEFAULTS["igf2_nM"] == pytest.approx(740.0 / 7.469, abs=0.1)
    # IGF-2 is several times IGF-1 on a molar basis, and the two IGFs together slightly exceed
    # IGFBP-3 (the reason free IGF-1 is measurable)
    assert 3 < ADULT_DEFAULTS["igf2_nM"] / ADULT_DEFAULTS["igf1_nM"] < 6
    assert 1.0 < (ADULT_DEFAULTS["igf1_nM"] + ADULT_DEFAULTS["igf2_nM"]) / ADULT_DEFAULTS["igfbp3_nM"] < 1.3
    assert ADULT_DEFAULTS["als_nM"] > ADULT_DEFAULTS["igfbp3_nM"]
    assert ADULT_DEFAULTS["other_igfbp_nM"] == 30.0


def test_binding_constants_match_published_values():
    assert binding.KD_IGFBP3_NM == pytest.approx(target("A06").value / 1000)  # 102 pM (A06)
    assert binding.KD_IGFBP3_IGF2_NM == pytest.approx(0.044)  # 44 pM, same study (A06)
    assert 1 / (binding.KD_ALS_NM * 1e-9) == pytest.approx(target("A05").value)  # Ka 5e8 /M (A05, baxter1989)
    assert binding.KD_OTHER_IGF2_NM == pytest.approx(0.3 * 44 / 102)


# Published partition of serum IGF-1 (share of total):
#   ternary   0.60-0.90: 61 % in the ~200 kDa pool by gel chromatography, 2 adults (guler1989);
#             75-90 % in the 150 kDa complex (calibration row A14, secondary);
#   binary    0.10-0.32: all ~50 kDa complexes, 30 % by gel chromatography (guler1989);
#   free      0.2-1.1 %: 0.38 +/- 0.02 % by ultrafiltration, 49 adults (frystyk1994);
#             about 1 % by direct immunoassay (juul1997).
#   free IGF-2 0.1-0.4 %: ~0.20 % of total IGF-2 by ultrafiltration (frystyk1994).
def test_adult_partition_inside_published_ranges():
    r = equilibrium(**ADULT_DEFAULTS)
    ranges = binding.PUBLISHED_PARTITION
    assert ranges == {"ternary": (0.60, 0.90), "binary_all": (0.10, 0.32), "free": (0.002, 0.011)}
    for pool, (lo, hi) in ranges.items():
        assert lo <= r[f"{pool}_fraction"] <= hi, (pool, r[f"{pool}_fraction"])
    assert 0.001 <= r["igf2_free_fraction"] <= 0.004
    # the numbers notebook 02 quotes (rounded as printed there)
    assert round(100 * r["ternary_fraction"]) == 83
    assert round(100 * r["binary_all_fraction"]) == 17
    assert round(100 * r["other_fraction"]) == 16
    assert round(100 * r["binary_fraction"], 1) == 0.9
    assert round(100 * r["free_fraction"], 2) == 0.43
    assert round(100 * r["igf2_free_fraction"], 2) == 0.19
    assert round(1000 * r["free_nM"]) == 83  # pM
    assert round(1000 * float(binding.igf1_free_ng_ml(r["free_nM"]))) == 635  # pg/mL


def test_before_after_partition_and_mass_effect():
    """The two fixes of issue 12, one at a time (numbers in notebook 02's model note)."""
    old = dict(ADULT_DEFAULTS, igfbp3_nM=146.3, other_igfbp_nM=5.0, igf2_nM=0.0)
    r_old = equilibrium(**old)
    assert round(100 * r_old["ternary_fraction"], 1) == 99.2
    assert r_old["free_fraction"] < 1e-5
    # IGF-2 alone, with the core-mass IGFBP-3: IGFBP-3 is not saturated, free stays tiny
    r_core = equilibrium(**dict(ADULT_DEFAULTS, igfbp3_nM=146.3))
    assert r_core["free_fraction"] < 1e-4 and r_core["ternary_fraction"] > 0.95


def test_notebook_02_sweeps_quoted_numbers():
    """Every model number notebook 02's prose quotes, computed from the model (rounded as printed)."""
    d = ADULT_DEFAULTS
    base = equilibrium(**d)
    assert round(d["igf1_nM"] + d["igf2_nM"]) == 118
    no_als = equilibrium(**{**d, "als_nM": 0.0})
    assert no_als["ternary_fraction"] == 0.0
    assert round(100 * no_als["binary_fraction"]) == 78
    assert round(100 * no_als["free_fraction"], 1) == 1.2
    assert round(no_als["free_nM"] / base["free_nM"]) == 3  # "about three-fold"
    no_igf2 = equilibrium(**{**d, "igf2_nM": 0.0})
    assert round(100 * no_igf2["ternary_fraction"]) == 99
    assert round(100 * no_igf2["free_fraction"], 3) == 0.001
    half_bp3 = equilibrium(**{**d, "igfbp3_nM": d["igfbp3_nM"] / 2})
    assert round(half_bp3["free_nM"] / base["free_nM"], -1) == 110
    igf1_40 = equilibrium(**{**d, "igf1_nM": 40.0})
    assert round(100 * igf1_40["free_fraction"]) == 12
    cut10 = equilibrium(**{**d, "igfbp3_intact_fraction": 0.9})
    assert round(cut10["free_nM"] / base["free_nM"]) == 6
    assert round(100 * cut10["free_fraction"], 1) == 2.6
    # IGFBP-1 lever (other IGFBPs 15 -> 60 nM), intact and with 10 % of IGFBP-3 cut
    lo = equilibrium(**{**d, "other_igfbp_nM": 15.0})
    hi = equilibrium(**{**d, "other_igfbp_nM": 60.0})
    assert round(lo["free_nM"] / hi["free_nM"]) == 57
    assert (round(100 * lo["free_fraction"]), round(100 * hi["free_fraction"], 2)) == (7, 0.12)
    lo9 = equilibrium(**{**d, "other_igfbp_nM": 15.0, "igfbp3_intact_fraction": 0.9})
    hi9 = equilibrium(**{**d, "other_igfbp_nM": 60.0, "igfbp3_intact_fraction": 0.9})
    assert (round(100 * lo9["free_fraction"]), round(100 * hi9["free_fraction"], 2)) == (21, 0.24)
    # with the lower IGF-2 of the gel study (368 ug/L) IGFBP-3 is not full: thousandths of a per cent
    guler = equilibrium(**{**d, "igf2_nM": 368.0 / 7.469})
    assert 0.001 <= 100 * guler["free_fraction"] < 0.01
    # a 20 % change of the other-IGFBP affinity changes the free share notebook 02 quotes
    k0 = binding.KD_OTHER_NM
    try:
        binding.KD_OTHER_NM = 1.2 * k0
        up = equilibrium(**d)["free_fraction"]
    finally:
        binding.KD_OTHER_NM = k0
    assert round(100 * up, 2) != round(100 * base["free_fraction"], 2)


def test_guler_infusion_free_share_matches_the_model_direction():
    """During IGF-1 infusion free IGF-1 was 80 of 670 ug/L, ~12 % (guler1989): the model, too, frees
    ~12 % once total IGF-1 doubles, because IGFBP-3 sites are nearly full."""
    assert round(100 * 80 / (389 + 201 + 80)) == 12
    r = equilibrium(**{**ADULT_DEFAULTS, "igf1_nM": 40.0})
    assert 0.08 < r["free_fraction"] < 0.16


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
    with pytest.raises(ValueError, match="must decay"):
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


def test_numbers_for_the_notebook_02_question_bank():
    """Keys and feedback numbers that notebook 02's self-checks and exercise must carry after issue 12
    (listed in notes/issue-12-selfchecks.md), computed from the model."""
    d = ADULT_DEFAULTS
    base = equilibrium(**d)
    # "which changes raise free IGF-1": a fall in IGFBP-1 (other IGFBPs 30 -> 15 nM) is large now
    low_bp1 = equilibrium(**{**d, "other_igfbp_nM": 15.0})
    assert round(low_bp1["free_nM"] / base["free_nM"]) == 16
    assert round(100 * low_bp1["free_fraction"], 1) == 7.0
    more_als = equilibrium(**{**d, "als_nM": 600.0})
    assert (
        more_als["free_fraction"] < base["free_fraction"]
        and round(100 * more_als["free_fraction"], 2) == 0.42
    )
    more_bp3 = equilibrium(**{**d, "igfbp3_nM": 120.0})
    assert round(100 * more_bp3["free_fraction"], 3) == 0.026
    more_igf2 = equilibrium(**{**d, "igf2_nM": 110.0})
    assert more_igf2["free_fraction"] > base["free_fraction"]
    # ALS question: without ALS the other IGFBPs hold about 21 % (was 16 %)
    no_als = equilibrium(**{**d, "als_nM": 0.0})
    assert round(100 * no_als["other_fraction"]) == 21 and round(100 * base["other_fraction"]) == 16
    # exercise: intact IGFBP-3 share at which free IGF-1 first reaches 1 % (immunoassay, juul1997)
    shares = np.round(np.arange(1.0, -0.001, -0.01), 2)
    free_pct = 100 * equilibrium(**{**d, "igfbp3_intact_fraction": shares})["free_fraction"]
    assert shares[np.argmax(free_pct >= 1.0)] == 0.94
    assert free_pct[0] >= 0.38  # the old exercise target (0.38 %) is already reached at the defaults
    # alternative exercise: IGF-2 at which free IGF-1 first reaches the ultrafiltration 0.38 %
    igf2 = np.round(np.arange(90.0, 110.0001, 0.1), 1)
    free2 = 100 * equilibrium(**{**d, "igf2_nM": igf2})["free_fraction"]
    assert igf2[np.argmax(free2 >= 0.38)] == 98.2


@settings(max_examples=150, deadline=None)
@given(igf1=conc, igf2=conc, bp3=conc, als=conc, other=conc)
def test_one_dimensional_solution_equals_the_general_nested_solution(igf1, igf2, bp3, als, other):
    """With the default constants (one IGF-2 preference for every binder) the exact 1-D solution is
    used; it must agree with the general nested bisection, which any other constants fall back to."""
    assert binding._same_preference()
    fast = binding._solve_scalar_fast(igf1, igf2, bp3, als, other)
    slow = binding._solve_scalar(igf1, igf2, bp3, als, other)
    for f, s_, t in zip(fast, slow, (igf1, igf2), strict=True):
        assert f == pytest.approx(s_, rel=1e-9, abs=1e-12 * t + 1e-300)


def test_general_path_is_used_when_preferences_differ(monkeypatch):
    monkeypatch.setattr(binding, "KD_OTHER_IGF2_NM", binding.KD_OTHER_NM)  # no IGF-2 preference
    assert not binding._same_preference()
    r = equilibrium(**ADULT_DEFAULTS)
    v = equilibrium(**{**ADULT_DEFAULTS, "igf1_nM": np.array([ADULT_DEFAULTS["igf1_nM"]])})
    assert sum(r[k] for k in POOLS_NM) == pytest.approx(ADULT_DEFAULTS["igf1_nM"], rel=1e-9)
    assert v["free_nM"][0] == pytest.approx(r["free_nM"], rel=1e-9)
    assert abs(r["free_fraction"] - 0.004294) > 1e-4  # the constants really changed the answer


def test_clearance_numbers_quoted_in_notebook_02():
    assert round(180 / HALF_LIFE_MIN["free"]) == 16  # "about 16 free half-lives" in 3 h
    assert round(100 * clearance(180.0, "ternary")) == 86
    assert round(100 * 0.5**16, 3) == 0.002
    assert clearance(180.0, "free") < 1e-4
