"""The Explorer base class, control factories and the explorer registry.

An explorer only *wires*: control values -> model call -> update of an existing FigureWidget
inside ``fig.batch_update()``. A subclass provides five small pieces::

    @register
    class MyExplorer(Explorer):
        name = "my_explorer"                 # REGISTRY key
        title = "What the student explores"
        summary_labels = {"mean_igf1_ng_ml": ("Mean IGF-1", "ng/mL", ".0f")}

        def make_controls(self):             # dict of labelled ipywidgets ValueWidgets
            return {"dose_nM": slider("IGF-1", "nM", 0, 10, 0.1, 2)}
        def compute(self, dose_nM):          # call the model(s); return plain numbers/arrays
            return {"x": ..., "y": ..., "mean_igf1_ng_ml": ...}
        def make_figure(self, result):       # a pure builder from helpers.plots (go.Figure)
            return plots.my_topic.figure(result["x"], result["y"])
        def update_figure(self, fig, result):  # assign new data to existing traces
            fig.data[0].y = result["y"]
        def summarize(self, result):         # the numbers shown (dict[str, float])
            return {"mean_igf1_ng_ml": result["mean_igf1_ng_ml"]}
        def describe(self, summary):         # plain-words text alternative of the figure
            return f"Mean IGF-1 is {summary['mean_igf1_ng_ml']:.0f} ng/mL."

Tests and benchmarks rely on: ``controls``, ``figure``, ``view``, ``set(**values)``,
``summary()`` and ``static_figure()`` (docs/architecture.md §3).
"""

from __future__ import annotations

import html
import math
import numbers
from collections.abc import Callable, Mapping
from typing import Any, ClassVar

import anywidget
import ipywidgets as widgets
import plotly.graph_objects as go

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
        return widgets.FloatLogSlider(base=10, min=math.log10(min), max=math.log10(max), step=step, **common)
    return widgets.FloatSlider(min=min, max=max, step=step, **common)


def int_slider(
    label: str, unit: str | None, min: int, max: int, value: int, step: int = 1
) -> widgets.IntSlider:
    """A labelled integer slider."""
    return widgets.IntSlider(
        min=min,
        max=max,
        step=step,
        value=value,
        description=_label(label, unit),
        style=_LABEL_STYLE,
        layout=widgets.Layout(**_CONTROL_LAYOUT),
        continuous_update=True,
    )


def choice(label: str, options, value, *, kind: str = "dropdown") -> widgets.ValueWidget:
    """A labelled choice among ``options`` (list of values or of ``(text, value)`` pairs).

    ``kind`` is ``"dropdown"``, ``"toggle"`` (ToggleButtons) or ``"radio"``.
    """
    kinds = {"dropdown": widgets.Dropdown, "toggle": widgets.ToggleButtons, "radio": widgets.RadioButtons}
    if kind not in kinds:
        raise ValueError(f"kind = {kind!r} is not allowed; choose one of {list(kinds)}")
    w = kinds[kind](options=options, value=value, description=label, style=_LABEL_STYLE)
    return w


def checkbox(label: str, value: bool = False) -> widgets.Checkbox:
    """A labelled on/off control (the label says what "on" means)."""
    return widgets.Checkbox(value=value, description=label, indent=False, style=_LABEL_STYLE)


def switch_unit(
    widget: widgets.ValueWidget,
    label: str,
    old_unit: str,
    new_unit: str,
    ranges: Mapping[str, tuple[float, float, float]],
    convert: Callable,
) -> None:
    """Re-express a concentration slider in ``new_unit``: convert its value with
    ``convert(value, old_unit, new_unit)``, then apply that unit's ``(min, max, step)`` from
    ``ranges`` and relabel it ``"label (new_unit)"``. The range is widened before the value moves,
    so the converted value is never clipped."""
    converted = convert(widget.value, old_unit, new_unit)
    lo, hi, step = ranges[new_unit]
    # The new step must reach the browser before the value: a browser slider snaps a value to its
    # current step and sends it back (150 ng/mL -> 19.6 nmol/L -> 20 nmol/L = 153 ng/mL).
    widget.step = step
    widget.min, widget.max = min(widget.min, lo), max(widget.max, hi)
    widget.value = min(max(converted, lo), hi)
    widget.min, widget.max = lo, hi
    widget.description = _label(label, new_unit)


def allowed_values(widget: widgets.ValueWidget):
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
# accessible names for slider handles
# --------------------------------------------------------------------------------------------
class SliderNames(anywidget.AnyWidget):
    """An invisible helper placed in an explorer's view: it gives every slider handle in that
    view an accessible name (``aria-label`` = the slider's visible text label) and a value text
    with the readout. ipywidgets' slider handle (``role="slider"``) has none of its own, which
    fails WCAG 4.1.2 (axe rule ``aria-input-field-name``); screen readers then announce only
    "slider". Nothing is sent to the kernel."""

    ROOT_CLASS = "tfl-aria-root"
    _esm = """
function name(root) {
  root.querySelectorAll('.widget-slider').forEach((box) => {
    const label = box.querySelector('.widget-label');
    const readout = box.querySelector('.widget-readout');
    const text = label ? label.textContent.trim() : '';
    box.querySelectorAll('[role="slider"]').forEach((h) => {
      if (text && h.getAttribute('aria-label') !== text) h.setAttribute('aria-label', text);
      const v = readout ? (readout.value || readout.textContent || '').trim() : '';
      if (v && h.getAttribute('aria-valuetext') !== v) h.setAttribute('aria-valuetext', v);
    });
  });
}
export default {
  render({ el }) {
    el.style.display = 'none';
    let root = null, obs = null, tries = 0;
    const attach = () => {
      root = el.closest('.tfl-aria-root');
      if (!root) { if (tries++ < 50) setTimeout(attach, 100); return; }
      name(root);
      obs = new MutationObserver(() => name(root));
      obs.observe(root, { subtree: true, childList: true, characterData: true,
                          attributes: true, attributeFilter: ['aria-valuenow'] });
    };
    attach();
    return () => { if (obs) obs.disconnect(); };
  }
};
"""


# --------------------------------------------------------------------------------------------
# the Explorer
# --------------------------------------------------------------------------------------------
class Explorer:
    """Base class: builds controls and a FigureWidget once, then keeps them in step."""

    name: ClassVar[str] = ""
    title: ClassVar[str] = ""
    #: key -> (label, unit, format) for the text readout; keys must be in summarize()'s result
    summary_labels: ClassVar[Mapping[str, tuple[str, str, str]]] = {}

    # ---- the five pieces a subclass writes --------------------------------------------------
    def make_controls(self) -> dict[str, widgets.ValueWidget]:
        raise NotImplementedError

    def compute(self, **values) -> dict[str, Any]:
        raise NotImplementedError

    def make_figure(self, result: dict[str, Any]) -> go.Figure:
        raise NotImplementedError

    def update_figure(self, fig: go.FigureWidget, result: dict[str, Any]) -> None:
        raise NotImplementedError

    def summarize(self, result: dict[str, Any]) -> dict[str, float]:
        raise NotImplementedError

    def describe(self, summary: dict[str, float]) -> str:
        """Plain-words description of what the figure shows now (the text alternative)."""
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
        self.figure = go.FigureWidget(self.make_figure(result))
        self._summary = self.summarize(result)
        self.readout = widgets.HTML(
            value=self._readout_html(self._summary), layout=widgets.Layout(margin="0 0 0 8px")
        )
        header = widgets.HTML(f"<h4 style='margin:4px 0'>{html.escape(self.title)}</h4>")
        self.view = widgets.VBox(
            [header, widgets.VBox(list(self.controls.values())), self.figure, self.readout, SliderNames()],
            layout=widgets.Layout(width="100%"),
        )
        self.view.add_class(SliderNames.ROOT_CLASS)
        for w in self.controls.values():
            w.observe(self._on_change, names="value")
        self._tag_for_browser_tests()

    def values(self) -> dict[str, Any]:
        """Current control values keyed by control name."""
        return {k: w.value for k, w in self.controls.items()}

    def set(self, **values: Any) -> None:
        """Set controls programmatically (validated) and update the figure once, synchronously.

        Choice controls are applied before numeric ones, so a unit switch can rescale a slider
        before the slider's new value is checked.
        """
        unknown = sorted(set(values) - set(self.controls))
        if unknown:
            raise ValueError(
                f"{type(self).__name__} has no control(s) {unknown}; controls are {sorted(self.controls)}"
            )
        order = sorted(values, key=lambda k: allowed_values(self.controls[k])[0] == "range")
        self._holding = True
        try:
            for key in order:
                w = self.controls[key]
                value = check_control_value(key, w, values[key])
                w.value = value
                self.on_control_change(key, w.value)
        finally:
            self._holding = False
        self._refresh()

    def summary(self) -> dict[str, float]:
        """The model numbers currently shown (a copy)."""
        return dict(self._summary)

    def static_figure(self) -> go.Figure:
        """A self-contained figure of the current state for static renders (no kernel needed)."""
        return self.make_figure(self.compute(**self.values()))

    # ---- internals ---------------------------------------------------------------------------
    def _on_change(self, change) -> None:
        if self._holding:
            return
        name = next(k for k, w in self.controls.items() if w is change["owner"])
        self._holding = True
        try:
            self.on_control_change(name, change["new"])
        finally:
            self._holding = False
        self._refresh()

    def _refresh(self) -> None:
        result = self.compute(**self.values())
        with self.figure.batch_update():
            self.update_figure(self.figure, result)
        self._summary = self.summarize(result)
        self.readout.value = self._readout_html(self._summary)

    def _tag_for_browser_tests(self) -> None:
        """Stable CSS classes so browser tests and benchmarks find explorers in the page:
        ``tfl-explorer tfl-name-<name>`` on the view, ``tfl-control tfl-key-<key>`` on each control,
        ``tfl-figure`` on the figure and ``tfl-readout`` on the text readout."""
        self.view.add_class("tfl-explorer")
        self.view.add_class(f"tfl-name-{self.name}")
        for key, w in self.controls.items():
            w.add_class("tfl-control")
            w.add_class(f"tfl-key-{key}")
        self.figure.add_class("tfl-figure")
        self.readout.add_class("tfl-readout")

    def _readout_html(self, summary: dict[str, float]) -> str:
        rows = "".join(
            f"<tr><th scope='row' style='text-align:left;padding-right:1em'>{html.escape(lab)}</th>"
            f"<td>{summary[k]:{fmt}} {html.escape(unit)}</td></tr>"
            for k, (lab, unit, fmt) in self.summary_labels.items()
        )
        return (
            f"<div role='status' aria-live='polite'><p>{html.escape(self.describe(summary))}</p>"
            f"<table aria-label='Current values'>{rows}</table></div>"
        )

    def _repr_mimebundle_(self, **kwargs):
        """Live widget in JupyterLab; static figure and text description for static renders."""
        bundle = self.view._repr_mimebundle_(**kwargs)
        fig = self.static_figure()
        bundle["application/vnd.plotly.v1+json"] = fig.to_plotly_json()
        text = self.describe(self._summary)
        bundle["text/html"] = (
            f"<p><strong>{html.escape(self.title)}</strong> (static view; run "
            f"the notebook to explore). {html.escape(text)}</p>"
        )
        bundle["text/plain"] = f"{self.title}: {text}"
        return bundle


def register(cls: type[Explorer]) -> type[Explorer]:
    """Class decorator: add an Explorer subclass to REGISTRY under its ``name``."""
    if not cls.name:
        raise ValueError(f"{cls.__name__} needs a non-empty `name` to be registered")
    if cls.name in REGISTRY and REGISTRY[cls.name] is not cls:
        raise ValueError(f"explorer name {cls.name!r} is already registered by {REGISTRY[cls.name].__name__}")
    REGISTRY[cls.name] = cls
    return cls


def create(name: str) -> Explorer:
    """Build the registered explorer ``name`` (ValueError lists the registered names)."""
    if name not in REGISTRY:
        raise ValueError(f"no explorer named {name!r}; registered explorers: {sorted(REGISTRY)}")
    return REGISTRY[name]()
