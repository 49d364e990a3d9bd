"""Self-checks, predictions and exercise checks, read from one question bank per notebook.

A notebook cell refers to a question by id, so nothing a student sees shows the key::

    from helpers.selfcheck import ask, predict, check_exercise

    ask("02-als-removed")                    # a self-check (choose one / select all / a number)
    p = predict("02-als")                    # a prediction the student commits before exploring
    create("binding", prediction=p)          # the explorer shows the prediction beside the model
    check_exercise("02-intact-share", my_value)   # feedback on the student's own result

The banks are ``data/questions/<NN>.json`` (schema ``helpers/schemas/question_bank.json``)::

    {"notebook": "02_binding_proteins",
     "questions":   [{"id", "kind": "single|multi|numeric", "prompt", "options": [{"text",
                      "correct", "feedback"}] | "answer", "tolerance", "unit", "mistakes":
                      [{"value", "feedback", "tolerance"?}], "hints", "explanation"}],
     "predictions": [{"id", "kind": "choice|number", "prompt", "explorer", "options" | "unit",
                      "min", "max", "compare": {"key", "state", "measure", "ranges"?}}],
     "exercises":   [{"id", "prompt", "answer", "tolerance", "unit", "mistakes"} or
                      {"id", "prompt", "checker", ...}]}

Grading is pure (:func:`grade`, :func:`grade_exercise`, :func:`compare_prediction`) so the
tests and the static site can run every option and every recorded mistake. Feedback always
starts with words ("Correct —" / "Not quite —" / "No answer yet —"), never colour alone.

The widgets are small anywidgets: a radio group is one tab stop whose arrow keys move the
selection (they never reach JupyterLab's command mode), the group is named by its question,
Enter in a number box checks it, changing an answer clears the old feedback, and every
control shows a 3 px focus outline (#0b57a4: 7.2:1 on white; #8ab4f8, 9.0:1 on #111111, in
JupyterLab's dark theme: ``helpers._focus``). Predictions stay in the kernel:
nothing is logged or sent anywhere.
"""

from __future__ import annotations

import html
import json
import math
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import anywidget
import traitlets

from ._focus import focus_css
from ._reopen import display_with_reopen, reopen_view

CORRECT = "Correct — "
WRONG = "Not quite — "
EMPTY = "No answer yet — "

#: Words a feedback text must not start with (the prefix already says it: no "Correct — Right: ...").
AFFIRMATIONS = re.compile(r"^(right|correct|yes|supported|not supported|no|wrong)\b[\s:,.!—-]*", re.I)

#: the last line of a self-check's / prediction's static view in a saved notebook reopened without
#: its widget state (see ``helpers._reopen``); the set-up cell defines ``ask`` and ``predict``
RUN_TO_ANSWER = "Run this cell to answer (run the set-up cell at the top first)."
RUN_TO_PREDICT = "Run this cell to commit your prediction (run the set-up cell at the top first)."

#: ng/mL per nmol/L of IGF-1 (molar mass 7649 g/mol).
NG_ML_PER_NMOL_L = 7.649


@dataclass(frozen=True)
class Feedback:
    """The result of grading one response: whether it is correct, and the message shown."""

    correct: bool
    message: str


# ============================================================================================
# the banks
# ============================================================================================
def _bank_dir() -> Path:
    from . import data

    return Path(data.DATA_DIR) / "questions"


def bank_paths() -> list[Path]:
    """Every question bank file (data/questions/NN.json), in file-name order."""
    return sorted(_bank_dir().glob("*.json"))


@cache
def load_bank(number: str) -> dict:
    """The question bank of notebook ``number`` (``"02"``), checked by :func:`bank_problems`."""
    path = _bank_dir() / f"{number}.json"
    if not path.is_file():
        have = [p.stem for p in bank_paths()]
        raise ValueError(f"no question bank {path.name} in data/questions; banks: {have}")
    bank = json.loads(path.read_text(encoding="utf-8"))
    problems = bank_problems(bank)
    if problems:
        raise ValueError(f"data/questions/{path.name}: " + "; ".join(problems))
    return bank


def _find(section: str, item_id: str) -> dict:
    if not isinstance(item_id, str) or not re.match(r"^\d\d-[a-z0-9-]+$", item_id):
        raise ValueError(f"id {item_id!r} must look like '02-free-fraction' (notebook number first)")
    bank = load_bank(item_id[:2])
    for item in bank[section]:
        if item["id"] == item_id:
            return item
    ids = [i["id"] for i in bank[section]]
    raise ValueError(f"no {section[:-1]} {item_id!r} in data/questions/{item_id[:2]}.json; {section}: {ids}")


def question(item_id: str) -> dict:
    """The self-check ``item_id`` from its notebook's bank."""
    return _find("questions", item_id)


def prediction(item_id: str) -> dict:
    """The prediction ``item_id`` from its notebook's bank."""
    return _find("predictions", item_id)


def exercise(item_id: str) -> dict:
    """The exercise ``item_id`` from its notebook's bank."""
    return _find("exercises", item_id)


def _mistake_window(m: Mapping, answer_tol: float) -> float:
    return float(m.get("tolerance", max(answer_tol, 0.01 * abs(m["value"]))))


def bank_problems(bank: Mapping) -> list[str]:
    """What makes a bank unusable beyond its JSON schema: keys that do not exist, windows that
    overlap (a mistake's window reaching the answer or another mistake), doubled affirmations."""
    out = []
    ids = set()
    for section in ("questions", "predictions", "exercises"):
        for item in bank.get(section, []):
            iid = item.get("id")
            if iid in ids:
                out.append(f"duplicate id {iid!r}")
            ids.add(iid)
    for q in bank.get("questions", []):
        iid = q["id"]
        if q["kind"] in ("single", "multi"):
            opts = q.get("options", [])
            n_ok = sum(bool(o["correct"]) for o in opts)
            if len(opts) < 2:
                out.append(f"{iid}: needs at least two options")
            if q["kind"] == "single" and n_ok != 1:
                out.append(f"{iid}: a single-choice question needs exactly one correct option, has {n_ok}")
            if q["kind"] == "multi" and n_ok < 1:
                out.append(f"{iid}: a select-all question needs at least one correct option")
            if len({o["text"] for o in opts}) != len(opts):
                out.append(f"{iid}: option texts must differ")
            for o in opts:
                if AFFIRMATIONS.match(o["feedback"]):
                    out.append(f"{iid}: feedback of {o['text'][:30]!r} starts with an affirmation word")
        elif q["kind"] == "numeric":
            out += _numeric_problems(iid, q)
    for e in bank.get("exercises", []):
        if "answer" in e:
            out += _numeric_problems(e["id"], e)
    for p in bank.get("predictions", []):
        if p["kind"] == "choice" and len(p.get("options", [])) < 2:
            out.append(f"{p['id']}: a choice prediction needs at least two options")
        if p["kind"] == "number" and not (p["min"] < p["max"]):
            out.append(f"{p['id']}: min must be below max")
    return out


def _numeric_problems(iid: str, q: Mapping) -> list[str]:
    out = []
    a, tol = q["answer"], q["tolerance"]
    if tol <= 0:
        out.append(f"{iid}: tolerance must be > 0")
    windows = [(a - tol, a + tol, "the answer")]
    for m in q.get("mistakes", []):
        w = _mistake_window(m, tol)
        windows.append((m["value"] - w, m["value"] + w, f"mistake {m['value']}"))
        if AFFIRMATIONS.match(m["feedback"]):
            out.append(f"{iid}: feedback of mistake {m['value']} starts with an affirmation word")
    windows.sort()
    for (_lo1, hi1, n1), (lo2, _hi2, n2) in zip(windows, windows[1:], strict=False):
        if lo2 <= hi1:
            out.append(f"{iid}: the windows of {n1} and {n2} overlap, so one of them can never show")
    return out


# ============================================================================================
# pure grading
# ============================================================================================
def _strip_affirmation(text: str) -> str:
    s = AFFIRMATIONS.sub("", text.strip(), count=1)
    return s[:1].upper() + s[1:] if s else text


def grade(q: Mapping, response: Any) -> Feedback:
    """Grade ``response`` to bank question ``q`` (a dict): an option text (single), a set of
    option texts (multi) or a number / text (numeric). Pure: no widget, no state."""
    kind = q["kind"]
    if kind == "single":
        return _grade_single(q, response)
    if kind == "multi":
        return _grade_multi(q, response)
    if kind == "numeric":
        return grade_number(q, response)
    raise ValueError(f"question {q.get('id')!r}: kind {kind!r} is not single, multi or numeric")


def _options(q: Mapping) -> dict[str, Mapping]:
    return {o["text"]: o for o in q["options"]}


def _others_wrong(q: Mapping, shown: set[str]) -> str:
    parts = [
        f"“{o['text']}”: {_strip_affirmation(o['feedback'])}"
        for o in q["options"]
        if not o["correct"] and o["text"] not in shown
    ]
    return (" Why the other options are wrong — " + " ".join(parts)) if parts else ""


def _explanation(q: Mapping) -> str:
    return f" {q['explanation']}" if q.get("explanation") else ""


def _grade_single(q: Mapping, response) -> Feedback:
    if response is None or response == "":
        return Feedback(False, EMPTY + "choose one option, then press Check answer.")
    opts = _options(q)
    if response not in opts:
        raise ValueError(f"response {response!r} is not one of the options {list(opts)}")
    o = opts[response]
    why = _strip_affirmation(o["feedback"])
    if o["correct"]:
        return Feedback(True, CORRECT + why + _explanation(q) + _others_wrong(q, {response}))
    return Feedback(False, WRONG + why)


def _grade_multi(q: Mapping, response) -> Feedback:
    chosen = set(response or ())
    opts = _options(q)
    unknown = sorted(chosen - set(opts))
    if unknown:
        raise ValueError(f"response options {unknown} are not among {list(opts)}")
    if not chosen:
        return Feedback(False, EMPTY + "tick every option that applies, then press Check answer.")
    right = {t for t, o in opts.items() if o["correct"]}
    if chosen == right:
        why = " ".join(_strip_affirmation(opts[t]["feedback"]) for t in opts if t in right)
        return Feedback(True, CORRECT + why + _explanation(q) + _others_wrong(q, set()))
    parts = [
        f"“{t}” should not be ticked: {_strip_affirmation(opts[t]['feedback'])}"
        for t in opts
        if t in chosen - right
    ]
    missed = len(right - chosen)
    if missed:
        # never name the option still missing: the student has to find it
        parts.append(
            "One more option applies; read the unticked ones again."
            if missed == 1
            else f"{missed} more options apply; read the unticked ones again."
        )
    return Feedback(False, WRONG + " ".join(parts))


def _parse_number(response) -> float | None:
    if isinstance(response, bool):
        raise TypeError
    if isinstance(response, (int, float)):
        return float(response)
    s = str(response).strip().replace("−", "-").replace(",", ".")
    return float(s.split()[0].rstrip("%"))


def _near(value: float, target: float, tol: float) -> bool:
    return abs(value - target) <= tol


def _slip(value: float, answer: float, tol: float, unit: str) -> str | None:
    """A generic feedback for a fraction given as a percentage (or the reverse) or a unit slip."""
    u = unit.strip()
    if u == "%":
        if _near(value, answer / 100, tol / 100):
            return (
                f"{_fmt(value)} looks like a fraction; the question asks for a percentage: "
                "multiply the fraction by 100."
            )
        if _near(value, answer * 100, tol * 100):
            return f"{_fmt(value)} is 100 times too large: you multiplied by 100 twice (a fraction × 100 is already %)."
    elif u in ("fraction", "") and abs(answer) <= 1 and _near(value, answer * 100, tol * 100):
        return f"{_fmt(value)} looks like a percentage; the question asks for a fraction: divide by 100."
    if re.search(r"ng/mL|nmol/L", u):
        other = "nmol/L" if "ng/mL" in u else "ng/mL"
        for f in (NG_ML_PER_NMOL_L, 1 / NG_ML_PER_NMOL_L):
            if _near(value, answer * f, tol * f):
                return (
                    f"{_fmt(value)} looks like the value in the wrong unit ({other} instead of {u}, "
                    f"a factor of {NG_ML_PER_NMOL_L}): check which way you converted."
                )
    for f, what in ((1000, "1000: a unit prefix slip (for example µg versus ng, or mL versus L)"),
                    (100, "100: a percentage/fraction or prefix slip"),
                    (10, "10: check the decimal point")):  # fmt: skip
        for g in (f, 1 / f):
            if _near(value, answer * g, tol * g):
                return f"{_fmt(value)} is a factor of {what}."
    return None


def grade_number(q: Mapping, response: Any) -> Feedback:
    """Numeric grading: the answer ± tolerance, then the nearest recorded mistake whose window
    holds the value, then a generic fraction/percentage or unit slip, then too high / too low."""
    unit = q.get("unit", "")
    if response is None or (isinstance(response, str) and not response.strip()):
        return Feedback(False, EMPTY + "type a number, then press Check answer.")
    try:
        value = _parse_number(response)
    except (ValueError, IndexError, TypeError):
        return Feedback(
            False,
            WRONG + f"“{response}” is not a number; type digits only, "
            f"for example 12.5 (the unit, {unit or 'none'}, is already given).",
        )
    if not math.isfinite(value):
        return Feedback(False, WRONG + "type a finite number.")
    a, tol = float(q["answer"]), float(q["tolerance"])
    if _near(value, a, tol):
        shown = f"{_fmt(a)} {unit}".rstrip()
        return Feedback(True, CORRECT + f"{shown}.{_explanation(q)}")
    hits = [
        (abs(value - m["value"]), m)
        for m in q.get("mistakes", [])
        if _near(value, m["value"], _mistake_window(m, tol))
    ]
    if hits:
        return Feedback(False, WRONG + _strip_affirmation(min(hits, key=lambda h: h[0])[1]["feedback"]))
    slip = _slip(value, a, tol, unit)
    if slip:
        return Feedback(False, WRONG + slip)
    if value > a:
        return Feedback(False, WRONG + q.get("too_high", "your number is too high."))
    return Feedback(False, WRONG + q.get("too_low", "your number is too low."))


def hint_for(q: Mapping, misses: int) -> str | None:
    """The hint to show after ``misses`` wrong tries (None before the first miss)."""
    hints = q.get("hints") or []
    if misses <= 0 or not hints:
        return None
    return hints[min(misses, len(hints)) - 1]


def answer_text(q: Mapping) -> str:
    """The answer in words (for the collapsed static answer and the instructor guide)."""
    if q["kind"] == "numeric" or "answer" in q:
        return f"Answer: {_fmt(q['answer'])} {q.get('unit', '')} (± {_fmt(q['tolerance'])})".replace(
            "  ", " "
        )
    right = [o for o in q["options"] if o["correct"]]
    if q["kind"] == "single":
        return f"Answer: {right[0]['text'].rstrip('.')}. {_strip_affirmation(right[0]['feedback'])}"
    return "Answer: " + "; ".join(o["text"] for o in right) + "."


# ---- exercises ---------------------------------------------------------------------------------
#: Named checkers for exercises whose result is not one number (a figure, a table):
#: ``CHECKERS[name](exercise_dict, value) -> Feedback``.
CHECKERS: dict[str, Callable[[Mapping, Any], Feedback]] = {}


def checker(name: str) -> Callable:
    """Register a named exercise checker (used by banks as ``"checker": name``)."""

    def deco(fn):
        CHECKERS[name] = fn
        return fn

    return deco


def grade_exercise(e: Mapping, value: Any) -> Feedback:
    """Grade a student's own result for exercise ``e`` (pure)."""
    if "checker" in e:
        if e["checker"] not in CHECKERS:
            from . import exercise_checks  # noqa: F401  (registers the named checkers)
        if e["checker"] not in CHECKERS:
            raise ValueError(f"exercise {e['id']!r}: no checker {e['checker']!r}; known: {sorted(CHECKERS)}")
        return CHECKERS[e["checker"]](e, value)
    if value is None:
        return Feedback(
            False, EMPTY + f"store your result in `{e.get('result', 'a variable')}`, then check again."
        )
    try:
        import numpy as np

        arr = np.asarray(value, dtype=float)
        if arr.size == 1:
            value = float(arr.reshape(-1)[0])
    except (TypeError, ValueError):
        pass
    return grade_number({**e, "kind": "numeric"}, value)


# ---- predictions -------------------------------------------------------------------------------
def _measure(p: Mapping, key: str, summary: Mapping[str, float], baseline: Mapping[str, float]) -> float:
    """The compared number: the summary value (``measure`` "value"), x 100 ("percent"), the
    % change from the explorer's default state ("percent_change") or the ratio to it ("ratio")."""
    v = float(summary[key])
    measure = p["compare"].get("measure", "value")
    if measure == "percent":
        return 100.0 * v
    if measure == "percent_change":
        return 100.0 * (v - float(baseline[key])) / float(baseline[key])
    if measure == "ratio":
        return v / float(baseline[key])
    return v


def model_outcome(p: Mapping) -> dict:
    """What the model gives for prediction ``p``: builds its explorer, reads the default summary,
    applies ``compare.state`` and reads it again. Returns ``{"value", "option"}``: the compared
    number and, for a choice, the first option whose ``[min, max)`` (on the option's own ``key``
    if it names one) holds the model's number."""
    from .explorers import REGISTRY

    ex = REGISTRY[p["explorer"]]()
    baseline = ex.summary()
    ex.set(**p["compare"].get("state", {}))
    now = ex.summary()
    value = _measure(p, p["compare"]["key"], now, baseline)
    option = None
    if p["kind"] == "choice":
        for o in p["options"]:
            v = _measure(p, o.get("key", p["compare"]["key"]), now, baseline)
            if o.get("min", -math.inf) <= v < o.get("max", math.inf):
                option = o["text"]
                break
    return {"value": value, "option": option}


def compare_prediction(p: Mapping, committed: Any, outcome: Mapping | None = None) -> Feedback:
    """Compare a committed prediction with the model (pure given ``outcome``)."""
    outcome = outcome or model_outcome(p)
    unit = p.get("unit", "")
    model = f"{_fmt(outcome['value'])} {p['compare'].get('unit', unit)}".rstrip()
    what = p["compare"].get("what", "the model")
    if committed is None:
        return Feedback(False, EMPTY + "commit a prediction first.")
    if p["kind"] == "choice":
        ok = committed == outcome["option"]
        text = f"You predicted “{committed}”; {what}: {model} (“{outcome['option']}”)."
    else:
        tol = p["compare"].get("tolerance", 0.1 * abs(outcome["value"]) or 1.0)
        ok = abs(float(committed) - outcome["value"]) <= tol
        text = f"You predicted {_fmt(float(committed))} {unit}".rstrip() + f"; {what}: {model}."
    tail = p.get("explanation", "")
    return Feedback(ok, (CORRECT if ok else WRONG) + text + (f" {tail}" if tail else ""))


# ============================================================================================
# widgets
# ============================================================================================
_ESM = r"""
const KEYS_KEPT = new Set(['ArrowUp', 'ArrowDown', 'ArrowLeft', 'ArrowRight', 'Home', 'End', ' ', 'Enter']);
function h(tag, attrs, text) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) e.setAttribute(k, v);
  if (text !== undefined) e.textContent = text;
  return e;
}
function render({ model, el }) {
  const spec = model.get('spec');
  const uid = 'tfl-' + Math.random().toString(36).slice(2, 10);
  el.classList.add(spec.css_class);
  // JupyterLab (Lumino) must not treat keys typed here as notebook shortcuts
  el.setAttribute('data-lm-suppress-shortcuts', 'true');
  const box = h('div', {class: 'tfl-box'});
  const qid = uid + '-q';
  const title = h('p', {id: qid, class: 'tfl-question'});
  title.innerHTML = spec.prompt_html;
  box.appendChild(title);
  let get, set, inputs = [];
  const fb = h('div', {role: 'status', 'aria-live': 'polite', class: 'tfl-feedback'});
  const clear = () => { fb.innerHTML = ''; model.set('feedback', ''); model.save_changes(); };
  const locked = () => model.get('locked');
  if (spec.kind === 'single' || spec.kind === 'multi' || spec.kind === 'choice') {
    const multi = spec.kind === 'multi';
    const group = h('div', {role: multi ? 'group' : 'radiogroup', 'aria-labelledby': qid, class: 'tfl-options'});
    spec.options.forEach((text, i) => {
      const id = uid + '-o' + i;
      const lab = h('label', {for: id, class: 'tfl-option'});
      const inp = h('input', {type: multi ? 'checkbox' : 'radio', id: id, name: uid, value: String(i)});
      lab.appendChild(inp);
      lab.appendChild(document.createTextNode(' ' + text));
      group.appendChild(lab);
      inputs.push(inp);
    });
    const sync = () => {
      const v = inputs.filter((x) => x.checked).map((x) => Number(x.value));
      model.set('response', JSON.stringify(v)); clear();
    };
    inputs.forEach((x) => x.addEventListener('change', sync));
    if (!multi) {
      // one tab stop; arrow keys move the selection inside the group (and stop here)
      const tabstops = () => {
        const cur = inputs.findIndex((x) => x.checked);
        inputs.forEach((x, i) => { x.tabIndex = (cur < 0 ? i === 0 : i === cur) ? 0 : -1; });
      };
      tabstops();
      group.addEventListener('keydown', (ev) => {
        const n = inputs.length;
        let i = inputs.indexOf(document.activeElement);
        if (i < 0) i = Math.max(0, inputs.findIndex((x) => x.checked));
        let j = null;
        if (ev.key === 'ArrowDown' || ev.key === 'ArrowRight') j = (i + 1) % n;
        else if (ev.key === 'ArrowUp' || ev.key === 'ArrowLeft') j = (i - 1 + n) % n;
        else if (ev.key === 'Home') j = 0; else if (ev.key === 'End') j = n - 1;
        if (j !== null) {
          ev.preventDefault(); ev.stopPropagation();
          if (locked()) return;
          inputs[j].checked = true; inputs[j].focus(); sync(); tabstops();
        }
      });
      inputs.forEach((x) => x.addEventListener('change', tabstops));
    }
    box.appendChild(group);
    get = () => JSON.parse(model.get('response') || '[]');
    set = (v) => inputs.forEach((x, i) => { x.checked = v.includes(i); });
  } else {
    const id = uid + '-n';
    const lab = h('label', {for: id, class: 'tfl-numlabel'}, spec.input_label);
    const inp = h('input', {type: 'text', id: id, inputmode: 'decimal', autocomplete: 'off',
                            'aria-describedby': qid, class: 'tfl-number'});
    inp.addEventListener('input', () => { model.set('response', inp.value); clear(); });
    inp.addEventListener('keydown', (ev) => {
      if (ev.key === 'Enter' && !ev.shiftKey && !ev.ctrlKey) { ev.preventDefault(); ev.stopPropagation(); submit(); }
    });
    box.appendChild(lab); box.appendChild(inp);
    inputs.push(inp);
    set = (v) => { inp.value = v; };
  }
  const btn = h('button', {type: 'button', class: 'tfl-button'}, spec.button);
  const submit = () => {
    if (locked()) return;
    model.set('submits', model.get('submits') + 1); model.save_changes();
  };
  btn.addEventListener('click', submit);
  box.appendChild(btn);
  box.appendChild(fb);
  el.appendChild(box);
  // keys pressed inside stay inside (Tab, Escape and Shift/Ctrl+Enter still reach JupyterLab)
  el.addEventListener('keydown', (ev) => {
    if ((ev.key === 'Enter' && (ev.shiftKey || ev.ctrlKey)) || ev.key === 'Tab' || ev.key === 'Escape') return;
    if (KEYS_KEPT.has(ev.key) || ev.key.length === 1) ev.stopPropagation();
  });
  const show = () => {
    fb.innerHTML = model.get('feedback');
    const l = locked();
    inputs.forEach((x) => { x.disabled = l; });
    btn.disabled = l;
  };
  model.on('change:feedback', show);
  model.on('change:locked', show);
  show();
}
export default { render };
"""

_CSS = (
    """
.tfl-selfcheck .tfl-box, .tfl-predict .tfl-box { border: 1px solid #767676; padding: 4px 10px; margin: 8px 0; }
.tfl-option { display: block; margin: 2px 0; cursor: pointer; }
.tfl-options { margin: 4px 0; }
.tfl-number { margin: 0 6px; padding: 2px 4px; border: 1px solid #767676; }
.tfl-button { margin: 6px 0; padding: 3px 12px; border: 1px solid #767676; background: #f5f5f5;
              color: #1a1a1a; cursor: pointer; }
.tfl-feedback:empty { display: none; }
.tfl-feedback { margin: 4px 0; padding-left: 8px; }
.tfl-feedback.ok, .tfl-feedback .ok { border-left: 4px solid #007a5a; }
.tfl-feedback .miss { border-left: 4px solid #b34700; }
"""
    # 3 px focus outline, >= 3:1 in JupyterLab's light and dark themes (helpers._focus)
    + focus_css(
        ".tfl-selfcheck input:focus-visible, .tfl-selfcheck button:focus-visible, "
        ".tfl-predict input:focus-visible, .tfl-predict button:focus-visible"
    )
)


def _widget_bundle(widget, extra: dict, **kwargs):
    """The widget's own mime bundle plus ``extra`` (static HTML and text for renders without a
    kernel); anywidget returns ``(data, metadata)``, ipywidgets a plain dict."""
    got = widget._repr_mimebundle_(**kwargs)
    data, meta = got if isinstance(got, tuple) else (got, None)
    data = {**dict(data or {}), **extra}
    return (data, meta) if meta else data


class _Control(anywidget.AnyWidget):
    """The browser side of a self-check or prediction (no key ever reaches the browser)."""

    _esm = _ESM
    _css = _CSS
    spec = traitlets.Dict().tag(sync=True)
    response = traitlets.Unicode("").tag(sync=True)
    submits = traitlets.Int(0).tag(sync=True)
    feedback = traitlets.Unicode("").tag(sync=True)
    locked = traitlets.Bool(False).tag(sync=True)


def _reopen_check(css_class: str, prompt_html: str, options: list[str], lettered: bool, run: str) -> str:
    """The static view of a self-check or prediction (question, options, the run line)."""
    items = "".join(f"<li>{md_inline(t)}</li>" for t in options)
    tag = "ol type='A'" if lettered else "ul"
    opts = f"<{tag}>{items}</{tag.split()[0]}>" if items else ""
    return reopen_view(
        f"<div style='border:1px solid #767676;padding:4px 10px;margin:8px 0'><p>{prompt_html}</p>{opts}"
        f"<p class='tfl-reopen-run'><strong>{html.escape(run)}</strong></p></div>",
        css_class,
    )


def _feedback_html(fb: Feedback, extra: str = "") -> str:
    symbol, cls = ("✔", "ok") if fb.correct else ("✘", "miss")
    return f"<div class='{cls}'>{symbol} {md_inline(fb.message)}{extra}</div>"


class SelfCheck:
    """A displayed self-check for one bank question (``ask(id)`` returns one)."""

    def __init__(self, q: Mapping):
        self.q = dict(q)
        self.misses = 0
        self.last: Feedback | None = None
        kind = self.q["kind"]
        self.labels = {"single": "choose one", "multi": "select all that apply", "numeric": "numeric"}
        spec = {
            "css_class": "tfl-selfcheck",
            "kind": kind,
            "prompt_html": f"<strong>Self-check ({self.labels[kind]}).</strong> {md_inline(self.q['prompt'])}",
            "options": [o["text"] for o in self.q.get("options", [])],
            "input_label": f"Your answer ({self.q['unit']})" if self.q.get("unit") else "Your answer",
            "button": "Check answer",
        }
        self.widget = _Control(spec=spec)
        self.widget.add_class("tfl-selfcheck")
        self.widget.observe(lambda _c: self.check(), names="submits")
        self.widget.observe(self._cleared, names="response")

    def _cleared(self, _change) -> None:
        self.widget.feedback = ""  # a changed answer clears the old feedback

    def response(self) -> Any:
        """The response currently in the widget, in the form :func:`grade` takes."""
        raw = self.widget.response
        if self.q["kind"] == "numeric":
            return raw
        idx = json.loads(raw or "[]")
        texts = [self.q["options"][i]["text"] for i in idx]
        if self.q["kind"] == "single":
            return texts[0] if texts else None
        return set(texts)

    def select(self, answer: Any) -> None:
        """Set the widget's response as a student would (an option text, a set of texts, or a number)."""
        if self.q["kind"] == "numeric":
            self.widget.response = str(answer)
            return
        chosen = {answer} if isinstance(answer, str) else set(answer)
        self.widget.response = json.dumps([i for i, o in enumerate(self.q["options"]) if o["text"] in chosen])

    def check(self) -> Feedback:
        """Grade the current response and show the feedback (the button and Enter call this)."""
        fb = grade(self.q, self.response())
        if not fb.correct and not fb.message.startswith(EMPTY):
            self.misses += 1
        hint = None if fb.correct else hint_for(self.q, self.misses)
        extra = f" <em>Hint:</em> {md_inline(hint)}" if hint else ""
        self.widget.feedback = _feedback_html(fb, extra)
        self.last = fb
        return fb

    def static_html(self) -> str:
        """Question, options and a collapsed answer, for renders without a kernel."""
        q = self.q
        items = "".join(f"<li>{md_inline(o['text'])}</li>" for o in q.get("options", []))
        opts = (
            f"<ol type='A'>{items}</ol>" if q["kind"] == "single" else (f"<ul>{items}</ul>" if items else "")
        )
        extra = f" {md_inline(q['explanation'])}" if q.get("explanation") else ""
        return (
            f"<div class='tfl-selfcheck'><p><strong>Self-check ({self.labels[q['kind']]}).</strong> "
            f"{md_inline(q['prompt'])}</p>{opts}"
            f"<details><summary>Show answer</summary><p>{md_inline(answer_text(q))}"
            f"{extra}</p></details></div>"
        )

    def _repr_mimebundle_(self, **kwargs):
        extra = {"text/html": self.static_html(), "text/plain": f"Self-check: {self.q['prompt']}"}
        return _widget_bundle(self.widget, extra, **kwargs)

    def reopen_html(self) -> str:
        """What a saved notebook shows here when reopened without the widget state: the
        question, its options and RUN_TO_ANSWER; no answer (``helpers._reopen``)."""
        q = self.q
        return _reopen_check(
            "tfl-reopen-selfcheck",
            f"<strong>Self-check ({self.labels[q['kind']]}).</strong> {md_inline(q['prompt'])}",
            [o["text"] for o in q.get("options", [])],
            q["kind"] == "single",
            RUN_TO_ANSWER,
        )

    def _ipython_display_(self) -> None:
        """The live widget (with static HTML for renders without a kernel), then the static
        view for a saved notebook reopened later (``reopen_html``)."""
        display_with_reopen(self._repr_mimebundle_(), self.reopen_html())


class Prediction:
    """A prediction the student commits before exploring (``predict(id)`` returns one).

    ``create("<explorer>", prediction=p)`` calls :meth:`attach`, which adds a comparison panel
    to the explorer's view: the committed prediction beside what the model gives at the state
    the prediction asks about, and the explorer's current value, updated after every change.
    """

    def __init__(self, p: Mapping):
        self.p = dict(p)
        self.value: Any = None
        self.explorers: list = []
        spec = {
            "css_class": "tfl-predict",
            "kind": "choice" if p["kind"] == "choice" else "numeric",
            "prompt_html": f"<strong>Predict, then commit.</strong> {md_inline(p['prompt'])}",
            "options": [o["text"] for o in p.get("options", [])],
            "input_label": f"Your prediction ({p['unit']})" if p.get("unit") else "Your prediction",
            "button": "Commit prediction",
        }
        self.widget = _Control(spec=spec)
        self.widget.add_class("tfl-predict")
        self.widget.observe(lambda _c: self._commit_from_widget(), names="submits")
        import ipywidgets as widgets

        self.panel = widgets.HTML(value=self._panel_html())
        self.panel.add_class("tfl-comparison")

    @property
    def committed(self) -> bool:
        """Whether the student has committed a prediction."""
        return self.value is not None

    def _commit_from_widget(self) -> None:
        raw = self.widget.response
        if self.p["kind"] == "choice":
            idx = json.loads(raw or "[]")
            value = self.p["options"][idx[0]]["text"] if idx else None
        else:
            try:
                value = _parse_number(raw)
            except (ValueError, IndexError, TypeError):
                value = None
        try:
            self.commit(value)
        except ValueError as err:
            self.widget.feedback = _feedback_html(Feedback(False, WRONG + str(err)))

    def commit(self, value: Any) -> None:
        """Commit ``value`` (an option text, or a number in the prediction's unit). Once
        committed the prediction is locked: it is compared, not changed."""
        if self.committed:
            raise ValueError("this prediction is already committed; it stays as you made it")
        p = self.p
        if p["kind"] == "choice":
            texts = [o["text"] for o in p["options"]]
            if value not in texts:
                raise ValueError(f"choose one of the options before committing: {texts}")
        else:
            if value is None or isinstance(value, bool) or not isinstance(value, (int, float)):
                raise ValueError(f"type a number in {p.get('unit', 'the unit given')} before committing")
            if not (p["min"] <= value <= p["max"]):
                raise ValueError(
                    f"prediction {value:g} is outside the range {p['min']:g} to {p['max']:g} {p.get('unit', '')}"
                )
        self.value = value
        self.widget.locked = True
        shown = value if p["kind"] == "choice" else f"{_fmt(value)} {p.get('unit', '')}".rstrip()
        self.widget.feedback = (
            f"<div class='ok'>✔ Committed: {md_inline(str(shown))}. Now explore below; "
            "the explorer shows your prediction next to the model.</div>"
        )
        self._update()

    def attach(self, explorer: Any) -> None:
        """Show this prediction beside ``explorer``'s result (called by ``create(..., prediction=p)``)."""
        if self.p["explorer"] != explorer.name:
            raise ValueError(
                f"prediction {self.p['id']!r} is about the {self.p['explorer']!r} explorer, not {explorer.name!r}"
            )
        self.explorers.append(explorer)
        explorer.view.children = (*explorer.view.children, self.panel)
        explorer.readout.observe(lambda _c: self._update(), names="value")
        self._update()

    def _panel_html(self) -> str:
        if not self.committed:
            return (
                "<div class='tfl-comparison'><p><strong>Your prediction:</strong> not committed yet. "
                "Commit it above before you explore; it will appear here next to the model.</p></div>"
            )
        fb = compare_prediction(self.p, self.value, self.outcome())
        now = ""
        if self.explorers:
            c = self.p["compare"]
            ex = self.explorers[-1]
            if c["key"] in ex.summary():
                label, unit, fmt = ex.summary_labels.get(c["key"], (c["key"], "", ".3g"))
                now = (
                    f"<p>Explorer now: {html.escape(label)} = {ex.summary()[c['key']]:{fmt}} "
                    f"{html.escape(unit)}.</p>"
                )
        return (
            "<div class='tfl-comparison'><p><strong>Your prediction and the model.</strong></p>"
            f"{_feedback_html(fb)}{now}</div>"
        )

    def outcome(self) -> dict:
        """What the model gives for this prediction (``model_outcome``), computed once."""
        if not hasattr(self, "_outcome"):
            self._outcome = model_outcome(self.p)
        return self._outcome

    def _update(self) -> None:
        self.panel.value = self._panel_html()

    def _repr_mimebundle_(self, **kwargs):
        opts = "".join(f"<li>{md_inline(o['text'])}</li>" for o in self.p.get("options", []))
        static = (
            f"<div class='tfl-predict'><p><strong>Predict.</strong> {md_inline(self.p['prompt'])}</p>"
            f"{f'<ul>{opts}</ul>' if opts else ''}<p>Write your prediction down, then explore.</p></div>"
        )
        extra = {"text/html": static, "text/plain": f"Prediction: {self.p['prompt']}"}
        return _widget_bundle(self.widget, extra, **kwargs)

    def reopen_html(self) -> str:
        """What a saved notebook shows here when reopened without the widget state: the
        question, its options and RUN_TO_PREDICT (``helpers._reopen``)."""
        return _reopen_check(
            "tfl-reopen-predict",
            f"<strong>Predict, then commit.</strong> {md_inline(self.p['prompt'])}",
            [o["text"] for o in self.p.get("options", [])],
            False,
            RUN_TO_PREDICT,
        )

    def _ipython_display_(self) -> None:
        """The live widget (with static HTML for renders without a kernel), then the static
        view for a saved notebook reopened later (``reopen_html``)."""
        display_with_reopen(self._repr_mimebundle_(), self.reopen_html())


class ExerciseResult:
    """Feedback on a student's own exercise result (what ``check_exercise`` displays)."""

    def __init__(self, e: Mapping, feedback: Feedback):
        self.e, self.feedback = e, feedback

    @property
    def correct(self) -> bool:
        """Whether the student's result was graded correct."""
        return self.feedback.correct

    def _repr_html_(self) -> str:
        return f"<div class='tfl-exercise-check' role='status'>{_feedback_html(self.feedback)}</div>"

    def __repr__(self) -> str:
        return ("✔ " if self.correct else "✘ ") + self.feedback.message


def ask(item_id: str) -> SelfCheck:
    """Display the self-check ``item_id`` (``"02-als-removed"``) from its notebook's bank."""
    return SelfCheck(question(item_id))


def predict(item_id: str) -> Prediction:
    """A prediction control; pass it on with ``create(explorer, prediction=p)``."""
    return Prediction(prediction(item_id))


_MISSING = object()


def check_exercise(item_id: str, value: Any = _MISSING) -> ExerciseResult:
    """Feedback on your own result for exercise ``item_id``; it names the likely mistake.

    Without ``value`` it checks the variable the exercise names (``result`` in the bank, e.g.
    ``my_share``) in the notebook's namespace; if you have not made it yet, it says so and
    shows no answer (a student copy's Run All prints none)."""
    e = exercise(item_id)
    if value is _MISSING:
        import inspect

        frame = inspect.currentframe()
        caller = {**frame.f_back.f_globals, **frame.f_back.f_locals} if frame and frame.f_back else {}
        name = e.get("result", "")
        if name not in caller:
            return ExerciseResult(
                e,
                Feedback(
                    False,
                    EMPTY + f"store your result in `{name}` in the cell above, then run this cell again.",
                ),
            )
        value = caller[name]
    return ExerciseResult(e, grade_exercise(e, value))


# ============================================================================================
# backwards-compatible constructors (a question written in code, e.g. in tests)
# ============================================================================================
def MultipleChoice(question: str, options: Mapping[str, str], answer: str, **kw: Any) -> SelfCheck:  # noqa: N802
    """A single-choice self-check from code (notebooks use ``ask(id)`` and a bank instead)."""
    if answer not in options:
        raise ValueError(f"answer {answer!r} is not among the options {list(options)}")
    opts = [{"text": t, "correct": t == answer, "feedback": f} for t, f in options.items()]
    return SelfCheck({"id": "00-inline", "kind": "single", "prompt": question, "options": opts, **kw})


def MultipleSelect(question: str, options: Mapping[str, str], answers: Iterable[str], **kw: Any) -> SelfCheck:  # noqa: N802
    """A select-all self-check from code."""
    answers = set(answers)
    opts = [{"text": t, "correct": t in answers, "feedback": f} for t, f in options.items()]
    return SelfCheck({"id": "00-inline", "kind": "multi", "prompt": question, "options": opts, **kw})


def Numeric(
    question: str, answer: float, *, tolerance: float, unit: str = "", mistakes: Sequence = (), **kw: Any
) -> SelfCheck:  # noqa: N802
    """A numeric self-check from code; ``mistakes`` are ``(value, feedback)`` pairs."""
    ms = [{"value": float(v), "feedback": w} for v, w in mistakes]
    q = {"id": "00-inline", "kind": "numeric", "prompt": question, "answer": float(answer),
         "tolerance": float(tolerance), "unit": unit, "mistakes": ms, **kw}  # fmt: skip
    probs = _numeric_problems("inline", q)
    if probs:
        raise ValueError("; ".join(probs))
    return SelfCheck(q)


def _fmt(x: float) -> str:
    return f"{x:.4g}"


_MD = [
    (re.compile(r"\*\*(.+?)\*\*"), r"<strong>\1</strong>"),
    (re.compile(r"(?<![*\w])\*(?!\s)(.+?)(?<!\s)\*(?![*\w])"), r"<em>\1</em>"),
    (re.compile(r"`([^`]+)`"), r"<code>\1</code>"),
]


def md_inline(text: str) -> str:
    """Escape ``text``, apply inline **bold**, *italic* and `code`, and render citations
    ``[@key]`` as readable "(Author et al., Year)" text (feedback has no References list)."""
    from .references import readable_citations

    out = html.escape(readable_citations(text), quote=False)
    for rx, rep in _MD:
        out = rx.sub(rep, out)
    return out
