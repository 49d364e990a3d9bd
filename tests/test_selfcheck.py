"""Self-check grading and widgets (helpers.selfcheck): pure grading, behaviour of the widget
(changing an answer clears feedback, hints after a miss, no key in the browser), predictions
and exercise checks. The banks themselves are tested in tests/test_question_banks.py."""

import json

import pytest

from helpers import selfcheck
from helpers.selfcheck import Feedback, MultipleChoice, MultipleSelect, Numeric, grade

SINGLE = {
    "id": "99-units",
    "kind": "single",
    "prompt": "1 ng/mL of IGF-1 is how many nmol/L?",
    "options": [
        {"text": "0.1307 nmol/L", "correct": True, "feedback": "Divide by the molar mass, 7649 g/mol."},
        {"text": "7.649 nmol/L", "correct": False, "feedback": "That is the factor the other way round."},
        {"text": "7649 nmol/L", "correct": False, "feedback": "That is the molar mass itself."},
    ],
    "hints": ["Molar concentration = mass concentration / molar mass."],
    "explanation": "So 150 ng/mL is about 19.6 nmol/L.",
}
MULTI = {
    "id": "99-carriers",
    "kind": "multi",
    "prompt": "Which carry IGF-1 in blood?",
    "options": [
        {"text": "IGFBP-3", "correct": True, "feedback": "Carries most IGF-1 with ALS."},
        {"text": "ALS", "correct": True, "feedback": "Forms the ternary complex."},
        {"text": "Insulin", "correct": False, "feedback": "Insulin is a hormone, not a binding protein."},
        {"text": "IGF-1R", "correct": False, "feedback": "The receptor sits on cells."},
    ],
}
NUMERIC = {
    "id": "99-convert",
    "kind": "numeric",
    "prompt": "Convert 200 ng/mL of IGF-1 to nmol/L.",
    "answer": 26.14,
    "tolerance": 0.3,
    "unit": "nmol/L",
    "mistakes": [{"value": 200.0, "feedback": "You copied the number; the units differ by a factor 7.649."}],
    "hints": ["Divide ng/mL by 7.649."],
}
PERCENT = {
    "id": "99-fall",
    "kind": "numeric",
    "prompt": "IGF-1 fell from 1.85 to 0.67 U/mL. By what percentage?",
    "answer": 63.8,
    "tolerance": 1.0,
    "unit": "%",
    "mistakes": [],
}


@pytest.mark.parametrize("option", [o["text"] for o in SINGLE["options"]])
def test_single_choice_grades_every_option_with_its_own_feedback(option):
    fb = grade(SINGLE, option)
    o = next(o for o in SINGLE["options"] if o["text"] == option)
    assert isinstance(fb, Feedback) and fb.correct == o["correct"]
    assert fb.message.startswith("Correct — " if fb.correct else "Not quite — ")
    assert o["feedback"] in fb.message


def test_after_a_correct_answer_every_distractor_is_explained_once():
    msg = grade(SINGLE, "0.1307 nmol/L").message
    assert "So 150 ng/mL is about 19.6 nmol/L." in msg
    assert "Why the other options are wrong — " in msg
    for o in SINGLE["options"][1:]:
        assert msg.count(o["feedback"]) == 1
    # a wrong answer explains only itself (it must not give away the key)
    wrong = grade(SINGLE, "7.649 nmol/L").message
    assert "molar mass, 7649" not in wrong and "0.1307" not in wrong


def test_no_doubled_affirmation():
    q = {
        **SINGLE,
        "options": [{**SINGLE["options"][0], "feedback": "Right: divide by 7.649."}, *SINGLE["options"][1:]],
    }
    msg = grade(q, "0.1307 nmol/L").message
    assert msg.startswith("Correct — Divide by 7.649.")
    assert "Right" not in msg
    assert selfcheck.bank_problems({"questions": [q]}) == [
        "99-units: feedback of '0.1307 nmol/L' starts with an affirmation word"
    ]


def test_single_no_answer_and_unknown_option():
    assert grade(SINGLE, None) == Feedback(
        False, "No answer yet — choose one option, then press Check answer."
    )
    with pytest.raises(ValueError, match="not one of the options"):
        grade(SINGLE, "something else")
    with pytest.raises(ValueError, match=r"answer 'x' is not among the options"):
        MultipleChoice("Q?", {"a": "fine", "b": "why"}, "x")


def test_multi_select_miss_names_wrong_ticks_but_not_the_missing_option():
    assert grade(MULTI, {"IGFBP-3", "ALS"}).correct
    fb = grade(MULTI, {"IGFBP-3", "Insulin"})
    assert not fb.correct
    assert "“Insulin” should not be ticked: Insulin is a hormone" in fb.message
    assert "One more option applies" in fb.message
    assert "ALS" not in fb.message and "ternary" not in fb.message
    two = grade(MULTI, {"Insulin"}).message
    assert "2 more options apply" in two and "IGFBP-3" not in two
    ok = grade(MULTI, {"IGFBP-3", "ALS"}).message
    assert "Why the other options are wrong — “Insulin”: Insulin is a hormone" in ok
    assert grade(MULTI, set()).message.startswith("No answer yet — ")


@pytest.mark.parametrize(
    "response, correct, text",
    [
        ("26.1", True, "Correct — 26.14 nmol/L."),
        ("26,2", True, "Correct — "),
        ("26.14 nmol/L", True, "Correct — "),
        (26.2, True, "Correct — "),
        ("200", False, "You copied the number"),
        ("199.5", False, "You copied the number"),
        ("40", False, "your number is too high."),
        ("3", False, "your number is too low."),
        ("abc", False, "“abc” is not a number"),
        ("", False, "No answer yet — "),
        ("inf", False, "type a finite number"),
        ("200.0", False, "copied"),
        ("26140", False, "factor of 1000"),
        ("2.614", False, "factor of 10"),
    ],
)
def test_numeric_grading(response, correct, text):
    fb = grade(NUMERIC, response)
    assert fb.correct is correct
    assert text in fb.message
    if not fb.message.startswith("No answer yet"):
        assert fb.message.startswith("Correct — " if correct else "Not quite — ")


def test_unit_slip_between_ng_ml_and_nmol_l():
    q = {**NUMERIC, "answer": 200.3, "tolerance": 1.0, "unit": "ng/mL", "mistakes": []}
    assert "wrong unit (nmol/L instead of ng/mL" in grade(q, str(200.3 / 7.649)).message
    assert "wrong unit" in grade(q, str(200.3 * 7.649)).message


@pytest.mark.parametrize(
    "response, text",
    [
        ("0.638", "looks like a fraction"),
        ("0.64", "multiply the fraction by 100"),
        ("6380", "100 times too large"),
    ],
)
def test_fraction_for_percentage_and_back(response, text):
    assert text in grade(PERCENT, response).message
    frac = {**PERCENT, "answer": 0.638, "tolerance": 0.01, "unit": "fraction"}
    assert "looks like a percentage" in grade(frac, "63.8").message


def test_nearest_mistake_wins_and_windows_may_not_overlap():
    q = {
        **PERCENT,
        "mistakes": [
            {"value": 1.18, "tolerance": 0.02, "feedback": "fall in U/mL"},
            {"value": 0.638, "tolerance": 0.01, "feedback": "fraction"},
        ],
    }
    assert selfcheck.bank_problems({"questions": [q]}) == []
    assert grade(q, "0.638").message == "Not quite — Fraction"
    assert grade(q, "1.18").message == "Not quite — Fall in U/mL"
    # the old defect of notebook 04: windows as wide as the answer's tolerance overlap
    bad = {**PERCENT, "mistakes": [{"value": 1.18, "feedback": "x"}, {"value": 0.638, "feedback": "y"}]}
    assert "overlap" in " ".join(selfcheck.bank_problems({"questions": [bad]}))
    with pytest.raises(ValueError, match="overlap"):
        Numeric("Q", 10.0, tolerance=1, mistakes=[(10.5, "close")])


# ---- the widget --------------------------------------------------------------------------
def test_widget_flow_hints_and_a_changed_answer_clears_feedback():
    q = selfcheck.SelfCheck(SINGLE)
    assert "correct" not in json.dumps(q.widget.spec)  # the key never reaches the browser
    assert q.widget.spec["options"] == [o["text"] for o in SINGLE["options"]]
    assert q.widget.spec["button"] == "Check answer"
    q.select("7.649 nmol/L")
    q.widget.submits += 1  # what the button and Enter do
    assert q.misses == 1 and not q.last.correct
    assert "✘" in q.widget.feedback and "Hint:" in q.widget.feedback
    q.select("0.1307 nmol/L")
    assert q.widget.feedback == ""  # changing the answer cleared the old feedback
    assert q.check().correct and "✔ Correct — " in q.widget.feedback


def test_multi_and_numeric_widgets():
    m = selfcheck.SelfCheck(MULTI)
    m.select({"IGFBP-3", "ALS"})
    assert m.check().correct
    n = selfcheck.SelfCheck(NUMERIC)
    assert n.widget.spec["input_label"] == "Your answer (nmol/L)"
    n.select("200")
    n.check()
    assert (
        "Hint: </em>" not in n.widget.feedback
        and "<em>Hint:</em> Divide ng/mL by 7.649." in n.widget.feedback
    )
    assert "Answer: 26.14 nmol/L" in n.static_html()


def test_widget_javascript_meets_the_keyboard_contract():
    js = selfcheck._ESM
    assert "role: multi ? 'group' : 'radiogroup'" in js and "'aria-labelledby': qid" in js
    assert "data-lm-suppress-shortcuts" in js  # JupyterLab's command mode never sees these keys
    assert "ev.stopPropagation()" in js and "ArrowDown" in js and "tabIndex" in js
    assert "ev.key === 'Enter'" in js  # Enter in a number box checks it
    assert "outline: 3px solid #0b57a4" in selfcheck._CSS
    # JupyterLab Dark (#111111): #0b57a4 would be 2.6:1, the dark-theme colour is 9.0:1
    assert "body[data-jp-theme-light='false'] .tfl-selfcheck button:focus-visible" in selfcheck._CSS
    assert "outline-color: #8ab4f8" in selfcheck._CSS


def test_static_bundle_has_question_options_and_collapsed_answer():
    q = MultipleChoice("Pick one?", {"A": "Because A.", "B": "Because B."}, answer="A")
    html = q.static_html()
    assert "Pick one?" in html and html.count("<li>") == 2
    assert "<details><summary>Show answer</summary>" in html and "Answer: A." in html
    data = q._repr_mimebundle_()
    data = data[0] if isinstance(data, tuple) else data
    assert "application/vnd.jupyter.widget-view+json" in data
    assert data["text/html"] == html


@pytest.mark.parametrize("item", [SINGLE, MULTI, NUMERIC, "prediction"])
def test_display_adds_a_static_view_for_reopened_notebooks_without_the_answer(item):
    """Displaying a self-check or prediction emits its widget bundle and a second output, marked
    {"tfl": "reopen"} (what a reopened notebook shows instead of "model not found"): the
    question, its options and the run line, never the answer; the static site drops it."""
    import nbformat
    from IPython.core.interactiveshell import InteractiveShell
    from IPython.utils.capture import capture_output

    from helpers.publish import site

    InteractiveShell.instance()
    if item == "prediction":
        obj, spec, run = (
            selfcheck.predict("02-als-zero"),
            selfcheck.prediction("02-als-zero"),
            selfcheck.RUN_TO_PREDICT,
        )
    else:
        obj, spec, run = selfcheck.SelfCheck(item), item, selfcheck.RUN_TO_ANSWER
    with capture_output() as cap:
        obj._ipython_display_()
    assert len(cap.outputs) == 2
    live, reopen = cap.outputs
    assert "application/vnd.jupyter.widget-view+json" in live.data and "text/html" in live.data
    assert reopen.metadata == {"tfl": "reopen"} and set(reopen.data) == {"text/html"}
    page = reopen.data["text/html"]
    assert page.startswith("<div class='tfl-reopen ") and ".tfl-reopen{display:none}" in page
    assert run in page and selfcheck.md_inline(spec["prompt"]) in page
    assert all(selfcheck.md_inline(o["text"]) in page for o in spec.get("options", []))
    assert "Answer" not in page and "<details" not in page and "<script" not in page
    if item is NUMERIC:
        assert "26.14" not in page
    outs = [nbformat.v4.new_output("display_data", data=o.data, metadata=o.metadata) for o in cap.outputs]
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("q", outputs=outs)])
    site.static_outputs(nb)
    assert len(nb.cells[0].outputs) == 1 and "tfl-reopen" not in json.dumps(nb.cells[0].outputs)


def test_citations_in_feedback_are_readable():
    q = {
        **SINGLE,
        "options": [
            {**SINGLE["options"][0], "feedback": "As measured [@bidlingmaier2014]."},
            *SINGLE["options"][1:],
        ],
    }
    shown = selfcheck.md_inline(grade(q, "0.1307 nmol/L").message)
    assert "(Bidlingmaier et al., 2014)" in shown and "[@" not in shown


# ---- exercises and predictions -----------------------------------------------------------
def test_check_exercise_reads_the_named_result_or_says_there_is_none():
    e = selfcheck.exercise("02-intact-share")
    assert selfcheck.check_exercise("02-intact-share").feedback.message.startswith("No answer yet — ")
    my_share = e["answer"]  # noqa: F841  (looked up by name in this frame)
    assert selfcheck.check_exercise("02-intact-share").correct
    assert "cut" in selfcheck.check_exercise("02-intact-share", 1 - e["answer"]).feedback.message


def test_figure_exercise_checker():
    import numpy as np
    import plotly.graph_objects as go

    from helpers.models.signalling import muscle_response

    x = np.linspace(0, 2, 9)
    good = go.Figure(go.Scatter(x=x, y=[muscle_response(32.0, amino_acids=a)["net_balance"] for a in x]))
    assert selfcheck.check_exercise("01-amino-acid-figure", good).correct
    synth = go.Figure(go.Scatter(x=x, y=[muscle_response(32.0, amino_acids=a)["synthesis_rel"] for a in x]))
    assert "synthesis_rel" in selfcheck.check_exercise("01-amino-acid-figure", synth).feedback.message
    at2 = go.Figure(go.Scatter(x=x, y=[muscle_response(2.0, amino_acids=a)["net_balance"] for a in x]))
    assert "2 nM" in selfcheck.check_exercise("01-amino-acid-figure", at2).feedback.message
    few = go.Figure(
        go.Scatter(x=x[:3], y=[muscle_response(32.0, amino_acids=a)["net_balance"] for a in x[:3]])
    )
    assert "at least 5 points" in selfcheck.check_exercise("01-amino-acid-figure", few).feedback.message
    assert not selfcheck.check_exercise("01-amino-acid-figure", 3.0).correct


def test_prediction_commit_lock_and_comparison_in_the_explorer():
    from helpers.explorers import create

    p = selfcheck.predict("02-als-zero")
    ex = create("binding", prediction=p)
    assert p.panel in ex.view.children
    assert "not committed yet" in p.panel.value
    with pytest.raises(ValueError, match="choose one of the options"):
        p.commit("somewhere else")
    p.commit("Most of it becomes free")
    assert p.widget.locked
    assert "You predicted “Most of it becomes free”" in p.panel.value
    assert "Not quite" in p.panel.value and "binary complex" in p.panel.value
    with pytest.raises(ValueError, match="already committed"):
        p.commit("Most of it stays on IGFBP-3, in the binary complex")
    ex.set(als_nM=0.0)
    assert "Explorer now: Binary complex" in p.panel.value or "Explorer now:" in p.panel.value
    with pytest.raises(ValueError, match="about the 'binding' explorer"):
        create("clearance", prediction=selfcheck.predict("02-als-zero"))


def test_number_prediction_from_the_widget():
    p = selfcheck.predict("00-unit-200")
    p.widget.response = "26"
    p.widget.submits += 1
    assert p.value == 26.0 and p.widget.locked
    assert selfcheck.compare_prediction(p.p, 26.0).correct
    assert not selfcheck.compare_prediction(p.p, 1530.0).correct
    q = selfcheck.predict("00-unit-200")
    q.widget.response = "abc"
    q.widget.submits += 1
    assert q.value is None and "type a number" in q.widget.feedback


def test_unknown_ids_name_what_exists():
    with pytest.raises(ValueError, match="no question '02-nothing'"):
        selfcheck.ask("02-nothing")
    with pytest.raises(ValueError, match="must look like"):
        selfcheck.ask("free fraction")
    with pytest.raises(ValueError, match="no question bank 98.json"):
        selfcheck.ask("98-x")


def test_inline_constructors_build_bank_style_questions():
    q = MultipleSelect("Which?", {"a": "A is.", "b": "B is not."}, {"a"})
    assert grade(q.q, {"a"}).correct
    n = Numeric("How many?", 3.0, tolerance=0.1, unit="", mistakes=[(6.0, "doubled")])
    assert grade(n.q, "6").message == "Not quite — Doubled"
