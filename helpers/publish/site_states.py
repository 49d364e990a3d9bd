"""Explorer states for the static site, computed at build time by the Python explorers themselves.

The page has no kernel and no copy of any model: every state a student can reach on a site page
was produced here by ``create(name)`` -> ``set(**values)`` -> the explorer's own figure,
``summary()`` and ``describe()``. The page only looks states up.

How states are chosen (per explorer, :func:`explorer_states`):

* every choice and on/off control keeps all its options;
* every slider gets a *grid*: all of its notebook steps when there are few, otherwise evenly spaced
  points on the notebook's own step lattice from min to max, plus the default value, so the page
  opens on exactly the notebook's default state. How many points a slider gets follows from a
  state budget per explorer (``max_states``): the product over sliders of the points, times the
  number of choice combinations, stays within it (a *full grid*: every combination of positions
  is reachable, so moving one control never resets another);
* a slider whose range depends on a choice (a unit switch) gets one grid per choice combination;
  switching the choice moves it the way the Python explorer does (``on_control_change``), to the
  nearest grid point of the new grid (the landing positions are computed here, with ``set()``).

Storage: the figure of each state is the explorer's figure JSON (``to_plotly_json``; arrays as
plotly's exact base64 float64 typed arrays). Only the parts that change between states are
stored per state, as columns of unique values plus, per state, an index into them; the same is
done for the readout text, the formatted readout values and the ``summary()`` numbers. The page's
payload is that JSON, gzip-compressed and base64-encoded (read with the browser's own
``DecompressionStream``).
"""

from __future__ import annotations

import base64
import gzip
import html
import itertools
import json
import math
from typing import Any

#: states per explorer at most (full grid); keeps each page's data within 2 MB and the build short
MAX_STATES = 1500
#: points every slider gets at least when the bytes allow (the state cap rises for it)
MIN_POINTS = 5
#: points a slider gets at most (a finer page slider than this adds little)
MAX_POINTS = 101
#: an explorer whose sample overestimated its bytes is computed again, finer, up to this many states
GROW_STATES = 500
ABSENT = "\u0000absent"


# ------------------------------------------------------------------------------------------
# controls
# ------------------------------------------------------------------------------------------
def _kind(w) -> str:
    from helpers.explorers.base import allowed_values

    k = allowed_values(w)[0]
    return {"range": "range", "options": "choice", "bool": "bool"}[k]


def _split_label(description: str) -> tuple[str, str]:
    """``"Total IGF-1 (nM)"`` -> ("Total IGF-1", "nM") (the unit factory's format)."""
    if description.endswith(")") and " (" in description:
        i = description.rfind(" (")
        depth = 0
        for j in range(len(description) - 1, -1, -1):
            depth += {")": 1, "(": -1}.get(description[j], 0)
            if depth == 0:
                i = j - 1
                break
        return description[:i], description[i + 2 : -1]
    return description, ""


def _fmt_value(w, value) -> str:
    fmt = getattr(w, "readout_format", None) or ("d" if type(w).__name__ == "IntSlider" else ".2f")
    try:
        return format(value, fmt)
    except (ValueError, TypeError):
        return str(value)


def slider_range(w: Any) -> dict:
    """The slider as the notebook shows it now: label, unit, min, max, step, log."""
    log = type(w).__name__ == "FloatLogSlider"
    label, unit = _split_label(w.description)
    if log:
        lo, hi, step = w.base**w.min, w.base**w.max, w.step
    else:
        lo, hi, step = w.min, w.max, w.step
    return {"label": label, "unit": unit, "min": lo, "max": hi, "step": step, "log": log}


def slider_grid(w: Any, n: int, default: float | None = None) -> list:
    """``n`` evenly spaced points of slider ``w``'s own step lattice from min to max (both
    included; every notebook step if there are at most ``n``); if ``default`` is not among them,
    the interior point nearest to it is replaced by it."""
    is_int = type(w).__name__ == "IntSlider"
    is_log = type(w).__name__ == "FloatLogSlider"
    lo, hi, step = float(w.min), float(w.max), float(w.step)  # exponents for a log slider
    steps = int(math.floor((hi - lo) / step + 1e-9))
    if steps + 1 <= n:
        ks = list(range(steps + 1))
    else:
        ks = sorted({round(i * steps / (n - 1)) for i in range(n)})
    pts = [round(lo + k * step, 10) for k in ks]
    if lo + steps * step < hi - 1e-9 * max(1.0, abs(hi)):  # max is off the step lattice
        pts.append(hi)
    if is_log:
        vals = [float(w.base**p) for p in pts]
    elif is_int:
        vals = [int(round(p)) for p in pts]
    else:
        vals = [float(p) for p in pts]
    if default is not None and not any(_same(v, default) for v in vals):
        inner = range(1, len(vals) - 1)
        if inner:  # the interior point nearest the default moves onto it (the count stays)
            vals[min(inner, key=lambda i: abs(vals[i] - default))] = default
        else:
            vals.append(default)
    return sorted(set(vals))


def _same(a, b) -> bool:
    return abs(float(a) - float(b)) <= 1e-9 * max(1.0, abs(float(a)), abs(float(b)))


def choice_options(w: Any) -> list[tuple[str, Any]]:
    """(label, value) pairs of a choice or checkbox control, in the order the page lists them."""
    if _kind(w) == "bool":
        return [("off", False), ("on", True)]
    return list(zip((str(x) for x in w._options_labels), w._options_values, strict=True))


# ------------------------------------------------------------------------------------------
# figure JSON -> flat leaves
# ------------------------------------------------------------------------------------------
_TYPED = {"float64": "f8", "float32": "f4", "int32": "i4", "int16": "i2", "int8": "i1", "uint8": "u1",
          "uint16": "u2", "uint32": "u4"}  # fmt: skip


def _plain(obj):
    """JSON-ready copy: numeric numpy arrays -> plotly.js typed arrays (``{dtype, bdata}``, exact
    little-endian bytes, as plotly.py sends them), other numpy values -> lists/numbers,
    NaN/inf -> None (plotly.js draws a gap)."""
    import numpy as np

    if isinstance(obj, dict):
        return {str(k): _plain(v) for k, v in obj.items()}
    if isinstance(obj, (list, tuple)):
        return [_plain(v) for v in obj]
    if isinstance(obj, np.ndarray):
        if obj.dtype.kind == "i" and obj.size and np.abs(obj).max() < 2**31:
            obj = obj.astype("<i4")
        name = obj.dtype.name
        if name in _TYPED and obj.ndim == 1 and (obj.dtype.kind != "f" or np.isfinite(obj).all()):
            arr = obj.astype(obj.dtype.newbyteorder("<"), copy=False)
            return {"dtype": _TYPED[name], "bdata": base64.b64encode(arr.tobytes()).decode()}
        return _plain(obj.tolist())
    if isinstance(obj, np.generic):
        return _plain(obj.item())
    if isinstance(obj, float) and not math.isfinite(obj):
        return None
    return obj


def figure_json(ex: Any, *, template: bool = False) -> dict:
    """The explorer's live figure as plain JSON: what JupyterLab draws after ``set()``.

    Read from the figure's own trace and layout properties (plotly's ``_data``/``_layout``),
    which is ~10x faster than ``to_plotly_json()``, which deep-copies the template every time;
    the template (the same in every state) only when ``template``."""
    fig = ex.figure
    data = getattr(fig, "_data", None)
    layout = getattr(fig, "_layout", None)
    if data is None or layout is None:  # not a plotly BaseFigure: its public JSON
        j = fig.to_plotly_json()
        data, layout = j["data"], j["layout"]
    out = {
        "data": [_plain(tr) for tr in data],
        "layout": {k: _plain(v) for k, v in layout.items() if k != "template"},
    }
    if template and "template" in layout:
        out["layout"]["template"] = _plain(fig.to_plotly_json()["layout"]["template"])
    return out


def _leaves(obj, prefix: tuple, out: dict) -> None:
    # dicts are walked down to their leaves; lists and plotly typed arrays ({dtype, bdata}) are leaves
    if isinstance(obj, dict) and obj and not ("bdata" in obj and "dtype" in obj):
        for k, v in obj.items():
            _leaves(v, prefix + (k,), out)
    else:
        out[prefix] = obj


def flatten(fig: dict) -> dict[tuple, Any]:
    """Every leaf of a figure dict (template left out), keyed by its path."""
    out: dict[tuple, Any] = {}
    for i, tr in enumerate(fig["data"]):
        _leaves(tr, ("data", i), out)
    _leaves({k: v for k, v in fig["layout"].items() if k != "template"}, ("layout",), out)
    return out


# ------------------------------------------------------------------------------------------
# columns: unique values + per-state indices
# ------------------------------------------------------------------------------------------
class Column:
    """One changing figure leaf over all states: its distinct values and, per state, an index into them."""

    def __init__(self) -> None:
        self.values: list = []
        self._index: dict[str, int] = {}
        self.rows: list[int] = []

    def add(self, value: Any) -> None:
        """Append the value of the next state."""
        key = json.dumps(value, sort_keys=True, separators=(",", ":"))
        i = self._index.get(key)
        if i is None:
            i = self._index[key] = len(self.values)
            self.values.append(value)
        self.rows.append(i)

    def pack(self) -> dict:
        """The column as the page stores it (distinct values plus packed indices)."""
        return {"values": self.values, "rows": _pack_ints(self.rows, len(self.values))}


def _pack_ints(rows: list[int], n_values: int):
    """Per-state indices: a single value -> 0; else base64 of little-endian uint8/uint16/uint32."""
    import numpy as np

    if n_values <= 1:
        return 0
    dtype = np.uint8 if n_values <= 256 else np.uint16 if n_values <= 65536 else np.uint32
    arr = np.asarray(rows, dtype=dtype)
    return {"dtype": np.dtype(dtype).str.lstrip("<|"), "b64": base64.b64encode(arr.tobytes()).decode()}


# ------------------------------------------------------------------------------------------
# one explorer
# ------------------------------------------------------------------------------------------
def _points(lattice: dict[str, int], max_states: float) -> dict[str, int]:
    """Points per slider so that their product stays within ``max_states``: equal shares, a
    slider with fewer notebook steps than its share keeps all of them and leaves the rest to
    the others. ``lattice`` gives each slider's number of notebook steps + 1."""
    left = dict(lattice)
    out: dict[str, int] = {}
    budget = max(max_states, 1.0)
    while left:
        share = budget ** (1.0 / len(left))
        small = {k: n for k, n in left.items() if n <= share}
        if not small:
            n = int(max(2, min(MAX_POINTS, math.floor(share + 1e-9))))
            out.update({k: n for k in left})
            break
        for k, n in small.items():
            out[k] = n
            budget /= n
            del left[k]
    return out


def _lattice_size(w) -> int:
    return int(math.floor((float(w.max) - float(w.min)) / float(w.step) + 1e-9)) + 1


def _sample_bytes(ex, choice_keys, options, slider_keys, base_flat, n: int = 12) -> float:
    """Compressed bytes a state adds: a seeded sample of states (random choices and slider
    positions), their changes from the default state compressed together as the page's are."""
    import random

    rng = random.Random(0)
    diffs = []
    for _ in range(n):
        ex.set(**{k: rng.choice(options[k])[1] for k in choice_keys})
        for k in slider_keys:
            w = ex.controls[k]
            lo, hi = float(w.min), float(w.max)
            v = lo + rng.random() * (hi - lo)
            if type(w).__name__ == "FloatLogSlider":
                v = float(w.base**v)
            elif type(w).__name__ == "IntSlider":
                v = int(round(v))
            ex.set(**{k: v})
        f = flatten(figure_json(ex))
        diff = {str(p): v for p, v in f.items() if base_flat.get(p, ABSENT) != v}
        diff["text"] = ex.describe(ex.summary())
        diff["summary"] = ex.summary()
        diffs.append(_plain(diff))
    # compressed together, as the page's states are (they share much of their text)
    return len(gzip.compress(json.dumps(diffs).encode(), mtime=0)) / n


def explorer_states(
    name: str,
    *,
    max_bytes: float = 900_000,
    max_states: int = MAX_STATES,
    per_state: float | None = None,
    ex: Any = None,
) -> dict:
    """Every reachable page state of explorer ``name``, computed by the Python explorer.

    The grid is as fine as ``max_states`` and ``max_bytes`` (the compressed size, estimated from
    a sample of states before the grid is chosen) allow."""
    from helpers.explorers import create

    ex = ex or create(name)
    defaults = ex.values()
    keys = list(ex.controls)
    kinds = {k: _kind(w) for k, w in ex.controls.items()}
    choice_keys = [k for k in keys if kinds[k] != "range"]
    slider_keys = [k for k in keys if kinds[k] == "range"]
    options = {k: choice_options(ex.controls[k]) for k in choice_keys}
    combos = list(itertools.product(*[range(len(options[k])) for k in choice_keys]))
    default_combo = tuple(
        next(i for i, (_, v) in enumerate(options[k]) if v == defaults[k]) for k in choice_keys
    )
    ex.set(**defaults)
    base_flat0 = flatten(figure_json(ex))
    if per_state is None:
        per_state = _sample_bytes(ex, choice_keys, options, slider_keys, base_flat0) if slider_keys else 1.0
    ex.set(**defaults)
    cap = max(max_states, MIN_POINTS ** len(slider_keys) * len(combos))
    room = min(cap, max_bytes / per_state) / len(combos)
    n_pts = _points({k: min(MAX_POINTS, _lattice_size(ex.controls[k])) for k in slider_keys}, room)

    # the sliders as each choice combination leaves them (a unit switch rescales one)
    ranges: dict[str, list[dict]] = {k: [] for k in slider_keys}
    grids: dict[str, list[list]] = {k: [] for k in slider_keys}
    probe = ex  # the same explorer, back at its defaults afterwards
    for combo in combos:
        probe.set(**defaults)
        probe.set(**{k: options[k][i][1] for k, i in zip(choice_keys, combo, strict=True)})
        for k in slider_keys:
            w = probe.controls[k]
            ranges[k].append(slider_range(w))
            grids[k].append(slider_grid(w, n_pts[k], defaults[k] if combo == default_combo else None))

    # where a slider lands when a choice changes (the Python explorer's own on_control_change)
    remap: dict[str, dict[str, dict[str, list[int]]]] = {}
    for k in slider_keys:
        if all(g == grids[k][0] for g in grids[k]) and all(r == ranges[k][0] for r in ranges[k]):
            continue
        remap[k] = {}
        done: dict[str, list[int]] = {}
        for a, ca in enumerate(combos):
            for b, cb in enumerate(combos):
                # the page changes one choice at a time; pairs with the same grids need nothing
                if sum(x != y for x, y in zip(ca, cb, strict=True)) != 1:
                    continue
                if grids[k][a] == grids[k][b] and ranges[k][a] == ranges[k][b]:
                    continue
                sig = json.dumps([grids[k][a], ranges[k][a], grids[k][b], ranges[k][b],
                                  [ca[i] != cb[i] for i in range(len(ca))]])  # fmt: skip
                if sig not in done:
                    land = []
                    for v in grids[k][a]:
                        probe.set(
                            **{kk: options[kk][i][1] for kk, i in zip(choice_keys, ca, strict=True)}, **{k: v}
                        )
                        probe.set(**{kk: options[kk][i][1] for kk, i in zip(choice_keys, cb, strict=True)})
                        got = probe.controls[k].value
                        land.append(min(range(len(grids[k][b])), key=lambda j: abs(grids[k][b][j] - got)))
                    done[sig] = land
                remap[k].setdefault(str(a), {})[str(b)] = done[sig]

    # enumerate: state = offset[combo] + mixed radix over the sliders' grid positions
    ex.set(**defaults)
    base = figure_json(ex, template=True)
    base_flat = flatten(base)
    offsets, n_states = [], 0
    flats: list[dict] = []
    summaries: list[dict] = []
    texts: list[str] = []
    readouts: list[list[str]] = []
    values_seen: list[dict] = []
    for ci, combo in enumerate(combos):
        offsets.append(n_states)
        choice_vals = {k: options[k][i][1] for k, i in zip(choice_keys, combo, strict=True)}
        for pos in itertools.product(*[range(len(grids[k][ci])) for k in slider_keys]):
            vals = dict(choice_vals, **{k: grids[k][ci][p] for k, p in zip(slider_keys, pos, strict=True)})
            ex.set(**vals)
            s = ex.summary()
            flats.append(flatten(figure_json(ex)))
            summaries.append({k: _plain(float(v)) for k, v in s.items()})
            texts.append(ex.describe(s))
            # the rows the notebook's readout shows (an explorer may label them by state)
            readouts.append(
                [
                    [k, lab, unit, f"{s[k]:{fmt}} {unit}".strip()]
                    for k, (lab, unit, fmt) in ex.summary_labels.items()
                ]
            )
            values_seen.append(vals)
            n_states += 1
    ex.set(**defaults)

    # the figure parts that change between states become columns
    all_paths = set(base_flat)
    for f in flats:
        all_paths.update(f)
    varying = sorted(
        (p for p in all_paths if any(f.get(p, ABSENT) != base_flat.get(p, ABSENT) for f in flats)),
        key=lambda p: [str(x) for x in p],
    )
    fig_cols = []
    for p in varying:
        col = Column()
        for f in flats:
            col.add(f.get(p, ABSENT))
        fig_cols.append({"path": list(p), **col.pack()})
    summary_cols = {}
    for key in summaries[0]:
        col = Column()
        for s in summaries:
            col.add(s[key])
        summary_cols[key] = col.pack()
    text_col = Column()
    for t in texts:
        text_col.add(t)
    readout_col = Column()
    for r in readouts:
        readout_col.add(r)

    default_pos = {k: grids[k][combos.index(default_combo)].index(defaults[k]) for k in slider_keys}
    controls = []
    for k in keys:
        w = ex.controls[k]
        if kinds[k] == "range":
            controls.append(
                {
                    "key": k,
                    "kind": "range",
                    "int": type(w).__name__ == "IntSlider",
                    "ranges": ranges[k],
                    "grids": grids[k],
                    "texts": [[_fmt_value(w, v) for v in g] for g in grids[k]],
                    "default": default_pos[k],
                    "remap": remap.get(k, {}),
                }
            )
        else:
            label = w.description if kinds[k] == "choice" else w.description
            controls.append(
                {
                    "key": k,
                    "kind": kinds[k],
                    "widget": type(w).__name__,
                    "label": label,
                    "options": [[t, v] for t, v in options[k]],
                    "default": default_combo[choice_keys.index(k)],
                }
            )
    return {
        "name": name,
        "title": ex.title,
        "controls": controls,
        "choice_keys": choice_keys,
        "slider_keys": slider_keys,
        "offsets": offsets,
        "n_states": n_states,
        "base": base,
        "figure": fig_cols,
        "summary": summary_cols,
        "describe": text_col.pack(),
        "readout": readout_col.pack(),
        "default_state": _state_index(
            default_combo, default_pos, combos, offsets, slider_keys, grids, choice_keys
        ),
        "absent": ABSENT,
    }


def estimate(name: str, ex: Any = None) -> tuple[float, int]:
    """(compressed bytes per state, number of states wanted) of explorer ``name``: the states
    wanted are the full grid at the finest the state cap allows."""
    from helpers.explorers import create

    ex = ex or create(name)
    defaults = ex.values()
    keys = list(ex.controls)
    choice_keys = [k for k in keys if _kind(ex.controls[k]) != "range"]
    slider_keys = [k for k in keys if _kind(ex.controls[k]) == "range"]
    options = {k: choice_options(ex.controls[k]) for k in choice_keys}
    n_combos = math.prod(len(options[k]) for k in choice_keys)
    base_flat = flatten(figure_json(ex))
    per = _sample_bytes(ex, choice_keys, options, slider_keys, base_flat) if slider_keys else 1.0
    ex.set(**defaults)
    cap = max(MAX_STATES, MIN_POINTS ** len(slider_keys) * n_combos)
    pts = _points({k: min(MAX_POINTS, _lattice_size(ex.controls[k])) for k in slider_keys}, cap / n_combos)
    return per, n_combos * math.prod(pts.values())


#: each page's own files (its HTML and its data) stay within 2 MB: the HTML is about 0.4 MB
PAGE_BYTES = 2_000_000
PAGE_DATA_BYTES = 1_550_000


def page_states(names: list[str], max_bytes: float = PAGE_DATA_BYTES) -> dict[str, dict]:
    """The states of every explorer on one page, sharing the page's byte budget: an explorer that
    needs less than an equal share leaves the rest to the others (water filling on bytes per
    state estimated from a sample of states). One explorer instance each, in this process."""
    from helpers.explorers import create

    instances = {n: create(n) for n in names}
    est = {n: estimate(n, instances[n]) for n in names}
    order = sorted(names, key=lambda n: est[n][0] * est[n][1])
    budget, share = max_bytes, {}
    for i, n in enumerate(order):
        share[n] = min(budget / (len(order) - i), est[n][0] * est[n][1])
        budget -= share[n]
    res = {n: explorer_states(n, max_bytes=share[n], per_state=est[n][0], ex=instances[n]) for n in names}
    # an estimate that was too low: that explorer again, from its real bytes per state
    size = {n: len(encode_payload(res[n])) for n in names}
    if sum(size.values()) > max_bytes:
        for n in sorted(names, key=lambda n: size[n] - share[n], reverse=True):
            if size[n] > share[n]:
                real = size[n] / res[n]["n_states"] * 1.1
                res[n] = explorer_states(n, max_bytes=share[n], per_state=real, ex=instances[n])
        return res
    # estimates that were too high, for a small grid: that explorer again, finer, from its real
    # bytes per state and the bytes the others left (cheap: few states)
    spare = max_bytes - sum(size.values())
    for n in sorted(names, key=lambda n: size[n]):
        real = size[n] / res[n]["n_states"] * 1.1
        target = min((size[n] + spare) / real, GROW_STATES, est[n][1])
        if target > 1.5 * res[n]["n_states"] and MIN_POINTS ** len(res[n]["slider_keys"]) <= GROW_STATES:
            res[n] = explorer_states(
                n, max_bytes=size[n] + spare, max_states=GROW_STATES, per_state=real, ex=instances[n]
            )
            spare -= len(encode_payload(res[n])) - size[n]
    return res


def _state_index(combo, pos, combos, offsets, slider_keys, grids, choice_keys) -> int:
    ci = combos.index(tuple(combo))
    idx = 0
    for k in slider_keys:
        idx = idx * len(grids[k][ci]) + pos[k]
    return offsets[ci] + idx


def state_values(payload: dict, state: int) -> dict:
    """The control values of page state ``state`` (the inverse of the page's indexing)."""
    ci = max(i for i, off in enumerate(payload["offsets"]) if off <= state)
    rest = state - payload["offsets"][ci]
    by_key = {c["key"]: c for c in payload["controls"]}
    sizes = [len(by_key[k]["options"]) for k in payload["choice_keys"]]
    combo, r = [], ci
    for n in reversed(sizes):
        combo.append(r % n)
        r //= n
    combo.reverse()
    vals = {k: by_key[k]["options"][i][1] for k, i in zip(payload["choice_keys"], combo, strict=True)}
    for k in reversed(payload["slider_keys"]):
        g = by_key[k]["grids"][ci]
        vals[k] = g[rest % len(g)]
        rest //= len(g)
    return vals


# ------------------------------------------------------------------------------------------
# the page's payload
# ------------------------------------------------------------------------------------------
def encode_payload(obj: dict) -> str:
    """gzip (deterministic: mtime 0) + base64 of compact JSON."""
    raw = json.dumps(obj, separators=(",", ":"), allow_nan=False).encode()
    return base64.b64encode(gzip.compress(raw, compresslevel=9, mtime=0)).decode()


def decode_payload(text: str) -> dict:
    """Inverse of ``encode_payload`` (tests read the page data back with it)."""
    return json.loads(gzip.decompress(base64.b64decode(text)))


def data_script(payload: dict) -> str:
    """The page's own data file (a script, so it loads from file:// where fetch() may not)."""
    return f'window.TFL_PAGE_DATA = "{encode_payload(payload)}";\n'


def column_value(col: dict, state: int) -> Any:
    """Value of a packed column at ``state`` (the page's lookup, in Python)."""
    import numpy as np

    rows = col["rows"]
    if isinstance(rows, int):
        return col["values"][0]
    arr = np.frombuffer(base64.b64decode(rows["b64"]), dtype="<" + rows["dtype"])
    return col["values"][int(arr[state])]


def _e(x) -> str:
    return html.escape(str(x), quote=True)


def explorer_html(payload: dict) -> str:
    """The explorer's section on a page: the same controls (labels, units, ranges) as in the
    notebook, a figure and a readout, in plain HTML; tfl-site.js wires them to the states.
    Classes follow the DOM conventions of docs/architecture.md §3 (tfl-explorer, tfl-control, ...)."""
    name = payload["name"]
    uid = f"tfl-{name}"
    ci0 = payload["offsets"].index(max(o for o in payload["offsets"] if o <= payload["default_state"]))
    s0 = payload["default_state"]
    describe = column_value(payload["describe"], s0)
    rows = "".join(
        f'<tr><th scope="row">{_e(lab)}</th><td>{_e(text)}</td></tr>'
        for _key, lab, _unit, text in column_value(payload["readout"], s0)
    )
    parts = [
        f'<section class="tfl-explorer tfl-name-{_e(name)}" data-tfl-explorer="{_e(name)}" '
        f'aria-labelledby="{uid}-title">',
        f'<h4 class="tfl-explorer-title" id="{uid}-title">{_e(payload["title"])}</h4>',
        '<div class="tfl-controls">',
    ]
    for c in payload["controls"]:
        key, cid = c["key"], f"{uid}-{c['key']}"
        cls = f"tfl-control tfl-key-{_e(key)}"
        if c["kind"] == "range":
            r, grid, texts = c["ranges"][ci0], c["grids"][ci0], c["texts"][ci0]
            d = c["default"]
            unit = f" {r['unit']}" if r["unit"] else ""
            lo, hi = texts[0], texts[-1]
            parts.append(
                f'<div class="{cls} tfl-slider" data-key="{_e(key)}">'
                f'<label for="{cid}"><span class="tfl-label">{_e(r["label"])}</span>'
                f'<span class="tfl-unit">{_e(" (" + r["unit"] + ")" if r["unit"] else "")}</span></label>'
                f'<div class="tfl-slider-row"><input type="range" id="{cid}" min="0" max="{len(grid) - 1}" '
                f'step="1" value="{d}" aria-valuetext="{_e(texts[d] + unit)}">'
                f'<output for="{cid}" class="tfl-value">{_e(texts[d])}</output></div>'
                f'<div class="tfl-ends"><span class="tfl-min">{_e(lo)}</span> to '
                f'<span class="tfl-max">{_e(hi)}</span><span class="tfl-ends-unit">{_e(unit)}</span>'
                f" · {len(grid)} positions on this page</div></div>"
            )
        elif c["kind"] == "bool":
            checked = " checked" if c["options"][c["default"]][1] else ""
            parts.append(
                f'<div class="{cls} tfl-check" data-key="{_e(key)}"><input type="checkbox" id="{cid}"{checked}>'
                f'<label for="{cid}">{_e(c["label"])}</label></div>'
            )
        elif c["widget"] in ("ToggleButtons", "RadioButtons"):
            radios = "".join(
                f'<label class="tfl-radio"><input type="radio" name="{cid}" value="{i}"'
                f"{' checked' if i == c['default'] else ''}> {_e(t)}</label>"
                for i, (t, _v) in enumerate(c["options"])
            )
            parts.append(
                f'<fieldset class="{cls} tfl-choice" data-key="{_e(key)}">'
                f"<legend>{_e(c['label'])}</legend>{radios}</fieldset>"
            )
        else:
            opts = "".join(
                f'<option value="{i}"{" selected" if i == c["default"] else ""}>{_e(t)}</option>'
                for i, (t, _v) in enumerate(c["options"])
            )
            parts.append(
                f'<div class="{cls} tfl-select" data-key="{_e(key)}"><label for="{cid}">{_e(c["label"])}</label>'
                f'<select id="{cid}">{opts}</select></div>'
            )
    parts += [
        "</div>",
        f'<figure class="tfl-live-figure" aria-labelledby="{uid}-title">'
        f'<div class="tfl-figure tfl-plotly" id="{uid}-figure"></div></figure>',
        f'<div class="tfl-readout" id="{uid}-readout"><p class="tfl-describe">{_e(describe)}</p>'
        f'<table class="tfl-values"><caption>Current values</caption><tbody>{rows}</tbody></table></div>',
        '<p class="tfl-your-prediction"></p>',
        f'<p class="tfl-announce tfl-sr-only" role="status" aria-live="polite" id="{uid}-announce"></p>',
        "<noscript><p>This explorer needs JavaScript in the page (no server, no network).</p></noscript>",
        "</section>",
    ]
    return "".join(parts)
