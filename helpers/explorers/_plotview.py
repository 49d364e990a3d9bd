"""``PlotView``: the widget that shows an explorer's figure in the browser with the plotly.js the
page already has, so plotly.js never travels through the kernel websocket.

Why not ``go.FigureWidget``: since plotly 6 every FigureWidget carries plotly's whole widget bundle
(about 4.9 MB: plotly.js plus the widget code) as its anywidget ESM. Each figure sends it through
the websocket, and the browser compiles it once per figure. anywidget gives a model two seconds to
load its ESM and run ``initialize`` ("[anywidget] Failed to initialize model." after
``AbortSignal.timeout(2000)`` in anywidget's runtime); compiling several 5 MB modules at once on a
loaded machine takes longer, which is what blanked explorer figures under load.

Here the ESM is about 15 KB (its comments stripped) and does not wait for plotly.js in
``initialize``; its first draw waits for an idle moment, so that no long task of ours runs while
other widgets still load.
plotly.js itself is the copy that plotly's own JupyterLab extension (``jupyterlab-plotly``,
installed with the plotly package) serves over HTTP: JupyterLab, Notebook 7 and Voilà load that
mime-renderer extension when the page starts (versioned URL, cached by the browser, no CDN), and
its renderer class ``RenderedPlotly`` loads plotly.js once and keeps it as ``RenderedPlotly.Plotly``.
Every PlotView on the page asks it for that copy. Where no such extension is loaded (Google
Colab, VS Code), the ESM loads the same plotly.js version once per page from plotly's CDN; that
needs a network connection (docs/explorer_delivery.md).

The figure travels as one JSON string (``plotly.io.to_json``; 3–31 KB for our explorers), redrawn
with ``Plotly.react`` (which matches traces by ``uid``). The browser always draws the latest state it
received, so a burst of changes can never leave an older figure on screen.
"""

from __future__ import annotations

import base64
import json

import anywidget
import numpy as np
import plotly
import plotly.graph_objects as go
import plotly.io as pio
import traitlets

from .. import _focus

PLOTLY_JS_VERSION = plotly.offline.get_plotlyjs_version()
#: CSS class of an explorer's view; the PlotView inside names the view's slider handles
ARIA_ROOT_CLASS = "tfl-aria-root"

#: quiet time (ms) of an explorer's controls and readout before the readout is announced
SETTLE_MS = 1000

#: the lowest a figure gets when it shrinks so that an explorer fits the notebook area (px)
MIN_FIGURE_HEIGHT = 320

#: focus colour: 7.2:1 on JupyterLab's light background (#ffffff); in the dark theme (background
#: #111111) a light blue with 9.0:1; one pair for explorers, self-checks and tables (helpers._focus)
FOCUS_LIGHT, FOCUS_DARK = _focus.FOCUS_LIGHT, _focus.FOCUS_DARK

#: figure colours in JupyterLab's dark theme (its background is #111111): text #e6e6e6 is 15:1,
#: the house colours keep >= 3:1 for lines except black, which is drawn in the text colour
DARK = {"bg": "#111111", "text": "#e6e6e6", "grid": "#3a3a3a", "line": "#bbbbbb"}

#: the project's CSS for explorers in the live notebook (one place; the PlotView ESM adds it to the
#: page once): a 3 px focus outline of >= 3:1 on every explorer control and on the figure's
#: toolbar (WCAG 2.4.7, 1.4.11); the toolbar visible while it has focus; the announcer hidden
EXPLORER_CSS = f"""
.tfl-explorer :is(input, select, button, textarea, [role=slider], [tabindex]):focus {{
  outline: 3px solid {FOCUS_LIGHT} !important; outline-offset: 1px !important; box-shadow: none !important;
}}
body[data-jp-theme-light='false'] .tfl-explorer :is(input, select, button, textarea, [role=slider],
  [tabindex]):focus {{ outline-color: {FOCUS_DARK} !important; }}
.tfl-explorer .modebar:focus-within, .tfl-explorer .modebar:focus-within > * {{ opacity: 1 !important; }}
.tfl-sr-only {{
  position: absolute !important; width: 1px; height: 1px; padding: 0; margin: -1px; overflow: hidden;
  clip: rect(0, 0, 0, 0); white-space: nowrap; border: 0;
}}
"""

#: the data table on request (see ``dataTable`` in the ESM): a disclosure button under the figure
#: and, when open, one table per series in a scrolling region (its header row stays in view)
DATA_TABLE_CSS = """
.tfl-data { margin: 2px 0 6px 8px; }
.tfl-data-toggle { padding: 3px 12px; border: 1px solid #767676; background: #f5f5f5; color: #1a1a1a;
  cursor: pointer; font: inherit; }
.tfl-data-tables { max-height: 24em; overflow: auto; margin-top: 6px; max-width: 100%; }
.tfl-data-tables p { margin: 4px 0; }
.tfl-data-tables table { border-collapse: collapse; margin: 0 0 12px; font-size: 0.95em; }
.tfl-data-tables caption { text-align: left; font-weight: bold; padding: 2px 0; }
.tfl-data-tables th, .tfl-data-tables td { text-align: left; padding: 1px 12px 1px 0; vertical-align: top; }
.tfl-data-tables td { font-variant-numeric: tabular-nums; }
.tfl-data-tables thead th { position: sticky; top: 0; background: var(--jp-layout-color0, #ffffff);
  border-bottom: 1px solid #767676; }
"""

#: the disclosure button's text, closed and open
DATA_TABLE_SHOW, DATA_TABLE_HIDE = "Show the figure's data as a table", "Hide the figure's data table"

#: plain script (no import/export): finds plotly.js and decodes plotly.py's typed arrays; used by
#: the widget ESM and by the static view of a reopened notebook (Explorer._reopen_html)
LOADER_JS = """
const CDN = 'https://cdn.plot.ly/plotly-__PLOTLY_JS_VERSION__.min.js';
let loading = null;

function fromLabExtension() {
  // plotly's JupyterLab mime extension (jupyterlab-plotly): Lab, Notebook 7 and Voila load its
  // module at start-up; its renderer loads plotly.js on first use and keeps it as
  // RenderedPlotly.Plotly. Ask it for that copy, loading it now if no plotly output did yet.
  const c = window._JUPYTERLAB && window._JUPYTERLAB['jupyterlab-plotly'];
  if (!c || typeof c.get !== 'function') return Promise.resolve(null);
  const load = async () => {
    const m = (await c.get('./mimeExtension'))();
    const R = m && m.RenderedPlotly;
    if (!R) return null;
    if (!R.Plotly && R.loadingPlotly) {
      const r = new R({ mimeType: m.MIME_TYPE });
      // an empty figure on a detached node: only the loading of plotly.js matters here
      Promise.resolve(r.createGraph({ data: { [m.MIME_TYPE]: { data: [], layout: {} } },
                                      setData() {} })).catch(() => {});
      await R.loadingPlotly;
    }
    return R.Plotly || window.Plotly || null;
  };
  return load().catch(() => null);
}

function fromCdn() {
  return new Promise((resolve, reject) => {
    const s = document.createElement('script');
    s.src = CDN;
    s.onload = () => resolve(window.Plotly);
    s.onerror = () => reject(new Error('plotly.js is not available in this page and ' + CDN +
                                       ' could not be loaded'));
    document.head.appendChild(s);
  });
}

// plotly.py writes numpy arrays as {dtype, bdata (base64), shape}; turn them into typed arrays
// so that gd.data holds plain arrays, as with any other plotly figure
const TYPED = { f8: Float64Array, f4: Float32Array, i4: Int32Array, u4: Uint32Array,
                i2: Int16Array, u2: Uint16Array, i1: Int8Array, u1: Uint8Array,
                u1c: Uint8ClampedArray };
function decode(v) {
  if (Array.isArray(v)) return v.map(decode);
  if (!v || typeof v !== 'object') return v;
  if (typeof v.bdata === 'string' && TYPED[v.dtype]) {
    const bin = atob(v.bdata), bytes = new Uint8Array(bin.length);
    for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
    const flat = new TYPED[v.dtype](bytes.buffer);
    if (!v.shape || !String(v.shape).includes(',')) return flat;
    const [rows, cols] = String(v.shape).split(',').map(Number);
    return Array.from({ length: rows }, (_, r) => flat.subarray(r * cols, (r + 1) * cols));
  }
  const out = {};
  for (const k in v) out[k] = decode(v[k]);
  return out;
}

function getPlotly() {
  if (window.Plotly && window.Plotly.react) return Promise.resolve(window.Plotly);
  if (!loading) {
    loading = fromLabExtension().then((P) => (P && P.react ? P : fromCdn()));
  }
  return loading;
}
""".replace("__PLOTLY_JS_VERSION__", PLOTLY_JS_VERSION)

#: plain script (no import/export), part of the widget ESM and of the static site's pages: the
#: figure's data as a table on request, one piece of code for every explorer
DATA_TABLE_JS = r"""
// The figure's data as a table, on request (a text alternative for the numbers of a chart): a
// disclosure button under the figure (one tab stop while closed); when open, one table per
// series, built from the traces as drawn: the trace name as caption, the axis titles (which carry
// the units) as column headers, every point, error-bar ends and text labels. Series on hidden
// axes (a diagram) are named, not tabulated, except a diagram's labelled steps (text with hover
// text: notebook 01's pathway), listed with what their hover text says (keyboard users reach it
// only here); the text description below tells what the diagram shows.
// Rebuilt on opening and after every redraw while open; closed, it costs nothing.
const DATA_SHOW = __DATA_SHOW__, DATA_HIDE = __DATA_HIDE__;
const esc = (v) => String(v).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const plain = (t) => {
  const v = t && typeof t === 'object' ? t.text : t;
  return (v === undefined || v === null ? '' : String(v)).replace(/<br\s*\/?>/gi, ' ')
    .replace(/<[^>]*>/g, '').replace(/\s+/g, ' ').trim();
};
const num = (v) => (typeof v === 'number' && Number.isFinite(v) && !Number.isInteger(v)
  ? String(Number(v.toPrecision(4))) : (v === undefined || v === null ? '' : plain(v)));
function axisOf(layout, letter, ref) {
  let ax = layout[letter + 'axis' + String(ref || letter).slice(1)] || {};
  const hidden = ax.visible === false;
  // an axis shared with another (`matches`) has its title there
  for (let i = 0; i < 4 && !plain(ax.title) && ax.matches; i++) {
    ax = layout[letter + 'axis' + String(ax.matches).slice(1)] || {};
  }
  return { title: plain(ax.title), hidden };
}
function seriesTable(t, i, layout) {
  const xs = t.x ? Array.from(t.x) : null, ys = t.y ? Array.from(t.y) : null;
  const n = Math.max(xs ? xs.length : 0, ys ? ys.length : 0);
  const name = plain(t.name) || 'Series ' + (i + 1);
  if (!n || t.visible === false) return null;
  const xa = axisOf(layout, 'x', t.xaxis), ya = axisOf(layout, 'y', t.yaxis);
  if (xa.hidden && ya.hidden) {
    const words = Array.isArray(t.text) ? t.text : null, more = Array.isArray(t.hovertext) ? t.hovertext : null;
    if (!words || !more || words.length !== more.length) return { skipped: name };
    const rows = words.map((w, k) => '<tr><td>' + esc(plain(w)) + '</td><td>' + esc(plain(more[k])) + '</td></tr>');
    return { html: '<table><caption>' + esc(name) + ' (' + rows.length + (rows.length === 1 ? ' step' : ' steps') +
      ')</caption><thead><tr><th scope="col">Step and state</th><th scope="col">Details (hover text)</th></tr></thead><tbody>' +
      rows.join('') + '</tbody></table>' };
  }
  const at = (a, k) => (a ? a[k] : k);
  const xcol = { head: xa.title || (xs && typeof xs[0] === 'string' ? 'Category' : 'x'), get: (k) => at(xs, k) };
  const ycol = { head: ya.title || (ys && typeof ys[0] === 'string' ? 'Category' : 'y'), get: (k) => at(ys, k) };
  const cols = t.orientation === 'h' ? [ycol, xcol] : [xcol, ycol];
  for (const [e, col, vals] of [[t.error_x, xcol, xs], [t.error_y, ycol, ys]]) {
    if (!e || e.visible === false || !e.array || !vals) continue;
    const up = Array.from(e.array), down = e.arrayminus && e.symmetric !== true ? Array.from(e.arrayminus) : up;
    cols.push({ head: col.head + ', error bar low', get: (k) => vals[k] - down[k] });
    cols.push({ head: col.head + ', error bar high', get: (k) => vals[k] + up[k] });
  }
  const text = Array.isArray(t.text) || ArrayBuffer.isView(t.text) ? Array.from(t.text) : null;
  if (text && (t.type === 'bar' || String(t.mode || '').includes('text'))) {
    cols.push({ head: 'Label', get: (k) => text[k] });
  }
  // a gap (null x or y: where a line is broken between, e.g., participants) is no point
  const gap = (v) => v === null || v === undefined || (typeof v === 'number' && Number.isNaN(v));
  const rows = [];
  for (let k = 0; k < n; k++) {
    if (gap(xcol.get(k)) || gap(ycol.get(k))) continue;
    rows.push('<tr>' + cols.map((c) => '<td>' + esc(num(c.get(k))) + '</td>').join('') + '</tr>');
  }
  if (!rows.length) return null;
  const note = t.visible === 'legendonly' ? ', hidden in the figure' : '';
  const m = rows.length;
  return { html: '<table><caption>' + esc(name) + ' (' + m + (m === 1 ? ' point' : ' points') + note +
    ')</caption><thead><tr>' + cols.map((c) => '<th scope="col">' + esc(c.head) + '</th>').join('') +
    '</tr></thead><tbody>' + rows.join('') + '</tbody></table>' };
}
function dataTablesHtml(gd) {
  const layout = gd.layout || {};
  const parts = (gd.data || []).map((t, i) => seriesTable(t, i, layout)).filter(Boolean);
  const tables = parts.filter((p) => p.html), skipped = parts.filter((p) => p.skipped).map((p) => p.skipped);
  const intro = '<p>' + tables.length + ' series' +
    ', every point as drawn (numbers to 4 significant digits).' +
    (skipped.length ? ' Not tabulated (a diagram without axes; the text below describes it): ' +
      esc(skipped.join('; ')) + '.' : '') + '</p>';
  return intro + tables.map((p) => p.html).join('');
}
let dataIds = 0;
function dataTable(el) {
  let box = null, btn = null, region = null;
  const open = () => !!(region && !region.hidden);
  const fill = () => { if (open()) region.innerHTML = dataTablesHtml(el); };
  const make = () => {
    if (box || !el.parentNode) return;
    const id = 'tfl-data-' + (++dataIds) + '-' + Math.random().toString(36).slice(2, 8);
    box = document.createElement('div');
    box.className = 'tfl-data';
    // Enter and Space work the button, arrow keys scroll the open region; JupyterLab's command
    // mode never sees them (Lumino matches a shortcut's selector from the focused element up and
    // stops at this attribute, so the focusable elements themselves carry it)
    box.setAttribute('data-lm-suppress-shortcuts', 'true');
    btn = document.createElement('button');
    btn.type = 'button';
    btn.className = 'tfl-data-toggle';
    btn.setAttribute('aria-expanded', 'false');
    btn.setAttribute('aria-controls', id);
    btn.textContent = DATA_SHOW;
    btn.setAttribute('data-lm-suppress-shortcuts', 'true');
    region = document.createElement('div');
    region.className = 'tfl-data-tables';
    region.id = id;
    region.hidden = true;
    region.tabIndex = 0;
    region.setAttribute('role', 'region');
    region.setAttribute('data-lm-suppress-shortcuts', 'true');
    const title = plain((el.layout || {}).title);
    region.setAttribute('aria-label', 'Data of the figure' + (title ? ': ' + title : ''));
    btn.addEventListener('click', () => {
      region.hidden = !region.hidden;
      btn.setAttribute('aria-expanded', String(!region.hidden));
      btn.textContent = region.hidden ? DATA_SHOW : DATA_HIDE;
      if (region.hidden) region.textContent = ''; else fill();
    });
    box.appendChild(btn);
    box.appendChild(region);
    // after the figure's text description (the readout) in an explorer, so the button costs the
    // figure no height when it fits a 768 px window; right under the figure elsewhere (the site)
    const owner = el.closest('.tfl-explorer');
    const readout = owner && owner.querySelector('.tfl-readout');
    (readout || el).after(box);
  };
  return { sync: () => { make(); fill(); }, remove: () => { if (box) box.remove(); } };
}

""".replace("__DATA_SHOW__", json.dumps(DATA_TABLE_SHOW)).replace(
    "__DATA_HIDE__", json.dumps(DATA_TABLE_HIDE)
)


def _compact_js(src: str) -> str:
    """``src`` without its comment-only lines and indentation (every PlotView sends its ESM, so
    the comments stay here, in the Python source). Safe for this code: no template literal or
    string spans a line."""
    lines = (line.strip() for line in src.split("\n"))
    return "\n".join(line for line in lines if line and not line.startswith("//"))


_ESM = _compact_js(
    (
        LOADER_JS
        + DATA_TABLE_JS
        + """
// ipywidgets' slider handle (role="slider") has no accessible name of its own (WCAG 4.1.2, axe
// aria-input-field-name): give every handle in this explorer's view the slider's visible label
// as aria-label and the readout as aria-valuetext. Nothing is sent to the kernel.
function nameSliders(root) {
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

function watchSliders(el) {
  let obs = null, tries = 0, timer = null;
  const attach = () => {
    const root = el.closest('.__ARIA_ROOT__');
    if (!root) { if (tries++ < 50) timer = setTimeout(attach, 100); return; }
    nameSliders(root);
    obs = new MutationObserver(() => nameSliders(root));
    obs.observe(root, { subtree: true, childList: true, characterData: true,
                        attributes: true, attributeFilter: ['aria-valuenow'] });
  };
  attach();
  return () => { clearTimeout(timer); if (obs) obs.disconnect(); };
}

// the project's CSS for explorers in the live notebook, added once per page (EXPLORER_CSS)
function addCss() {
  if (document.getElementById('tfl-explorer-css')) return;
  const s = document.createElement('style');
  s.id = 'tfl-explorer-css';
  s.textContent = __EXPLORER_CSS__ + __DATA_TABLE_CSS__;
  document.head.appendChild(s);
}

// plotly's modebar as one tab stop (WAI-ARIA toolbar): Tab reaches one button, arrow keys, Home
// and End move between its buttons and never reach JupyterLab's command mode
function oneTabStop(el) {
  const bar = el.querySelector('.modebar');
  const btns = bar ? [...bar.querySelectorAll('.modebar-btn')] : [];
  if (!btns.length) return;
  bar.setAttribute('role', 'toolbar');
  bar.setAttribute('aria-label', 'Figure tools');
  bar.setAttribute('data-lm-suppress-shortcuts', 'true');
  const cur = Math.max(0, btns.findIndex((b) => b.dataset.tflRoving === 'on'));
  btns.forEach((b, i) => { b.tabIndex = i === cur ? 0 : -1; b.dataset.tflRoving = i === cur ? 'on' : 'off'; });
  if (bar.dataset.tflKeys) return;
  bar.dataset.tflKeys = '1';
  bar.addEventListener('keydown', (e) => {
    const bs = [...bar.querySelectorAll('.modebar-btn')];
    const i = bs.indexOf(document.activeElement);
    const n = bs.length;
    const j = i < 0 ? null : { ArrowRight: (i + 1) % n, ArrowDown: (i + 1) % n, ArrowLeft: (i + n - 1) % n,
                               ArrowUp: (i + n - 1) % n, Home: 0, End: n - 1 }[e.key];
    if (j === undefined || j === null) return;
    e.preventDefault();
    e.stopPropagation();
    bs.forEach((b, k) => { b.tabIndex = k === j ? 0 : -1; b.dataset.tflRoving = k === j ? 'on' : 'off'; });
    bs[j].focus();
  });
}

// the readout is not a live region (it changes at every slider step); a hidden polite region
// next to it says the readout once, after the controls and the readout have been quiet for
// SETTLE_MS (a held arrow key or a burst of kernel replies gives one announcement)
const SETTLE_MS = __SETTLE_MS__;
function announceWhenSettled(root) {
  const readout = root.querySelector('.tfl-readout');
  if (!readout) return null;
  if (root.querySelector(':scope > .tfl-announce')) return () => {};
  const box = document.createElement('div');
  box.className = 'tfl-announce tfl-sr-only';
  box.setAttribute('role', 'status');
  box.setAttribute('aria-live', 'polite');
  box.setAttribute('aria-atomic', 'true');
  root.appendChild(box);
  const text = () => (readout.innerText || readout.textContent || '').replace(/\\s+/g, ' ').trim();
  let last = text(), timer = null;
  const later = () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      const t = text();
      if (t && t !== last) { last = t; box.textContent = t; }
    }, SETTLE_MS);
  };
  const obs = new MutationObserver(later);
  obs.observe(readout, { subtree: true, childList: true, characterData: true });
  const kinds = ['keydown', 'pointerdown', 'input', 'change'];
  kinds.forEach((k) => root.addEventListener(k, later, true));
  return () => { clearTimeout(timer); obs.disconnect(); kinds.forEach((k) => root.removeEventListener(k, later, true)); };
}

function watchRoot(el) {
  let undo = null, tries = 0, timer = null;
  const attach = () => {
    const root = el.closest('.__ARIA_ROOT__');
    undo = root ? announceWhenSettled(root) : null;
    if (!undo && tries++ < 100) timer = setTimeout(attach, 100);
  };
  attach();
  return () => { clearTimeout(timer); if (undo) undo(); };
}

// JupyterLab's dark theme: the figure's background, text, grid and axis lines follow it (the
// light-theme figure would be a glaring white box); black series become light grey
const DARK = __DARK__;
const isDark = () => document.body && document.body.dataset.jpThemeLight === 'false';
function themed(fig) {
  const layout = fig.layout || {};
  if (!isDark()) return { data: fig.data || [], layout };
  const axis = (a) => ({ ...(a || {}), gridcolor: DARK.grid, linecolor: DARK.line });
  const out = { ...layout, paper_bgcolor: DARK.bg, plot_bgcolor: DARK.bg,
                font: { ...(layout.font || {}), color: DARK.text },
                legend: { ...(layout.legend || {}), bgcolor: 'rgba(0,0,0,0)' },
                xaxis: axis(layout.xaxis), yaxis: axis(layout.yaxis) };
  for (const k of Object.keys(layout)) if (/^[xy]axis\\d+$/.test(k)) out[k] = axis(layout[k]);
  // a label's white ground (a value beside a marker) takes the dark background
  if (layout.annotations) out.annotations = layout.annotations.map((a) => (a.bgcolor ? { ...a, bgcolor: DARK.bg } : a));
  const light = (c) => (typeof c === 'string' && /^(#000000|#000|black)$/i.test(c) ? DARK.text : c);
  const data = (fig.data || []).map((t) => {
    const u = { ...t };  // plotly tells a missing key from an undefined one: add none
    if (t.line && t.line.color !== undefined) u.line = { ...t.line, color: light(t.line.color) };
    if (t.marker && t.marker.color !== undefined) u.marker = { ...t.marker, color: light(t.marker.color) };
    return u;
  });
  return { data, layout: out };
}

// the explorer's title, controls, figure and the readout's first line fit the visible notebook
// area together (a 1024x768 window shows all of them): the figure is as high as its builder made
// it, lower if the area left under the controls is smaller, never lower than MIN_HEIGHT
const MIN_HEIGHT = __MIN_HEIGHT__;
function scrollArea(el) {
  // JupyterLab 4 and Notebook 7: the notebook's windowed panel; elsewhere the nearest ancestor
  // that scrolls vertically (an output area's overflow-x makes its overflow-y 'auto' too: skip it)
  const lab = el.closest('.jp-WindowedPanel-outer');
  if (lab && lab.clientHeight > 0) return lab;
  for (let n = el.parentElement; n && n !== document.body; n = n.parentElement) {
    const oy = getComputedStyle(n).overflowY;
    if ((oy === 'auto' || oy === 'scroll') && n.clientHeight > 0 && n.scrollHeight > n.clientHeight + 1) return n;
  }
  return null;
}
function fitHeight(el, wanted) {
  const root = el.closest('.__ARIA_ROOT__');
  const area = scrollArea(el);
  if (!root || !el.isConnected) return wanted;
  const avail = Math.min(area ? area.clientHeight : window.innerHeight, window.innerHeight);
  const top = root.getBoundingClientRect().top, box = el.getBoundingClientRect();
  const readout = root.querySelector('.tfl-readout');
  let below = 0;
  if (readout && readout.offsetParent) {
    const first = readout.querySelector('p') || readout;
    const line = parseFloat(getComputedStyle(first).lineHeight) || 20;
    below = Math.max(0, first.getBoundingClientRect().top - box.bottom) + line;
  }
  const room = Math.floor(avail - (box.top - top) - below - 8);
  return Math.max(MIN_HEIGHT, Math.min(wanted, room));
}

// the first draw waits for an idle moment: anywidget gives every model 2 s of wall-clock time
// to load its ESM, so no long task of ours (plotly.js evaluation, a first plot) should run while
// the other widgets of a Run All are still loading theirs
const whenIdle = (f) => (window.requestIdleCallback ? requestIdleCallback(f, { timeout: 1000 })
                                                     : setTimeout(f, 0));

export default {
  render({ model, el }) {
    let busy = false, again = false, alive = true, Plotly = null;
    const data = dataTable(el);
    const draw = async () => {
      if (busy) { again = true; return; }
      busy = true;
      try {
        Plotly = await getPlotly();
        do {
          again = false;
          const fig = decode(JSON.parse(model.get('_figure')));
          const layout = fig.layout || {};
          if (!layout.template && model.get('_template')) layout.template = JSON.parse(model.get('_template'));
          const shown = themed({ data: fig.data || [], layout });
          shown.layout = { ...shown.layout, height: fitHeight(el, layout.height || 450) };
          await Plotly.react(el, shown.data, shown.layout, model.get('_config'));
          el.dataset.tflTheme = isDark() ? 'dark' : 'light';
          el.dataset.tflHeight = String(shown.layout.height);
          oneTabStop(el);
          data.sync();
          watchAbove();
          el.dataset.tflRevision = String(model.get('_revision'));
        } while (again && alive);
      } catch (err) {
        el.textContent = 'The figure could not be drawn: ' + err.message;
        throw err;
      } finally {
        busy = false;
      }
    };
    model.on('change:_figure', draw);
    whenIdle(draw);
    addCss();
    const unwatch = watchSliders(el);
    const unannounce = watchRoot(el);
    // follow the width of the notebook column (the figure is responsive to its container), and
    // the height of the notebook area and of what is above the figure (fitHeight)
    const ro = new ResizeObserver(() => {
      if (!Plotly || !el.data || !el.offsetWidth) return;
      const h = fitHeight(el, JSON.parse(model.get('_figure')).layout?.height || 450);
      if (String(h) !== el.dataset.tflHeight) draw();
      else Plotly.Plots.resize(el);
    });
    ro.observe(el);
    let watched = false;
    const watchAbove = () => {
      const root = el.closest('.__ARIA_ROOT__');
      if (watched || !root) return;
      watched = true;
      const area = scrollArea(el);
      if (area) ro.observe(area);
      for (const c of root.children) { if (c === el || c.contains(el)) break; ro.observe(c); }
    };
    // redraw when the user switches JupyterLab's theme
    const theme = new MutationObserver(() => {
      if (el.dataset.tflTheme && el.dataset.tflTheme !== (isDark() ? 'dark' : 'light')) draw();
    });
    theme.observe(document.body, { attributes: true, attributeFilter: ['data-jp-theme-light'] });
    return () => {
      alive = false;
      model.off('change:_figure', draw);
      ro.disconnect();
      theme.disconnect();
      unwatch();
      unannounce();
      data.remove();
      if (Plotly) Plotly.purge(el);
    };
  },
};
"""
    )
    .replace("__ARIA_ROOT__", ARIA_ROOT_CLASS)
    .replace("__EXPLORER_CSS__", json.dumps(EXPLORER_CSS))
    .replace("__SETTLE_MS__", str(SETTLE_MS))
    .replace("__DARK__", json.dumps(DARK))
    .replace("__DATA_TABLE_CSS__", json.dumps(DATA_TABLE_CSS))
    .replace("__MIN_HEIGHT__", str(MIN_FIGURE_HEIGHT))
)


class PlotView(anywidget.AnyWidget):
    """Shows a ``go.Figure`` in the browser; ``show(fig)`` sends the figure's current state."""

    _esm = _ESM
    _figure = traitlets.Unicode("{}").tag(sync=True)
    #: the figure's layout template (JSON), sent once
    _template = traitlets.Unicode("").tag(sync=True)
    #: incremented with every figure sent (the browser writes it to ``data-tfl-revision`` when drawn)
    _revision = traitlets.Int(0).tag(sync=True)
    #: plotly.js config (https://plotly.com/javascript/configuration-options/)
    _config = traitlets.Dict({"displaylogo": False, "responsive": True}).tag(sync=True)

    def __init__(self, fig: go.Figure | None = None, **kwargs):
        super().__init__(**kwargs)
        if fig is not None:
            self.show(fig)

    def show(self, fig: go.Figure) -> None:
        """Send ``fig`` to every view of this widget (nothing is sent when it did not change).
        The layout's template goes once, in ``_template`` (it does not change with the controls)."""
        if not self._template:
            self._template = json.dumps(fig.layout.template.to_plotly_json() if fig.layout.template else {})
        text = figure_json(fig)
        if text != self._figure:
            with self.hold_sync():
                self._figure = text
                self._revision += 1


def _json_default(o):
    if isinstance(o, np.ndarray):
        if o.ndim == 1 and o.dtype.kind in "fiu":
            # what plotly.py writes for numpy arrays (base64 of little-endian float64)
            data = np.ascontiguousarray(o, dtype="<f8").tobytes()
            return {"dtype": "f8", "bdata": base64.b64encode(data).decode("ascii")}
        return o.tolist()
    if isinstance(o, np.generic):
        return o.item()
    raise TypeError(f"not JSON serializable: {type(o).__name__}")


def figure_json(fig: go.Figure) -> str:
    """``fig``'s data and layout (without its template) as JSON, for the browser. About 50 times
    faster than ``plotly.io.to_json`` on our figures, which keeps set() inside its budget; anything
    it cannot write exactly (NaN in a list, dates) goes through ``plotly.io.to_json`` instead."""
    layout = {k: v for k, v in fig.layout.to_plotly_json().items() if k != "template"}
    try:
        return json.dumps(
            {"data": [t.to_plotly_json() for t in fig.data], "layout": layout},
            default=_json_default,
            allow_nan=False,
            separators=(",", ":"),
        )
    except (TypeError, ValueError):
        d = json.loads(pio.to_json(fig, validate=False, remove_uids=False))
        d["layout"].pop("template", None)
        return json.dumps(d, separators=(",", ":"))
