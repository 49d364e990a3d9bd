"""Named exercise checkers: results that are not one number (a figure the student made).

A bank exercise with ``"checker": "<name>"`` is graded by ``CHECKERS[name](exercise, value)``
(see :func:`helpers.selfcheck.grade_exercise`). Each checker recomputes the expected numbers
from the model, so a model change cannot leave a stale key behind.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import numpy as np

from .models.signalling import muscle_response
from .selfcheck import CORRECT, EMPTY, WRONG, Feedback, checker


def _traces(fig):
    data = getattr(fig, "data", None)
    if data is None and isinstance(fig, Mapping):
        data = fig.get("data")
    return list(data or [])


def _xy(trace):
    get = trace.get if isinstance(trace, Mapping) else (lambda k: getattr(trace, k, None))
    x, y = get("x"), get("y")
    if x is None or y is None:
        return None
    try:
        x, y = np.asarray(x, dtype=float), np.asarray(y, dtype=float)
    except (TypeError, ValueError):
        return None
    return (x, y) if x.shape == y.shape and x.size else None


@checker("net_balance_figure")
def net_balance_figure(e: Mapping, fig: Any) -> Feedback:
    """A plotly figure with a trace of net protein balance against amino-acid availability
    (0 to 2 x normal) at ``e["igf1_nM"]``, matching ``muscle_response`` within 2 %."""
    if fig is None:
        return Feedback(False, EMPTY + "store your figure in `fig`, then check again.")
    traces = [xy for xy in map(_xy, _traces(fig)) if xy is not None]
    if not traces:
        return Feedback(
            False, WRONG + "this is not a figure with x and y data; build one with plotly (go.Figure)."
        )
    dose = float(e["igf1_nM"])
    notes = []
    for x, y in traces:
        if x.min() < 0 or x.max() > 2.0 + 1e-9:
            notes.append("the x values must be amino-acid availability between 0 and 2 (× normal).")
            continue
        want = {
            k: np.array([muscle_response(dose, amino_acids=a)[k] for a in x])
            for k in ("net_balance", "synthesis_rel", "degradation_rel")
        }
        ok = np.allclose(y, want["net_balance"], rtol=0.02, atol=0.005)
        if ok and x.size >= 5 and x.max() - x.min() >= 1.5:
            return Feedback(
                True,
                CORRECT + "your curve matches the model. It rises steeply from 0 to 1 × normal and "
                "then levels off: doubling amino acids above normal adds much less, because the "
                "amino-acid gate on mTORC1 saturates.",
            )
        if ok:
            notes.append("use at least 5 points spread from 0 to 2 × normal, so the shape shows.")
        elif np.allclose(y, want["synthesis_rel"], rtol=0.02):
            notes.append("you plotted relative synthesis (`synthesis_rel`); plot `net_balance`.")
        elif np.allclose(y, want["degradation_rel"], rtol=0.02):
            notes.append("you plotted relative breakdown (`degradation_rel`); plot `net_balance`.")
        elif np.allclose(y, [muscle_response(2.0, amino_acids=a)["net_balance"] for a in x], rtol=0.02):
            notes.append("your curve is for 2 nM IGF-1 (the explorer's default); use 32 nM.")
        else:
            notes.append("the y values do not match net_balance from muscle_response at 32 nM.")
    return Feedback(False, WRONG + " ".join(dict.fromkeys(notes)))


@checker("free_fraction_figure")
def free_fraction_figure(e: Mapping, fig: Any) -> Feedback:
    """A plotly figure of the binding model's free IGF-1 (% of total) against the intact share of
    IGFBP-3 (0 to 1) at the adult defaults, matching ``binding.equilibrium`` within 2 %."""
    from .models import binding

    if fig is None:
        return Feedback(False, EMPTY + "store your figure in `my_fig`, then check again.")
    traces = [xy for xy in map(_xy, _traces(fig)) if xy is not None]
    if not traces:
        return Feedback(
            False, WRONG + "this is not a figure with x and y data; build one with plotly (go.Figure)."
        )
    notes = []
    for x, y in traces:
        if x.min() < 0 or x.max() > 1 + 1e-9:
            notes.append("the x values must be the intact fraction of IGFBP-3, between 0 and 1.")
            continue
        free = binding.equilibrium(**{**binding.ADULT_DEFAULTS, "igfbp3_intact_fraction": x})["free_fraction"]
        if np.allclose(y, 100 * free, rtol=0.02, atol=1e-7):
            if x.size >= 20 and x.max() - x.min() >= 0.8:
                return Feedback(
                    True,
                    CORRECT + "your curve matches the model: free IGF-1 rises slowly at first and then very "
                    "steeply once intact IGFBP-3 falls towards the molar amount of IGF-1. A log y axis shows both parts.",
                )
            notes.append("use at least 20 points spread from 1 down to 0, so the steep part shows.")
        elif np.allclose(y, free, rtol=0.02, atol=1e-9):
            notes.append("your y values are fractions; multiply by 100 to plot free IGF-1 in % of total.")
        else:
            notes.append(
                "the y values do not match 100 × free_fraction from binding.equilibrium at the adult defaults."
            )
    return Feedback(False, WRONG + " ".join(dict.fromkeys(notes)))
