"""Self-checks and predictions on the static site, from the same question banks the notebooks use.

A notebook cell ``ask("02-als-removed")`` or ``p = predict("02-als-zero")`` becomes, on its page,
the same question with its options or number box and a button; ``tfl-site.js`` grades it in the
page with a port of :func:`helpers.selfcheck.grade` / ``compare_prediction`` (a test compares the
two for every option and every recorded mistake). What the model gives for a prediction
(:func:`helpers.selfcheck.model_outcome`, which runs the explorer) is computed here, at build time.
Nothing a student enters leaves the page.
"""

from __future__ import annotations

import html
import re
from typing import Any

_ASK = re.compile(r"""\bask\(\s*["'](\d\d-[a-z0-9-]+)["']""")
_PREDICT = re.compile(r"""\bpredict\(\s*["'](\d\d-[a-z0-9-]+)["']""")
#: as helpers.selfcheck.SelfCheck labels them
KIND_LABEL = {"single": "choose one", "multi": "select all that apply", "numeric": "numeric"}


def _readable(obj: Any) -> Any:
    """Every string of a bank item with its citations ``[@key]`` in readable "(Author, Year)"
    form, as the notebook's feedback shows them (the page has no References list of its own)."""
    try:
        from helpers.references import readable_citations
    except ImportError:  # pragma: no cover - older helpers without readable citations
        return obj
    if isinstance(obj, str):
        return readable_citations(obj) if "[@" in obj else obj
    if isinstance(obj, dict):
        return {k: _readable(v) for k, v in obj.items()}
    if isinstance(obj, list):
        return [_readable(v) for v in obj]
    return obj


def page_item(cell_source: str) -> tuple[str, str] | None:
    """``("question", id)`` or ``("prediction", id)`` for a cell that asks or predicts."""
    m = _ASK.search(cell_source)
    if m:
        return "question", m.group(1)
    m = _PREDICT.search(cell_source)
    if m:
        return "prediction", m.group(1)
    return None


def question_spec(item_id: str) -> dict:
    """The bank entry of question ``item_id`` with its citations made readable, as the page grades it."""
    from helpers import selfcheck

    return _readable(selfcheck.question(item_id))


def prediction_spec(item_id: str) -> dict:
    """The prediction as the page needs it: the bank entry and the model's outcome."""
    from helpers import selfcheck

    p = selfcheck.prediction(item_id)
    outcome = selfcheck.model_outcome(p)
    return {"spec": _readable(p), "outcome": {"value": float(outcome["value"]), "option": outcome["option"]}}


def _md(text: str) -> str:
    from helpers.selfcheck import md_inline

    return md_inline(text)


def _e(x) -> str:
    return html.escape(str(x), quote=True)


def _choices(uid: str, labelled_by: str, options: list[dict], multi: bool) -> str:
    role = "group" if multi else "radiogroup"
    kind = "checkbox" if multi else "radio"
    items = "".join(
        f'<label class="tfl-option" for="{uid}-o{i}"><input type="{kind}" id="{uid}-o{i}" name="{uid}" '
        f'value="{i}"> {_md(o["text"])}</label>'
        for i, o in enumerate(options)
    )
    return f'<div class="tfl-options" role="{role}" aria-labelledby="{labelled_by}">{items}</div>'


def _number(uid: str, labelled_by: str, unit: str, label: str) -> str:
    u = f" ({_e(unit)})" if unit else ""
    return (
        f'<div class="tfl-number"><label for="{uid}-n">{_e(label)}{u}</label> '
        f'<input type="text" inputmode="decimal" autocomplete="off" id="{uid}-n" '
        f'aria-describedby="{labelled_by}"></div>'
    )


def question_html(q: dict) -> str:
    """A self-check in the page: its question, options or number box, a button, a live feedback."""
    uid = f"tfl-q-{q['id']}"
    qid = f"{uid}-prompt"
    if q["kind"] == "numeric":
        body = _number(uid, qid, q.get("unit", ""), "Your answer")
    else:
        body = _choices(uid, qid, q["options"], q["kind"] == "multi")
    return (
        f'<div class="tfl-selfcheck tfl-site-check" data-tfl-question="{_e(q["id"])}">'
        f'<p class="tfl-question" id="{qid}"><strong>Self-check ({KIND_LABEL[q["kind"]]}).</strong> '
        f"{_md(q['prompt'])}</p>{body}"
        '<button type="button" class="tfl-check-button">Check answer</button>'
        '<div class="tfl-feedback" role="status" aria-live="polite"></div></div>'
    )


def prediction_html(p: dict) -> str:
    """A prediction in the page: commit it, then it is compared with what the model gives."""
    uid = f"tfl-p-{p['id']}"
    qid = f"{uid}-prompt"
    if p["kind"] == "choice":
        body = _choices(uid, qid, p["options"], multi=False)
    else:
        rng = f"; between {p['min']:g} and {p['max']:g}" if "min" in p and "max" in p else ""
        body = _number(uid, qid, p.get("unit", "") + rng, "Your prediction")
    return (
        f'<div class="tfl-predict tfl-site-predict" data-tfl-prediction="{_e(p["id"])}">'
        f'<p class="tfl-question" id="{qid}"><strong>Predict, then commit.</strong> {_md(p["prompt"])}</p>{body}'
        '<button type="button" class="tfl-check-button">Commit prediction</button>'
        '<div class="tfl-feedback" role="status" aria-live="polite"></div></div>'
    )
