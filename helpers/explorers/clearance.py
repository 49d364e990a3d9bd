"""Explorer `clearance`: how fast a tracer bolus disappears from the free, binary and ternary
pools; a linear/log switch lets students read the half-lives off the plot."""

from __future__ import annotations

import numpy as np

from ..models import binding
from ..plots.binding import clearance_figure, set_y_scale
from .base import Explorer, choice, register, trace

_WINDOWS = [("1 hour", 60), ("3 hours", 180), ("1 day", 1440), ("3 days", 4320)]
_N = 300
_NAMES = {"free": "free IGF-1", "binary": "binary complex", "ternary": "ternary complex"}


@register
class ClearanceExplorer(Explorer):
    name = "clearance"
    left_margin_px = 129  # widest y tick labels and title of any state (see Explorer)
    title = "Tracer clearance from each IGF-1 pool (half-lives)"
    summary_labels = {
        "half_life_free_min": ("Half-life, free IGF-1", "min", ".0f"),
        "half_life_binary_min": ("Half-life, binary complex", "min", ".0f"),
        "half_life_ternary_h": ("Half-life, ternary complex", "h", ".1f"),
        "window_min": ("Time shown", "min", ".0f"),
    }

    trace_uids = ("free", "binary", "ternary", "half-free", "half-binary", "half-ternary", "half-line")

    def make_controls(self):
        return {
            "pool": choice(
                "Pool shown",
                [
                    ("All three pools", "all"),
                    ("Free IGF-1", "free"),
                    ("Binary complex", "binary"),
                    ("Ternary complex", "ternary"),
                ],
                "all",
                kind="dropdown",
            ),
            "window_min": choice("Time axis (minutes shown)", _WINDOWS, 60, kind="dropdown"),
            "y_scale": choice("Y axis", [("Linear", "linear"), ("Log", "log")], "linear", kind="toggle"),
        }

    def compute(self, pool, window_min, y_scale):
        t = np.linspace(0.0, float(window_min), _N)
        curves = {k: binding.clearance(t, k) for k in binding.POOLS}
        visible = list(binding.POOLS) if pool == "all" else [pool]
        return {
            "t": t,
            "curves": curves,
            "visible": visible,
            "log_y": y_scale == "log",
            "window_min": float(window_min),
            "left_at_end": {k: float(curves[k][-1]) for k in binding.POOLS},
        }

    def make_figure(self, result):
        return clearance_figure(
            result["t"],
            result["curves"],
            binding.HALF_LIFE_MIN,
            visible=result["visible"],
            log_y=result["log_y"],
        )

    def update_figure(self, fig, result):
        for k in binding.POOLS:
            on = k in result["visible"]
            curve = trace(fig, k)
            curve.x, curve.y, curve.visible = result["t"], result["curves"][k], on
            trace(fig, f"half-{k}").visible = on and binding.HALF_LIFE_MIN[k] <= result["window_min"]
        trace(fig, "half-line").x = [0.0, result["window_min"]]
        fig.layout.xaxis.range = [0.0, result["window_min"]]
        set_y_scale(fig, result["log_y"])

    def summarize(self, result):
        hl = binding.HALF_LIFE_MIN
        out = {
            "half_life_free_min": hl["free"],
            "half_life_binary_min": hl["binary"],
            "half_life_ternary_h": hl["ternary"] / 60.0,
            "window_min": result["window_min"],
            "log_y": float(result["log_y"]),
        }
        out.update({f"left_{k}": v for k, v in result["left_at_end"].items()})
        return out

    def describe(self, s, values=None):
        shown = _visible(values or self.values())
        w = s["window_min"]
        lines = []
        for k in binding.POOLS:
            if k in shown:
                left = 100 * s[f"left_{k}"]
                amount = f"{left:.3g} %" if left >= 0.001 else "less than 0.001 %"
                lines.append(f"{_NAMES[k]}: {amount} left")
        scale = "a log" if s["log_y"] else "a linear"
        return (
            f"Fraction of the tracer left over {w:.0f} min on {scale} y axis: "
            + "; ".join(lines)
            + " at the end. Half-lives: free 11 min, binary 25 min, "
            "ternary 13.5 h (each marked where its curve crosses the dotted 50 % line). "
            + (
                "On the log axis each curve is a straight line whose slope gives the half-life."
                if s["log_y"]
                else ""
            )
        )


def _visible(values):
    """The pools the figure shows for these control values."""
    pool = values["pool"]
    return list(binding.POOLS) if pool == "all" else [pool]
