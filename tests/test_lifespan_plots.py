"""Pure figure builders of notebook 03 and numbers quoted in its text."""

import numpy as np
import plotly.graph_objects as go
import pytest

from helpers.models import lifespan as L
from helpers.plots import lifespan as P

AGE = np.arange(0, 90.5, 0.5)


def test_reference_chart_traces_and_labels():
    r = L.igf1_reference(AGE, "female")
    fig = P.reference_chart(AGE, r["p2_5"], r["p50"], r["p97_5"], 62, 120, sex="female", unit="ng/mL")
    assert isinstance(fig, go.Figure) and len(fig.data) == 4
    assert [t.name for t in fig.data[:3]] == list(P.PCT_NAMES)
    assert len({t.line.dash for t in fig.data[:3]}) == 3  # not colour alone
    assert fig.layout.yaxis.title.text == "Serum IGF-1 (ng/mL)"
    assert fig.layout.xaxis.title.text == "Age (years)"


def test_cohort_figures_say_illustrative():
    r = L.igf1_reference(AGE, "male")
    fig = P.cohort_curves_figure(
        AGE,
        r["p2_5"],
        r["p50"],
        r["p97_5"],
        [20, 30],
        [200, 180],
        title="IGF-1: illustrative (synthetic) cohort",
        y_label="IGF-1",
        y_unit="ng/mL",
    )
    assert "illustrative" in fig.data[0].name.lower() and len(fig.data) == 4
    f, m = L.igf1_reference(AGE, "female"), r
    both = P.lifespan_both_sexes_figure(
        AGE,
        f["p50"],
        (f["p2_5"], f["p97_5"]),
        m["p50"],
        (m["p2_5"], m["p97_5"]),
        {"female": ([10], [200]), "male": ([10], [220])},
    )
    assert "illustrative (synthetic)" in both.layout.title.text
    assert {t.marker.symbol for t in both.data[:2]} == {"circle", "square"}
    assert len(both.data) == 8
    assoc = P.association_figure(
        [1, 2],
        [3, 4],
        [5, 6],
        [7, 8],
        [0, 9],
        [0, 9],
        title="t (illustrative)",
        x_title="x (ng/mL)",
        y_title="y (kg)",
        line_name="line",
    )
    assert [t.name for t in assoc.data] == ["Women (illustrative)", "Men (illustrative)", "line"]


def test_numbers_quoted_in_notebook_03():
    # the numeric self-check (48-year-old man, 200 ng/mL) and the reference-explorer walkthrough
    assert L.igf1_sds(200, 48, "male") == pytest.approx(1.85, abs=0.01)
    assert L.igf1_percentile(200, 48, "male") == pytest.approx(96.8, abs=0.1)
    assert L.igf1_percentile(120, 62, "female") == pytest.approx(78, abs=1)
    assert L.igf1_sds(120, 25, "female") == pytest.approx(-1.15, abs=0.02)
    ref62 = L.igf1_reference(62, "female")
    assert (round(ref62["p2_5"]), round(ref62["p50"]), round(ref62["p97_5"])) == (42, 93, 167)
    for sex, lo, hi in (("female", -65, -58), ("male", -63, -57)):
        r = L.igf1_reference([20.0, 70.0], sex)["p50"]
        assert lo < 100 * (r[1] / r[0] - 1) < hi
