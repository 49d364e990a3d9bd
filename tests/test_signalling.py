"""Tests for helpers.models.signalling: calibration (A79, A80), blocker logic, vectorisation, bad input."""

import numpy as np
import pytest

from helpers.models import signalling as sg
from helpers.models.signalling import muscle_response

KEYS = {"receptor_occupancy", "akt", "synthesis_rel", "degradation_rel", "net_balance", "proliferation_rel"}


def test_required_keys_and_baseline():
    r = muscle_response(0.0)
    assert KEYS <= set(r)
    assert r["receptor_occupancy"] == 0.0 and r["akt"] == 0.0
    assert r["synthesis_rel"] == pytest.approx(1.0)
    assert r["degradation_rel"] == pytest.approx(1.0)
    assert r["net_balance"] == pytest.approx(0.0)
    assert r["proliferation_rel"] == pytest.approx(1.0)


def test_calibration_32nM_vandenburgh_A79():
    r = muscle_response(32.0)
    syn = (r["synthesis_rel"] - 1) * 100
    deg = (r["degradation_rel"] - 1) * 100
    assert 42 <= syn <= 62, syn
    assert -38 <= deg <= -28, deg
    assert r["net_balance"] == pytest.approx(r["synthesis_rel"] - r["degradation_rel"])
    assert r["net_balance"] > 0.7


@pytest.mark.parametrize("key", ["receptor_occupancy", "proliferation_rel"])
def test_half_maximal_receptor_occupancy_at_2nM_A80(key):
    assert sg.half_max_nM(key) == pytest.approx(2.0, rel=1e-3)
    assert muscle_response(2.0)["receptor_occupancy"] == pytest.approx(0.5)


def test_feedback_and_ulk1_brake_shift_protein_balance_half_max_below_2nM():
    """Numbers notebook 01 quotes: synthesis half-maximal near 1.6 nM, breakdown near 1.2 nM."""
    assert round(sg.half_max_nM("synthesis_rel"), 1) == 1.6
    assert round(sg.half_max_nM("degradation_rel"), 1) == 1.2


def test_default_2nM_numbers_quoted_in_notebook_01():
    r = muscle_response(2.0)
    assert round((r["synthesis_rel"] - 1) * 100) == 30
    assert round((r["degradation_rel"] - 1) * 100) == -22
    assert round(r["akt"] * 100) == 38
    assert sg.pathway_states(2.0)["foxo"] == "PARTLY INHIBITED"
    assert sg.pathway_states(2.0)["degradation"] == "DOWN"


def test_monotonic_and_bounded():
    c = np.logspace(-2, 3, 200)
    r = muscle_response(c)
    assert np.all(np.diff(r["synthesis_rel"]) > 0)
    assert np.all(np.diff(r["degradation_rel"]) < 0)
    assert np.all((r["receptor_occupancy"] >= 0) & (r["receptor_occupancy"] <= 1))
    assert np.all((r["akt"] >= 0) & (r["akt"] <= 1))
    assert np.all(r["degradation_rel"] > 0)


def test_vectorised_matches_scalar():
    c = np.array([0.0, 0.5, 2.0, 32.0, 100.0])
    r = muscle_response(c, amino_acids=0.5)
    assert all(isinstance(v, np.ndarray) and v.shape == (5,) for v in r.values())
    for i, ci in enumerate(c):
        s = muscle_response(float(ci), amino_acids=0.5)
        assert all(isinstance(v, float) for v in s.values())
        for k in r:
            assert r[k][i] == pytest.approx(s[k])
    grid = muscle_response(c[:, None], amino_acids=np.array([0.0, 1.0, 2.0])[None, :])
    assert grid["synthesis_rel"].shape == (5, 3)


def test_pi3k_inhibitor_blocks_both_arms_not_proliferation():
    r = muscle_response(32.0, pi3k_inhibitor=True)
    assert r["akt"] == 0.0
    assert r["synthesis_rel"] == pytest.approx(1.0)
    assert r["degradation_rel"] == pytest.approx(1.0)
    assert r["net_balance"] == pytest.approx(0.0)
    assert r["proliferation_rel"] == pytest.approx(muscle_response(32.0)["proliferation_rel"])
    assert r["receptor_occupancy"] == pytest.approx(muscle_response(32.0)["receptor_occupancy"])


def test_rapamycin_lowers_synthesis_raises_breakdown_and_akt():
    """mTORC1 block: S6K1 off, 4E-BP1 only partly (choo2008); the ULK1 brake is released (kim2011),
    so breakdown RISES; the S6K1 -| IRS-1 feedback is relieved (harrington2004), so Akt RISES."""
    free = muscle_response(32.0)
    r = muscle_response(32.0, rapamycin=True)
    assert r["s6k1"] == 0.0 and 0 < r["p4ebp1"] < free["p4ebp1"]
    assert r["akt"] > 1.3 * free["akt"]
    assert r["degradation_rel"] > free["degradation_rel"] + 0.2
    assert r["ulk1"] == pytest.approx(1.0 + sg.ULK1_GAIN)
    assert r["synthesis_rel"] < free["synthesis_rel"] - 0.4
    # partial 4E-BP1 block: above the mTORC1-independent floor, and IGF-1 still adds a little
    assert r["synthesis_rel"] > sg.MTOR_INDEPENDENT
    none = muscle_response(0.0, rapamycin=True)
    assert none["synthesis_rel"] < r["synthesis_rel"] < 1.0
    assert none["degradation_rel"] > 1.0  # rapamycin alone raises breakdown above basal
    assert r["proliferation_rel"] == pytest.approx(free["proliferation_rel"])
    # numbers quoted in notebook 01 (bar chart / explanation)
    assert (round(free["synthesis_rel"], 2), round(free["degradation_rel"], 2)) == (1.52, 0.67)
    assert (round(r["synthesis_rel"], 2), round(r["degradation_rel"], 2)) == (0.96, 0.93)
    assert (round(free["akt"], 2), round(r["akt"], 2)) == (0.67, 0.94)
    assert (round(none["synthesis_rel"], 2), round(none["degradation_rel"], 2)) == (0.77, 1.25)


def test_mek_inhibitor_blocks_proliferation_only():
    free = muscle_response(32.0)
    r = muscle_response(32.0, mek_inhibitor=True)
    assert r["proliferation_rel"] == pytest.approx(1.0)
    for k in ("akt", "synthesis_rel", "degradation_rel", "net_balance"):
        assert r[k] == pytest.approx(free[k])


def test_amino_acids_gate_mtorc1():
    none = muscle_response(np.array([0.0, 32.0]), amino_acids=0.0)
    assert none["synthesis_rel"][0] == pytest.approx(none["synthesis_rel"][1])  # no IGF-1 effect
    assert none["synthesis_rel"][0] == pytest.approx(sg.MTOR_INDEPENDENT)
    # amino-acid lack releases the ULK1 brake: breakdown rises above the fed value at the same IGF-1
    fed = muscle_response(np.array([0.0, 32.0]))
    assert np.all(none["degradation_rel"] > fed["degradation_rel"] + 0.2)
    assert none["degradation_rel"][0] == pytest.approx(1.25)
    assert round(none["degradation_rel"][1], 2) == 0.93  # FoxO still partly restrained by Akt
    assert none["akt"][1] > fed["akt"][1]  # feedback relieved
    low, normal, high = (muscle_response(32.0, amino_acids=a)["synthesis_rel"] for a in (0.5, 1.0, 2.0))
    assert low < normal < high
    assert high - normal < normal - low  # saturating gate


@pytest.mark.parametrize(
    "kwargs, match",
    [
        (dict(igf1_nM=-1.0), "igf1_nM"),
        (dict(igf1_nM=float("nan")), "igf1_nM"),
        (dict(igf1_nM=np.array([1.0, np.inf])), "igf1_nM"),
        (dict(igf1_nM="a lot"), "igf1_nM"),
        (dict(igf1_nM=1.0, amino_acids=-0.1), "amino_acids"),
        (dict(igf1_nM=1.0, amino_acids=2.5), "amino_acids"),
        (dict(igf1_nM=1.0, amino_acids=float("nan")), "amino_acids"),
        (dict(igf1_nM=1.0, rapamycin="yes"), "rapamycin"),
        (dict(igf1_nM=1.0, pi3k_inhibitor=1), "pi3k_inhibitor"),
        (dict(igf1_nM=1.0, mek_inhibitor=None), "mek_inhibitor"),
    ],
)
def test_bad_input(kwargs, match):
    with pytest.raises(ValueError, match=match):
        muscle_response(**kwargs)


def test_half_max_bad_key():
    with pytest.raises(ValueError, match="not an output"):
        sg.half_max_nM("bogus")
    with pytest.raises(ValueError, match="does not respond"):
        sg.half_max_nM("synthesis_rel", amino_acids=0.0)


def test_pathway_states_in_words():
    s = sg.pathway_states(32.0)
    assert s["igf1r"] == "ON" and s["akt"] == "ON" and s["foxo"] == "INHIBITED"
    assert s["synthesis"] == "UP" and s["degradation"] == "DOWN" and s["proliferation"] == "UP"
    assert s["ulk1"] == "DOWN"
    s = sg.pathway_states(0.0)
    assert s["igf1r"] == "OFF" and s["foxo"] == "ACTIVE" and s["synthesis"] == "BASAL"
    s = sg.pathway_states(32.0, pi3k_inhibitor=True, rapamycin=True, mek_inhibitor=True)
    assert s["pi3k"] == "BLOCKED" and s["mtorc1"].startswith("BLOCKED") and s["erk"] == "BLOCKED"
    assert s["ulk1"] == "UP" and s["degradation"] == "UP" and s["proliferation"] == "BASAL"
    s = sg.pathway_states(32.0, rapamycin=True)
    assert s["akt"] == "ON (no S6K1 feedback)" and s["mtorc1"] == "BLOCKED (4E-BP1 partly)"
    assert s["synthesis"] == "SLIGHTLY DOWN"
    assert sg.pathway_states(32.0, amino_acids=0.0)["mtorc1"].startswith("OFF")
    with pytest.raises(ValueError, match="single"):
        sg.pathway_states(np.array([1.0, 2.0]))


_FOXO_ACTIVITY = {"ACTIVE": (0.98, 2.0), "PARTLY INHIBITED": (0.85, 0.98), "INHIBITED": (0.0, 0.85)}


@pytest.mark.parametrize("aa", [0.0, 0.5, 1.0, 2.0])
@pytest.mark.parametrize(
    "blockers",
    [
        (False, False, False),
        (True, False, False),
        (False, True, False),
        (False, False, True),
        (True, True, True),
    ],
)
def test_panel_words_agree_with_numbers_across_the_sweep(aa, blockers):
    """Every state word matches the number it names, at every control value: no FoxO ACTIVE next
    to breakdown DOWN unless the breakdown fall comes from the ULK1 brake, etc."""
    for c in np.logspace(np.log10(0.02), np.log10(2000.0), 41):
        r = muscle_response(float(c), aa, *blockers)
        s = sg.pathway_states(float(c), aa, *blockers)
        lo, hi = _FOXO_ACTIVITY[s["foxo"]]
        assert lo <= r["foxo_active"] < hi
        for key, word in (("synthesis_rel", s["synthesis"]), ("degradation_rel", s["degradation"])):
            pct = (r[key] - 1) * 100
            if word == "BASAL":
                assert abs(pct) < 2
            elif word.endswith("UP"):
                assert pct > 0 and (abs(pct) < 15) == word.startswith("SLIGHTLY")
            else:
                assert pct < 0 and (abs(pct) < 15) == word.startswith("SLIGHTLY")
        if s["foxo"] == "ACTIVE" and s["degradation"].endswith("DOWN"):
            assert r["ulk1"] < 1.0  # only the mTORC1 -| ULK1 brake can lower breakdown then


def test_model_description_numbers_in_notebook_01():
    assert sg.RAPA_4EBP1_RESIDUAL == 0.5  # "rapamycin blocks S6K1 fully and 4E-BP1 halfway"
    assert sg.K_HALF_NM == 2.0 and sg.CALIBRATION_NM == 32.0
    r = muscle_response(32.0)
    assert (round((r["synthesis_rel"] - 1) * 100), round((r["degradation_rel"] - 1) * 100)) == (52, -33)
