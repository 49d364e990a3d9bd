import numpy as np
import pytest

from helpers.models import units


def test_conversion_factor_matches_molar_mass():
    # 1 ng/mL of a 7649 g/mol peptide is 1/7.649 nmol/L = 0.1307 nmol/L (calibration A02)
    assert units.ng_ml_to_nmol_l(1.0) == pytest.approx(0.1307, abs=5e-5)
    assert units.nmol_l_to_ng_ml(1.0) == pytest.approx(7.649, abs=1e-3)


def test_round_trip_and_vectorised():
    x = np.array([0.0, 50.0, 150.0, 999.0])
    back = units.nmol_l_to_ng_ml(units.ng_ml_to_nmol_l(x))
    assert isinstance(back, np.ndarray) and back.shape == x.shape
    np.testing.assert_allclose(back, x)
    assert isinstance(units.ng_ml_to_nmol_l(150), float)


def test_convert_both_directions_and_same_unit():
    assert units.convert(200, "ng/mL", "nmol/L") == pytest.approx(26.15, abs=0.01)
    assert units.convert(26.15, "nmol/L", "ng/mL") == pytest.approx(200, abs=0.1)
    assert units.convert(5, "nmol/L", "nmol/L") == 5
    ng, nmol = units.both_units(10, "nmol/L")
    assert ng == pytest.approx(76.49) and nmol == pytest.approx(10)


@pytest.mark.parametrize(
    "bad, match",
    [
        (-1, "igf1_ng_ml = -1 ng/mL is below"),
        (float("nan"), "must be finite"),
        ("abc", "must be a number"),
        (True, "boolean"),
    ],
)
def test_bad_values_name_parameter_and_range(bad, match):
    with pytest.raises(ValueError, match=match):
        units.ng_ml_to_nmol_l(bad)


def test_unknown_unit_lists_options():
    with pytest.raises(
        ValueError, match=r"from_unit = 'mg/L' is not allowed; choose one of \['ng/mL', 'nmol/L'\]"
    ):
        units.convert(1, "mg/L", "ng/mL")
