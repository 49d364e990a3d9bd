"""The static site: every notebook executed and exported to HTML that works offline from file://.

    python -m helpers.publish.site [--out build/site] [--src notebooks]     (or: make site)

What it does, per notebook found in ``notebooks/*.ipynb`` (new notebooks are included automatically):

1. drops cells tagged ``solution`` (the site is the *student* version; see helpers.publish.student);
2. executes it with nbclient in a fresh kernel whose environment (only) sets
   ``PLOTLY_RENDERER=plotly_mimetype``, so figures arrive as plotly JSON, and stores no widget state;
3. rewrites the outputs for a page without a kernel (:func:`static_outputs`):
   * an output that carries a widget view *and* plotly JSON (an explorer: see
     ``Explorer._repr_mimebundle_``) loses the dead widget view; its plotly JSON becomes a
     ``<figure>`` drawn by the local plotly.js, captioned with the explorer's text description;
   * a plain plotly output (``fig`` or ``fig.show()``) becomes the same kind of ``<figure>``;
   * a self-check loses its widget view, so its ``text/html`` (question, options, collapsed
     answer) is shown, and its code (which holds the answer) is hidden;
4. exports HTML with nbconvert's "lab" template minus every CDN script (template ``tfl_site``),
   with no input/output prompts (their colours fail WCAG contrast), and a navigation bar
   linking the index and the notebook on Binder;
5. rewrites links: ``NN_x.ipynb`` -> ``NN_x.html``; links to other repository files -> GitHub.

plotly.js is copied once from the plotly package into the site folder. Viewing a page makes
no request to any host (a test checks this in Chromium). LaTeX math in markdown (``$...$``,
``$$...$$``) is converted to MathML at build time (latex2mathml), which browsers render natively,
instead of loading MathJax from a CDN.
"""

from __future__ import annotations

import argparse
import html
import json
import os
import posixpath
import re
import shutil
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

# the one setting for the repository and the release Binder links use (also the README badge)
from ..explorers._plotview import DATA_TABLE_CSS
from ..routes import BINDER_URL, without_colab_cell
from ..routes import REPOSITORY as REPO
from . import BUILD_DIR, NOTEBOOK_DIR, ROOT, notebook_paths
from .site_states import PAGE_BYTES, data_script, page_states
from .student import student_notebook

GITHUB_BLOB = f"https://github.com/{REPO}/blob/main/{{path}}"
TEMPLATE_DIR = Path(__file__).resolve().parent / "templates"
STATIC_DIR = Path(__file__).resolve().parent / "static"
SITE_JS = "tfl-site.js"
#: the figure's data as a table on request: the same code as in the live notebook's figures
#: (helpers.explorers._plotview.DATA_TABLE_JS), written into the site as a plain script
DATA_TABLE_JS = "tfl-data-table.js"

WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"
WIDGET_STATE = "application/vnd.jupyter.widget-state+json"
PLOTLY = "application/vnd.plotly.v1+json"
PLOTLY_CONFIG = {"responsive": True, "displaylogo": False}

#: Extra CSS for notebook pages and the index: visible focus, link contrast, figure captions.
SITE_CSS = """
/* nbconvert's light theme: code colours that reach 4.5:1 on the code background (#f5f5f5);
   set on body so they win over the theme's :root values, which load later. */
body.jp-Notebook {
  --jp-content-link-color: #0b57a4;
  --jp-mirror-editor-atom-color: #2a2ab8; --jp-mirror-editor-attribute-color: #0000cc;
  --jp-mirror-editor-bracket-color: #555544; --jp-mirror-editor-builtin-color: #006b00;
  --jp-mirror-editor-comment-color: #2e6363; --jp-mirror-editor-def-color: #0000ff;
  --jp-mirror-editor-error-color: #c00000; --jp-mirror-editor-header-color: #0000cc;
  --jp-mirror-editor-hr-color: #666666; --jp-mirror-editor-keyword-color: #006b00;
  --jp-mirror-editor-link-color: #0000cc; --jp-mirror-editor-meta-color: #8a1ccf;
  --jp-mirror-editor-number-color: #006600; --jp-mirror-editor-operator-color: #8a1ccf;
  --jp-mirror-editor-property-color: #0055aa; --jp-mirror-editor-punctuation-color: #0055aa;
  --jp-mirror-editor-qualifier-color: #555555; --jp-mirror-editor-quote-color: #006600;
  --jp-mirror-editor-string-color: #ba2121; --jp-mirror-editor-tag-color: #117700;
}
/* links in running text are underlined, not told apart by colour alone */
body .jp-RenderedHTMLCommon a, body .tfl-banner a, body.tfl-index a { text-decoration: underline !important; }
.tfl-skip { position: absolute; left: -10000px; top: 0; }
.tfl-skip:focus { position: static; }
.tfl-banner { background: #f2f6fa; border-bottom: 1px solid #767676; padding: 8px 16px; font-size: 15px;
  font-family: var(--jp-ui-font-family, sans-serif); color: #1a1a1a; }
.tfl-banner p { margin: 4px 0; }
.tfl-banner a, .tfl-index a { color: #0b57a4; }
a:focus, summary:focus, button:focus { outline: 3px solid #0b57a4; outline-offset: 2px; }
figure.tfl-figure { margin: 8px 0; }
figure.tfl-figure figcaption { font-size: 0.95em; color: #1a1a1a; margin-top: 4px; }
.tfl-selfcheck { border: 1px solid #767676; padding: 4px 10px; margin: 8px 0; }
.tfl-selfcheck summary { cursor: pointer; font-weight: bold; color: #0b57a4; }
body .tfl-selfcheck ol[type='A'] { list-style-type: upper-alpha; }
math { font-size: 1.2em; }
/* explorers in the page (helpers/publish/static/tfl-site.js) */
.tfl-explorer { border: 1px solid #767676; padding: 8px 12px; margin: 12px 0; max-width: 100%;
  box-sizing: border-box; font-family: var(--jp-ui-font-family, sans-serif); color: #1a1a1a; }
.tfl-explorer-title { margin: 4px 0 8px; font-size: 1.05em; }
.tfl-controls { display: grid; gap: 10px; max-width: 640px; }
.tfl-control label, .tfl-control legend { font-weight: 600; }
.tfl-slider-row { display: flex; align-items: center; gap: 10px; }
.tfl-slider-row input[type=range] { flex: 1 1 auto; min-width: 0; width: 100%; height: 28px; margin: 0;
  accent-color: #0b57a4; }
.tfl-slider-row output { min-width: 5em; font-variant-numeric: tabular-nums; }
.tfl-ends { font-size: 0.9em; color: #333333; }
.tfl-check { display: flex; align-items: center; gap: 8px; }
.tfl-check input, .tfl-radio input { width: 20px; height: 20px; margin: 0 4px 0 0; accent-color: #0b57a4; }
fieldset.tfl-choice { border: 1px solid #767676; margin: 0; padding: 4px 8px 8px; min-width: 0; }
fieldset.tfl-choice .tfl-radio { display: inline-flex; align-items: center; margin: 4px 14px 4px 0;
  font-weight: normal; }
.tfl-select select { display: block; margin-top: 4px; max-width: 100%; font-size: 1em; padding: 4px; }
.tfl-live-figure { margin: 8px 0; }
.tfl-live-figure .tfl-plotly { width: 100%; min-height: 300px; }
.tfl-readout p { margin: 6px 0; overflow-wrap: anywhere; }
.tfl-readout table { border-collapse: collapse; max-width: 100%; }
.tfl-readout caption { text-align: left; font-weight: 600; }
.tfl-readout th, .tfl-readout td { text-align: left; padding: 2px 12px 2px 0; font-weight: normal;
  overflow-wrap: anywhere; }
.tfl-readout th { font-weight: 600; }
.tfl-data-tables:focus { outline: 3px solid #0b57a4; outline-offset: 2px; }
.tfl-sr-only { position: absolute; width: 1px; height: 1px; padding: 0; margin: -1px; overflow: hidden;
  clip: rect(0, 0, 0, 0); white-space: nowrap; border: 0; }
input:focus-visible, select:focus-visible, .tfl-explorer button:focus-visible,
.tfl-selfcheck button:focus-visible, .tfl-selfcheck input:focus-visible {
  outline: 3px solid #0b57a4; outline-offset: 2px; }
/* self-checks and predictions graded in the page */
.tfl-site-check, .tfl-site-predict { border: 1px solid #767676; padding: 6px 12px; margin: 10px 0;
  font-family: var(--jp-ui-font-family, sans-serif); color: #1a1a1a; }
.tfl-options { display: grid; gap: 4px; margin: 6px 0; }
.tfl-option { display: flex; align-items: flex-start; gap: 8px; cursor: pointer; }
.tfl-option input { width: 20px; height: 20px; margin: 2px 0 0; flex: none; accent-color: #0b57a4; }
.tfl-number input { font-size: 1em; padding: 4px; width: 10em; max-width: 100%; }
.tfl-check-button { font-size: 1em; padding: 6px 14px; margin: 6px 0; border: 1px solid #0b57a4;
  background: #0b57a4; color: #ffffff; border-radius: 3px; cursor: pointer; }
.tfl-check-button:disabled { background: #e8e8e8; color: #1a1a1a; border-color: #767676; cursor: default; }
.tfl-feedback:empty { display: none; }
.tfl-feedback { padding-left: 8px; margin: 4px 0; overflow-wrap: anywhere; }
.tfl-feedback.tfl-ok { border-left: 4px solid #007a5a; }
.tfl-feedback.tfl-miss { border-left: 4px solid #b34700; }
.tfl-your-prediction:empty { display: none; }
.tfl-your-prediction { font-weight: 600; }
/* phones: nothing wider than the screen, text wraps */
@media (max-width: 600px) {
  body .jp-Cell, body .jp-OutputArea-output, body .jp-RenderedHTMLCommon { max-width: 100%; }
  .tfl-explorer { padding: 6px; }
}
/* long code lines wrap instead of being cut off (the input area hides overflow) */
body .jp-InputArea-editor .highlight pre { white-space: pre-wrap; overflow-wrap: anywhere; }
"""
# the figure data tables (the live notebook's style for them, helpers/explorers/_plotview.py)
SITE_CSS += DATA_TABLE_CSS


# ------------------------------------------------------------------------------------------
# outputs for a page without a kernel
# ------------------------------------------------------------------------------------------
def _figure_title(fig: dict) -> str:
    title = (fig.get("layout") or {}).get("title")
    if isinstance(title, dict):
        title = title.get("text")
    text = re.sub(r"<[^>]+>", " ", str(title or "")).strip()
    return re.sub(r"\s+", " ", text)


def _script_json(obj) -> str:
    """JSON safe to put inside a <script> element."""
    try:
        text = json.dumps(obj, separators=(",", ":"), allow_nan=False)
    except ValueError:  # NaN/Infinity are not JSON: plotly.js reads null as a gap
        text = json.dumps(_finite(obj), separators=(",", ":"), allow_nan=False)
    return text.replace("<", "\\u003c")


def _finite(obj):
    if isinstance(obj, float) and obj != obj or obj in (float("inf"), float("-inf")):
        return None
    if isinstance(obj, dict):
        return {k: _finite(v) for k, v in obj.items()}
    if isinstance(obj, (list, tuple)):
        return [_finite(v) for v in obj]
    return obj


def figure_html(fig: dict, div_id: str, caption_html: str = "") -> str:
    """A ``<figure>`` with a div that the local plotly.js draws, and an optional caption."""
    title = _figure_title(fig) or "Interactive figure"
    cap = f"<figcaption>{caption_html}</figcaption>" if caption_html else ""
    data = fig.get("data", [])
    layout = fig.get("layout", {})
    return (
        f'<figure class="tfl-figure" aria-label="Figure: {html.escape(title)}">'
        f'<div id="{div_id}" class="tfl-plotly"></div>{cap}</figure>\n'
        # plotly.js is a deferred script (the page's text paints first): draw once it has run
        f'<script type="text/javascript">document.addEventListener("DOMContentLoaded", () => '
        f'Plotly.newPlot("{div_id}", {_script_json(data)}, '
        f"{_script_json(layout)}, {_script_json(PLOTLY_CONFIG)}));</script>"
    )


_CREATE = re.compile(r"""\bcreate\(\s*["']([a-z_0-9]+)["']""")


def _explorer_name(cell) -> str | None:
    """The registered explorer a cell displays (``create("name", ...)`` in its source)."""
    from helpers.explorers import REGISTRY

    names = [n for n in _CREATE.findall("".join(cell.get("source", ""))) if n in REGISTRY]
    return names[-1] if names else None


def explorer_names(nb: Any) -> list[str]:
    """The explorers a notebook displays, in page order (each once)."""
    out: list[str] = []
    for cell in nb["cells"]:
        if cell["cell_type"] != "code":
            continue
        shown = any(
            WIDGET_VIEW in (o.get("data") or {}) and PLOTLY in (o.get("data") or {})
            for o in cell.get("outputs", [])
        )
        name = _explorer_name(cell) if shown else None
        if name and name not in out:
            out.append(name)
    return out


def page_checks(nb: Any) -> dict:
    """The self-checks and predictions a notebook asks (by id), as the page needs them:
    ``{"questions": {id: bank entry}, "predictions": {id: {"spec", "outcome"}}}``."""
    from helpers import selfcheck

    from .site_checks import page_item, prediction_spec, question_spec

    out: dict = {"questions": {}, "predictions": {}}
    if not hasattr(selfcheck, "question"):  # helpers without question banks
        return out
    for cell in nb["cells"]:
        item = page_item("".join(cell.get("source", ""))) if cell["cell_type"] == "code" else None
        if item and item[0] == "question":
            out["questions"][item[1]] = question_spec(item[1])
        elif item:
            out["predictions"][item[1]] = prediction_spec(item[1])
    return out


def static_outputs(
    nb: Any, prefix: str = "fig", explorers: dict | None = None, checks: dict | None = None
) -> dict[str, int]:
    """Rewrite ``nb``'s outputs in place for a page without a kernel; return counts of what was done.

    ``explorers`` maps explorer names to their page states (:mod:`helpers.publish.site_states`):
    an explorer output becomes the live page explorer (controls, figure, readout); without
    states it becomes the captioned static figure. ``checks`` (:func:`page_checks`) turns a
    self-check or prediction output into the one graded in the page."""
    from .site_checks import page_item, prediction_html, question_html
    from .site_states import explorer_html

    explorers = explorers or {}
    checks = checks or {"questions": {}, "predictions": {}}
    counts = {
        "explorers_live": 0,
        "explorer_fallbacks": 0,
        "plotly_figures": 0,
        "self_checks": 0,
        "self_checks_live": 0,
        "predictions_live": 0,
        "widget_views_dropped": 0,
    }
    nb.get("metadata", {}).pop("widgets", None)
    n = 0
    for cell in nb["cells"]:
        if cell["cell_type"] != "code":
            continue
        cell.get("metadata", {}).pop("widgets", None)
        # an explorer's static view for reopened notebooks (Explorer._ipython_display_): the
        # explorer's own output below already becomes the page's figure
        cell["outputs"] = [o for o in cell.get("outputs", []) if o.get("metadata", {}).get("tfl") != "reopen"]
        for out in cell.get("outputs", []):
            data = out.get("data")
            if out.get("output_type") not in ("display_data", "execute_result") or not data:
                continue
            data.pop(WIDGET_STATE, None)
            had_widget = data.pop(WIDGET_VIEW, None) is not None
            counts["widget_views_dropped"] += had_widget
            item = page_item("".join(cell.get("source", ""))) if had_widget else None
            if item and item[1] in checks["questions"] and item[0] == "question":
                data["text/html"] = question_html(checks["questions"][item[1]])
                cell.setdefault("metadata", {})["transient"] = {"remove_source": True}
                counts["self_checks"] += 1
                counts["self_checks_live"] += 1
                continue
            if item and item[1] in checks["predictions"] and item[0] == "prediction":
                data["text/html"] = prediction_html(checks["predictions"][item[1]]["spec"])
                counts["predictions_live"] += 1
                continue
            if "tfl-selfcheck" in str(data.get("text/html", "")):
                # the self-check's code holds its answer: show only the question and the
                # collapsed answer, not the code next to them
                cell.setdefault("metadata", {})["transient"] = {"remove_source": True}
                counts["self_checks"] += 1
            if PLOTLY in data:
                fig = data.pop(PLOTLY)
                name = _explorer_name(cell) if had_widget else None
                if name in explorers:
                    data["text/html"] = explorer_html(explorers[name])
                    counts["explorers_live"] += 1
                    continue
                caption = data.get("text/html", "") if had_widget else ""
                n += 1
                data["text/html"] = figure_html(fig, f"tfl-{prefix}-{n}", caption)
                counts["explorer_fallbacks" if had_widget else "plotly_figures"] += 1
    return counts


# ------------------------------------------------------------------------------------------
# LaTeX math -> MathML (no MathJax from a CDN; browsers render MathML natively)
# ------------------------------------------------------------------------------------------
_CODE = re.compile(r"(```.*?```|~~~.*?~~~|`[^`\n]*`)", re.S)
_DISPLAY_MATH = re.compile(r"\$\$(.+?)\$\$", re.S)
_INLINE_MATH = re.compile(r"(?<![\\$\w])\$(?=\S)([^$\n]+?)(?<=\S)\$(?![\w$])")


def math_to_mathml(markdown: str) -> str:
    """Replace ``$$...$$`` and ``$...$`` outside code with MathML (left as is if it fails)."""
    from latex2mathml.converter import convert

    def conv(m, display):
        try:
            return convert(m.group(1).strip(), display=display)
        except Exception:  # noqa: BLE001 - an unknown command: keep the source text
            return m.group(0)

    parts = _CODE.split(markdown)
    for k in range(0, len(parts), 2):  # even parts are outside code
        parts[k] = _DISPLAY_MATH.sub(lambda m: conv(m, "block"), parts[k])
        parts[k] = _INLINE_MATH.sub(lambda m: conv(m, "inline"), parts[k])
    return "".join(parts)


def static_markdown(nb: Any) -> int:
    """Convert the math in every markdown cell of ``nb``; return how many cells changed."""
    n = 0
    for cell in nb["cells"]:
        if cell["cell_type"] == "markdown" and "$" in cell["source"]:
            new = math_to_mathml(cell["source"])
            n += new != cell["source"]
            cell["source"] = new
    return n


# ------------------------------------------------------------------------------------------
# execution and export
# ------------------------------------------------------------------------------------------
def execute(nb: Any, cwd: Path, timeout: int = 300) -> Any:
    """Run ``nb`` top to bottom in a fresh kernel started in ``cwd`` (plotly JSON outputs)."""
    from nbclient import NotebookClient

    env = dict(os.environ, PLOTLY_RENDERER="plotly_mimetype")
    client = NotebookClient(
        nb,
        timeout=timeout,
        kernel_name="python3",
        allow_errors=False,
        store_widget_state=False,
        resources={"metadata": {"path": str(cwd)}},
    )
    client.execute(env=env, cwd=str(cwd))
    return nb


def _exporter():
    from nbconvert import HTMLExporter

    return HTMLExporter(
        template_name="tfl_site",
        extra_template_basedirs=[str(TEMPLATE_DIR)],
        exclude_input_prompt=True,
        exclude_output_prompt=True,
    )


_HREF = re.compile(r"""(href\s*=\s*)(["'])([^"']*)\2""", re.I)


def rewrite_links(page: str, built: set[str], src_rel: str = "notebooks") -> str:
    """Point notebook links at the built pages, other relative links at the repository."""

    def fix(m):
        target = html.unescape(m.group(3))
        if not target or re.match(r"^(#|[a-z][a-z0-9+.-]*:)", target, re.I):
            return m.group(0)
        path, _, frag = target.partition("#")
        name = posixpath.basename(path)
        if path.endswith(".ipynb") and posixpath.dirname(path) in ("", ".") and name in built:
            new = name[: -len(".ipynb")] + ".html" + (f"#{frag}" if frag else "")
        elif (
            path in ("index.html", "plotly.min.js", SITE_JS, DATA_TABLE_JS)
            or path.endswith(".data.js")
            or path.endswith(".html")
            and path[:-5] + ".ipynb" in built
        ):
            return m.group(0)
        else:
            repo_path = posixpath.normpath(posixpath.join(src_rel, path))
            new = GITHUB_BLOB.format(path=repo_path) + (f"#{frag}" if frag else "")
        return f"{m.group(1)}{m.group(2)}{html.escape(new, quote=True)}{m.group(2)}"

    return _HREF.sub(fix, page)


def export_page(nb: Any, name: str, scripts: Sequence[str] = ()) -> str:
    """The HTML page of the executed notebook ``nb`` (file ``name``), with the site's style, Binder link and ``scripts``."""
    resources = {
        "metadata": {"name": Path(name).stem},
        "tfl_css": SITE_CSS,
        "tfl_binder_url": BINDER_URL.format(name=name),
        "tfl_scripts": list(scripts),
    }
    body, _ = _exporter().from_notebook_node(nb, resources=resources)
    return body


# ------------------------------------------------------------------------------------------
# the index page
# ------------------------------------------------------------------------------------------
_TIME = re.compile(r"\*\*Time:?\*\*:?\s*([^\n]*?\d+\s*[–-]\s*\d+\s*min)")


def notebook_record(nb: dict, name: str) -> dict:
    """Title, summary, time and objectives of a notebook, read from its markdown."""
    md_cells = ["".join(c["source"]) for c in nb["cells"] if c["cell_type"] == "markdown"]
    md = re.sub(r"```.*?```", "", "\n".join(md_cells), flags=re.S)
    first = md_cells[0] if md_cells else ""
    paras = [p.strip() for p in re.split(r"\n\s*\n", first) if p.strip() and not p.lstrip().startswith("#")]
    summary = re.sub(r"\[@[^\]]+\]", "", paras[0]) if paras else ""
    summary = re.sub(r"[*_`]", "", summary)
    if len(summary) > 320:
        summary = summary[:320].rsplit(" ", 1)[0] + " …"
    tm = _TIME.search(md)
    obj = re.search(r"learning objectives.*?\n(.*?)(?=\n#|\n\*\*|\Z)", md, re.I | re.S)
    objectives = re.findall(r"^\s*(?:[-*]|\d+\.)\s+(.+)$", obj.group(1), re.M) if obj else []
    return {
        "file": name,
        "page": Path(name).stem + ".html",
        "title": nb.get("metadata", {}).get("title") or Path(name).stem,
        "summary": summary.strip(),
        "minutes": tm.group(1).strip(" :.") if tm else "",
        "objectives": [re.sub(r"[*_`]", "", o).strip() for o in objectives],
    }


def index_html(records: list[dict]) -> str:
    """The site's index page: one entry per notebook record, with its objectives and links."""
    rows = []
    for r in records:
        objs = "".join(f"<li>{html.escape(o)}</li>" for o in r["objectives"])
        objs = f"<ul>{objs}</ul>" if objs else f"<p>{html.escape(r['summary'])}</p>"
        binder = BINDER_URL.format(name=r["file"])
        rows.append(
            f"<tr><th scope='row'><a href='{html.escape(r['page'])}'>{html.escape(r['title'])}</a></th>"
            f"<td>{objs}</td><td>{html.escape(r['minutes'] or '–')}</td>"
            f"<td><a href='{html.escape(binder)}'>Open “{html.escape(r['title'])}” on Binder</a></td></tr>"
        )
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>Trophic Factors Lab: the notebooks</title>
<style>
body {{ font-family: DejaVu Sans, Verdana, Arial, sans-serif; color: #1a1a1a; background: #fff;
  max-width: 72rem; margin: 0 auto; padding: 0 1rem 2rem; line-height: 1.5; }}
table {{ border-collapse: collapse; width: 100%; }}
caption {{ text-align: left; font-weight: bold; padding: 0.5em 0; }}
th, td {{ border: 1px solid #767676; padding: 0.5em; vertical-align: top; text-align: left; }}
{SITE_CSS}
</style>
</head>
<body class="tfl-index">
<a class="tfl-skip" href="#tfl-main">Skip to the list of notebooks</a>
<main id="tfl-main">
<h1>Trophic Factors Lab: interactive notebooks on IGF-1 as a muscle trophic factor</h1>
<p><strong>This site is for exploring.</strong> Every notebook was run once and saved as a web page in which
every explorer and every self-check still works: move the controls, commit your predictions and check your
answers right here, offline, on a phone, with no kernel and no account. Each explorer's states were computed in
advance by the notebook's own Python code (on a coarser grid of control positions than the notebook's), so the
page shows exactly what the notebook shows for those values. Nothing you enter leaves the page.</p>
<p><strong>To write and run code</strong> (the exercises), open the live notebook on Binder (nothing to install)
or run the collection on your own computer with <code>make lab</code>.
Exercise model answers are not included in this student version.</p>
<p>This is educational material, not medical advice. Illustrative data sets are synthetic.</p>
<h2>The notebooks</h2>
<table>
<caption>The notebooks in this collection, in teaching order</caption>
<thead><tr><th scope="col">Notebook</th><th scope="col">You will be able to…</th>
<th scope="col">Time</th><th scope="col">Run it</th></tr></thead>
<tbody>
{"".join(rows)}
</tbody>
</table>
<h2>About this site</h2>
<p>The pages work offline: plotly.js is bundled and no page loads anything from another server.
Binder links need a network connection. The accessibility checks and known limits are described in the
<a href="{GITHUB_BLOB.format(path="docs/accessibility.md")}">accessibility statement of the collection</a>.</p>
</main>
</body>
</html>
"""


# ------------------------------------------------------------------------------------------
# the build
# ------------------------------------------------------------------------------------------
def plotly_js_path() -> Path:
    """The plotly.js bundle inside the plotly package (copied into the site so pages work offline)."""
    import plotly

    return Path(plotly.__file__).resolve().parent / "package_data" / "plotly.min.js"


def data_table_script() -> str:
    """The site's copy of the live figures' data-table code: ``window.TFL_DATA_TABLE.dataTable(gd)``
    gives the disclosure button and tables under a drawn plotly figure (``sync()`` after a draw)."""
    from ..explorers._plotview import DATA_TABLE_JS as code

    return (
        "/* Trophic Factors Lab: a figure's data as a table on request (generated from\n"
        " * helpers/explorers/_plotview.py DATA_TABLE_JS, the code of the live notebook). */\n"
        '(function () {\n"use strict";\n'
        + code
        + "\nwindow.TFL_DATA_TABLE = { dataTable, dataTablesHtml };\n})();\n"
    )


def build_site(
    out_dir: Path | None = None, src_dir: Path | None = None, *, timeout: int = 300, verbose: bool = False
) -> dict:
    """Build the site into ``out_dir`` (emptied first); return build information."""
    import nbformat

    src_dir = Path(src_dir or NOTEBOOK_DIR).resolve()
    out_dir = Path(out_dir or BUILD_DIR / "site")
    if out_dir.exists():
        shutil.rmtree(out_dir)
    out_dir.mkdir(parents=True)
    shutil.copyfile(plotly_js_path(), out_dir / "plotly.min.js")
    shutil.copyfile(STATIC_DIR / SITE_JS, out_dir / SITE_JS)
    (out_dir / DATA_TABLE_JS).write_text(data_table_script(), encoding="utf-8")
    paths = notebook_paths(src_dir)
    built = {p.name for p in paths}
    try:
        src_rel = src_dir.relative_to(ROOT).as_posix()
    except ValueError:
        src_rel = "notebooks"
    info = {"pages": [], "seconds_total": 0.0}
    records = []
    t_all = time.perf_counter()
    for path in paths:
        raw = json.loads(path.read_text(encoding="utf-8"))
        student = student_notebook(raw)
        n_solutions = len(raw["cells"]) - len(student["cells"])
        student["cells"] = without_colab_cell(student["cells"])  # the page is not Colab
        nb = nbformat.reads(json.dumps(student), as_version=4)
        t0 = time.perf_counter()
        execute(nb, src_dir, timeout=timeout)
        seconds = time.perf_counter() - t0
        t1 = time.perf_counter()
        payloads = page_states(explorer_names(nb))
        checks = page_checks(nb)
        states_seconds = time.perf_counter() - t1
        counts = static_outputs(nb, prefix=re.sub(r"\W", "_", path.stem), explorers=payloads, checks=checks)
        counts["math_cells"] = static_markdown(nb)
        data_file = out_dir / (path.stem + ".data.js")
        data_file.write_text(data_script({"explorers": payloads, **checks}), encoding="utf-8")
        scripts = [data_file.name, DATA_TABLE_JS, SITE_JS]
        page = rewrite_links(export_page(nb, path.name, scripts), built, src_rel)
        target = out_dir / (path.stem + ".html")
        target.write_text(page, encoding="utf-8")
        own = target.stat().st_size + data_file.stat().st_size
        if own > PAGE_BYTES:
            raise RuntimeError(
                f"{target.name}: page and data are {own / 1e6:.2f} MB, over the {PAGE_BYTES / 1e6:.0f} MB budget"
            )
        records.append(notebook_record(raw, path.name))
        info["pages"].append(
            {
                "notebook": path.name,
                "page": target.name,
                "execute_seconds": round(seconds, 2),
                "states_seconds": round(states_seconds, 2),
                "data_file": data_file.name,
                "data_bytes": data_file.stat().st_size,
                "explorers": {
                    n: {
                        "states": p["n_states"],
                        "grid": {c["key"]: len(c["grids"][0]) for c in p["controls"] if c["kind"] == "range"},
                    }
                    for n, p in payloads.items()
                },
                "solution_cells_removed": n_solutions,
                "bytes": target.stat().st_size,
                **counts,
            }
        )
        if verbose:
            print(f"{path.name}: executed in {seconds:.1f} s, {counts}", flush=True)
    (out_dir / "index.html").write_text(index_html(records), encoding="utf-8")
    info["seconds_total"] = round(time.perf_counter() - t_all, 2)
    (out_dir / "build-info.json").write_text(json.dumps(info, indent=1) + "\n", encoding="utf-8")
    return info


def main(argv: Sequence[str] | None = None) -> None:
    """Command line: build the static site (``--out``, ``--src``, ``--timeout``)."""
    ap = argparse.ArgumentParser(description="Build the static site (offline HTML) of the notebooks.")
    ap.add_argument("--out", type=Path, default=BUILD_DIR / "site")
    ap.add_argument("--src", type=Path, default=None, help="notebook folder (default: notebooks/)")
    ap.add_argument("--timeout", type=int, default=300, help="seconds per cell")
    args = ap.parse_args(argv)
    info = build_site(args.out, args.src, timeout=args.timeout, verbose=True)
    print(f"{len(info['pages'])} notebook pages + index.html in {args.out} ({info['seconds_total']:.1f} s)")


if __name__ == "__main__":
    main()
