"""Calibration and behaviour of helpers.models.lifespan (IGF-1 / IGFBP-3 reference curves).

Targets are the calibration rows A18–A58 of data/calibration_targets.csv, read from the file:
(age_years, p2_5, p50, p97_5) per sex.
"""

import math

import numpy as np
import pytest

from helpers.calibration import target, targets
from helpers.models import lifespan as L


def _percentiles(first: str, last: str) -> dict[str, list[tuple[float, float, float, float]]]:
    """(age_years, 2.5th, 50th, 97.5th percentile) per sex from the rows ``first``..``last``."""
    t = targets().loc[first:last]
    return {
        sex: [(r.age_years, r.low, r.value, r.high) for r in t[t["sex"] == sex].itertuples()]
        for sex in ("male", "female")
    }


IGF1 = _percentiles("A18", "A39")  # [@bidlingmaier2014], ng/mL
IGFBP3 = _percentiles("A43", "A52")  # [@friedrich2014], ng/mL
RATIO = _percentiles("A53", "A58")  # [@friedrich2014], molar ratio x100


def test_tables_read_from_the_calibration_file_are_complete():
    assert {sex: len(rows) for sex, rows in IGF1.items()} == {"male": 11, "female": 11}
    assert {sex: len(rows) for sex, rows in IGFBP3.items()} == {"male": 5, "female": 5}
    assert {sex: len(rows) for sex, rows in RATIO.items()} == {"male": 3, "female": 3}


#: stated tolerance for reproducing the published percentiles at the calibration ages
REL_TOL = 0.005  # 0.5 % (the published numbers are rounded to 0.1 ng/mL or 1 ng/mL)


@pytest.mark.parametrize(
    "marker, table, fn",
    [
        ("igf1", IGF1, L.igf1_reference),
        ("igfbp3", IGFBP3, L.igfbp3_reference),
        ("ratio", RATIO, L.ratio_reference),
    ],
)
@pytest.mark.parametrize("sex", L.SEXES)
def test_reproduces_published_percentiles_at_calibration_ages(marker, table, fn, sex):
    rows = np.array(table[sex], dtype=float)
    ref = fn(rows[:, 0], sex)
    for j, key in enumerate(["p2_5", "p50", "p97_5"], start=1):
        np.testing.assert_allclose(
            ref[key], rows[:, j], rtol=REL_TOL, atol=0.06, err_msg=f"{marker} {sex} {key}"
        )


@pytest.mark.parametrize("sex", L.SEXES)
def test_pubertal_peak_at_15_years(sex):
    # A40: "an increase until a pubertal peak (at 15 years of age)"
    assert L.median_peak_age("igf1", sex) == pytest.approx(target("A40").value, abs=0.5)
    med = L.igf1_reference(np.array([1.0, 10.0, 15.0, 20.0, 40.0, 70.0]), sex)["p50"]
    assert np.all(np.diff(med[:3]) > 0) and np.all(np.diff(med[2:]) < 0)


@pytest.mark.parametrize("sex, row", [("male", "A41"), ("female", "A42")])
def test_adult_decline_per_decade(sex, row):
    published = target(row).value
    # A41/A42: log-linear fit of the medians 23-83 y; model within 0.5 percentage points
    got = L.decline_percent_per_decade("igf1", sex, 23, 83)
    assert got == pytest.approx(published, abs=0.5)
    assert 10.0 < L.decline_percent_per_decade("igf1", sex, 28, 78) < 13.0


def test_women_lower_than_men_across_adult_life():
    age = np.arange(1, 79, 1.0)
    assert np.all(L.igf1_reference(age, "female")["p50"] < L.igf1_reference(age, "male")["p50"])


def test_igfbp3_plateau_and_peak_near_22_years():
    for sex in L.SEXES:
        assert L.median_peak_age("igfbp3", sex) == pytest.approx(22.0, abs=1.0)
    # beyond 60 y IGFBP-3 higher in women, the ratio higher in men [@friedrich2014]
    assert L.igfbp3_reference(70, "female")["p50"] > L.igfbp3_reference(70, "male")["p50"]
    assert L.ratio_reference(70, "male")["p50"] > L.ratio_reference(70, "female")["p50"]


@pytest.mark.parametrize("sex", L.SEXES)
@pytest.mark.parametrize("age", [0.5, 3.0, 15.0, 44.0, 62.0, 85.0, 100.0])
def test_sds_and_percentile_consistent_with_reference(sex, age):
    ref = L.igf1_reference(age, sex)
    assert L.igf1_sds(ref["p50"], age, sex) == pytest.approx(0.0, abs=1e-9)
    assert L.igf1_sds(ref["p97_5"], age, sex) == pytest.approx(1.96, abs=1e-3)
    assert L.igf1_sds(ref["p2_5"], age, sex) == pytest.approx(-1.96, abs=1e-3)
    assert L.igf1_percentile(ref["p50"], age, sex) == pytest.approx(50.0, abs=1e-9)
    assert L.igf1_percentile(ref["p97_5"], age, sex) == pytest.approx(97.5, abs=1e-3)
    assert L.igf1_percentile(ref["p2_5"], age, sex) == pytest.approx(2.5, abs=1e-3)
    if age >= 15.0:  # IGFBP-3 the same way
        ref3 = L.igfbp3_reference(age, sex)
        assert L.igfbp3_sds(ref3["p50"], age, sex) == pytest.approx(0.0, abs=1e-9)
        assert L.igfbp3_sds(ref3["p97_5"], age, sex) == pytest.approx(1.96, abs=1e-3)
        assert L.igfbp3_percentile(ref3["p50"], age, sex) == pytest.approx(50.0, abs=1e-9)
        assert L.igfbp3_percentile(ref3["p2_5"], age, sex) == pytest.approx(2.5, abs=1e-3)
        assert L.igfbp3_percentile(ref3["p97_5"], age, sex) == pytest.approx(97.5, abs=1e-3)


def test_sds_monotone_in_value_and_vectorised():
    v = np.linspace(5, 900, 300)
    z = L.igf1_sds(v, 40, "male")
    p = L.igf1_percentile(v, 40, "male")
    assert z.shape == v.shape and np.all(np.diff(z) > 0) and np.all(np.diff(p) >= 0)
    assert np.all((p >= 0) & (p <= 100))
    mid = (v > 40) & (v < 400)  # away from the tails, where Phi saturates in float64
    assert np.all(np.diff(p[mid]) > 0)
    # vectorised over age as well; a fixed value sits higher in older people
    ages = np.array([30.0, 50.0, 70.0])
    assert np.all(np.diff(L.igf1_sds(120.0, ages, "female")) > 0)
    assert isinstance(L.igf1_sds(120.0, 50, "female"), float)


def test_sds_formula_by_hand():
    Lp, m, s = L.lms("igf1", 48, "male")
    assert (Lp, float(m), float(s)) == pytest.approx((0.4568, 125.7431, 0.2798), rel=1e-6)
    z = ((200 / 125.7431) ** 0.4568 - 1) / (0.4568 * 0.2798)
    assert L.igf1_sds(200, 48, "male") == pytest.approx(z, rel=1e-9)
    assert L.igf1_percentile(200, 48, "male") == pytest.approx(50 * (1 + math.erf(z / math.sqrt(2))))


def test_normal_cdf():
    assert L.normal_cdf(0.0) == pytest.approx(0.5)
    assert L.normal_cdf(1.959963984540054) == pytest.approx(0.975, abs=1e-12)
    np.testing.assert_allclose(L.normal_cdf([-1.0, 1.0]), [0.15865525, 0.84134475], atol=1e-8)


def test_pchip_passes_through_nodes_and_does_not_overshoot():
    x, y = [0, 1, 2, 3], [0.0, 1.0, 1.0, 0.0]
    xs = np.linspace(0, 3, 301)
    ys = L.pchip(x, y, xs)
    np.testing.assert_allclose(L.pchip(x, y, x), y, atol=1e-12)
    assert ys.max() <= 1.0 + 1e-12 and ys.min() >= -1e-12


@pytest.mark.parametrize(
    "call, match",
    [
        (
            lambda: L.igf1_reference(101, "male"),
            r"age_years = 101 years is above the allowed range \[0, 100\]",
        ),
        (lambda: L.igf1_reference(-1, "male"), r"age_years = -1 years is below the allowed range \[0, 100\]"),
        (
            lambda: L.igf1_sds(150, 40, "man"),
            r"sex = 'man' is not allowed; choose one of \['female', 'male'\]",
        ),
        (lambda: L.igf1_percentile(0, 40, "male"), r"must be > 0 ng/mL"),
        (lambda: L.igf1_sds(-5, 40, "male"), r"below the allowed range >= 0 ng/mL"),
        (lambda: L.igf1_sds(float("nan"), 40, "male"), r"must be finite"),
        (lambda: L.igf1_reference([20, 120], "female"), r"above the allowed range"),
        (lambda: L.ratio_reference(10, "female"), r"below the allowed range \[15, 100\]"),
        (lambda: L.igfbp3_sds(3000, 40, "other"), r"choose one of \['female', 'male'\]"),
    ],
)
def test_bad_inputs_raise_valueerror(call, match):
    with pytest.raises(ValueError, match=match):
        call()
