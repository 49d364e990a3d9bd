"""Every number notebooks 06 and 07 quote from a model is computed here from the model, and
the text must contain it as quoted (so a model change that moves a number fails a test)."""

import math

import numpy as np
import pytest
from conftest import NOTEBOOK_DIR, load_notebook

from helpers import load_dataset
from helpers.matching import CHOICES, PATIENTS, check_matches
from helpers.models import conditions as c
from helpers.models import lifespan as ls
from helpers.models.recovery import recovery_course

NB06 = NOTEBOOK_DIR / "06_when_the_axis_goes_wrong.ipynb"
NB07 = NOTEBOOK_DIR / "07_capstone_hip_fracture.ipynb"
PLAN = dict(
    weeks=12,
    age_years=78,
    sex="female",
    bed_rest_days=10,
    protein_g_per_kg=0.7,
    energy_fraction=0.9,
    rehab_sessions_per_week=1,
    anabolic_resistance=0.4,
)


def text(path):
    return "\n".join("".join(cell["source"]) for cell in load_notebook(path)["cells"])


def per_week(net):
    return (math.exp(7 * c.MASS_RATE_PER_DAY * net) - 1) * 100


def test_notebook_06_condition_table_numbers():
    t = text(NB06)
    for cond in ("acromegaly", "adult_ghd", "laron", "malnutrition", "obesity"):
        s = c.condition_state(cond)
        quoted = f"{s['mean_igf1_ng_ml']:.0f} ng/mL; {(s['igf1_rel'] - 1) * 100:+.0f} %".replace("-", "−")
        assert quoted in t, quoted
    laron = c.condition_state("laron")
    assert f"{laron['mean_igf1_ng_ml']:.0f} ng/mL, {laron['igf1_rel'] * 100:.0f} % of healthy" in t
    assert 0.4 < laron["gh_rel"] - 1 < 0.6 and "mean GH rises by about half" in t


def test_notebook_06_catabolic_numbers():
    t = text(NB06)
    gc2 = per_week(c.muscle_balance(glucocorticoid=1.0)["net_change"])
    gc20 = per_week(c.muscle_balance(glucocorticoid=1.0, igf1_nM=20.0)["net_change"])
    dis = per_week(c.muscle_balance(disuse=1.0)["net_change"])
    assert f"about {-gc2:.1f} % of its mass per week" in t
    assert f"about {-gc20:.1f} % per week" in t
    assert f"about {-dis:.1f} % of leg lean mass a week" in t
    half = c.muscle_balance(myostatin=2.0, follistatin=0.5)["akt"]
    assert half == pytest.approx(c.muscle_balance()["akt"]) and "restores the healthy Akt signal exactly" in t


def test_notebook_06_exercise_numbers():
    t = text(NB06)
    cohort = load_dataset("igf1_lifespan_cohort")
    old = cohort[cohort["age_years"] >= 75]
    young = cohort[(cohort["age_years"] >= 20) & (cohort["age_years"] < 40)]
    assert round(100 * (old["igf1_ng_ml"] < 66).mean()) == 28 and "About 28 % of the illustrative" in t
    assert 100 * (young["igf1_ng_ml"] < 66).mean() < 1 and "under 1 % of those aged 20-39" in t

    def loss(days, **kw):
        return 15.0 - c.lean_mass_course([c.muscle_balance(**kw)["net_change"]] * days, 15.0)[-1]

    assert (
        f"about {loss(14, disuse=1.0):.2f} kg with bed rest alone and {loss(14, disuse=1.0, glucocorticoid=0.5):.2f} kg"
        in t
    )


def test_notebook_07_ranking_numbers():
    t = text(NB07)
    base = recovery_course(**PLAN)["final_change_pct"]
    assert f"From her plan ({base:+.1f} %".replace("-", "−") in t
    quoted = {
        "protein 1.0 g/kg/day gives": dict(protein_g_per_kg=1.0),
        "a shorter bed rest": dict(bed_rest_days=5),
        "three rehabilitation sessions": dict(rehab_sessions_per_week=3),
        "more energy": dict(energy_fraction=1.1),
    }
    values = {}
    for phrase, change in quoted.items():
        v = recovery_course(**{**PLAN, **change})["final_change_pct"]
        values[phrase] = v
        assert f"{phrase} {v:+.1f} %".replace("-", "−") in t, phrase
    ranking = sorted(values, key=values.get, reverse=True)
    assert ranking[0] == "protein 1.0 g/kg/day gives" and ranking[-1] == "more energy"


def test_notebook_07_data_numbers():
    t = text(NB07)
    case = load_dataset("hip_fracture_case")
    w0 = float(case["serum_igf1_ng_ml"].iloc[0])
    assert f"igf1_percentile({w0:.1f}, 78, 'female')" in t
    pct = ls.igf1_percentile(case["serum_igf1_ng_ml"].to_numpy(), 78, "female")
    quoted = f"between about the {pct.min():.0f}th and {pct.max():.0f}th percentile (mean about {pct.mean():.0f}th)"
    assert quoted in t
    from helpers.models.nutrition import steady_state_igf1

    assert f"about {steady_state_igf1(0.7, 0.9):.2f} x the reference diet" in t
    course = recovery_course(**PLAN, start_leg_lean_kg=12.5)
    model = course["leg_lean_kg"][case["week"].to_numpy() * 7]
    rmse = float(np.sqrt(((case["leg_lean_kg"].to_numpy() - model) ** 2).mean()))
    assert f"about\n# {rmse:.1f} kg" in t
    measured = (case["leg_lean_kg"].iloc[-1] / case["leg_lean_kg"].iloc[0] - 1) * 100
    assert round(measured) == round(course["final_change_pct"])  # "about the same measured and modelled"
    assert f"# Model answer: about {round(measured):+.0f} % measured".replace("-", "−") in t
    better = recovery_course(
        **{**PLAN, "protein_g_per_kg": 1.0, "rehab_sessions_per_week": 3}, start_leg_lean_kg=12.5
    )
    gap = better["leg_lean_kg"][-1] - course["leg_lean_kg"][-1]
    assert f"about {gap:.1f} kg higher at week 12" in t


# ---- the matching activity -------------------------------------------------------------------
def test_matching_key_uses_every_condition_once_and_fits_its_pattern():
    keys = [p["key"] for p in PATIENTS.values()]
    assert sorted(keys) == sorted(CHOICES)
    full = check_matches({k: p["key"] for k, p in PATIENTS.items()})
    assert full.correct == full.total == 5


def test_matching_feedback_names_the_clue_and_hides_other_answers():
    r = check_matches({"A": "laron"})
    assert r.correct == 0
    assert PATIENTS["A"]["clue"] in r.lines[0]
    assert all("not answered yet" in line for line in r.lines[1:])
    html = r._repr_html_()
    assert "0 of 5 matched" in html and "acromegaly" not in html.split("Patient B")[1]


@pytest.mark.parametrize("bad", [{"Z": "laron"}, {"A": "cushing"}, ["A"]])
def test_matching_rejects_bad_answers(bad):
    with pytest.raises(ValueError):
        check_matches(bad)


@pytest.mark.parametrize("path", [NB06, NB07], ids=lambda p: p.name)
def test_each_explorer_section_closes_with_where_this_model_fails(path):
    cells = load_notebook(path)["cells"]
    src = ["".join(cell["source"]) for cell in cells]
    starts = [i for i, cell in enumerate(cells) if cell["cell_type"] == "code" and "create(" in src[i]]
    assert len(starts) == {NB06: 2, NB07: 1}[path]
    for i in starts:
        end = next(j for j in range(i + 1, len(cells)) if src[j].startswith("## "))
        fails = [j for j in range(i + 1, end) if "**Where this model fails.**" in src[j]]
        assert fails and all(cells[j]["cell_type"] == "markdown" for j in range(fails[-1], end))
