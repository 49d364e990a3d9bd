"""helpers.models.stats: quantiles against published table values, t-based intervals, group
summaries, pooled effects, bad input; and the explorers and notebook helpers that use them."""

import math

import numpy as np
import pytest

from helpers.models import stats

# Student's t, two-sided 95 % (p = 0.975), as printed in standard statistical tables
T_975 = {1: 12.706, 2: 4.303, 3: 3.182, 4: 2.776, 5: 2.571, 10: 2.228, 20: 2.086, 30: 2.042, 60: 2.000}


@pytest.mark.parametrize("dof, expected", sorted(T_975.items()))
def test_t_quantile_matches_tables(dof, expected):
    assert stats.t_quantile(0.975, dof) == pytest.approx(expected, abs=5e-4)
    assert stats.t_critical(dof) == pytest.approx(expected, abs=5e-4)


@pytest.mark.parametrize(
    "p, dof, expected",
    [(0.95, 4, 2.132), (0.995, 4, 4.604), (0.99, 10, 2.764), (0.90, 1, 3.078), (0.75, 3, 0.765)],
)
def test_t_quantile_other_levels(p, dof, expected):
    assert stats.t_quantile(p, dof) == pytest.approx(expected, abs=5e-4)
    assert stats.t_quantile(1 - p, dof) == pytest.approx(-expected, abs=5e-4)


def test_t_quantile_is_the_inverse_of_t_cdf_and_tends_to_normal():
    for dof in (0.5, 1, 2, 3, 4.5, 7, 25, 300, 1e6):
        for p in (1e-9, 0.001, 0.025, 0.2, 0.5, 0.8, 0.975, 0.999999):
            assert stats.t_cdf(stats.t_quantile(p, dof), dof) == pytest.approx(p, rel=1e-9)
    assert stats.t_quantile(0.975, math.inf) == pytest.approx(1.959963984540054, rel=1e-12)
    assert stats.t_quantile(0.975, 1e7) == pytest.approx(1.959964, abs=1e-6)
    assert stats.t_quantile(0.5, 4) == 0.0
    # arrays of degrees of freedom (as group summaries pass them)
    np.testing.assert_allclose(stats.t_critical(np.array([4, 10])), [2.776445, 2.228139], atol=1e-6)


@pytest.mark.parametrize(
    "p, expected", [(0.975, 1.959964), (0.95, 1.644854), (0.995, 2.575829), (0.9, 1.281552), (0.5, 0.0)]
)
def test_normal_quantile_matches_tables(p, expected):
    assert stats.normal_quantile(p) == pytest.approx(expected, abs=1e-6)
    assert stats.normal_quantile(1 - p) == pytest.approx(-expected, abs=1e-6)


def test_normal_quantile_inverts_normal_cdf_in_the_tails():
    p = np.array([1e-12, 1e-6, 0.02, 0.02425, 0.3, 0.97575, 0.98, 1 - 1e-6])
    np.testing.assert_allclose(stats.normal_cdf(stats.normal_quantile(p)), p, rtol=1e-11)
    assert stats.normal_cdf(0.0) == 0.5
    assert stats.z_critical() == pytest.approx(1.959963984540054, rel=1e-13)
    assert stats.z_critical(0.90) == pytest.approx(1.644854, abs=1e-6)


def test_t_cdf_known_values():
    assert stats.t_cdf(2.776445105, 4) == pytest.approx(0.975, abs=1e-9)
    assert stats.t_cdf(-2.776445105, 4) == pytest.approx(0.025, abs=1e-9)
    assert stats.t_cdf(1.0, 1) == pytest.approx(0.75, abs=1e-12)  # Cauchy: 1/2 + atan(1)/pi
    assert stats.t_cdf(0.0, 9) == pytest.approx(0.5, abs=1e-15)


# ---- intervals of means --------------------------------------------------------------------------
X5 = np.array([4.0, 6.0, 5.0, 9.0, 6.0])  # mean 6, sd sqrt(3.5)


def test_mean_ci_uses_t_with_n_minus_1_degrees_of_freedom():
    m, lo, hi = stats.mean_ci(X5)
    assert m == 6.0
    assert hi - m == pytest.approx(2.776445 * math.sqrt(3.5) / math.sqrt(5), rel=1e-6)
    assert m - lo == pytest.approx(hi - m)
    # 29 % wider than the normal approximation at n = 5
    assert (hi - m) / (1.959964 * math.sqrt(3.5 / 5)) == pytest.approx(1.4166, abs=1e-3)
    m, lo, hi = stats.mean_ci(X5, level=0.90)
    assert hi - m == pytest.approx(2.131847 * math.sqrt(3.5 / 5), rel=1e-6)


def test_group_summary_per_group_in_order():
    values = np.concatenate([X5, X5 + 10, [1.0, 3.0]])
    groups = np.array(["a"] * 5 + ["b"] * 5 + ["c"] * 2)
    s = stats.group_summary(values, groups, order=["b", "a", "c"])
    assert list(s["group"]) == ["b", "a", "c"]
    np.testing.assert_allclose(s["n"], [5, 5, 2])
    np.testing.assert_allclose(s["mean"], [16.0, 6.0, 2.0])
    np.testing.assert_allclose(s["sd"], [math.sqrt(3.5), math.sqrt(3.5), math.sqrt(2.0)])
    half = [2.776445 * math.sqrt(3.5 / 5)] * 2 + [12.706205 * math.sqrt(2.0) / math.sqrt(2)]
    np.testing.assert_allclose(s["ci_high"] - s["mean"], half, rtol=1e-6)
    np.testing.assert_allclose(s["mean"] - s["ci_low"], half, rtol=1e-6)
    assert list(stats.group_summary(values, groups)["group"]) == ["a", "b", "c"]  # sorted by default
    assert s["n"].dtype.kind == "i"  # counts are whole numbers
    one = stats.group_summary(values, groups, order=["c"])  # a single group may be asked for
    assert list(one["group"]) == ["c"] and one["mean"].tolist() == [2.0]


def test_group_summary_keeps_labels_of_any_type():
    # labels are kept as given (not turned into strings), numbers and strings mixed
    values, groups = [1.0, 3.0, 5.0, 9.0], np.array([1, 1, "x", "x"], dtype=object)
    s = stats.group_summary(values, groups, order=[1, "x"])
    assert s["group"].tolist() == [1, "x"] and s["mean"].tolist() == [2.0, 7.0]
    with pytest.raises(
        ValueError, match=r"^order must list labels that occur in groups \[1, 'x'\], got 'y'$"
    ):
        stats.group_summary(values, groups, order=[1, "y"])
    with pytest.raises(
        ValueError, match=r"^order must be None or a non-empty list of group labels, got \[\]$"
    ):
        stats.group_summary(values, groups, order=[])
    with pytest.raises(ValueError, match=r"^values must be finite, got nan"):
        stats.group_summary([1.0, float("nan")], ["a", "a"])


def test_welch_degrees_of_freedom():
    # equal variances and sizes: Welch reduces to n_a + n_b - 2
    assert stats.welch_dof(2.0, 10, 2.0, 10) == pytest.approx(18.0)
    # textbook case: s1^2 = 4, n1 = 5; s2^2 = 16, n2 = 5 -> (0.8 + 3.2)^2 / (0.16 + 2.56) = 5.882
    assert stats.welch_dof(4.0, 5, 16.0, 5) == pytest.approx(16.0 / 2.72)
    assert stats.welch_dof(0.0, 5, 0.0, 7) == 10.0


def test_mean_difference_ci_is_welch_t():
    a, b = np.array([9.0, 11.0] * 50), np.array([19.0, 21.0] * 50)
    d, lo, hi = stats.mean_difference_ci(a, b)
    se = math.sqrt(2 * np.var(a, ddof=1) / 100)
    assert d == pytest.approx(-10.0)
    assert hi - d == pytest.approx(stats.t_quantile(0.975, 198) * se, rel=1e-9)
    assert hi - d == pytest.approx(1.972017 * se, rel=1e-6)
    d, lo, hi = stats.mean_difference_ci(X5, X5 * 2)  # unequal variances: dof 5.88
    se = math.sqrt(3.5 / 5 + 14.0 / 5)
    assert d == -6.0 and hi - d == pytest.approx(stats.t_quantile(0.975, 16.0 / 2.72 * 1.0) * se)
    # the interval is symmetric about the difference, and wider at a higher level
    assert d - lo == pytest.approx(hi - d, rel=1e-12) and lo < d < hi
    d99, lo99, hi99 = stats.mean_difference_ci(X5, X5 * 2, level=0.99)
    assert d99 == d and lo99 < lo and hi99 > hi


def test_relative_difference_ci():
    a, b = np.array([9.0, 11.0] * 50), np.array([19.0, 21.0] * 50)
    r, lo, hi = stats.relative_difference_ci(a, b)
    assert r == pytest.approx(-0.5)
    se = math.sqrt(np.var(a, ddof=1) / (100 * 100) + np.var(b, ddof=1) / (100 * 400))
    dof = stats.welch_dof(np.var(a, ddof=1) / 100, 100, np.var(b, ddof=1) / 400, 100)
    t = stats.t_quantile(0.975, dof)
    assert lo == pytest.approx(math.expm1(math.log(0.5) - t * se), rel=1e-12)
    assert hi == pytest.approx(math.expm1(math.log(0.5) + t * se), rel=1e-12)
    with pytest.raises(ValueError, match=r"positive means, got mean\(a\) = -1"):
        stats.relative_difference_ci([-2.0, 0.0], [1.0, 2.0])


def test_pooled_effect_fixed_effect_normal_interval():
    est, lo, hi = stats.pooled_effect([0.2, 0.6], [0.1, 0.1])
    assert est == pytest.approx(0.4)
    assert hi - lo == pytest.approx(2 * 1.959964 * 0.1 / np.sqrt(2), rel=1e-6)
    est, lo, hi = stats.pooled_effect([0.0, 0.9], [0.1, 0.2])  # weights 100 and 25
    assert est == pytest.approx(0.18)
    assert hi - est == pytest.approx(1.959964 * math.sqrt(1 / 125), rel=1e-6)
    est, lo, hi = stats.pooled_effect([0.0, 0.9], [0.1, 0.2], level=0.90)
    assert hi - est == pytest.approx(1.644854 * math.sqrt(1 / 125), rel=1e-6)


@pytest.mark.parametrize(
    "call, message",
    [
        (lambda: stats.t_quantile(1.0, 4), r"p = 1 is outside the open interval \(0, 1\)"),
        (lambda: stats.t_quantile(0.0, 4), r"p = 0 is outside the open interval"),
        (lambda: stats.normal_quantile(1.5), r"p = 1.5 is above the allowed range \[0, 1\]"),
        (lambda: stats.t_quantile(0.975, 0), r"dof = 0 degrees of freedom is not allowed"),
        (lambda: stats.t_quantile(0.975, -3), r"dof = -3 degrees of freedom"),
        (lambda: stats.t_quantile(0.975, "four"), r"dof must be a number of degrees of freedom"),
        (lambda: stats.t_critical(4, level=1.0), r"level = 1 is outside the open interval"),
        (lambda: stats.mean_ci([3.0]), r"values needs at least 2 values, got 1"),
        (lambda: stats.mean_ci([1.0, float("nan")]), r"values must be finite"),
        (lambda: stats.mean_difference_ci([1.0, 2.0], [1.0]), r"b needs at least 2 values"),
        (lambda: stats.group_summary([1.0, 2.0, 3.0], ["a", "a", "b"]), r"group 'b' has 1 value"),
        (lambda: stats.group_summary([1.0, 2.0], ["a"]), r"same length, got 2 and 1"),
        (lambda: stats.pooled_effect([0.2, 0.6], [0.1]), r"same shape"),
        (lambda: stats.pooled_effect([], []), r"non-empty"),
        (lambda: stats.pooled_effect([0.2], [0.0]), r"se = 0 is below the allowed range"),
    ],
)
def test_bad_input_names_the_parameter(call, message):
    with pytest.raises(ValueError, match=message):
        call()


def test_scalars_in_scalars_out():
    assert isinstance(stats.t_quantile(0.975, 4), float)
    assert isinstance(stats.normal_quantile(0.975), float)
    assert stats.t_quantile([0.025, 0.975], 4).shape == (2,)


# ---- the users of the module ------------------------------------------------------------------------
def test_diet_patterns_explorer_intervals_use_t():
    from helpers.explorers import create

    ex = create("diet_patterns")
    ex.set(n_per_group=5)
    r = ex.compute("igf1_ng_ml", 5)
    for k, g in enumerate(ex._groups):
        v = ex._values[(g, "igf1_ng_ml")][:5]
        half = 2.776445 * v.std(ddof=1) / math.sqrt(5)
        assert r["means"][k] == pytest.approx(v.mean())
        assert r["ci_high"][k] - r["means"][k] == pytest.approx(half, rel=1e-6)
        assert r["means"][k] - r["ci_low"][k] == pytest.approx(half, rel=1e-6)
    vegan = ex._values[("vegan", "igf1_ng_ml")][:5]
    others = np.concatenate([ex._values[(g, "igf1_ng_ml")][:5] for g in ("omnivore", "vegetarian")])
    eff, lo, hi = stats.relative_difference_ci(vegan, others)
    s = ex.summary()
    assert (s["effect_pct"], s["effect_lo_pct"], s["effect_hi_pct"]) == pytest.approx(
        (100 * eff, 100 * lo, 100 * hi)
    )


def test_notebook_group_summary_frame_matches_the_module():
    from helpers import load_dataset
    from helpers.illustrative.nutrition import group_summary

    df = load_dataset("diet_cohort")
    frame = group_summary(df, "pattern", "igf1_ng_ml")
    assert list(frame.index) == ["omnivore", "vegetarian", "vegan"]
    s = stats.group_summary(df["igf1_ng_ml"], df["pattern"].astype(str), order=list(frame.index))
    np.testing.assert_allclose(frame["mean"], s["mean"])
    np.testing.assert_allclose(frame["ci_low"], s["ci_low"])
    np.testing.assert_allclose(frame["ci_high"], s["ci_high"])
    assert list(frame["n"]) == [99, 101, 92]


def test_illustrative_bdnf_intervals_use_the_normal_quantile():
    from helpers import load_dataset
    from helpers.models.exercise import hedges_g_se

    df = load_dataset("bdnf_effect_sizes")
    se = hedges_g_se(df["hedges_g"].to_numpy(), df["n_participants"].to_numpy())
    np.testing.assert_allclose(df["ci_high_95"], df["hedges_g"] + 1.959964 * se, atol=6e-4)
    np.testing.assert_allclose(df["ci_low_95"], df["hedges_g"] - 1.959964 * se, atol=6e-4)
