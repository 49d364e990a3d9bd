"""Unit conversion for IGF-1 concentrations.

IGF-1 is a single 70-residue chain with three disulfide bridges and a molecular mass of
7649 Da [@rinderknecht1978], so 1 ng/mL = 1 / 7.649 nmol/L = 0.1307 nmol/L and
1 nmol/L = 7.649 ng/mL.
"""

from __future__ import annotations

import numpy as np
from numpy.typing import ArrayLike

from .._validate import as_float_array, check_choice, scalar_or_array

#: Molar mass of human IGF-1 in g/mol (Da) [@rinderknecht1978].
IGF1_MOLAR_MASS_G_PER_MOL = 7649.0  # calibration target A01
#: nmol/L per ng/mL for IGF-1 (= 1e6 / 7649 / 1000).
NMOL_L_PER_NG_ML = 1000.0 / IGF1_MOLAR_MASS_G_PER_MOL
UNITS = ("ng/mL", "nmol/L")


def ng_ml_to_nmol_l(igf1_ng_ml: ArrayLike) -> float | np.ndarray:
    """IGF-1 mass concentration (ng/mL, >= 0) -> molar concentration (nmol/L). Vectorised."""
    arr = as_float_array("igf1_ng_ml", igf1_ng_ml, low=0.0, unit="ng/mL")
    return scalar_or_array(arr * NMOL_L_PER_NG_ML, igf1_ng_ml)


def nmol_l_to_ng_ml(igf1_nmol_l: ArrayLike) -> float | np.ndarray:
    """IGF-1 molar concentration (nmol/L, >= 0) -> mass concentration (ng/mL). Vectorised."""
    arr = as_float_array("igf1_nmol_l", igf1_nmol_l, low=0.0, unit="nmol/L")
    return scalar_or_array(arr / NMOL_L_PER_NG_ML, igf1_nmol_l)


def convert(value: ArrayLike, from_unit: str, to_unit: str) -> float | np.ndarray:
    """Convert an IGF-1 concentration between ``"ng/mL"`` and ``"nmol/L"`` (either direction)."""
    check_choice("from_unit", from_unit, UNITS)
    check_choice("to_unit", to_unit, UNITS)
    arr = as_float_array("value", value, low=0.0, unit=from_unit)
    if from_unit != to_unit:
        arr = arr * NMOL_L_PER_NG_ML if from_unit == "ng/mL" else arr / NMOL_L_PER_NG_ML
    return scalar_or_array(arr, value)


def both_units(value: ArrayLike, unit: str) -> tuple[np.ndarray | float, np.ndarray | float]:
    """Return ``(ng/mL, nmol/L)`` for a value given in ``unit``."""
    ng = convert(value, unit, "ng/mL")
    return ng, ng_ml_to_nmol_l(ng)
