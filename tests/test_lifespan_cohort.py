"""The illustrative lifespan cohort, the ratio/association helpers and the three explorers."""

import numpy as np
import pytest

from helpers import illustrative
from helpers.data import DATA_DIR, load_dataset
from helpers.explorers import create
from helpers.explorers import lifespan as lifespan_explorer
from helpers.illustrative import lifespan as gen
from helpers.models import lifespan as L


@pytest.fixture(scope="module")
def df():
    return load_dataset("igf1_lifespan_cohort")


def test_cohort_is_reproducible_and_small():
    text = illustrative.csv_text("igf1_lifespan_cohort")
    assert text == illustrative.csv_text("igf1_lifespan_cohort")
    assert (DATA_DIR / "igf1_lifespan_cohort.csv").read_text(encoding="utf-8") == text
    assert len(text.encode()) < 1_000_000


def test_cohort_shape(df):
    assert len(df) == gen.N_PEOPLE == 3000
    assert df["age_years"].min() >= 1 and df["age_years"].max() <= 90
    assert set(df["sex"].astype(str)) == {"female", "male"}
    assert 0.45 < (df["sex"] == "female").mean() < 0.55
    adults = df["age_years"] >= 18
    assert df.loc[adults, "grip_strength_kg"].notna().all()
    assert df.loc[~adults, "grip_strength_kg"].isna().all()


@pytest.mark.parametrize("sex", L.SEXES)
def test_cohort_follows_the_reference_model(df, sex):
    d = df[df["sex"] == sex]
    pct = L.igf1_percentile(d["igf1_ng_ml"].to_numpy(), d["age_years"].to_numpy(), sex)
    # about 95 % inside the 2.5th–97.5th interval, median near the 50th percentile
    inside = np.mean((pct > 2.5) & (pct < 97.5))
    assert 0.93 < inside < 0.97
    assert 45 < np.median(pct) < 55
    z3 = L.igfbp3_sds(d["igfbp3_ng_ml"].to_numpy(), d["age_years"].to_numpy(), sex)
    assert abs(np.mean(z3)) < 0.1 and 0.9 < np.std(z3) < 1.1


@pytest.mark.parametrize("sex", L.SEXES)
def test_grip_declines_about_30_percent_from_30_to_80(df, sex):
    # A81: "up to one-third" between 30 and 80 y [@bartondavis1998]
    d = df[df["sex"] == sex]
    young = d[(d["age_years"] >= 25) & (d["age_years"] < 35)]["grip_strength_kg"].mean()
    old = d[(d["age_years"] >= 75) & (d["age_years"] < 85)]["grip_strength_kg"].mean()
    assert 0.20 < 1 - old / young < 0.40
    assert gen.grip_age_factor(80) == pytest.approx(0.70)
    assert gen.grip_age_factor(30) == 1.0 and gen.grip_age_factor(20) == 1.0


@pytest.mark.parametrize("sex", L.SEXES)
def test_crude_correlation_clearly_larger_than_age_adjusted(df, sex):
    d = df[(df["sex"] == sex) & (df["age_years"] >= 20)]
    st = L.association(d["igf1_ng_ml"], d["grip_strength_kg"], d["age_years"])
    assert st["r_crude"] > 0.3
    assert 0.0 < st["r_adjusted"] < 0.2
    assert st["r_crude"] - st["r_adjusted"] > 0.2
    assert st["slope_crude"] > 2 * st["slope_adjusted"] > 0


def test_association_recovers_a_known_partial_correlation():
    rng = np.random.default_rng(1)
    age = rng.uniform(20, 90, 4000)
    x = -age + rng.normal(0, 10, age.size)
    y = -age + rng.normal(0, 10, age.size)  # x and y related only through age
    st = L.association(x, y, age)
    assert st["r_crude"] > 0.8 and abs(st["r_adjusted"]) < 0.05
    with pytest.raises(ValueError, match="same length >= 5"):
        L.association([1, 2], [1, 2], [30, 40])


def test_molar_ratio_scale_and_values():
    assert 300 < L.RATIO_SCALE < 420  # 100 x (IGFBP-3 / IGF-1 molar masses) is of this order
    for sex in L.SEXES:
        for age in (15, 40, 70):
            model = L.RATIO_SCALE * L.igf1_reference(age, sex)["p50"] / L.igfbp3_reference(age, sex)["p50"]
            assert model == pytest.approx(L.ratio_reference(age, sex)["p50"], rel=0.10)
    with pytest.raises(ValueError, match="igfbp3_ng_ml must be > 0"):
        L.molar_ratio_x100(100, 0)


# ---- explorers ------------------------------------------------------------------------------
def test_reference_explorer_numbers_and_unit_switch():
    ex = create("reference")
    ex.set(sex="female", age=62, unit="ng/mL", value=120.0)
    s = ex.summary()
    assert s["sds"] == pytest.approx(L.igf1_sds(120.0, 62, "female"))
    assert s["percentile"] == pytest.approx(L.igf1_percentile(120.0, 62, "female"))
    assert "within the reference interval" in ex.describe(s) and "62-year-old woman" in ex.describe(s)
    ex.set(unit="nmol/L")
    assert ex.controls["value"].value == pytest.approx(15.7, abs=0.06)
    assert ex.summary()["igf1_ng_ml"] == pytest.approx(120.0, abs=0.5)
    assert ex.figure.layout.yaxis.title.text.replace("<br>", " ") == "Serum IGF-1 (nmol/L)"
    assert ex.figure.data[1].y[124] == pytest.approx(L.igf1_reference(62, "female")["p50"] * 0.1307, rel=1e-3)
    ex.set(unit="ng/mL", value=20.0, age=40, sex="male")
    assert "below the reference interval" in ex.describe(ex.summary())
    ex.set(value=600.0)
    assert "above the reference interval" in ex.describe(ex.summary())
    assert tuple(ex.figure.data[3].y) == (600.0,)


def test_lifespan_explorer_switches_measure_and_sex():
    ex = create("lifespan")
    assert ex.summary()["peak_age_years"] == pytest.approx(15.0, abs=0.5)
    ex.set(measure="igfbp3", sex="male")
    assert ex.summary()["peak_age_years"] == pytest.approx(22.0, abs=1.0)
    assert "IGFBP-3" in ex.figure.layout.title.text and "illustrative" in ex.figure.layout.title.text
    ex.set(measure="ratio")
    assert min(ex.figure.data[1].x) == 15.0
    assert len(ex.figure.data[0].x) == lifespan_explorer.DRAWN_PER_SEX
    assert f"{lifespan_explorer.DRAWN_PER_SEX} illustrative" in ex.describe(ex.summary())


def test_confounding_explorer_shrinks_when_adjusted():
    ex = create("confounding")
    ex.set(age_from=20, age_to=90, sex="female", adjust=False)
    s = ex.summary()
    assert s["r_crude"] > 0.3 and s["r_adjusted"] < 0.2
    x_crude = list(ex.figure.data[0].x)
    ex.set(adjust=True)
    assert list(ex.figure.data[0].x) != x_crude
    assert abs(np.mean(ex.figure.data[0].x)) < 15  # residuals centre near zero
    ex.set(age_from=70, age_to=72)  # too narrow: widened to 5 years
    assert ex.summary()["age_to"] - ex.summary()["age_from"] == 5
    ex.set(age_from=60, age_to=30)  # reversed sliders are sorted
    assert (ex.summary()["age_from"], ex.summary()["age_to"]) == (30, 60)
