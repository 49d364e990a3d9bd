"""The keys of the notebook 06/07 question banks are computed from the models, so a model change
cannot leave a stale key (issue 14's tests grade every option and mistake; these check the keys)."""

import json
import math

import pytest
from conftest import ROOT

from helpers import load_dataset
from helpers.explorers import REGISTRY
from helpers.models import conditions as c
from helpers.models import lifespan as ls

BANKS = {
    n: json.loads((ROOT / "data" / "questions" / f"{n}.json").read_text(encoding="utf-8"))
    for n in ("06", "07")
}


def item(section, iid):
    n = iid[:2]
    found = [x for x in BANKS[n][section] if x["id"] == iid]
    assert len(found) == 1, iid
    return found[0]


def outcome(p):
    ex = REGISTRY[p["explorer"]]()
    base = ex.summary()
    ex.set(**p["compare"]["state"])
    return base, ex.summary()[p["compare"]["key"]]


def option_for(p, value):
    hits = [o["text"] for o in p["options"] if o.get("min", -math.inf) <= value < o.get("max", math.inf)]
    assert len(hits) == 1, (p["id"], value, hits)
    return hits[0]


def test_bank_names_and_ids():
    assert BANKS["06"]["notebook"] == "06_when_the_axis_goes_wrong"
    assert BANKS["07"]["notebook"] == "07_capstone_hip_fracture"
    for n, bank in BANKS.items():
        ids = [x["id"] for s in ("questions", "predictions", "exercises") for x in bank[s]]
        assert len(ids) == len(set(ids)) and all(i.startswith(f"{n}-") for i in ids)
        for q in bank["questions"]:
            if q["kind"] != "numeric":
                assert sum(o["correct"] for o in q["options"]) >= 1


def test_06_laron_numeric_key_and_prediction():
    laron = c.condition_state("laron")
    assert item("questions", "06-laron-remaining")["answer"] == round(laron["igf1_rel"] * 100)
    p = item("predictions", "06-laron")
    base, value = outcome(p)
    assert base[p["compare"]["key"]] == pytest.approx(0.0)  # the default is not the answer
    assert option_for(p, value) == "To about a quarter of healthy or less"


def test_06_glucocorticoid_prediction_lands_in_still_losing():
    p = item("predictions", "06-glucocorticoid-igf1")
    _, value = outcome(p)
    assert option_for(p, value) == "It still loses, but more slowly"
    at_2nM = c.muscle_balance(glucocorticoid=1.0)["net_change"]
    boundary = [o for o in p["options"] if o["text"] == "It loses as fast or faster"][0]["max"]
    assert at_2nM < boundary < value  # the option boundary sits just above the 2 nM value
    assert boundary - at_2nM < 0.01


def test_06_exercise_key_and_mistakes():
    e = item("exercises", "06-bedrest-glucocorticoid")

    def loss(days, **kw):
        return 15.0 - c.lean_mass_course([c.muscle_balance(**kw)["net_change"]] * days, 15.0)[-1]

    assert e["answer"] == pytest.approx(loss(14, disuse=1.0, glucocorticoid=0.5), abs=0.005)
    values = {m["value"] for m in e["mistakes"]}
    assert round(loss(14, disuse=1.0), 2) in values
    assert round(loss(13, disuse=1.0, glucocorticoid=0.5), 2) in values
    assert round(15.0 - loss(14, disuse=1.0, glucocorticoid=0.5), 1) in values


def test_06_cohort_exercise_key_and_mistakes():
    cohort = load_dataset("igf1_lifespan_cohort")
    old = cohort["age_years"] >= 75
    below = cohort["igf1_ng_ml"] < 66
    young = (cohort["age_years"] >= 20) & (cohort["age_years"] < 40)
    e = item("exercises", "06-older-below-66")
    assert e["answer"] == pytest.approx(100 * below[old].mean(), abs=0.05)
    values = {m["value"] for m in e["mistakes"]}
    assert round(100 * (below & old).sum() / len(cohort), 1) in values
    assert round(100 * below[young].mean(), 1) in values
    assert round(100 - 100 * below[old].mean(), 1) in values


def test_07_keys_from_data_and_models():
    case = load_dataset("hip_fracture_case")
    w0 = float(case["serum_igf1_ng_ml"].iloc[0])
    assert item("questions", "07-nmol")["answer"] == round(w0 * 0.1307, 2)
    assert item("questions", "07-percentile")["answer"] == round(ls.igf1_percentile(w0, 78, "female"))
    pct = ls.igf1_percentile(case["serum_igf1_ng_ml"].to_numpy(), 78, "female")
    e = item("exercises", "07-mean-percentile")
    assert e["answer"] == pytest.approx(pct.mean(), abs=0.05)
    values = {m["value"] for m in e["mistakes"]}
    assert round(100 - pct.mean(), 1) in values and round(float(pct[0]), 1) in values
    assert round(float(case["serum_igf1_ng_ml"].mean()), 1) in values


def test_07_protein_prediction_is_computed_by_the_explorer():
    p = item("predictions", "07-protein")
    base, value = outcome(p)
    assert round(base["final_change_pct"]) == -13  # quoted in the prompt
    assert p["min"] < value < p["max"] and abs(value - base["final_change_pct"]) > p["compare"]["tolerance"]
