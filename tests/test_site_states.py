"""The explorer states of the static site (helpers.publish.site_states), without a browser:
grids, indexing, the landing of a unit switch, and that stored states are the Python explorer's."""

from __future__ import annotations

import json

import nbformat
import pytest

from helpers.explorers import create
from helpers.publish import site, site_states


@pytest.fixture(scope="module")
def converter():
    return site_states.explorer_states("unit_converter", max_bytes=200_000)


def test_slider_grid_keeps_ends_default_and_step_lattice():
    ex = create("binding")
    w = ex.controls["igf1_nM"]  # 0..100 nM, step 0.01, default 19.34
    g = site_states.slider_grid(w, 5, default=w.value)
    assert len(g) == 5 and g[0] == 0.0 and g[-1] == 100.0 and 19.34 in g
    assert all(abs(v / w.step - round(v / w.step)) < 1e-6 for v in g)  # on the notebook's steps
    small = create("training").controls["sessions_per_week"]  # a few whole sessions: every step
    assert site_states.slider_grid(small, 10) == list(range(small.min, small.max + 1))
    log = create("signalling").controls["igf1_nM"]  # a log slider: ends in real units
    g = site_states.slider_grid(log, 9)
    lo, hi = log.base**log.min, log.base**log.max  # the slider's own ends, in nM
    assert g[0] == pytest.approx(lo) and g[-1] == pytest.approx(hi) and len(g) == 9


def test_points_share_the_state_budget():
    pts = site_states._points({"a": 101, "b": 4, "c": 101}, 400)
    assert pts["b"] == 4 and pts["a"] == pts["c"] == 10  # 4 x 10 x 10 = 400


def test_every_state_is_the_python_explorers(converter):
    p = converter
    assert p["n_states"] == sum(
        len(c["grids"][i]) for c in p["controls"] if c["kind"] == "range" for i in range(2)
    )
    ex = create("unit_converter")
    for s in range(0, p["n_states"], 17):
        values = site_states.state_values(p, s)
        ex.set(**values)
        summary = {k: site_states.column_value(col, s) for k, col in p["summary"].items()}
        assert summary == pytest.approx(ex.summary(), rel=1e-15)
        assert site_states.column_value(p["describe"], s) == ex.describe(ex.summary())
        fig = site_states.figure_json(ex)
        flat = site_states.flatten(fig)
        for col in p["figure"]:
            assert site_states.column_value(col, s) == flat[tuple(col["path"])]
    # the default state is the notebook's default
    d = create("unit_converter").values()
    assert site_states.state_values(p, p["default_state"]) == d


def test_unit_switch_lands_where_python_puts_the_slider(converter):
    p = converter
    value = next(c for c in p["controls"] if c["key"] == "value")
    unit = next(c for c in p["controls"] if c["key"] == "unit")
    assert [o[1] for o in unit["options"]] == ["ng/mL", "nmol/L"]
    ng, nmol = value["grids"]
    assert value["ranges"][0]["unit"] == "ng/mL" and value["ranges"][1]["unit"] == "nmol/L"
    land = value["remap"]["0"]["1"]
    ex = create("unit_converter")
    for i in (0, len(ng) // 3, len(ng) - 1):
        ex.set(unit="ng/mL", value=ng[i])
        ex.set(unit="nmol/L")
        j = land[i]
        assert abs(nmol[j] - ex.controls["value"].value) == min(
            abs(v - ex.controls["value"].value) for v in nmol
        )


def test_payload_round_trips_and_page_html_has_the_controls(converter):
    text = site_states.encode_payload({"explorers": {"unit_converter": converter}})
    assert (
        site_states.decode_payload(text)["explorers"]["unit_converter"]["n_states"] == converter["n_states"]
    )
    h = site_states.explorer_html(converter)
    assert 'class="tfl-explorer tfl-name-unit_converter"' in h
    assert "tfl-control tfl-key-value" in h and "tfl-control tfl-key-unit" in h
    assert 'type="range"' in h and 'type="radio"' in h and 'role="status"' in h
    assert "IGF-1 value" in h and "(ng/mL)" in h  # the notebook's label and unit
    ex = create("unit_converter")
    assert ex.describe(ex.summary()) in h  # the readout of the default state, before any script


def test_explorer_output_becomes_live_explorer(converter):
    ex = create("unit_converter")
    bundle = json.loads(json.dumps(ex._repr_mimebundle_(), default=lambda o: o.tolist()))
    out = {"output_type": "display_data", "data": bundle, "metadata": {}}
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell('ex = create("unit_converter")\nex', outputs=[out])]
    assert site.explorer_names(nb) == ["unit_converter"]
    counts = site.static_outputs(nb, prefix="t", explorers={"unit_converter": converter})
    assert counts["explorers_live"] == 1 and counts["explorer_fallbacks"] == 0
    html = nb.cells[0].outputs[0]["data"]["text/html"]
    assert 'data-tfl-explorer="unit_converter"' in html and site.PLOTLY not in nb.cells[0].outputs[0]["data"]
