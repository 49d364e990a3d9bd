"""The calibration targets: published figures that the models and the illustrative data reproduce.

They live in ``data/calibration_targets.csv`` (documented in ``data/README.md``), one row per figure
with its source. Models name a row by its id in their docstrings ("target A59"); tests read the
value from here and keep only their tolerance::

    from helpers.calibration import target

    t = target("A59")  # 5-day fast: 0.67 U/mL (0.51 to 0.83), Isley et al. 1983
    assert t.low <= model_value <= t.high
"""

from __future__ import annotations

import math
from typing import NamedTuple

import pandas as pd

from .data import load_dataset

DATASET = "calibration_targets"


class Target(NamedTuple):
    """One published figure: ``value`` with its spread ``low``/``high`` and the study's starting
    value ``baseline`` (each None when the source gives none)."""

    id: str
    quantity: str
    value: float
    unit: str
    low: float | None
    high: float | None
    baseline: float | None
    citation: str
    reference_key: str | None


def targets() -> pd.DataFrame:
    """The whole validated table, indexed by ``id``."""
    return load_dataset(DATASET).set_index("id")


def _opt(v) -> float | None:
    return None if v is None or (isinstance(v, float) and math.isnan(v)) else float(v)


def target(target_id: str) -> Target:
    """The calibration target ``target_id`` (e.g. ``"A59"``); ValueError for an unknown id."""
    table = targets()
    if target_id not in table.index:
        raise ValueError(
            f"unknown calibration target {target_id!r}: data/{DATASET}.csv has "
            f"{table.index[0]}–{table.index[-1]} ({len(table)} rows); add the row there first"
        )
    r = table.loc[target_id]
    key = r["reference_key"]
    return Target(
        id=target_id,
        quantity=str(r["quantity"]),
        value=float(r["value"]),
        unit=str(r["unit"]),
        low=_opt(r["low"]),
        high=_opt(r["high"]),
        baseline=_opt(r["baseline"]),
        citation=str(r["citation"]),
        reference_key=None if pd.isna(key) else str(key),
    )
