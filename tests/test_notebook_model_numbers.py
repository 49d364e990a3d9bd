"""Every number that notebooks 03-05 quote from a model is computed here from the model and
must appear, formatted as in the text, in the notebook's markdown; and every explorer section
of these notebooks ends with a "Where this model fails" paragraph (issue 13)."""

import re

import pytest
from conftest import NOTEBOOK_DIR, load_notebook

from helpers.models import exercise as ex
from helpers.models import lifespan as L
from helpers.models import nutrition as n

EXPLORER_RE = re.compile(r"\bcreate\(\s*['\"]([a-z_0-9]+)['\"]\s*[,)]")


def _markdown(stem: str) -> str:
    (path,) = sorted(NOTEBOOK_DIR.glob(f"{stem}_*.ipynb"))
    nb = load_notebook(path)
    return "\n".join("".join(c["source"]) for c in nb["cells"] if c["cell_type"] == "markdown")


def _pct(x: float) -> str:
    return f"{100 * x:.0f}"


def _signed(x: float) -> str:
    return f"{100 * x:+.0f}".replace("-", "−")


def _gain(sessions, load=1.0, weeks=12):
    return float(ex.training_trajectory(weeks, sessions, load)["csa_total_pct"][-1])


NB04 = [
    ("36 % of the pre-fast level after 5 days", _pct(n.fasting_igf1(5)), "36"),
    ("58 % on day 3", _pct(n.fasting_igf1(3)), "58"),
    ("at 10 days the model is at 17 %", _pct(n.fasting_igf1(10)), "17"),
    ("a floor of about 14 %", _pct(n.FASTING_FLOOR), "14"),
    ("about 14 % of the pre-fast level", _pct(n.FASTING_FLOOR), "14"),
    (
        "falls exactly as a fast would (36 % after 5 days)",
        _pct(n.refeeding_igf1(0, 5, "low_protein_low_energy")),
        "36",
    ),
    ("levels off near 61 %", _pct(n.REFEEDING_PARAMS["low_protein"][0]), "61"),
    ("the model changes by about −2 %", _signed(n.steady_state_igf1(1.2, 0.7) - 1), "−2"),
    ("about a quarter (−25 %)", _signed(n.steady_state_igf1(0.7, 1.0) - 1), "−25"),
    (
        "(the model gives −39 % at the reference protein intake)",
        _signed(n.steady_state_igf1(1.2, 0.4) - 1),
        "−39",
    ),
    ("+14 % at 1.67, 3 and 4 g/kg/day alike", _signed(n.steady_state_igf1(1.67) - 1), "+14"),
]


@pytest.mark.parametrize("phrase, computed, quoted", NB04, ids=[p for p, _, _ in NB04])
def test_numbers_quoted_in_notebook_04(phrase, computed, quoted):
    assert computed == quoted, f"the model now gives {computed}, the text says {quoted}"
    assert phrase in _markdown("04"), f"notebook 04 no longer says {phrase!r}"


def test_notebook_04_diet_pattern_figure_description_quotes_the_computed_result():
    """The text before notebook 04's diet-pattern figure states its result (issue 18): the group
    means and the vegan difference of the illustrative cohort, computed as the notebook does."""
    from helpers import load_dataset
    from helpers.illustrative.nutrition import group_summary
    from helpers.models.stats import mean_difference_ci, relative_difference_ci

    def minus(x: str) -> str:
        return x.replace("-", "−")

    cohort = load_dataset("diet_cohort")
    means = group_summary(cohort, "pattern", "igf1_ng_ml")["mean"]
    vegan = cohort[cohort["pattern"] == "vegan"]["igf1_ng_ml"]
    others = cohort[cohort["pattern"] != "vegan"]["igf1_ng_ml"]
    d, lo, hi = mean_difference_ci(vegan, others)
    rel = relative_difference_ci(vegan, others)[0]
    md = _markdown("04")
    quoted = (
        f"the vegans' mean IGF-1 is {means['vegan']:.0f} ng/mL, against {means['omnivore']:.0f} ng/mL in "
        f"omnivores and {means['vegetarian']:.0f} ng/mL in vegetarians",
        "the vegan-minus-others difference is "
        + minus(f"{d:.1f} ng/mL (95 % CI {lo:.1f} to {hi:.1f} ng/mL)"),
        f"an interval wholly {'below' if hi < 0 else 'above'} zero",
        f"the synthetic cohort's vegan difference, {_signed(rel)} %",
        f"raised IGF-1 by {n.MILK_WMD_NG_ML} ng/mL (95 % CI {n.MILK_WMD_CI_NG_ML[0]} to "
        f"{n.MILK_WMD_CI_NG_ML[1]} ng/mL), an interval wholly above zero",
    )
    for phrase in quoted:
        assert phrase in md, f"notebook 04 should say {phrase!r}"
    assert hi < 0 < n.MILK_WMD_CI_NG_ML[0]  # "both differences lie clearly away from zero"


def test_notebook_04_plateau_holds_at_every_quoted_intake():
    assert {_signed(n.steady_state_igf1(p) - 1) for p in (1.67, 3.0, 4.0)} == {"+14"}


NB05 = [
    ("13.3 % after 10 min at high intensity", f"{ex.acute_serum_igf1(10.0, 'high'):.1f}", "13.3"),
    ("about 40 minutes later", f"{10 * round(ex.minutes_to_baseline('high') / 10):.0f}", "40"),
    ("(to 65 % of the reference gain)", f"{100 * _gain(3, 0.5) / _gain(3, 1.0):.0f}", "65"),
    ("3.9 % with one session a week", f"{_gain(1):.1f}", "3.9"),
    ("8.0 % with three", f"{_gain(3):.1f}", "8.0"),
    ("11.5 % with seven", f"{_gain(7):.1f}", "11.5"),
    ("1.44 times the gain of three", f"{_gain(7) / _gain(3):.2f}", "1.44"),
    ("13.5 % after 20 weeks", f"{_gain(3, 1.0, 20):.1f}", "13.5"),
]


@pytest.mark.parametrize("phrase, computed, quoted", NB05, ids=[p for p, _, _ in NB05])
def test_numbers_quoted_in_notebook_05(phrase, computed, quoted):
    assert computed == quoted, f"the model now gives {computed}, the text says {quoted}"
    assert phrase in _markdown("05"), f"notebook 05 no longer says {phrase!r}"


def test_numbers_quoted_in_notebook_03_section_3():
    md = _markdown("03")
    r15 = {s: L.ratio_reference(15.0, s)["p50"] for s in L.SEXES}
    assert f"{r15['male']:.1f} versus {r15['female']:.1f}" == "24.6 versus 24.0"
    assert "(24.6 versus 24.0, ratio × 100)" in md
    for s in L.SEXES:
        b = L.igfbp3_reference([20.0, 70.0], s)["p50"]
        assert round(100 * (1 - b[1] / b[0]), -1) == 20  # "IGFBP-3 by only about 20 %"
        r = L.ratio_reference([20.0, 70.0], s)["p50"]
        assert 44 <= 100 * (1 - r[1] / r[0]) <= 55  # "the ratio by roughly 45–55 %"
        assert L.median_peak_age("igfbp3", s) == pytest.approx(22.0, abs=0.5)  # "about 22 years"
    assert "IGFBP-3 by only about 20 %, and the ratio by roughly 45–55 %" in md


@pytest.mark.parametrize("stem", ["03", "04", "05"])
def test_each_explorer_section_ends_with_where_this_model_fails(stem):
    (path,) = sorted(NOTEBOOK_DIR.glob(f"{stem}_*.ipynb"))
    cells = load_notebook(path)["cells"]
    src = ["".join(c["source"]) for c in cells]
    starts = [i for i, c in enumerate(cells) if c["cell_type"] == "code" and EXPLORER_RE.search(src[i])]
    assert starts
    for k, i in enumerate(starts):
        # the section runs to the next explorer or the next level-2 heading
        nxt = [
            j
            for j in range(i + 1, len(cells))
            if cells[j]["cell_type"] == "markdown" and src[j].startswith("## ")
        ]
        end = min([*starts[k + 1 : k + 2], *nxt[:1], len(cells)])
        fails = [j for j in range(i + 1, end) if "**Where this model fails.**" in src[j]]
        name = EXPLORER_RE.search(src[i]).group(1)
        assert fails, f"notebook {stem}, explorer {name}: no 'Where this model fails' before the section ends"
        # the learning-loop cells (self-checks, exercises and their checks, issue 14) may follow it
        loop = re.compile(r"^(ask|check_exercise)\(|^# your code here|^# Model answer")
        assert all(
            cells[j]["cell_type"] == "markdown"
            or loop.match(src[j])
            or "solution" in cells[j]["metadata"].get("tags", [])
            for j in range(fails[-1], end)
        ), f"notebook {stem}, explorer {name}: 'Where this model fails' must close the section"


def test_other_model_numbers_quoted_in_notebooks_03_and_05():
    from helpers import load_dataset
    from helpers.models import units

    md03, md05 = _markdown("03"), _markdown("05")
    # 03 reference walkthrough: median at 25 y and the unit switch
    assert round(L.igf1_reference(25, "female")["p50"], -1) == 180
    assert "(about 180 ng/mL)" in md03
    assert f"{units.ng_ml_to_nmol_l(120.0):.1f}" == "15.7" and "about 15.7 nmol/L" in md03
    # 03 confounding walkthrough: crude about +0.36 (+0.4 within each sex), adjusted about +0.1
    c = load_dataset("igf1_lifespan_cohort")
    a = c[c["age_years"].between(20, 90)]
    both = L.association(
        a["igf1_ng_ml"], a["grip_strength_kg"], a["age_years"], (a["sex"] == "male").to_numpy()
    )
    assert f"{both['r_crude']:+.2f}" == "+0.36" and f"{both['r_adjusted']:+.1f}" == "+0.1"
    for sex in L.SEXES:
        s = a[a["sex"] == sex]
        r = L.association(s["igf1_ng_ml"], s["grip_strength_kg"], s["age_years"])
        assert f"{r['r_crude']:+.1f}" in ("+0.4", "+0.5") and 0.4 <= r["r_crude"] < 0.47
    assert "about +0.36 (and about +0.4 within each sex)" in md03 and "shrinks to about +0.1" in md03
    # 05: the low-intensity bout sits at 0.58 on the model's intensity scale
    assert f"{ex.INTENSITIES['low']:.2f}" == "0.58" and "between 0.58 (the low-intensity bout)" in md05


def test_question_bank_texts_that_quote_issue_13_models():
    import json

    bank = json.loads((NOTEBOOK_DIR.parent / "data" / "questions" / "05.json").read_text(encoding="utf-8"))
    (half,) = [p for p in bank["predictions"] if p["id"] == "05-half-load"]
    ratio = _gain(3, 0.5) / _gain(3, 1.0)
    assert f"the model keeps {ratio:.2f} of it" in half["explanation"]
    assert 1 - ratio == pytest.approx(1 / 3, abs=0.02)  # "only about a third of the gain"
    (opt,) = [o for o in half["options"] if o["text"] == "It falls, but by less than half"]
    assert opt["min"] <= ratio <= opt["max"]
    bank04 = json.loads((NOTEBOOK_DIR.parent / "data" / "questions" / "04.json").read_text(encoding="utf-8"))
    (cut,) = [p for p in bank04["predictions"] if p["id"] == "04-protein-cut"]
    # "a 30 % calorie cut changes the model by only about 2 %"
    assert "about 2 %" in cut["explanation"] and _signed(n.steady_state_igf1(1.2, 0.7) - 1) == "−2"
