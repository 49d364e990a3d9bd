"""data/igfbp_family.csv: validated, complete, and every citation key resolves."""

import pandas as pd
import pytest

from helpers import references
from helpers.data import load_dataset
from helpers.models import binding


def test_six_igfbps_in_order():
    df = load_dataset("igfbp_family")
    assert df["protein"].tolist() == [f"IGFBP-{i}" for i in range(1, 7)]


def test_citation_keys_resolve():
    df = load_dataset("igfbp_family")
    known = set(references.keys())
    for keys in df["citation_keys"]:
        for k in keys.split(";"):
            assert k in known, f"citation key {k!r} is not in data/references.csv"


def test_levels_are_consistent_and_explained():
    df = load_dataset("igfbp_family")
    both = df.dropna(subset=["serum_level_low", "serum_level_high"])
    assert (both["serum_level_low"] < both["serum_level_high"]).all()
    missing = df[df["serum_level_low"].isna()]
    assert (missing["serum_level_note"] == "not captured here").all()
    # only the sourced rows carry numbers
    assert set(both["protein"]) == {"IGFBP-1", "IGFBP-3"}


def test_igfbp3_row_matches_the_model_and_calibration():
    df = load_dataset("igfbp_family").set_index("protein")
    bp3 = df.loc["IGFBP-3"]
    assert bp3["serum_level_low"] == 2751 and bp3["serum_level_high"] == 6370  # A45
    assert bp3["binds_als"] and "growth hormone" in bp3["main_regulation"]
    # the model's default IGFBP-3 (4200 ng/mL) lies inside the tabulated adult range
    ng_ml = binding.ADULT_DEFAULTS["igfbp3_nM"] * binding.IGFBP3_MOLAR_MASS_G_PER_MOL / 1000
    assert bp3["serum_level_low"] < ng_ml < bp3["serum_level_high"]
    ratio = df.loc["IGFBP-1", "serum_level_high"] / df.loc["IGFBP-1", "serum_level_low"]
    assert ratio == pytest.approx(4.5)  # A69: 4.5x
    assert set(df.index[df["binds_als"]]) == {"IGFBP-3", "IGFBP-5"}
    assert df.loc["IGFBP-6", "relative_igf1_affinity"] == "lower for IGF-1 than for IGF-2"
    assert isinstance(df, pd.DataFrame)
