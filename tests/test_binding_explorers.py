"""Explorers `binding` and `clearance`: set() drives the figure and the numbers shown."""

import numpy as np
import pytest

from helpers.explorers import REGISTRY, create
from helpers.models import binding
from helpers.models.binding import ADULT_DEFAULTS


def test_both_registered():
    assert {"binding", "clearance"} <= set(REGISTRY)


def test_binding_defaults_are_the_adult_defaults():
    ex = create("binding")
    assert ex.values() == pytest.approx(ADULT_DEFAULTS)
    s = ex.summary()
    r = binding.equilibrium(**ADULT_DEFAULTS)
    assert s["free_pM"] == pytest.approx(1000 * r["free_nM"])
    assert s["ternary_percent"] == pytest.approx(100 * r["ternary_fraction"])
    assert s["igf1_total_ng_ml"] == pytest.approx(147.9, abs=0.1)
    lo, hi = binding.PUBLISHED_PARTITION["ternary"]
    assert 100 * lo <= s["ternary_percent"] <= 100 * hi
    assert s["binary_all_percent"] == pytest.approx(100 * r["binary_all_fraction"])
    assert s["igf2_free_percent"] == pytest.approx(100 * r["igf2_free_fraction"])
    assert 0.2 < s["free_percent"] < 1.1


def test_binding_set_updates_figure_and_readout():
    ex = create("binding")
    fig_id = id(ex.figure)
    ex.set(igfbp3_intact_fraction=0.1)
    r = binding.equilibrium(**{**ADULT_DEFAULTS, "igfbp3_intact_fraction": 0.1})
    assert id(ex.figure) == fig_id
    assert ex.figure.data[0].x[0] == pytest.approx(100 * r["free_fraction"])  # stacked bar
    assert ex.figure.data[2].x[0] == pytest.approx(100 * r["ternary_fraction"])
    assert ex.figure.data[4].x[0] == pytest.approx(1000 * r["free_nM"])  # pM bars
    assert ex.summary()["free_pM"] == pytest.approx(1000 * r["free_nM"])
    assert f"{1000 * r['free_nM']:.3g} pM" in ex.readout.value
    # no ALS: nothing ternary, the binary complex takes over
    ex.set(igfbp3_intact_fraction=1.0, als_nM=0.0)
    s = ex.summary()
    assert s["ternary_percent"] == 0.0 and s["binary_percent"] > 75
    assert "0 % in the ternary complex" in ex.describe(s)


def test_binding_igf2_control_drives_the_model():
    ex = create("binding")
    assert ex.values()["igf2_nM"] == pytest.approx(ADULT_DEFAULTS["igf2_nM"])
    ex.set(igf2_nM=0.0)
    r = binding.equilibrium(**{**ADULT_DEFAULTS, "igf2_nM": 0.0})
    assert ex.summary()["ternary_percent"] == pytest.approx(100 * r["ternary_fraction"])
    assert ex.summary()["free_percent"] < 0.01  # without IGF-2 almost nothing is free
    with pytest.raises(ValueError, match="igf2_nM"):
        ex.set(igf2_nM=-1.0)


def test_binding_zero_igf1_describes_empty_pools():
    ex = create("binding")
    ex.set(igf1_nM=0.0)
    assert ex.summary()["free_pM"] == 0.0
    assert "no IGF-1" in ex.readout.value


def test_binding_ng_ml_readout_uses_shared_factor():
    ex = create("binding")
    ex.set(igf1_nM=26.15)
    assert ex.summary()["igf1_total_ng_ml"] == pytest.approx(200.0, abs=0.1)


def test_clearance_curves_and_half_life_markers():
    ex = create("clearance")
    fig = ex.figure
    for i, k in enumerate(binding.POOLS):
        th = binding.HALF_LIFE_MIN[k]
        assert fig.data[3 + i].x[0] == pytest.approx(th) and fig.data[3 + i].y[0] == 0.5
        t, y = np.array(fig.data[i].x), np.array(fig.data[i].y)
        assert y[0] == 1.0
        if th <= t[-1]:  # free and binary within the default 3-hour axis
            assert np.interp(th, t, y) == pytest.approx(0.5, abs=0.01)
    # students read the half-life off the log plot: the slope of log(y) gives it back
    ex.set(pool="free", y_scale="log", window_min=60)
    assert fig.layout.yaxis.type == "log"
    assert [d.visible for d in fig.data[:3]] == [True, False, False]
    t, y = np.array(fig.data[0].x), np.array(fig.data[0].y)
    assert binding.half_life_from_curve(t, y) == pytest.approx(11.0, rel=1e-6)
    assert fig.layout.xaxis.range == (0.0, 60.0)
    assert "log y axis" in ex.readout.value


def test_clearance_window_hides_markers_outside_and_back_to_linear():
    ex = create("clearance")
    ex.set(window_min=60)
    assert ex.figure.data[5].visible is False  # ternary t½ (810 min) is off the 60-min axis
    ex.set(window_min=1440, y_scale="linear", pool="ternary")
    assert ex.figure.data[5].visible is True and ex.figure.data[2].visible is True
    assert ex.figure.layout.yaxis.type == "linear"
    s = ex.summary()
    assert s["left_ternary"] == pytest.approx(0.5 ** (1440 / 810))
    assert s["half_life_ternary_h"] == pytest.approx(13.5)


def test_igf2_control_ends_where_the_model_stops_matching_serum():
    """Notebook 02: at the control's upper end (110 nM) the model frees about 3 % of IGF-1."""
    from helpers.explorers import binding as bx

    ex = create("binding")
    assert ex.controls["igf2_nM"].max == bx.IGF2_MAX_NM == 110.0
    ex.set(igf2_nM=bx.IGF2_MAX_NM)
    assert round(ex.summary()["free_percent"]) == 3
    assert round(bx.IGF2_MAX_NM * binding.IGF2_MOLAR_MASS_G_PER_MOL / 1000, -1) == 820
