/* Trophic Factors Lab static site: explorers and self-checks without a kernel.
 *
 * Explorers: every state a control can reach was computed at build time by the Python explorer
 * (helpers/publish/site_states.py); this file only looks states up and hands the stored figure
 * to the local plotly.js. No model is computed here. Nothing is sent anywhere: no request
 * leaves the page, and answers and predictions stay in the page (sessionStorage at most).
 *
 * window.TFL_PAGE_DATA: base64 of gzip of the page's JSON (the page's <stem>.data.js).
 * window.TFL.ready: a promise resolved when every explorer on the page is drawn.
 * window.TFL.explorers[name]: {payload, state, gd, set(key, index), values()} for tests.
 */
(function () {
  "use strict";
  const TFL = (window.TFL = window.TFL || {});
  TFL.explorers = {};
  TFL.settleMs = 500; // the readout is announced once, this long after the last change

  // ---------------------------------------------------------------- decoding
  function bytes(b64) {
    const bin = atob(b64);
    const out = new Uint8Array(bin.length);
    for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
    return out;
  }
  async function gunzipJSON(b64) {
    const stream = new Blob([bytes(b64)]).stream().pipeThrough(new DecompressionStream("gzip"));
    return JSON.parse(await new Response(stream).text());
  }
  const TYPED = {
    f8: Float64Array, f4: Float32Array, i4: Int32Array, i2: Int16Array, i1: Int8Array,
    u1: Uint8Array, u2: Uint16Array, u4: Uint32Array,
  };
  function isTyped(v) {
    return v && typeof v === "object" && !Array.isArray(v) && typeof v.bdata === "string" && v.dtype;
  }
  function typed(v) {
    return new TYPED[v.dtype](bytes(v.bdata).buffer);
  }
  // plotly typed-array specs -> typed arrays (exact: the same bytes Python wrote)
  function decodeDeep(v) {
    if (isTyped(v)) return typed(v);
    if (Array.isArray(v)) return v.map(decodeDeep);
    if (v && typeof v === "object") {
      const o = {};
      for (const k of Object.keys(v)) o[k] = decodeDeep(v[k]);
      return o;
    }
    return v;
  }
  function rowsOf(packed) {
    if (typeof packed === "number") return null;
    return new TYPED[packed.dtype](bytes(packed.b64).buffer);
  }
  function column(col) {
    const rows = rowsOf(col.rows);
    const cache = new Map();
    return {
      index: (s) => (rows ? rows[s] : 0),
      get(s) {
        const i = rows ? rows[s] : 0;
        if (!cache.has(i)) cache.set(i, decodeDeep(col.values[i]));
        return cache.get(i);
      },
    };
  }

  // ---------------------------------------------------------------- one explorer
  function Explorer(section, payload) {
    this.section = section;
    this.payload = payload;
    this.name = payload.name;
    this.absent = payload.absent;
    this.byKey = {};
    for (const c of payload.controls) this.byKey[c.key] = c;
    this.fig = payload.figure.map((c) => ({ path: c.path, col: column(c) }));
    this.summaryCols = {};
    for (const k of Object.keys(payload.summary)) this.summaryCols[k] = column(payload.summary[k]);
    this.describeCol = column(payload.describe);
    this.readoutCols = payload.readout.map(column);
    this.base = decodeDeep(payload.base);
    delete this.base.layout.width; // figures follow the page width (phones)
    this.base.layout.autosize = true;
    this.pos = {};
    for (const c of payload.controls) this.pos[c.key] = c.default;
    this.gd = section.querySelector(".tfl-figure");
    this.readout = section.querySelector(".tfl-readout");
    this.announcer = section.querySelector(".tfl-announce");
    this.timer = null;
    this.announced = 0;
    this.state = this.index();
    this.wire();
  }
  Explorer.prototype.combo = function () {
    let ci = 0;
    for (const k of this.payload.choice_keys) ci = ci * this.byKey[k].options.length + this.pos[k];
    return ci;
  };
  Explorer.prototype.index = function () {
    const ci = this.combo();
    let idx = 0;
    for (const k of this.payload.slider_keys) idx = idx * this.byKey[k].grids[ci].length + this.pos[k];
    return this.payload.offsets[ci] + idx;
  };
  Explorer.prototype.values = function () {
    const ci = this.combo();
    const out = {};
    for (const c of this.payload.controls) {
      out[c.key] = c.kind === "range" ? c.grids[ci][this.pos[c.key]] : c.options[this.pos[c.key]][1];
    }
    return out;
  };
  Explorer.prototype.summary = function (s = this.state) {
    const out = {};
    for (const k of Object.keys(this.summaryCols)) out[k] = this.summaryCols[k].get(s);
    return out;
  };
  // a fresh copy of the figure description for every draw: plotly.js rewrites some values of what
  // it is given in place (autorange "reversed" becomes true once drawn), so the base figure is
  // never handed over itself. Typed arrays and the template are shared (plotly.js does not
  // write into them).
  function copy(v) {
    if (Array.isArray(v)) return v.map(copy);
    if (v && typeof v === "object" && !ArrayBuffer.isView(v)) {
      const o = {};
      for (const k of Object.keys(v)) o[k] = k === "template" ? v[k] : copy(v[k]);
      return o;
    }
    return v;
  }
  // the figure of state s: the base figure with the stored changing parts put in
  Explorer.prototype.figureAt = function (s) {
    const root = { data: copy(this.base.data), layout: copy(this.base.layout) };
    for (const f of this.fig) {
      const p = f.path;
      let obj = root;
      for (let i = 0; i < p.length - 1; i++) {
        if (obj[p[i]] === undefined || obj[p[i]] === null) obj[p[i]] = {};
        obj = obj[p[i]];
      }
      const v = f.col.get(s);
      const last = p[p.length - 1];
      if (v === this.absent) delete obj[last];
      else obj[last] = Array.isArray(v) || (v && typeof v === "object" && !ArrayBuffer.isView(v)) ? copy(v) : v;
    }
    root.layout.datarevision = s;
    return root;
  };
  Explorer.prototype.draw = function () {
    const s = this.state;
    const f = this.figureAt(s);
    this.drawn = f; // what plotly.js was given (it rewrites some layout values in place)
    const done = window.Plotly.react(this.gd, f.data, f.layout, { responsive: true, displaylogo: false });
    this.showReadout(s);
    return done;
  };
  Explorer.prototype.showReadout = function (s) {
    this.readout.querySelector(".tfl-describe").textContent = this.describeCol.get(s);
    const cells = this.readout.querySelectorAll("tbody td");
    this.readoutCols.forEach((col, j) => {
      if (cells[j]) cells[j].textContent = col.get(s);
    });
  };
  // the live region gets the new description once, when the controls have settled
  Explorer.prototype.scheduleAnnounce = function () {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.announcer.textContent = this.describeCol.get(this.state);
      this.announced += 1;
    }, TFL.settleMs);
  };
  Explorer.prototype.sliderText = function (c, ci) {
    const r = c.ranges[ci];
    const unit = r.unit ? " " + r.unit : "";
    const box = this.section.querySelector(`.tfl-key-${c.key}`);
    const input = box.querySelector("input");
    const text = c.texts[ci][this.pos[c.key]];
    input.max = String(c.grids[ci].length - 1);
    input.value = String(this.pos[c.key]);
    input.setAttribute("aria-valuetext", text + unit);
    box.querySelector("output").textContent = text;
    box.querySelector(".tfl-label").textContent = r.label;
    box.querySelector(".tfl-unit").textContent = r.unit ? ` (${r.unit})` : "";
    box.querySelector(".tfl-min").textContent = c.texts[ci][0];
    box.querySelector(".tfl-max").textContent = c.texts[ci][c.texts[ci].length - 1];
    box.querySelector(".tfl-ends-unit").textContent = unit;
  };
  // set control `key` to position `index` (slider grid index or option index); returns the redraw
  Explorer.prototype.set = function (key, index) {
    const c = this.byKey[key];
    const before = this.combo();
    this.pos[key] = index;
    const after = this.combo();
    if (c.kind !== "range" && before !== after) {
      // a slider whose range depends on this choice lands where the Python explorer puts it
      for (const k of this.payload.slider_keys) {
        const sc = this.byKey[k];
        const land = sc.remap[before] && sc.remap[before][after];
        if (land) this.pos[k] = land[this.pos[k]];
        else this.pos[k] = Math.min(this.pos[k], sc.grids[after].length - 1);
        this.sliderText(sc, after);
      }
    }
    if (c.kind === "range") this.sliderText(c, after);
    this.state = this.index();
    this.scheduleAnnounce();
    return this.draw();
  };
  Explorer.prototype.wire = function () {
    for (const c of this.payload.controls) {
      const box = this.section.querySelector(`.tfl-key-${c.key}`);
      if (c.kind === "range") {
        box.querySelector("input").addEventListener("input", (e) => this.set(c.key, Number(e.target.value)));
      } else if (c.kind === "bool") {
        box.querySelector("input").addEventListener("change", (e) => this.set(c.key, e.target.checked ? 1 : 0));
      } else if (box.tagName === "FIELDSET") {
        box.querySelectorAll("input").forEach((r) =>
          r.addEventListener("change", (e) => e.target.checked && this.set(c.key, Number(e.target.value)))
        );
      } else {
        box.querySelector("select").addEventListener("change", (e) => this.set(c.key, Number(e.target.value)));
      }
    }
  };

  // ---------------------------------------------------------------- the page
  async function start() {
    if (!window.TFL_PAGE_DATA) return;
    const data = await gunzipJSON(window.TFL_PAGE_DATA);
    TFL.data = data;
    const draws = [];
    for (const section of document.querySelectorAll("section.tfl-explorer[data-tfl-explorer]")) {
      const payload = data.explorers && data.explorers[section.dataset.tflExplorer];
      if (!payload) continue;
      const ex = new Explorer(section, payload);
      TFL.explorers[ex.name] = ex;
      draws.push(ex.draw());
    }
    await Promise.all(draws);
    if (TFL.selfchecks) TFL.selfchecks(data);
  }
  TFL.ready = new Promise((resolve, reject) => {
    const go = () => start().then(resolve, (err) => {
      console.error(err);
      reject(err);
    });
    // deferred scripts run before DOMContentLoaded: the page's data file has run by then
    if (document.readyState === "complete") go();
    else document.addEventListener("DOMContentLoaded", go);
  });
})();
