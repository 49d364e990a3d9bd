"""Explorer core v2 (issue 19): atomic set(), bad values arriving from the browser, traces found
by uid, describe() given its inputs, and the figure reaching the browser without plotly.js."""

from __future__ import annotations

import json
import math

import pytest

from helpers.explorers import REGISTRY, base, create

NAMES = sorted(REGISTRY)


def _state(ex):
    return (
        ex.values(),
        ex.summary(),
        ex.readout.value,
        ex.plot._figure,
        [
            (k, getattr(w, "min", None), getattr(w, "max", None), w.description)
            for k, w in ex.controls.items()
        ],
    )


def _bad_value(w):
    kind = base.allowed_values(w)
    if kind[0] == "range":
        return kind[2] + abs(kind[2] - kind[1]) + 1
    if kind[0] == "options":
        return "__not_an_option__"
    return 1  # not a bool


def _other_valid_value(w):
    kind = base.allowed_values(w)
    if kind[0] == "range":
        lo, hi = kind[1], kind[2]
        v = w.value + (hi - w.value) / 2 if w.value < hi else lo
        return int(v) if w.__class__.__name__ == "IntSlider" else v
    if kind[0] == "options":
        return next(o for o in kind[1] if o != w.value)
    return not w.value


@pytest.mark.parametrize("name", NAMES)
def test_set_is_atomic_for_every_mixed_valid_invalid_call(name):
    """One valid change plus one invalid value on another control: nothing changes at all."""
    ex = REGISTRY[name]()
    keys = list(ex.controls)
    n_calls = 0
    for good_key in keys:
        for bad_key in keys:
            if bad_key == good_key:
                continue
            before = _state(ex)
            good = _other_valid_value(ex.controls[good_key])
            bad = _bad_value(ex.controls[bad_key])
            with pytest.raises(ValueError, match=rf"control '{bad_key}'"):
                ex.set(**{good_key: good, bad_key: bad})
            assert _state(ex) == before, f"{name}.set({good_key}=..., {bad_key}=bad) changed something"
            n_calls += 1
    assert n_calls == len(keys) * (len(keys) - 1)
    # and the explorer still works: controls, figure, readout and summary agree
    ex.set(**{keys[0]: _other_valid_value(ex.controls[keys[0]])})
    oracle = REGISTRY[name]()
    oracle.set(**ex.values())
    assert ex.summary() == oracle.summary() and ex.readout.value == oracle.readout.value


def test_reference_unit_switch_with_a_bad_value_keeps_everything():
    """The case from the issue: the unit switch used to be applied and the readout kept."""
    ex = create("reference")
    before = _state(ex)
    with pytest.raises(ValueError, match=r"control 'value' .* outside the allowed range"):
        ex.set(unit="nmol/L", value=500)
    assert _state(ex) == before
    assert ex.controls["unit"].value == "ng/mL" and ex.controls["value"].description == "IGF-1 value (ng/mL)"


@pytest.mark.parametrize("name", NAMES)
def test_browser_side_nan_or_none_is_reverted_with_the_controls_label(name):
    """A comm message (what the browser sends) with None/NaN for each control: the control goes
    back to its last good value, the message names the control by its visible label and never by
    the model's parameter name, and the figure, readout and summary are unchanged."""
    ex = REGISTRY[name]()
    for key, w in ex.controls.items():
        before = _state(ex)
        kind = base.allowed_values(w)
        bad_states = (
            [{"value": None}, {"value": float("nan")}]
            if kind[0] != "options"
            else [{"index": None}]  # a dropdown or toggle with nothing selected
        )
        for state in bad_states:
            w.set_state(state)
            assert _state(ex) == before, f"{name}.{key} <- {state} changed the explorer"
            msg = ex.message.value
            assert w.description in msg.replace("&#x27;", "'").replace("&amp;", "&"), msg
            assert f"'{key}'" not in msg and (key not in msg or key in w.description.lower()), msg
            assert "set back to" in msg
        # the next good change clears the message
        ex.set(**{key: _other_valid_value(w)})
        assert ex.message.value == ""


def test_trace_lookup_by_uid_and_uid_rules():
    ex = create("reference")
    assert base.trace(ex.figure, "value").name == "The value you entered"
    with pytest.raises(KeyError, match=r"no trace with uid 'nope'; the figure has \['p2_5'"):
        base.trace(ex.figure, "nope")
    import plotly.graph_objects as go

    fig = go.Figure([go.Scatter(name="Your diet"), go.Scatter(name="Your diet"), go.Scatter(uid="kept")])
    assert [t.uid for t in base.assign_uids(fig).data] == ["your-diet", "your-diet-2", "kept"]
    with pytest.raises(ValueError, match="must name each of the figure's 3 traces once"):
        base.assign_uids(go.Figure([go.Scatter()] * 3), ("a", "b"))


@pytest.mark.parametrize("name", NAMES)
def test_describe_gets_its_inputs_explicitly(name):
    """describe(summary, values) depends only on its arguments: describing another state's summary
    with that state's values gives that state's text, whatever the explorer shows now."""
    ex, other = REGISTRY[name](), REGISTRY[name]()
    key = next(iter(ex.controls))
    other.set(**{key: _other_valid_value(other.controls[key])})
    # the base calls describe(summary, values), or describe(summary) for one-argument explorers
    assert ex._describe(other.summary(), other.values()) == other.describe(other.summary())
    assert ex._describe(ex.summary(), ex.values()) == ex.describe(ex.summary())


@pytest.mark.parametrize("name", NAMES)
def test_the_browser_gets_the_figure_not_plotly_js(name):
    """What the kernel sends for an explorer's figure: its JSON (a few KB) and a small ESM; no
    copy of plotly.js, whatever the number of explorers."""
    ex = REGISTRY[name]()
    state = ex.plot.get_state()
    esm = state["_esm"]
    # plotly.js alone is about 4.9 MB; the ESM (toolbar, announcer, data table, height fitting) is
    # sent once per explorer, so 20 KB keeps even notebook 03's three explorers at 0.06 MB of the
    # 1 MB per-notebook websocket budget
    assert len(esm) < 20_000 and "window.Plotly" in esm
    fig = json.loads(state["_figure"])
    assert [t["uid"] for t in fig["data"]] == [t.uid for t in ex.figure.data]
    assert len(state["_figure"]) < 64_000
    # a change sends the new figure, and only when it changed
    rev = ex.plot._revision
    ex.set(**ex.values())
    assert ex.plot._revision == rev
    key = next(iter(ex.controls))
    ex.set(**{key: _other_valid_value(ex.controls[key])})
    sent = _plain(json.loads(ex.plot._figure))
    full = _plain(json.loads(ex.figure.to_json(remove_uids=False)))
    assert json.loads(ex.plot._template) == full["layout"].pop("template")
    assert sent == full
    assert not math.isnan(ex.plot._revision)


def _plain(v):
    """plotly JSON with typed arrays ({dtype, bdata}) turned into lists of floats."""
    import base64

    import numpy as np

    if isinstance(v, list):
        return [_plain(x) for x in v]
    if isinstance(v, dict):
        if "bdata" in v and "dtype" in v:
            a = np.frombuffer(base64.b64decode(v["bdata"]), dtype=np.dtype(v["dtype"]).newbyteorder("<"))
            if "shape" in v and "," in str(v["shape"]):
                a = a.reshape([int(n) for n in str(v["shape"]).split(",")])
            return a.astype(float).tolist()
        return {k: _plain(x) for k, x in v.items()}
    if isinstance(v, int) and not isinstance(v, bool):
        return float(v)
    return v


def test_display_adds_a_static_view_for_reopened_notebooks_that_the_site_drops():
    """Displaying an explorer emits its usual bundle (live widget + static figure + text) and a
    second output, marked {"tfl": "reopen"}, holding the static figure, the description and the
    'Run this cell' line; the static site keeps only the first."""
    import nbformat
    from IPython.core.interactiveshell import InteractiveShell
    from IPython.utils.capture import capture_output

    from helpers.publish import site

    InteractiveShell.instance()
    ex = create("unit_converter")
    with capture_output() as cap:
        ex._ipython_display_()
    assert len(cap.outputs) == 2
    live, reopen = cap.outputs
    assert site.WIDGET_VIEW in live.data and site.PLOTLY in live.data
    assert reopen.metadata == {"tfl": "reopen"} and set(reopen.data) == {"text/html"}
    page = reopen.data["text/html"]
    assert base.RUN_TO_EXPLORE in page and ex.describe(ex.summary()) in page.replace("&#x27;", "'")
    fig = json.loads(page.split("class='tfl-reopen-json'>")[1].split("</script>")[0].replace("<\\/", "</"))
    assert [t["uid"] for t in fig["data"]] == [t.uid for t in ex.figure.data]
    assert "<script>" in page and "</script></div>" in page and page.count("</script>") == 2
    outs = [
        nbformat.v4.new_output("display_data", data=live.data, metadata=live.metadata),
        nbformat.v4.new_output("display_data", data=reopen.data, metadata=reopen.metadata),
    ]
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("ex", outputs=outs)])
    counts = site.static_outputs(nb)
    assert counts["explorer_fallbacks"] == 1 and len(nb.cells[0].outputs) == 1
