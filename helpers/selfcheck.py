"""Self-check questions with feedback that addresses the specific mistake.

Three kinds, all keyboard-operable (radio buttons / checkboxes / a text box, then a
"Check answer" button)::

    MultipleChoice(question, options={"text": "why this is right/wrong", ...}, answer="text")
    MultipleSelect(question, options={...}, answers={"text", ...})
    Numeric(question, answer=26.1, tolerance=0.5, unit="nmol/L",
            mistakes=[(1530.0, "You multiplied by 7.649 instead of dividing ...")])

Grading is pure (``grade(response) -> Feedback``) and feedback always starts with words
("Correct —" / "Not quite —"), never colour alone. After a miss, hints are shown in order.
Displaying a question shows the live widget in Jupyter; static renders get the question and
a collapsed ``<details>`` answer instead.
"""

from __future__ import annotations

import html
import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import ipywidgets as widgets

CORRECT = "Correct — "
WRONG = "Not quite — "
EMPTY = "No answer yet — "


@dataclass(frozen=True)
class Feedback:
    correct: bool
    message: str


class SelfCheck:
    """Common parts: question text, hints, explanation, the widget and static renderings."""

    kind = ""

    def __init__(self, question: str, *, hints: Sequence[str] = (), explanation: str = ""):
        if not isinstance(question, str) or not question.strip():
            raise ValueError("question must be a non-empty string")
        self.question = question
        self.hints = list(hints)
        self.explanation = explanation
        self.misses = 0
        self._view: widgets.Widget | None = None
        self.feedback_html: widgets.HTML | None = None

    # -- pure part ---------------------------------------------------------------------------
    def grade(self, response) -> Feedback:
        raise NotImplementedError

    def answer_text(self) -> str:
        raise NotImplementedError

    def hint_for(self, misses: int) -> str | None:
        """The hint to show after ``misses`` wrong tries (None before the first miss)."""
        if misses <= 0 or not self.hints:
            return None
        return self.hints[min(misses, len(self.hints)) - 1]

    # -- widget part -------------------------------------------------------------------------
    def _input(self) -> widgets.Widget:
        raise NotImplementedError

    def _response(self):
        raise NotImplementedError

    @property
    def view(self) -> widgets.Widget:
        if self._view is None:
            self.input = self._input()
            self.button = widgets.Button(
                description="Check answer", button_style="", tooltip="Check your answer and show feedback"
            )
            self.feedback_html = widgets.HTML(value="")
            self.button.on_click(lambda _b: self.check())
            q = widgets.HTML(f"<p><strong>Self-check ({self.kind}).</strong> {_md_inline(self.question)}</p>")
            self._view = widgets.VBox(
                [q, self.input, self.button, self.feedback_html],
                layout=widgets.Layout(border="1px solid #767676", padding="4px 10px", margin="8px 0"),
            )
        return self._view

    def check(self) -> Feedback:
        """Grade the widget's current response and show the feedback (used by the button)."""
        fb = self.grade(self._response())
        if not fb.correct and not fb.message.startswith(EMPTY):
            self.misses += 1
        msg = fb.message
        hint = None if fb.correct else self.hint_for(self.misses)
        if hint:
            msg += f" Hint: {hint}"
        if fb.correct and self.explanation:
            msg += f" {self.explanation}"
        symbol = "✔" if fb.correct else "✘"
        style = "border-left:4px solid " + ("#009E73" if fb.correct else "#D55E00")
        self.feedback_html.value = (
            f"<div role='status' aria-live='polite' style='{style};"
            f"padding-left:8px'>{symbol} {_md_inline(msg)}</div>"
        )
        return fb

    def _repr_mimebundle_(self, **kwargs):
        bundle = self.view._repr_mimebundle_(**kwargs)
        bundle["text/html"] = self.static_html()
        bundle["text/plain"] = f"Self-check: {self.question}"
        return bundle

    def static_html(self) -> str:
        """Question, options and a collapsed answer, for renders without a kernel."""
        extra = f" {_md_inline(self.explanation)}" if self.explanation else ""
        return (
            f"<div class='tfl-selfcheck'><p><strong>Self-check ({self.kind}).</strong> "
            f"{_md_inline(self.question)}</p>{self._static_options()}"
            f"<details><summary>Show answer</summary><p>{_md_inline(self.answer_text())}"
            f"{extra}</p></details></div>"
        )

    def _static_options(self) -> str:
        return ""


def _check_options(options: Mapping[str, str]) -> dict[str, str]:
    if not isinstance(options, Mapping) or len(options) < 2:
        raise ValueError("options must be a mapping of at least two option texts to feedback")
    for text, why in options.items():
        if not isinstance(text, str) or not text.strip():
            raise ValueError(f"option {text!r} must be a non-empty string")
        if not isinstance(why, str) or not why.strip():
            raise ValueError(f"option {text!r} needs feedback that explains why it is right or wrong")
    return dict(options)


class MultipleChoice(SelfCheck):
    """One correct option; each option carries its own feedback."""

    kind = "choose one"

    def __init__(self, question: str, options: Mapping[str, str], answer: str, **kw):
        super().__init__(question, **kw)
        self.options = _check_options(options)
        if answer not in self.options:
            raise ValueError(f"answer {answer!r} is not among the options {list(self.options)}")
        self.answer = answer

    def grade(self, response: str | None) -> Feedback:
        if response is None:
            return Feedback(False, EMPTY + "choose one option, then press Check answer.")
        if response not in self.options:
            raise ValueError(f"response {response!r} is not one of the options {list(self.options)}")
        ok = response == self.answer
        return Feedback(ok, (CORRECT if ok else WRONG) + self.options[response])

    def answer_text(self) -> str:
        return f"Answer: {self.answer}. {self.options[self.answer]}"

    def _input(self):
        return widgets.RadioButtons(
            options=list(self.options),
            value=None,
            description="Your answer",
            style={"description_width": "initial"},
            layout=widgets.Layout(width="auto"),
        )

    def _response(self):
        return self.input.value

    def _static_options(self):
        items = "".join(f"<li>{_md_inline(o)}</li>" for o in self.options)
        return f"<ol type='A'>{items}</ol>"


class MultipleSelect(SelfCheck):
    """Several correct options; feedback names each wrongly ticked or missed option."""

    kind = "select all that apply"

    def __init__(self, question: str, options: Mapping[str, str], answers, **kw):
        super().__init__(question, **kw)
        self.options = _check_options(options)
        answers = set(answers)
        if not answers:
            raise ValueError("answers must name at least one correct option")
        missing = sorted(answers - set(self.options))
        if missing:
            raise ValueError(f"answers {missing} are not among the options {list(self.options)}")
        self.answers = answers

    def grade(self, response) -> Feedback:
        chosen = set(response or ())
        unknown = sorted(chosen - set(self.options))
        if unknown:
            raise ValueError(f"response options {unknown} are not among {list(self.options)}")
        if not chosen:
            return Feedback(False, EMPTY + "tick every option that applies, then press Check answer.")
        if chosen == self.answers:
            return Feedback(
                True, CORRECT + " ".join(self.options[o] for o in self.options if o in self.answers)
            )
        parts = [
            f"“{o}” should not be ticked: {self.options[o]}"
            for o in self.options
            if o in chosen - self.answers
        ]
        parts += [
            f"“{o}” also applies: {self.options[o]}" for o in self.options if o in self.answers - chosen
        ]
        return Feedback(False, WRONG + " ".join(parts))

    def answer_text(self) -> str:
        return "Answer: " + "; ".join(o for o in self.options if o in self.answers) + "."

    def _input(self):
        self._boxes = {
            o: widgets.Checkbox(value=False, description=o, indent=False, layout=widgets.Layout(width="auto"))
            for o in self.options
        }
        return widgets.VBox(list(self._boxes.values()))

    def _response(self):
        return {o for o, b in self._boxes.items() if b.value}

    def _static_options(self):
        items = "".join(f"<li>{_md_inline(o)}</li>" for o in self.options)
        return f"<ul>{items}</ul>"


class Numeric(SelfCheck):
    """A number within ``tolerance`` (absolute) of ``answer``; ``mistakes`` recognise common slips."""

    kind = "numeric"

    def __init__(
        self,
        question: str,
        answer: float,
        *,
        tolerance: float,
        unit: str = "",
        mistakes: Sequence[tuple[float, str]] = (),
        too_high: str = "",
        too_low: str = "",
        **kw,
    ):
        super().__init__(question, **kw)
        for nm, v in (("answer", answer), ("tolerance", tolerance)):
            if isinstance(v, bool) or not isinstance(v, (int, float)) or not math.isfinite(v):
                raise ValueError(f"{nm} must be a finite number, got {v!r}")
        if tolerance <= 0:
            raise ValueError(f"tolerance must be > 0, got {tolerance!r}")
        for value, why in mistakes:
            if abs(value - answer) <= tolerance:
                raise ValueError(f"mistake value {value!r} lies within the tolerance of the answer")
            if not why.strip():
                raise ValueError(f"mistake value {value!r} needs feedback")
        self.answer, self.tolerance, self.unit = float(answer), float(tolerance), unit
        self.mistakes = [(float(v), w) for v, w in mistakes]
        self.too_high = too_high or "your number is too high."
        self.too_low = too_low or "your number is too low."

    def grade(self, response) -> Feedback:
        if response is None or (isinstance(response, str) and not response.strip()):
            return Feedback(False, EMPTY + "type a number, then press Check answer.")
        try:
            value = float(str(response).strip().replace(",", ".").split()[0])
        except (ValueError, IndexError):
            return Feedback(
                False,
                WRONG + f"“{response}” is not a number; type digits only, "
                f"for example 12.5 (the unit, {self.unit or 'none'}, is already given).",
            )
        if not math.isfinite(value):
            return Feedback(False, WRONG + "type a finite number.")
        if abs(value - self.answer) <= self.tolerance:
            return Feedback(True, CORRECT + f"{_fmt(self.answer)} {self.unit}".rstrip() + ".")
        for v, why in self.mistakes:
            if abs(value - v) <= max(self.tolerance, 0.02 * abs(v)):
                return Feedback(False, WRONG + why)
        return Feedback(False, WRONG + (self.too_high if value > self.answer else self.too_low))

    def answer_text(self) -> str:
        return f"Answer: {_fmt(self.answer)} {self.unit} (± {_fmt(self.tolerance)})".replace("  ", " ")

    def _input(self):
        return widgets.Text(
            value="",
            placeholder="type a number",
            description=f"Your answer ({self.unit})" if self.unit else "Your answer",
            style={"description_width": "initial"},
        )

    def _response(self):
        return self.input.value


def _fmt(x: float) -> str:
    return f"{x:.4g}"


_MD = [
    (re.compile(r"\*\*(.+?)\*\*"), r"<strong>\1</strong>"),
    (re.compile(r"(?<![*\w])\*(?!\s)(.+?)(?<!\s)\*(?![*\w])"), r"<em>\1</em>"),
    (re.compile(r"`([^`]+)`"), r"<code>\1</code>"),
]


def _md_inline(text: str) -> str:
    """Escape ``text`` and apply inline **bold**, *italic* and `code` markup."""
    out = html.escape(text, quote=False)
    for rx, rep in _MD:
        out = rx.sub(rep, out)
    return out
