import pytest

from helpers.selfcheck import Feedback, MultipleChoice, MultipleSelect, Numeric

OPTS = {
    "0.1307 nmol/L": "Right: divide by the molar mass, 7649 g/mol.",
    "7.649 nmol/L": "That is the factor the other way round (nmol/L to ng/mL).",
    "7649 nmol/L": "That is the molar mass itself, not a conversion of 1 ng/mL.",
}


def mc(**kw):
    return MultipleChoice(
        "1 ng/mL of IGF-1 is how many nmol/L?",
        OPTS,
        "0.1307 nmol/L",
        hints=["Molar concentration = mass concentration / molar mass."],
        **kw,
    )


@pytest.mark.parametrize("option", list(OPTS))
def test_multiple_choice_grades_every_option_with_its_own_feedback(option):
    fb = mc().grade(option)
    assert isinstance(fb, Feedback)
    assert fb.correct == (option == "0.1307 nmol/L")
    assert fb.message.startswith("Correct — " if fb.correct else "Not quite — ")
    assert OPTS[option] in fb.message


def test_multiple_choice_no_answer_and_bad_construction():
    assert mc().grade(None) == Feedback(False, "No answer yet — choose one option, then press Check answer.")
    with pytest.raises(ValueError, match=r"answer 'x' is not among the options"):
        MultipleChoice("Q?", OPTS, "x")
    with pytest.raises(ValueError, match="needs feedback"):
        MultipleChoice("Q?", {"a": "fine", "b": " "}, "a")
    with pytest.raises(ValueError, match="at least two"):
        MultipleChoice("Q?", {"a": "only"}, "a")
    with pytest.raises(ValueError, match="question must be a non-empty string"):
        MultipleChoice("", OPTS, "0.1307 nmol/L")
    with pytest.raises(ValueError, match="not one of the options"):
        mc().grade("something else")


def test_widget_flow_counts_misses_and_shows_hints():
    q = mc(explanation="So 150 ng/mL is about 19.6 nmol/L.")
    view = q.view
    assert q.button.description == "Check answer"
    assert q.input.description == "Your answer"
    q.input.value = "7.649 nmol/L"
    fb = q.check()
    assert not fb.correct and q.misses == 1
    assert "Not quite — That is the factor the other way round" in q.feedback_html.value
    assert "Hint: Molar concentration" in q.feedback_html.value
    assert "✘" in q.feedback_html.value  # a symbol and words, never colour alone
    q.input.value = "0.1307 nmol/L"
    assert q.check().correct
    assert "Correct — " in q.feedback_html.value and "19.6 nmol/L" in q.feedback_html.value
    assert view is q.view  # built once


def test_static_html_has_question_options_and_collapsed_answer():
    html = mc().static_html()
    assert "1 ng/mL of IGF-1 is how many nmol/L?" in html
    assert html.count("<li>") == 3
    assert "<details><summary>Show answer</summary>" in html and "0.1307 nmol/L" in html
    bundle = mc()._repr_mimebundle_()
    assert "application/vnd.jupyter.widget-view+json" in bundle
    assert bundle["text/html"] == mc().static_html()


SEL = {
    "IGFBP-3": "Carries most IGF-1 with ALS.",
    "ALS": "Forms the ternary complex.",
    "Insulin": "Insulin is a hormone, not an IGF-binding protein.",
    "IGF-1R": "The receptor is on cells; it is not a carrier in blood.",
}


def test_multiple_select_names_each_wrong_or_missed_option():
    q = MultipleSelect("Which carry IGF-1 in blood?", SEL, {"IGFBP-3", "ALS"})
    assert q.grade({"IGFBP-3", "ALS"}).correct
    fb = q.grade({"IGFBP-3", "Insulin"})
    assert not fb.correct
    assert "“Insulin” should not be ticked: Insulin is a hormone" in fb.message
    assert "“ALS” also applies: Forms the ternary complex." in fb.message
    assert q.grade(set()).message.startswith("No answer yet — ")
    with pytest.raises(ValueError, match=r"answers \['ALS2'\] are not among the options"):
        MultipleSelect("Q", SEL, {"ALS2"})
    with pytest.raises(ValueError, match="at least one correct option"):
        MultipleSelect("Q", SEL, set())
    _ = q.view
    q._boxes["IGFBP-3"].value = True
    q._boxes["ALS"].value = True
    assert q.check().correct


def numeric():
    return Numeric(
        "Convert 200 ng/mL of IGF-1 to nmol/L.",
        26.14,
        tolerance=0.3,
        unit="nmol/L",
        mistakes=[
            (1530.0, "You multiplied by 7.649; to go to nmol/L divide by 7.649."),
            (200.0, "You copied the number; the units differ by a factor 7.649."),
        ],
        hints=["Divide ng/mL by 7.649."],
    )


@pytest.mark.parametrize(
    "response, correct, text",
    [
        ("26.1", True, "Correct — 26.14 nmol/L."),
        ("26,2", True, "Correct — "),
        ("26.14 nmol/L", True, "Correct — "),
        ("1530", False, "You multiplied by 7.649"),
        ("1529.8", False, "You multiplied by 7.649"),
        ("200", False, "You copied the number"),
        ("40", False, "your number is too high."),
        ("3", False, "your number is too low."),
        ("abc", False, "“abc” is not a number"),
        ("", False, "No answer yet — "),
        ("inf", False, "type a finite number"),
    ],
)
def test_numeric_grading(response, correct, text):
    fb = numeric().grade(response)
    assert fb.correct is correct
    assert text in fb.message
    if not fb.message.startswith("No answer yet"):
        assert fb.message.startswith("Correct — " if correct else "Not quite — ")


def test_numeric_construction_errors_and_widget():
    with pytest.raises(ValueError, match="tolerance must be > 0"):
        Numeric("Q", 1.0, tolerance=0)
    with pytest.raises(ValueError, match="answer must be a finite number"):
        Numeric("Q", float("nan"), tolerance=1)
    with pytest.raises(ValueError, match="lies within the tolerance of the answer"):
        Numeric("Q", 10.0, tolerance=1, mistakes=[(10.5, "close")])
    q = numeric()
    _ = q.view
    assert q.input.description == "Your answer (nmol/L)"
    q.input.value = "200"
    q.check()
    assert "Hint: Divide ng/mL by 7.649." in q.feedback_html.value
    assert "Answer: 26.14 nmol/L" in q.static_html()
