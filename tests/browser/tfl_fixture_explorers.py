"""Test-only explorers for the browser tests' test of the test (never registered globally).

* ``AllControls`` uses every control type the project's explorers use (FloatSlider, FloatLogSlider,
  IntSlider, Dropdown, ToggleButtons, RadioButtons, Checkbox), each wired to the figure: a
  positive control showing that the keyboard driver can change every kind of control.
* ``Unwired`` is the same explorer with ``update_figure`` doing nothing: the readout still updates
  but the plot stays stale. The browser checker must report every control of it.

A notebook uses them with ``register(AllControls)`` then ``create(AllControls.name)``; this module
is copied next to that notebook in the temporary JupyterLab root (the kernel's cwd).
"""

from __future__ import annotations

import numpy as np
import plotly.graph_objects as go

from helpers.explorers.base import Explorer, checkbox, choice, int_slider, slider, trace
from helpers.plots import base_figure

N_POINTS = 200


class AllControls(Explorer):
    name = "tfl_test_all_controls"
    title = "Test-only explorer using every control type"
    summary_labels = {"peak": ("Peak", "a.u.", ".3f"), "mean": ("Mean", "a.u.", ".3f")}

    def make_controls(self):
        return {
            "amplitude": slider("Amplitude", "a.u.", 0.5, 2.0, 0.1, 1.0),
            "rate_per_h": slider("Rate", "1/h", 0.01, 10.0, 0.1, 1.0, log=True),
            "cycles": int_slider("Cycles", "count", 1, 6, 2),
            "shape": choice("Shape", ["sine", "square", "triangle"], "sine", kind="dropdown"),
            "phase": choice("Phase", [("0°", 0.0), ("90°", 90.0), ("180°", 180.0)], 0.0, kind="toggle"),
            "offset": choice("Offset", [("none", 0.0), ("+1", 1.0), ("+2", 2.0)], 0.0, kind="radio"),
            "show_envelope": checkbox("Show the decay envelope", False),
        }

    def compute(self, amplitude, rate_per_h, cycles, shape, phase, offset, show_envelope):
        t = np.linspace(0.0, 1.0, N_POINTS)
        arg = 2 * np.pi * cycles * t + np.deg2rad(phase)
        wave = {
            "sine": np.sin(arg),
            "square": np.sign(np.sin(arg)),
            "triangle": 2 / np.pi * np.arcsin(np.sin(arg)),
        }[shape]
        env = amplitude * np.exp(-rate_per_h * t)
        y = env * wave + offset
        return {
            "t": t,
            "y": y,
            "env": env + offset if show_envelope else None,
            "peak": float(np.max(y)),
            "mean": float(np.mean(y)),
        }

    def make_figure(self, result):
        fig = base_figure("Test-only signal", "Time", "h", "Signal", "a.u.")
        fig.add_trace(go.Scatter(x=result["t"], y=result["y"], mode="lines", name="signal"))
        env = result["env"]
        fig.add_trace(
            go.Scatter(
                x=result["t"],
                y=env if env is not None else [],
                mode="lines",
                name="envelope",
                visible=env is not None,
            )
        )
        return fig

    def update_figure(self, fig, result):
        trace(fig, "signal").y = result["y"]
        env = result["env"]
        envelope = trace(fig, "envelope")  # uids made from the trace names (no trace_uids)
        envelope.y = env if env is not None else []
        envelope.visible = env is not None

    def summarize(self, result):
        return {"peak": result["peak"], "mean": result["mean"]}


class Unwired(AllControls):
    """Deliberately broken: the controls change the model and the readout, never the plot."""

    name = "tfl_test_unwired"
    title = "Test-only explorer whose figure is not wired"

    def update_figure(self, fig, result):
        pass


FIXTURE_EXPLORERS = {cls.name: cls for cls in (AllControls, Unwired)}
