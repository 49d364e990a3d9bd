"""Shared, cached access to the illustrative lifespan cohort as numpy arrays (for explorers)."""

from __future__ import annotations

from functools import lru_cache

import numpy as np

from ..data import load_dataset

#: at most this many points are drawn per scatter trace (statistics use everyone)
MAX_POINTS = 500


@lru_cache(maxsize=1)
def cohort() -> dict[str, np.ndarray]:
    df = load_dataset("igf1_lifespan_cohort")
    out = {
        c: df[c].to_numpy(dtype=float)
        for c in ("age_years", "igf1_ng_ml", "igfbp3_ng_ml", "grip_strength_kg")
    }
    out["sex"] = df["sex"].astype(str).to_numpy()
    for v in out.values():
        v.flags.writeable = False
    return out


def thin(mask: np.ndarray, most: int = MAX_POINTS) -> np.ndarray:
    """Indices of at most ``most`` selected rows, evenly spread (deterministic)."""
    idx = np.flatnonzero(mask)
    if len(idx) <= most:
        return idx
    return idx[np.linspace(0, len(idx) - 1, most).round().astype(int)]
