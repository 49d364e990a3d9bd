"""The Explorer contract (docs/architecture.md §3) for every registered explorer, and the unit converter."""

import math

import ipywidgets as widgets
import plotly.graph_objects as go
import pytest

from helpers.explorers import REGISTRY, Explorer, base, create, register, slider
from helpers.models import units

NAMES = sorted(REGISTRY)


def test_registry_is_populated_with_callables():
    assert "unit_converter" in REGISTRY
    for name, factory in REGISTRY.items():
        assert callable(factory) and factory.name == name


@pytest.mark.parametrize("name", NAMES)
def test_contract(name):
    ex = REGISTRY[name]()
    assert isinstance(ex, Explorer)
    assert isinstance(ex.figure, go.Figure) and not isinstance(ex.figure, go.FigureWidget)
    assert isinstance(ex.plot, base.PlotView) and ex.plot in ex.view.children
    # traces carry a uid (update_figure finds them by it), the same in the static figure
    uids = [t.uid for t in ex.figure.data]
    assert all(uids) and len(set(uids)) == len(uids)
    assert [t.uid for t in ex.static_figure().data] == uids
    assert isinstance(ex.view, widgets.Widget)
    assert ex.controls and all(isinstance(w, widgets.ValueWidget) for w in ex.controls.values())
    for key, w in ex.controls.items():
        assert w.description, f"{name}.{key} has no text label"
    s = ex.summary()
    assert s and all(isinstance(v, float) and math.isfinite(v) for v in s.values())
    assert set(ex.summary_labels) <= set(s)
    assert isinstance(ex.static_figure(), go.Figure) and not isinstance(ex.static_figure(), go.FigureWidget)
    # the figure widget is not replaced by updates
    fig_id = id(ex.figure)
    ex.set(**ex.values())
    assert id(ex.figure) == fig_id
    bundle = ex._repr_mimebundle_()
    assert "application/vnd.jupyter.widget-view+json" in bundle
    assert "application/vnd.plotly.v1+json" in bundle and bundle["text/plain"]


@pytest.mark.parametrize("name", NAMES)
def test_set_rejects_unknown_controls_and_bad_values(name):
    ex = REGISTRY[name]()
    with pytest.raises(ValueError, match=r"has no control\(s\) \['nonexistent'\]"):
        ex.set(nonexistent=1)
    for key, w in ex.controls.items():
        kind = base.allowed_values(w)
        if kind[0] == "range":
            with pytest.raises(ValueError, match=rf"control '{key}' .* outside the allowed range"):
                ex.set(**{key: kind[2] + abs(kind[2] - kind[1]) + 1})
            with pytest.raises(ValueError, match=rf"control '{key}' .* must be a finite number"):
                ex.set(**{key: float("nan")})
            with pytest.raises(ValueError, match=rf"control '{key}'"):
                ex.set(**{key: "12"})
        elif kind[0] == "options":
            with pytest.raises(ValueError, match=rf"control '{key}' .* is not allowed; choose one of"):
                ex.set(**{key: "__not_an_option__"})
        else:
            with pytest.raises(ValueError, match=rf"control '{key}' .* must be True or False"):
                ex.set(**{key: 1})


def test_unit_converter_updates_figure_and_summary():
    ex = create("unit_converter")
    assert ex.summary()["igf1_ng_ml"] == pytest.approx(100.0)  # not 150: notebook 00 asks to convert 150
    ex.set(value=200.0)
    s = ex.summary()
    assert s["igf1_nmol_l"] == pytest.approx(units.ng_ml_to_nmol_l(200.0))
    assert ex.figure.data[1].x == (200.0,)
    assert ex.figure.data[1].y[0] == pytest.approx(26.147, abs=1e-3)
    assert "200.0 ng/mL of IGF-1 is 26.15 nmol/L" in ex.readout.value


def test_unit_switch_rescales_slider_and_keeps_the_concentration():
    ex = create("unit_converter")
    ex.set(value=200.0)
    ex.set(unit="nmol/L")
    w = ex.controls["value"]
    assert w.description == "IGF-1 value (nmol/L)"
    assert w.max == pytest.approx(130.7, abs=0.1)
    # the concentration is kept to within half a step of the new unit's slider (0.05 nmol/L,
    # 0.4 ng/mL): the value lands on the step grid, as the browser's slider would put it
    assert w.value == 26.1 and w.step == 0.1
    assert ex.summary()["igf1_ng_ml"] == pytest.approx(200.0, abs=units.convert(0.05, "nmol/L", "ng/mL"))
    with pytest.raises(
        ValueError,
        match=r"control 'value' \(IGF-1 value \(nmol/L\)\) = 500 is outside the allowed range \[0, 130.7\]",
    ):
        ex.set(value=500)
    ex.set(unit="ng/mL", value=500)
    assert ex.summary()["igf1_ng_ml"] == pytest.approx(500)
    ex.set(value=200.0)
    ex.set(unit="nmol/L")
    ex.set(unit="ng/mL")  # and back: 26.1 nmol/L is 199.6 ng/mL, on the 1 ng/mL grid 200
    assert ex.controls["value"].value == 200.0 and ex.summary()["igf1_ng_ml"] == 200.0


def test_gui_change_updates_figure_like_set():
    ex = create("unit_converter")
    ex.controls["value"].value = 400.0  # what a slider move does
    assert ex.figure.data[1].x == (400.0,)
    assert ex.summary()["igf1_ng_ml"] == pytest.approx(400.0)


def test_create_unknown_and_register_rules():
    with pytest.raises(
        ValueError, match=r"no explorer named 'nope'; registered explorers: \[.*'unit_converter'"
    ):
        create("nope")

    class Nameless(Explorer):
        pass

    with pytest.raises(ValueError, match="needs a non-empty `name`"):
        register(Nameless)

    class Clash(Explorer):
        name = "unit_converter"

    with pytest.raises(ValueError, match="already registered"):
        register(Clash)


def test_controls_must_be_labelled():
    class Unlabelled(Explorer):
        name = "unlabelled_test_only"

        def make_controls(self):
            return {"x": widgets.FloatSlider()}

    with pytest.raises(ValueError, match="control 'x' has no text label"):
        Unlabelled()


def test_slider_factory_checks_and_log_range():
    with pytest.raises(ValueError, match="need min < max"):
        slider("IGF-1", "nM", 5, 1, 0.1, 2)
    w = slider("IGF-1", "nM", 0.01, 100, 0.05, 2.0, log=True)
    assert w.description == "IGF-1 (nM)"
    assert base.allowed_values(w) == ("range", pytest.approx(0.01), pytest.approx(100))
    assert base.check_control_value("igf1_nM", w, 50.0) == 50.0
    with pytest.raises(ValueError, match=r"outside the allowed range \[0.01, 100\]"):
        base.check_control_value("igf1_nM", w, 0.001)


@pytest.mark.parametrize("name", ["unit_converter", "reference"])
def test_unit_switch_reaches_the_browser_as_one_message_with_the_value_on_the_step_grid(name):
    """Sent one trait at a time, the browser's slider saw in-between states (the new maximum
    with the old value), clamped its value and sent it back (117.6 nmol/L after each switch from
    140 ng/mL; under load the slider stayed there). switch_unit sends step, range, value and
    label in one message, the value last and already on the new step grid."""
    ex = create(name)
    w = ex.controls["value"]
    sent = []
    get_state = w.get_state  # what send_state puts in a message, in the message's order

    def recorded(key=None):
        sent.append([key] if isinstance(key, str) else list(key or ()))
        return get_state(key)

    w.get_state = recorded
    for unit in ("nmol/L", "ng/mL", "nmol/L"):
        sent.clear()
        ex.set(unit=unit)
        assert len(sent) == 1 and {"value", "max", "step", "description"} <= set(sent[0]), sent
        # the browser's slider handles a message's traits in order: the value must come last
        # (given first, it would be put on the old step and sent back)
        assert sent[0][-1] == "value", sent
        steps = (w.value - w.min) / w.step
        assert abs(steps - round(steps)) < 1e-6, (unit, w.value, w.min, w.step)
