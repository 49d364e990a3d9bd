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


@pytest.mark.parametrize(
    "key", ["receptor_occupancy", "synthesis_rel", "degradation_rel", "proliferation_rel"]
)
def test_half_maximal_near_2nM_A80(key):
    assert sg.half_max_nM(key) == pytest.approx(2.0, rel=0.05)
    assert muscle_response(2.0)["receptor_occupancy"] == pytest.approx(0.5)


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


def test_rapamycin_blocks_synthesis_arm_only():
    free = muscle_response(32.0)
    r = muscle_response(32.0, rapamycin=True)
    assert r["akt"] == pytest.approx(free["akt"])
    assert r["degradation_rel"] == pytest.approx(free["degradation_rel"])  # FoxO arm intact
    assert r["synthesis_rel"] == pytest.approx(sg.MTOR_INDEPENDENT)  # no IGF-1 increment
    assert muscle_response(0.0, rapamycin=True)["synthesis_rel"] == pytest.approx(r["synthesis_rel"])
    assert r["proliferation_rel"] == pytest.approx(free["proliferation_rel"])


def test_mek_inhibitor_blocks_proliferation_only():
    free = muscle_response(32.0)
    r = muscle_response(32.0, mek_inhibitor=True)
    assert r["proliferation_rel"] == pytest.approx(1.0)
    for k in ("akt", "synthesis_rel", "degradation_rel", "net_balance"):
        assert r[k] == pytest.approx(free[k])


def test_amino_acids_gate_mtorc1():
    none = muscle_response(np.array([0.0, 32.0]), amino_acids=0.0)
    assert none["synthesis_rel"][0] == pytest.approx(none["synthesis_rel"][1])  # no IGF-1 effect
    assert none["synthesis_rel"][0] < 1.0
    assert none["degradation_rel"][1] < 1.0  # FoxO arm still works
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
        sg.half_max_nM("synthesis_rel", rapamycin=True)


def test_pathway_states_in_words():
    s = sg.pathway_states(32.0)
    assert s["igf1r"] == "ON" and s["akt"] == "ON" and s["foxo"] == "INHIBITED"
    assert s["synthesis"] == "UP" and s["degradation"] == "DOWN" and s["proliferation"] == "UP"
    s = sg.pathway_states(0.0)
    assert s["igf1r"] == "OFF" and s["foxo"] == "ACTIVE" and s["synthesis"] == "BASAL"
    s = sg.pathway_states(32.0, pi3k_inhibitor=True, rapamycin=True, mek_inhibitor=True)
    assert s["pi3k"] == "BLOCKED" and s["mtorc1"] == "BLOCKED" and s["erk"] == "BLOCKED"
    assert s["degradation"] == "BASAL" and s["proliferation"] == "BASAL"
    assert sg.pathway_states(32.0, amino_acids=0.0)["mtorc1"].startswith("OFF")
    with pytest.raises(ValueError, match="single"):
        sg.pathway_states(np.array([1.0, 2.0]))
