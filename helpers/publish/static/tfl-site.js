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
    this.readoutCol = column(payload.readout); // per state: [[key, label, unit, text], ...]
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
    // the figure's data as a table on request (tfl-data-table.js: the live notebook's code)
    this.dataTable = window.TFL_DATA_TABLE ? window.TFL_DATA_TABLE.dataTable(this.gd) : null;
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
    const done = window.Plotly.react(this.gd, f.data, f.layout, { responsive: true, displaylogo: false })
      .then((gd) => {
        if (this.dataTable) this.dataTable.sync(); // an open table follows the figure
        return gd;
      });
    this.showReadout(s);
    return done;
  };
  Explorer.prototype.showReadout = function (s) {
    this.readout.querySelector(".tfl-describe").textContent = this.describeCol.get(s);
    const body = this.readout.querySelector("tbody");
    const rows = this.readoutCol.get(s);
    if (body.rows.length !== rows.length) {
      body.textContent = "";
      for (let i = 0; i < rows.length; i++) {
        const tr = body.insertRow();
        const th = document.createElement("th");
        th.scope = "row";
        tr.appendChild(th);
        tr.insertCell();
      }
    }
    rows.forEach(([, label, , text], i) => {
      const tr = body.rows[i];
      if (tr.cells[0].textContent !== label) tr.cells[0].textContent = label;
      tr.cells[1].textContent = text;
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
    const done = this.draw();
    this.section.dispatchEvent(new CustomEvent("tfl-state", { detail: this.state }));
    return done;
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


  // ---------------------------------------------------------------- self-checks and predictions
  // A port of helpers.selfcheck's pure grading (grade, compare_prediction); a test runs every
  // option and every recorded mistake of every bank through both and compares the messages.
  const CORRECT = "Correct — ", WRONG = "Not quite — ", EMPTY = "No answer yet — ";
  const AFFIRM = /^(right|correct|yes|supported|not supported|no|wrong)\b[\s:,.!—-]*/i;
  const NG_ML_PER_NMOL_L = 7.649;

  // Python's format(x, ".4g")
  function fmtG(x, p = 4) {
    if (Number.isNaN(x)) return "nan";
    if (!Number.isFinite(x)) return x > 0 ? "inf" : "-inf";
    if (x === 0) return Object.is(x, -0) ? "-0" : "0";
    const [mant, e] = x.toExponential(p - 1).split("e");
    const exp = Number(e);
    const strip = (t) => (t.includes(".") ? t.replace(/0+$/, "").replace(/\.$/, "") : t);
    if (exp < -4 || exp >= p) {
      return strip(mant) + "e" + (exp < 0 ? "-" : "+") + String(Math.abs(exp)).padStart(2, "0");
    }
    return strip(x.toFixed(Math.max(0, p - 1 - exp)));
  }
  TFL.fmtG = fmtG;
  function pyStrip(t) {
    return t.replace(/^[\s\u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+|[\s\u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+$/g, "");
  }
  function stripAffirmation(text) {
    const s = pyStrip(text).replace(AFFIRM, "");
    return s ? s.charAt(0).toUpperCase() + s.slice(1) : text;
  }
  function othersWrong(q, shown) {
    const parts = q.options
      .filter((o) => !o.correct && !shown.has(o.text))
      .map((o) => `“${o.text}”: ${stripAffirmation(o.feedback)}`);
    return parts.length ? " Why the other options are wrong — " + parts.join(" ") : "";
  }
  const explanation = (q) => (q.explanation ? " " + q.explanation : "");
  const near = (v, t, tol) => Math.abs(v - t) <= tol;
  function gradeSingle(q, r) {
    if (r === null || r === undefined || r === "") {
      return { correct: false, message: EMPTY + "choose one option, then press Check answer." };
    }
    const o = q.options.find((x) => x.text === r);
    const why = stripAffirmation(o.feedback);
    if (o.correct) return { correct: true, message: CORRECT + why + explanation(q) + othersWrong(q, new Set([r])) };
    return { correct: false, message: WRONG + why };
  }
  function gradeMulti(q, r) {
    const chosen = new Set(r || []);
    if (!chosen.size) {
      return { correct: false, message: EMPTY + "tick every option that applies, then press Check answer." };
    }
    const right = new Set(q.options.filter((o) => o.correct).map((o) => o.text));
    const same = chosen.size === right.size && [...chosen].every((t) => right.has(t));
    if (same) {
      const why = q.options.filter((o) => right.has(o.text)).map((o) => stripAffirmation(o.feedback)).join(" ");
      return { correct: true, message: CORRECT + why + explanation(q) + othersWrong(q, new Set()) };
    }
    const parts = q.options
      .filter((o) => chosen.has(o.text) && !right.has(o.text))
      .map((o) => `“${o.text}” should not be ticked: ${stripAffirmation(o.feedback)}`);
    const missed = [...right].filter((t) => !chosen.has(t)).length;
    if (missed) {
      parts.push(
        missed === 1
          ? "One more option applies; read the unticked ones again."
          : `${missed} more options apply; read the unticked ones again.`
      );
    }
    return { correct: false, message: WRONG + parts.join(" ") };
  }
  // Python's float() on the first word of the answer ("12.5 %", "−3", "1,5")
  const PY_FLOAT = /^[+-]?(?:(?:\d(?:_?\d)*)?\.?(?:\d(?:_?\d)*)?(?:[eE][+-]?\d(?:_?\d)*)?|inf(?:inity)?|nan)$/i;
  function parseNumber(r) {
    if (typeof r === "boolean") throw new TypeError("bool");
    if (typeof r === "number") return r;
    let s = pyStrip(String(r)).split("−").join("-").split(",").join(".");
    const words = s.split(/[\s\u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+/).filter(Boolean);
    if (!words.length) throw new Error("empty");
    const w = words[0].replace(/%+$/, "");
    if (!PY_FLOAT.test(w) || !/[0-9]|inf|nan/i.test(w) || /^[+-]?\.?$/.test(w) || /^[+-]?\.?[eE]/.test(w)) {
      throw new Error("not a number");
    }
    const low = w.toLowerCase().replace(/_/g, "");
    if (/inf/.test(low)) return low.startsWith("-") ? -Infinity : Infinity;
    if (/nan/.test(low)) return NaN;
    return Number(low);
  }
  function slip(value, answer, tol, unit) {
    const u = pyStrip(unit);
    if (u === "%") {
      if (near(value, answer / 100, tol / 100)) {
        return `${fmtG(value)} looks like a fraction; the question asks for a percentage: multiply the fraction by 100.`;
      }
      if (near(value, answer * 100, tol * 100)) {
        return `${fmtG(value)} is 100 times too large: you multiplied by 100 twice (a fraction × 100 is already %).`;
      }
    } else if ((u === "fraction" || u === "") && Math.abs(answer) <= 1 && near(value, answer * 100, tol * 100)) {
      return `${fmtG(value)} looks like a percentage; the question asks for a fraction: divide by 100.`;
    }
    if (/ng\/mL|nmol\/L/.test(u)) {
      const other = u.includes("ng/mL") ? "nmol/L" : "ng/mL";
      for (const f of [NG_ML_PER_NMOL_L, 1 / NG_ML_PER_NMOL_L]) {
        if (near(value, answer * f, tol * f)) {
          return `${fmtG(value)} looks like the value in the wrong unit (${other} instead of ${u}, a factor of ${NG_ML_PER_NMOL_L}): check which way you converted.`;
        }
      }
    }
    const factors = [
      [1000, "1000: a unit prefix slip (for example µg versus ng, or mL versus L)"],
      [100, "100: a percentage/fraction or prefix slip"],
      [10, "10: check the decimal point"],
    ];
    for (const [f, what] of factors) {
      for (const g of [f, 1 / f]) {
        if (near(value, answer * g, tol * g)) return `${fmtG(value)} is a factor of ${what}.`;
      }
    }
    return null;
  }
  function mistakeWindow(m, tol) {
    return m.tolerance !== undefined ? Number(m.tolerance) : Math.max(tol, 0.01 * Math.abs(m.value));
  }
  function gradeNumber(q, r) {
    const unit = q.unit || "";
    if (r === null || r === undefined || (typeof r === "string" && !pyStrip(r))) {
      return { correct: false, message: EMPTY + "type a number, then press Check answer." };
    }
    let value;
    try {
      value = parseNumber(r);
    } catch (e) {
      return {
        correct: false,
        message: WRONG + `“${r}” is not a number; type digits only, for example 12.5 (the unit, ${unit || "none"}, is already given).`,
      };
    }
    if (!Number.isFinite(value)) return { correct: false, message: WRONG + "type a finite number." };
    const a = Number(q.answer), tol = Number(q.tolerance);
    if (near(value, a, tol)) {
      return { correct: true, message: CORRECT + `${fmtG(a)} ${unit}`.replace(/\s+$/, "") + "." + explanation(q) };
    }
    let best = null;
    for (const m of q.mistakes || []) {
      if (near(value, m.value, mistakeWindow(m, tol))) {
        const d = Math.abs(value - m.value);
        if (best === null || d < best[0]) best = [d, m];
      }
    }
    if (best) return { correct: false, message: WRONG + stripAffirmation(best[1].feedback) };
    const sl = slip(value, a, tol, unit);
    if (sl) return { correct: false, message: WRONG + sl };
    if (value > a) return { correct: false, message: WRONG + (q.too_high || "your number is too high.") };
    return { correct: false, message: WRONG + (q.too_low || "your number is too low.") };
  }
  function grade(q, r) {
    if (q.kind === "single") return gradeSingle(q, r);
    if (q.kind === "multi") return gradeMulti(q, r);
    if (q.kind === "numeric") return gradeNumber(q, r);
    throw new Error(`question ${q.id}: kind ${q.kind}`);
  }
  function hintFor(q, misses) {
    const hints = q.hints || [];
    if (misses <= 0 || !hints.length) return null;
    return hints[Math.min(misses, hints.length) - 1];
  }
  function comparePrediction(p, committed, outcome) {
    const unit = p.unit || "";
    const model = `${fmtG(outcome.value)} ${p.compare.unit !== undefined ? p.compare.unit : unit}`.replace(/\s+$/, "");
    const what = p.compare.what !== undefined ? p.compare.what : "the model";
    if (committed === null || committed === undefined) {
      return { correct: false, message: EMPTY + "commit a prediction first." };
    }
    let ok, text;
    if (p.kind === "choice") {
      ok = committed === outcome.option;
      text = `You predicted “${committed}”; ${what}: ${model} (“${outcome.option}”).`;
    } else {
      const tol = p.compare.tolerance !== undefined ? p.compare.tolerance : 0.1 * Math.abs(outcome.value) || 1.0;
      ok = Math.abs(Number(committed) - outcome.value) <= tol;
      text = `You predicted ${fmtG(Number(committed))} ${unit}`.replace(/\s+$/, "") + `; ${what}: ${model}.`;
    }
    const tail = p.explanation || "";
    return { correct: ok, message: (ok ? CORRECT : WRONG) + text + (tail ? " " + tail : "") };
  }
  TFL.grade = grade;
  TFL.hintFor = hintFor;
  TFL.comparePrediction = comparePrediction;

  // helpers.selfcheck.md_inline: escape &, <, >, then inline **bold**, *italic* and `code`
  // (citations were made readable at build time)
  function mdInline(text) {
    let s = String(text).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
    s = s.replace(/\*\*(.+?)\*\*/gu, "<strong>$1</strong>");
    s = s.replace(/(?<![*\p{L}\p{N}_])\*(?!\s)(.+?)(?<!\s)\*(?![*\p{L}\p{N}_])/gu, "<em>$1</em>");
    s = s.replace(/`([^`]+)`/gu, "<code>$1</code>");
    return s;
  }
  TFL.mdInline = mdInline;
  // helpers.selfcheck._feedback_html (the symbol repeats the words, so it is hidden from readers)
  function feedbackHtml(fb, extra = "") {
    const [symbol, cls] = fb.correct ? ["✔", "ok"] : ["✘", "miss"];
    return `<div class="${cls}"><span aria-hidden="true">${symbol}</span> ${mdInline(fb.message)}${extra}</div>`;
  }
  function show(box, htmlText, ok) {
    const out = box.querySelector(".tfl-feedback");
    out.className = "tfl-feedback " + (ok ? "tfl-ok" : "tfl-miss");
    out.innerHTML = htmlText;
  }
  function picked(box, options) {
    return [...box.querySelectorAll(".tfl-options input:checked")].map((x) => options[Number(x.value)].text);
  }
  function responseOf(box, q) {
    if (q.kind === "numeric") return box.querySelector("input[type=text]").value;
    const texts = picked(box, q.options);
    if (q.kind === "multi") return texts;
    return texts.length ? texts[0] : null;
  }
  TFL.answers = {}; // in the page only: nothing is stored or sent elsewhere
  function wireQuestion(box, q) {
    let misses = 0;
    const check = () => {
      const fb = grade(q, responseOf(box, q));
      if (!fb.correct && !fb.message.startsWith(EMPTY)) misses += 1;
      const hint = fb.correct ? null : hintFor(q, misses);
      show(box, feedbackHtml(fb, hint ? ` <em>Hint:</em> ${mdInline(hint)}` : ""), fb.correct);
      TFL.answers[q.id] = { correct: fb.correct, misses };
      return fb;
    };
    box.querySelector("button.tfl-check-button").addEventListener("click", check);
    box.querySelectorAll("input").forEach((inp) => {
      // changing an answer clears the old feedback
      inp.addEventListener("input", () => (box.querySelector(".tfl-feedback").innerHTML = ""));
      inp.addEventListener("change", () => (box.querySelector(".tfl-feedback").innerHTML = ""));
      if (inp.type === "text") inp.addEventListener("keydown", (e) => e.key === "Enter" && check());
    });
  }
  // ---- predictions: commit (locked once committed), then compare beside the explorer
  TFL.predictions = {};
  function panelHtml(p, outcome, committed, ex) {
    if (committed === null || committed === undefined) {
      return (
        "<p><strong>Your prediction:</strong> not committed yet. " +
        "Commit it above before you explore; it will appear here next to the model.</p>"
      );
    }
    const fb = comparePrediction(p, committed, outcome);
    let now = "";
    if (ex && p.compare.key in ex.summaryCols) {
      // helpers.selfcheck.Prediction._panel_html: "Explorer now: <label> = <value> <unit>."
      const row = ex.readoutCol.get(ex.state).find((r) => r[0] === p.compare.key);
      let label, text;
      if (row) {
        const [, lab, unit, shown] = row;
        const value = unit && shown.endsWith(" " + unit) ? shown.slice(0, -unit.length - 1) : shown;
        label = lab;
        text = `${value} ${unit}`;
      } else {
        label = p.compare.key;
        text = `${fmtG(ex.summary()[p.compare.key], 3)} `;
      }
      const esc = (t) => String(t).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
      now = `<p>Explorer now: ${esc(label)} = ${esc(text)}.</p>`;
    }
    return `<p><strong>Your prediction and the model.</strong></p>${feedbackHtml(fb)}${now}`;
  }
  function wirePrediction(box, p, outcome) {
    const st = { committed: null };
    TFL.predictions[p.id] = st;
    const section = p.explorer && document.querySelector(`section.tfl-explorer.tfl-name-${p.explorer}`);
    let panel = null;
    const ex = () => p.explorer && TFL.explorers[p.explorer];
    const update = () => {
      if (panel) panel.innerHTML = panelHtml(p, outcome, st.committed, ex());
    };
    if (section) {
      panel = document.createElement("div");
      panel.className = "tfl-comparison";
      panel.dataset.tflPrediction = p.id;
      section.querySelector(".tfl-readout").after(panel);
      section.addEventListener("tfl-state", update);
      update();
    }
    const commit = () => {
      let value = null;
      if (p.kind === "choice") {
        const t = picked(box, p.options);
        value = t.length ? t[0] : null;
      } else {
        try {
          value = parseNumber(box.querySelector("input[type=text]").value);
        } catch (e) {
          value = null;
        }
      }
      // helpers.selfcheck.Prediction.commit: the same checks and messages
      let err = null;
      if (p.kind === "choice") {
        if (!p.options.some((o) => o.text === value)) {
          err = `choose one of the options before committing: [${p.options.map((o) => "'" + o.text + "'").join(", ")}]`;
        }
      } else if (value === null || !Number.isFinite(value)) {
        err = `type a number in ${p.unit || "the unit given"} before committing`;
        if (value !== null && !Number.isFinite(value)) err = null;
      }
      if (!err && p.kind !== "choice" && !(p.min <= value && value <= p.max)) {
        err = `prediction ${fmtG(value, 6)} is outside the range ${fmtG(p.min, 6)} to ${fmtG(p.max, 6)} ${p.unit || ""}`;
      }
      if (err) {
        show(box, feedbackHtml({ correct: false, message: WRONG + err }), false);
        return;
      }
      st.committed = value;
      box.querySelectorAll("input").forEach((x) => (x.disabled = true));
      box.querySelector("button.tfl-check-button").disabled = true;
      const shown = p.kind === "choice" ? value : `${fmtG(value)} ${p.unit || ""}`.replace(/\s+$/, "");
      show(
        box,
        `<div class="ok"><span aria-hidden="true">✔</span> Committed: ${mdInline(String(shown))}. Now explore below; ` +
          "the explorer shows your prediction next to the model.</div>",
        true
      );
      update();
    };
    box.querySelector("button.tfl-check-button").addEventListener("click", commit);
    box.querySelectorAll("input[type=text]").forEach((i) => i.addEventListener("keydown", (e) => e.key === "Enter" && commit()));
  }
  TFL.selfchecks = function (data) {
    const bank = data.questions || {};
    for (const box of document.querySelectorAll("[data-tfl-question]")) {
      const q = bank[box.dataset.tflQuestion];
      if (q) wireQuestion(box, q);
    }
    const preds = data.predictions || {};
    for (const box of document.querySelectorAll("div[data-tfl-prediction]:not(.tfl-comparison)")) {
      const p = preds[box.dataset.tflPrediction];
      if (p) wirePrediction(box, p.spec, p.outcome);
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
