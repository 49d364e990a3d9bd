"""The Explorer base class, control factories and the explorer registry.

An explorer only *wires*: control values -> model call -> new data on the traces of one existing
figure, found by ``uid``. A new explorer writes these pieces (the base class does the rest:
validation, atomic ``set()``, the browser view, the readout, the static fallback)::

    @register
    class MyExplorer(Explorer):
        name = "my_explorer"                 # REGISTRY key
        title = "What the student explores"
        summary_labels = {"mean_igf1_ng_ml": ("Mean IGF-1", "ng/mL", ".0f")}
        trace_uids = ("curve", "marker")     # one uid per trace of make_figure(), in its order

        def make_controls(self):             # dict of labelled ipywidgets ValueWidgets
            return {"dose_nM": slider("IGF-1", "nM", 0, 10, 0.1, 2)}
        def compute(self, dose_nM):          # call the model(s); return plain numbers/arrays
            return {"x": ..., "y": ..., "mean_igf1_ng_ml": ...}
        def make_figure(self, result):       # a pure builder from helpers.plots (go.Figure)
            return plots.my_topic.figure(result["x"], result["y"])
        def update_figure(self, fig, result):  # new data on existing traces, found by uid
            trace(fig, "curve").y = result["y"]
        def summarize(self, result):         # the numbers shown (dict[str, float])
            return {"mean_igf1_ng_ml": result["mean_igf1_ng_ml"]}
        def describe(self, summary, values=None):  # plain-words text alternative of the figure
            return f"Mean IGF-1 is {summary['mean_igf1_ng_ml']:.0f} ng/mL."

``describe`` gets everything it may use as arguments: the summary it describes and the control
values that produced it (``values``; ``None`` means the current ones, see ``Explorer.values``).
It must not read state that ``summarize`` or ``compute`` left on ``self``. Optional:
``on_control_change(name, value)`` for dependent controls (a unit switch that rescales a slider).

Tests and benchmarks rely on: ``controls``, ``figure`` (a ``go.Figure`` kept up to date),
``plot`` (the ``PlotView`` widget showing it), ``view``, ``set(**values)`` (atomic),
``summary()``, ``static_figure()`` and ``describe()`` (docs/architecture.md §3).
"""

from __future__ import annotations

import functools
import html
import inspect
import math
import numbers
import os
from collections.abc import Callable, Mapping, Sequence
from typing import Any, ClassVar

import ipywidgets as widgets
import plotly.graph_objects as go
import traitlets

from .._reopen import display_with_reopen, reopen_view
from ..plots import fit_layout, fit_titles
from ._plotview import ARIA_ROOT_CLASS, LOADER_JS, PlotView

REGISTRY: dict[str, Callable[[], Explorer]] = {}

_LABEL_STYLE = {"description_width": "initial"}
_CONTROL_LAYOUT = dict(width="100%", max_width="640px")


# --------------------------------------------------------------------------------------------
# control factories: every control gets a visible text label that carries its unit
# --------------------------------------------------------------------------------------------
def _label(label: str, unit: str | None) -> str:
    if not label:
        raise ValueError("every control needs a text label")
    return f"{label} ({unit})" if unit else label


class _RangeBeforeValue:
    """Sliders whose held changes (``hold_sync``: a unit switch, a restore) reach the browser as
    one message with ``min``, ``max`` and ``step`` before ``value``.

    ipywidgets sends held traits in the order of a Python set, which changes with each process's
    string hash seed, and the browser's slider handles them in the message's order: given the
    value first, it puts the new value on the old step (18.3 on a 1 ng/mL grid: 18), sends that
    back and keeps it (issue 19's stress run, one kernel in a few). Given the range or the step
    first, it takes every new trait at once (its option update reads value, range and step)."""

    def send_state(self, key=None):
        if isinstance(key, (set, frozenset)) and "value" in key and len(key) > 1:
            key = [k for k in key if k != "value"] + ["value"]
        super().send_state(key)


# the same class names as ipywidgets' (tests and the site tell slider kinds by them)
class FloatSlider(_RangeBeforeValue, widgets.FloatSlider):
    """ipywidgets.FloatSlider whose held changes send the value last (_RangeBeforeValue)."""


class FloatLogSlider(_RangeBeforeValue, widgets.FloatLogSlider):
    """ipywidgets.FloatLogSlider whose held changes send the value last (_RangeBeforeValue)."""


class IntSlider(_RangeBeforeValue, widgets.IntSlider):
    """ipywidgets.IntSlider whose held changes send the value last (_RangeBeforeValue)."""


def slider(
    label: str,
    unit: str | None,
    min: float,
    max: float,
    step: float,
    value: float,
    *,
    fmt: str = ".2f",
    log: bool = False,
) -> widgets.ValueWidget:
    """A labelled float slider (``unit`` shown in the label). ``log=True`` gives a log10 slider
    whose ``min``/``max`` are still given in real units (e.g. 0.01 to 100 nM)."""
    if not (min < max) or not (min <= value <= max):
        raise ValueError(
            f"slider {label!r}: need min < max and min <= value <= max, "
            f"got min={min}, max={max}, value={value}"
        )
    common = dict(
        description=_label(label, unit),
        value=value,
        readout_format=fmt,
        style=_LABEL_STYLE,
        layout=widgets.Layout(**_CONTROL_LAYOUT),
        continuous_update=True,
    )
    if log:
        if min <= 0:
            raise ValueError(f"log slider {label!r}: min must be > 0, got {min}")
        return FloatLogSlider(base=10, min=math.log10(min), max=math.log10(max), step=step, **common)
    return FloatSlider(min=min, max=max, step=step, **common)


def int_slider(
    label: str, unit: str | None, min: int, max: int, value: int, step: int = 1
) -> widgets.IntSlider:
    """A labelled integer slider."""
    return IntSlider(
        min=min,
        max=max,
        step=step,
        value=value,
        description=_label(label, unit),
        style=_LABEL_STYLE,
        layout=widgets.Layout(**_CONTROL_LAYOUT),
        continuous_update=True,
    )


def choice(label: str, options: Sequence, value: Any, *, kind: str = "dropdown") -> widgets.ValueWidget:
    """A labelled choice among ``options`` (list of values or of ``(text, value)`` pairs).

    ``kind`` is ``"dropdown"``, ``"toggle"`` (ToggleButtons) or ``"radio"``.
    """
    kinds = {"dropdown": widgets.Dropdown, "toggle": widgets.ToggleButtons, "radio": widgets.RadioButtons}
    if kind not in kinds:
        raise ValueError(f"kind = {kind!r} is not allowed; choose one of {list(kinds)}")
    w = kinds[kind](options=options, value=value, description=label, style=_LABEL_STYLE)
    if kind == "dropdown":  # as wide as its longest option (ipywidgets' fixed 300 px cut them off)
        w.layout = widgets.Layout(width="auto", max_width="100%")
    return w


def checkbox(label: str, value: bool = False) -> widgets.Checkbox:
    """A labelled on/off control (the label says what "on" means)."""
    return widgets.Checkbox(
        value=value,
        description=label,
        indent=False,
        style=_LABEL_STYLE,
        layout=widgets.Layout(width="auto", margin="2px 18px 2px 2px"),
    )


def switch_unit(
    widget: widgets.ValueWidget,
    label: str,
    old_unit: str,
    new_unit: str,
    ranges: Mapping[str, tuple[float, float, float]],
    convert: Callable,
) -> None:
    """Re-express a concentration slider in ``new_unit``: convert its value with
    ``convert(value, old_unit, new_unit)``, round it to the new unit's step, then apply that
    unit's ``(min, max, step)`` from ``ranges`` and relabel it ``"label (new_unit)"``.

    Everything reaches the browser as one message (``hold_sync``), the value last
    (``_RangeBeforeValue``). Sent one trait at a time, the
    browser's slider saw states in between (the new maximum with the old value, the new step with
    the old range), clamped or snapped its value there and sent it back: the kernel briefly showed
    117.6 nmol/L after every switch from 140 ng/mL, and under load the slider stayed at 117.6 while
    the explorer showed 18.3 (issue 19's stress run). The value is put on the step grid here, as
    the browser's slider would put it, so the browser has nothing to snap."""
    converted = convert(widget.value, old_unit, new_unit)
    lo, hi, step = ranges[new_unit]
    on_grid = round(lo + round((min(max(converted, lo), hi) - lo) / step) * step, 10)
    with widget.hold_sync():
        # traitlets validate each assignment at once: the range is widened before the value
        # moves, so the value is never clipped, and narrowed after
        widget.step = step
        widget.min, widget.max = min(widget.min, lo), max(widget.max, hi)
        widget.value = min(max(on_grid, lo), hi)
        widget.min, widget.max = lo, hi
        widget.description = _label(label, new_unit)


def allowed_values(widget: widgets.ValueWidget) -> tuple:
    """Describe what ``widget`` accepts: ``("range", lo, hi)``, ``("options", [...])`` or ``("bool",)``."""
    if isinstance(widget, widgets.FloatLogSlider):
        return ("range", widget.base**widget.min, widget.base**widget.max)
    if isinstance(widget, (widgets.Checkbox, widgets.ToggleButton)):
        return ("bool",)
    if hasattr(widget, "min") and hasattr(widget, "max"):
        return ("range", widget.min, widget.max)
    if hasattr(widget, "_options_values"):
        return ("options", list(widget._options_values))
    raise TypeError(f"unsupported control type {type(widget).__name__}")


def check_control_value(name: str, widget: widgets.ValueWidget, value: Any) -> Any:
    """Return ``value`` if ``widget`` accepts it, else raise ValueError naming the control,
    the value and the allowed range or options (widgets themselves would clip silently)."""
    label = getattr(widget, "description", "") or name
    kind = allowed_values(widget)
    if kind[0] == "bool":
        if not isinstance(value, bool):
            raise ValueError(f"control {name!r} ({label}) must be True or False, got {value!r}")
        return value
    if kind[0] == "options":
        if value not in kind[1]:
            raise ValueError(
                f"control {name!r} ({label}) = {value!r} is not allowed; choose one of {kind[1]}"
            )
        return value
    lo, hi = kind[1], kind[2]
    if isinstance(value, bool) or not isinstance(value, numbers.Real) or not math.isfinite(value):
        raise ValueError(
            f"control {name!r} ({label}) must be a finite number in [{lo:g}, {hi:g}], got {value!r}"
        )
    if isinstance(widget, (widgets.IntSlider, widgets.BoundedIntText)) and value != int(value):
        raise ValueError(
            f"control {name!r} ({label}) must be a whole number in [{lo:g}, {hi:g}], got {value!r}"
        )
    tol = 1e-9 * max(abs(lo), abs(hi), 1.0)
    if not (lo - tol <= value <= hi + tol):
        raise ValueError(
            f"control {name!r} ({label}) = {value:g} is outside the allowed range [{lo:g}, {hi:g}]"
        )
    return value


# --------------------------------------------------------------------------------------------
# traces by uid
# --------------------------------------------------------------------------------------------
def trace(fig: go.Figure, uid: str) -> Any:
    """The trace of ``fig`` whose ``uid`` is ``uid`` (KeyError lists the uids there are)."""
    for t in fig.data:
        if t.uid == uid:
            return t
    raise KeyError(f"no trace with uid {uid!r}; the figure has {[t.uid for t in fig.data]}")


def _slug(text: str) -> str:
    return "-".join("".join(c if c.isalnum() else " " for c in text.lower()).split()) or "trace"


def assign_uids(fig: go.Figure, uids: tuple[str, ...] = ()) -> go.Figure:
    """Give every trace of ``fig`` a uid: from ``uids`` (one per trace, in order; the count must
    match, so a builder that gains or loses a trace fails loudly), else the one it has, else a
    slug of its name (``-2``, ``-3`` for repeats). Returns ``fig``."""
    if uids:
        if len(uids) != len(fig.data) or len(set(uids)) != len(uids):
            raise ValueError(
                f"trace_uids {list(uids)} must name each of the figure's {len(fig.data)} traces "
                f"once: {[t.name for t in fig.data]}"
            )
        for t, u in zip(fig.data, uids, strict=True):
            t.uid = u
        return fig
    seen: dict[str, int] = {}
    for t in fig.data:
        base_uid = t.uid or _slug(t.name or t.type)
        seen[base_uid] = seen.get(base_uid, 0) + 1
        t.uid = base_uid if seen[base_uid] == 1 else f"{base_uid}-{seen[base_uid]}"
    return fig


# --------------------------------------------------------------------------------------------
# the Explorer
# --------------------------------------------------------------------------------------------
#: ``TFL_PLOT_DELIVERY=figurewidget`` in a kernel's environment: explorers use one go.FigureWidget
#: each (plotly.js in every figure's ESM), as before issue 19. For the benchmark baseline only.
BASELINE_ENV = "TFL_PLOT_DELIVERY"

#: shown under the static figure of a saved notebook reopened without a kernel (see _repr_mimebundle_)
RUN_TO_EXPLORE = "Run this cell to make the explorer interactive."


def _label_of(widget: widgets.ValueWidget, key: str) -> str:
    return getattr(widget, "description", "") or key


class Explorer:
    """Base class: builds controls and one figure once, then keeps them in step.

    A subclass writes ``name``, ``title``, ``summary_labels``, ``trace_uids`` and the hooks
    ``make_controls``, ``compute``, ``make_figure``, ``update_figure``, ``summarize`` and
    ``describe`` (see the module docstring); ``on_control_change`` and ``left_margin_px`` are
    optional.

    The view, top to bottom (``view.children``): title, the controls, ``message`` (why a bad
    value from the browser was set back; empty otherwise), ``plot`` (the PlotView: its
    ``_config`` trait is the plotly.js config, e.g. the mode bar), ``readout`` (description and
    values, ``role=status``), ``below`` (an empty slot for what is shown next to the result).
    ``figure`` is the ``go.Figure`` that ``update_figure`` edits; ``plot.show(figure)`` sends it.
    """

    name: ClassVar[str] = ""
    title: ClassVar[str] = ""
    #: key -> (label, unit, format) for the text readout; keys must be in summarize()'s result
    summary_labels: ClassVar[Mapping[str, tuple[str, str, str]]] = {}
    #: one uid per trace that make_figure() returns, in order; update_figure finds traces by these
    #: (empty: uids are made from the trace names)
    trace_uids: ClassVar[tuple[str, ...]] = ()
    #: optional: the left margin (px) that the widest state's y axis (tick labels and title)
    #: needs. Where the tick labels change width between states, plotly's automargin moves the
    #: margin and lays the figure out twice on every such change (the lifespan explorer's measure
    #: switch: 76 ms instead of 39 ms); a margin this wide never moves. The browser layout test
    #: checks that no explorer's left margin moves between its sweep states.
    left_margin_px: ClassVar[int | None] = None

    # ---- the pieces a subclass writes ---------------------------------------------------------
    def make_controls(self) -> dict[str, widgets.ValueWidget]:
        raise NotImplementedError

    def compute(self, **values: Any) -> dict[str, Any]:
        raise NotImplementedError

    def make_figure(self, result: dict[str, Any]) -> go.Figure:
        raise NotImplementedError

    def update_figure(self, fig: go.Figure, result: dict[str, Any]) -> None:
        """Put ``result`` on the existing traces of ``fig``: ``trace(fig, uid).y = ...``."""
        raise NotImplementedError

    def summarize(self, result: dict[str, Any]) -> dict[str, float]:
        raise NotImplementedError

    def describe(self, summary: dict[str, float], values: Mapping[str, Any] | None = None) -> str:
        """Plain-words description of what the figure shows for ``summary`` (the text
        alternative). ``values``: the control values behind it (None: the current ones)."""
        return "; ".join(
            f"{lab}: {summary[k]:{fmt}} {unit}".strip() for k, (lab, unit, fmt) in self.summary_labels.items()
        )

    def on_control_change(self, name: str, value: Any) -> None:
        """Hook for dependent controls (e.g. a unit switch that rescales a slider)."""

    # ---- machinery ---------------------------------------------------------------------------
    def __init__(self) -> None:
        self.controls: dict[str, widgets.ValueWidget] = self.make_controls()
        for key, w in self.controls.items():
            allowed_values(w)  # unsupported control types fail at construction
            if not getattr(w, "description", ""):
                raise ValueError(f"{type(self).__name__}: control {key!r} has no text label")
        self._holding = False
        result = self.compute(**self.values())
        self.figure: go.Figure = self._build_figure(result)
        if os.environ.get(BASELINE_ENV) == "figurewidget":
            # benchmarks only: the per-figure FigureWidget of explorer core v1, as a baseline
            uids = tuple(t.uid for t in self.figure.data)
            self.figure = assign_uids(go.FigureWidget(self.figure), uids)
            self.plot = self.figure
        else:
            self.plot = PlotView(self.figure)
        self._summary = self.summarize(result)
        self._good = self.values()
        self.message = widgets.HTML("", layout=widgets.Layout(margin="0 0 0 8px"))
        self.readout = widgets.HTML(
            value=self._readout_html(self._summary, self._good), layout=widgets.Layout(margin="0 0 0 8px")
        )
        #: a slot under the readout for content shown next to the explorer's result (e.g. a
        #: committed prediction): append widgets to ``below.children``
        self.below = widgets.VBox([], layout=widgets.Layout(width="100%"))
        header = widgets.HTML(f"<h4 style='margin:4px 0'>{html.escape(self.title)}</h4>")
        self.view = widgets.VBox(
            [
                header,
                # one row per slider; checkboxes and dropdowns side by side where they fit
                # (fewer rows above the figure, which then gets more of a 768 px window)
                widgets.Box(
                    list(self.controls.values()),
                    layout=widgets.Layout(
                        display="flex", flex_flow="row wrap", align_items="center", width="100%"
                    ),
                ),
                self.message,
                self.plot,
                self.readout,
                self.below,
            ],
            layout=widgets.Layout(width="100%"),
        )
        self.view.add_class(ARIA_ROOT_CLASS)
        for key, w in self.controls.items():
            w.observe(self._on_change, names="value")
            self._guard_browser_state(key, w)
        self._tag_for_browser_tests()

    def values(self) -> dict[str, Any]:
        """Current control values keyed by control name."""
        return {k: w.value for k, w in self.controls.items()}

    def set(self, **values: Any) -> None:
        """Set controls programmatically and update everything once, synchronously. Atomic: if
        any value is invalid (or the model rejects the combination), nothing changes and the
        ValueError names the control, the value and what is allowed.

        Choice controls are applied before numeric ones, so a unit switch can rescale a slider
        before the slider's new value is checked.
        """
        unknown = sorted(set(values) - set(self.controls))
        if unknown:
            raise ValueError(
                f"{type(self).__name__} has no control(s) {unknown}; controls are {sorted(self.controls)}"
            )
        order = sorted(values, key=lambda k: allowed_values(self.controls[k])[0] == "range")
        # every value's own type is checked before anything moves; ranges that depend on other
        # controls (a unit switch) are checked as they are applied, inside the rollback below
        for key in order:
            w = self.controls[key]
            if allowed_values(w)[0] != "range":
                check_control_value(key, w, values[key])
        saved = self._snapshot()
        self._holding = True
        try:
            for key in order:
                w = self.controls[key]
                w.value = check_control_value(key, w, values[key])
                self.on_control_change(key, w.value)
            result = self.compute(**self.values())
        except Exception:
            self._restore(saved)
            raise
        finally:
            self._holding = False
        self._show(result)

    def summary(self) -> dict[str, float]:
        """The model numbers currently shown (a copy)."""
        return dict(self._summary)

    def static_figure(self) -> go.Figure:
        """A self-contained figure of the current state for static renders (no kernel needed)."""
        return self._build_figure(self.compute(**self.values()))

    # ---- internals ---------------------------------------------------------------------------
    def _build_figure(self, result: dict[str, Any]) -> go.Figure:
        fig = self.make_figure(result)
        if not isinstance(fig, go.Figure):
            fig = go.Figure(fig)
        fig = fit_layout(fig)
        if self.left_margin_px:
            fig.layout.margin.l = max(fig.layout.margin.l or 0, self.left_margin_px)
        return assign_uids(fig, self.trace_uids)

    def _describe(self, summary: dict[str, float], values: Mapping[str, Any]) -> str:
        # explorers written before ``values`` existed define describe(self, summary)
        if _takes_values(type(self).describe):
            return self.describe(summary, dict(values))
        return self.describe(summary)

    def _snapshot(self) -> list[tuple[widgets.Widget, dict[str, Any]]]:
        return [
            (w, {k: getattr(w, k) for k in w.keys if not k.startswith("_")}) for w in self.controls.values()
        ]

    def _restore(self, saved) -> None:
        for w, state in saved:
            with w.hold_sync():
                # a slider's range must contain the value at every step of the restore
                for k in ("min", "max"):
                    if k in state:
                        setattr(
                            w, k, min(getattr(w, k), state[k]) if k == "min" else max(getattr(w, k), state[k])
                        )
                for k, v in state.items():
                    if k not in ("min", "max") and getattr(w, k) != v:
                        setattr(w, k, v)
                for k in ("min", "max"):
                    if k in state:
                        setattr(w, k, state[k])

    def _on_change(self, change) -> None:
        if self._holding:
            return
        name = next(k for k, w in self.controls.items() if w is change["owner"])
        w = self.controls[name]
        try:
            check_control_value(name, w, change["new"])
        except ValueError:
            self._revert(name, change["new"])
            return
        saved = self._snapshot()
        self._holding = True
        try:
            self.on_control_change(name, change["new"])
            result = self.compute(**self.values())
        except Exception:
            self._restore(saved)
            self._holding = False
            self._revert(name, change["new"], restored=True)
            return
        finally:
            self._holding = False
        self._show(result)

    def _revert(self, key: str, bad: Any, restored: bool = False) -> None:
        """A value that the controls should never produce (NaN, None, out of range) arrived from
        the browser: put the last good value back and say so, naming the control by its label."""
        w = self.controls[key]
        good = self._good[key]
        self._holding = True
        try:
            if not restored and w.value != good:
                w.value = good
            w.send_state("value")
        finally:
            self._holding = False
        self.message.value = (
            f"<p role='alert'>{html.escape(_label_of(w, key))}: {html.escape(repr(bad))} is not a "
            f"value this control can take; it was set back to {html.escape(_fmt_value(good))}.</p>"
        )

    def _guard_browser_state(self, key: str, w: widgets.ValueWidget) -> None:
        """A browser message whose value the widget's own trait rejects (None into a slider)
        would leave the browser showing it: send the kernel's value back and say so."""
        original = w.set_state

        def set_state(sync_data, _original=original, _key=key):
            try:
                _original(sync_data)
            except traitlets.TraitError:
                self._revert(_key, sync_data.get("value", sync_data.get("index")))

        w.set_state = set_state

    def _show(self, result: dict[str, Any]) -> None:
        self.update_figure(self.figure, result)
        fit_titles(self.figure)  # texts update_figure changed (a title, an axis title) fit too
        self._summary = self.summarize(result)
        self._good = self.values()
        self.message.value = ""
        if isinstance(self.plot, PlotView):
            self.plot.show(self.figure)
        self.readout.value = self._readout_html(self._summary, self._good)

    def _refresh(self) -> None:
        self._show(self.compute(**self.values()))

    def _tag_for_browser_tests(self) -> None:
        """Stable CSS classes so browser tests and benchmarks find explorers in the page:
        ``tfl-explorer tfl-name-<name>`` on the view, ``tfl-control tfl-key-<key>`` on each control,
        ``tfl-figure`` on the figure and ``tfl-readout`` on the text readout."""
        self.view.add_class("tfl-explorer")
        self.view.add_class(f"tfl-name-{self.name}")
        for key, w in self.controls.items():
            w.add_class("tfl-control")
            w.add_class(f"tfl-key-{key}")
        self.plot.add_class("tfl-figure")
        self.readout.add_class("tfl-readout")
        self.message.add_class("tfl-message")

    def _readout_html(self, summary: dict[str, float], values: Mapping[str, Any]) -> str:
        rows = "".join(
            f"<tr><th scope='row' style='text-align:left;padding-right:1em'>{html.escape(lab)}</th>"
            f"<td>{summary[k]:{fmt}} {html.escape(unit)}</td></tr>"
            for k, (lab, unit, fmt) in self.summary_labels.items()
        )
        return (
            f"<div><p>{html.escape(self._describe(summary, values))}</p>"
            f"<table aria-label='Current values'>{rows}</table></div>"
        )

    def _ipython_display_(self) -> None:
        """Two outputs: the live widget (with the static figure and text for static renders,
        see ``_repr_mimebundle_``) and the static view for a saved notebook reopened later
        (``_reopen_html``), marked ``{"tfl": "reopen"}`` in its output metadata."""
        display_with_reopen(self._repr_mimebundle_(), self._reopen_html())

    def _reopen_html(self) -> str:
        """What a saved notebook shows when it is reopened without the widget state (autosave
        keeps outputs, not widgets): the static figure, the text description and
        RUN_TO_EXPLORE. Hidden, and its figure not drawn, while the live explorer next to it
        renders; shown, with the dead widget's "model not found" hidden, when the widget output
        beside it is empty (the renderer's error state). Needs a trusted notebook (JupyterLab
        trusts the notebooks it saved) for its style and script; untrusted, the text shows."""
        text = self._describe(self._summary, self._good)
        fig = self.static_figure().to_json(remove_uids=False).replace("</", "<\\/")
        return reopen_view(
            f"<p><strong>{html.escape(self.title)}</strong> (static view)</p>"
            f"<div class='tfl-reopen-figure' role='img' aria-label='{html.escape(text)}'></div>"
            f"<p>{html.escape(text)}</p><p class='tfl-reopen-run'><strong>{RUN_TO_EXPLORE}</strong></p>"
            f"<script type='application/json' class='tfl-reopen-json'>{fig}</script>"
            f"<script>{_REOPEN_SCRIPT}</script>"
        )

    def _repr_mimebundle_(self, **kwargs):
        """Live widget in JupyterLab; static figure and text description for static renders."""
        bundle = self.view._repr_mimebundle_(**kwargs)
        fig = self.static_figure()
        bundle["application/vnd.plotly.v1+json"] = fig.to_plotly_json()
        text = self._describe(self._summary, self._good)
        bundle["text/html"] = (
            f"<p><strong>{html.escape(self.title)}</strong> (static view; run "
            f"the notebook to explore). {html.escape(text)}</p>"
        )
        bundle["text/plain"] = f"{self.title}: {text}"
        return bundle


@functools.cache
def _takes_values(describe: Callable) -> bool:
    params = list(inspect.signature(describe).parameters.values())[1:]
    return len(params) >= 2 or any(p.kind is p.VAR_POSITIONAL for p in params)


#: draws the static figure once the view is shown (never while a live explorer hides it)
_REOPEN_SCRIPT = (
    "(function () {\n"
    + LOADER_JS
    + """
const me = document.currentScript.closest('.tfl-reopen');
let tries = 0;
const tick = () => {
  if (!me || !me.isConnected || tries++ > 240) return;
  const area = me.closest('.jp-OutputArea');
  if (area && area.querySelector('.tfl-explorer')) return;  // live: nothing to draw
  if (!me.offsetParent) { setTimeout(tick, 500); return; }
  const fig = decode(JSON.parse(me.querySelector('.tfl-reopen-json').textContent));
  getPlotly().then((P) => P.newPlot(me.querySelector('.tfl-reopen-figure'), fig.data, fig.layout,
                                    { displaylogo: false, responsive: true }));
};
tick();
})();"""
)


def _fmt_value(v: Any) -> str:
    return f"{v:g}" if isinstance(v, float) else str(v)


def register(cls: type[Explorer]) -> type[Explorer]:
    """Class decorator: add an Explorer subclass to REGISTRY under its ``name``."""
    if not cls.name:
        raise ValueError(f"{cls.__name__} needs a non-empty `name` to be registered")
    if cls.name in REGISTRY and REGISTRY[cls.name] is not cls:
        raise ValueError(f"explorer name {cls.name!r} is already registered by {REGISTRY[cls.name].__name__}")
    REGISTRY[cls.name] = cls
    return cls


def create(name: str, *, prediction: Any = None) -> Explorer:
    """Build the registered explorer ``name`` (ValueError lists the registered names).

    ``prediction`` (from ``helpers.selfcheck.predict(id)``) is the one hook of the learning
    loop: ``prediction.attach(explorer)`` adds its comparison panel to ``view`` and keeps it
    in step with ``readout``; the explorer itself knows nothing about predictions."""
    if name not in REGISTRY:
        raise ValueError(f"no explorer named {name!r}; registered explorers: {sorted(REGISTRY)}")
    explorer = REGISTRY[name]()
    if prediction is not None:
        prediction.attach(explorer)
    return explorer
