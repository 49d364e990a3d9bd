"""Accessibility lint for what axe cannot see in a rendered page (no browser, no kernel).

    python -m helpers.publish.lint [notebooks/ or files...]     # prints problems, exit 1 if any

Per notebook (:func:`lint_notebook`):

* exactly one H1, and it is the first heading; no skipped heading levels (Markdown ``#`` and
  HTML ``<hN>`` in markdown cells);
* every image has alt text (Markdown ``![alt](src)`` and HTML ``<img alt>``; axe passes ``alt=""``);
* every static figure (a cell displaying a figure built by ``helpers.plots`` or plotly) has a
  text description of at least a sentence in the markdown cell right before or after it;
* link text is descriptive: not "here", "click here", "link", "this", "more", and not a bare URL;
  no bare URLs in running text;
* every table has a caption: a Markdown table has a bold line (``**Table: what it shows.**``)
  directly before it (at most one blank line between), an HTML ``<table>`` a ``<caption>``;
* citations are readable "(Author et al., Year)" links to the References heading, every cited key
  resolves in data/references.csv and has an entry under References, and every glossary term is
  linked at its first use (:func:`citation_problems`; ``python -m helpers.publish.citations
  --write`` fixes what it reports).

Per registered explorer (:func:`lint_explorer`): every control has a text label, sliders and
number boxes name their unit in parentheses, ``describe()`` says in words what the figure shows,
the static figure has a title, axis titles and named legend entries.

Self-check feedback is checked in tests/test_a11y_lint.py against helpers.selfcheck itself.
"""

from __future__ import annotations

import ast
import json
import re
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from . import notebook_paths

VAGUE_LINK_TEXT = {
    "here",
    "click here",
    "link",
    "this link",
    "this",
    "more",
    "read more",
    "click",
    "this page",
    "go",
    "see here",
    "url",
    "website",
}
MIN_DESCRIPTION_WORDS = 12

_FENCE = re.compile(r"```.*?```|~~~.*?~~~", re.S)
_INLINE_CODE = re.compile(r"`[^`\n]*`")
_MD_HEADING = re.compile(r"^(#{1,6})\s+(.+?)\s*#*\s*$", re.M)
_HTML_HEADING = re.compile(r"<h([1-6])\b[^>]*>(.*?)</h\1>", re.I | re.S)
_MD_IMAGE = re.compile(r"!\[([^\]]*)\]\s*[\(\[]")
_HTML_IMG = re.compile(r"<img\b[^>]*>", re.I)
_ALT = re.compile(r"""\balt\s*=\s*(["'])(.*?)\1""", re.I | re.S)
_LINK_TARGET = r"\((?:[^()\s]|\([^()\s]*\))+(?:\s+\"[^\"]*\")?\)"
_MD_LINK = re.compile(r"(?<!!)\[((?:[^\[\]]|\[[^\]]*\])+)\]" + _LINK_TARGET)
_HTML_LINK = re.compile(r"<a\b[^>]*>(.*?)</a>", re.I | re.S)
_BARE_URL = re.compile(r"(?<![(\"'=/])\b(?:https?://|www\.)\S+", re.I)


def _text(s: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>|[*_`]", "", s)).strip()


def _md_sources(nb: dict) -> list[tuple[int, str]]:
    return [
        (i, _FENCE.sub("", "".join(c["source"])))
        for i, c in enumerate(nb["cells"])
        if c["cell_type"] == "markdown"
    ]


# ------------------------------------------------------------------------------------------
# headings, images, links
# ------------------------------------------------------------------------------------------
def heading_problems(nb: dict) -> list[str]:
    """Heading problems of notebook ``nb`` (one message per problem, naming the cell)."""
    hs = []
    for i, md in _md_sources(nb):
        found = [(m.start(), len(m.group(1)), _text(m.group(2))) for m in _MD_HEADING.finditer(md)]
        found += [(m.start(), int(m.group(1)), _text(m.group(2))) for m in _HTML_HEADING.finditer(md)]
        hs += [(i, lvl, t) for _, lvl, t in sorted(found)]
    out = []
    h1 = [t for _, lvl, t in hs if lvl == 1]
    if len(h1) != 1:
        out.append(f"expected exactly one H1, found {len(h1)}: {h1}")
    if hs and hs[0][1] != 1:
        out.append(f"the first heading must be the H1, found H{hs[0][1]} {hs[0][2]!r}")
    prev = 1
    for i, lvl, t in hs[1:]:
        if lvl > prev + 1:
            out.append(f"cell {i}: heading level skipped (H{prev} -> H{lvl}) at {t!r}")
        prev = lvl
    return out


def image_problems(nb: dict) -> list[str]:
    """Images in markdown cells without alt text (Markdown or HTML), naming the cell."""
    out = []
    for i, md in _md_sources(nb):
        for m in _MD_IMAGE.finditer(md):
            if len(m.group(1).strip()) < 3:
                out.append(f"cell {i}: Markdown image without alt text: {m.group(0)!r}")
        for m in _HTML_IMG.finditer(md):
            alt = _ALT.search(m.group(0))
            if not alt or len(alt.group(2).strip()) < 3:
                out.append(f"cell {i}: <img> without alt text: {m.group(0)[:80]!r}")
    return out


def _vague(text: str) -> bool:
    t = re.sub(r"[^\w\s]", "", _text(text)).strip().lower()
    return t in VAGUE_LINK_TEXT or not t


def link_problems(nb: dict) -> list[str]:
    """Links whose text does not say where they lead (such as 'here' or a bare URL), naming the cell."""
    out = []
    for i, md in _md_sources(nb):
        md = _INLINE_CODE.sub("", md)
        for m in list(_MD_LINK.finditer(md)) + list(_HTML_LINK.finditer(md)):
            text = m.group(1)
            if _vague(text):
                out.append(f"cell {i}: link text {_text(text)!r} does not say where the link goes")
            elif re.match(r"\s*(https?://|www\.)", _text(text), re.I):
                out.append(f"cell {i}: link text is a bare URL {_text(text)[:60]!r}; describe the target")
        rest = _HTML_LINK.sub(" ", _MD_LINK.sub(" ", md))
        rest = re.sub(r"<[^>]*>", " ", rest)  # attributes (href="...") and <https://...> autolinks
        for m in _BARE_URL.finditer(rest):
            out.append(f"cell {i}: bare URL in the text {m.group(0)[:60]!r}; use a descriptive link")
        for m in re.finditer(r"<(https?://[^>\s]+)>", md):
            out.append(f"cell {i}: bare URL autolink {m.group(1)[:60]!r}; use a descriptive link")
    return out


# ------------------------------------------------------------------------------------------
# tables need a caption
# ------------------------------------------------------------------------------------------
_TABLE_ROW = re.compile(r"^\s*\|.*\|\s*$")
_TABLE_RULE = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$")
_BOLD_LINE = re.compile(r"^\s*(\*\*|__)(?!\s)[^*_].*?(\*\*|__)")
_HTML_TABLE = re.compile(r"<table\b.*?</table>", re.I | re.S)


def table_caption_problems(nb: dict) -> list[str]:
    """Tables in markdown cells without a caption, naming the cell and the table's header row.

    A Markdown table cannot carry a ``<caption>``; its caption is a line in bold right before it
    (at most one blank line between), such as ``**Table: the studies of this notebook.**``, so
    that it is read (and seen) just before the table. An HTML table needs a ``<caption>``."""
    out = []
    for i, md in _md_sources(nb):
        lines = md.split("\n")
        for j in range(len(lines) - 1):
            starts = _TABLE_ROW.match(lines[j]) and _TABLE_RULE.match(lines[j + 1])
            if not starts or (j > 0 and _TABLE_ROW.match(lines[j - 1])):
                continue
            k = j - 1
            while k >= 0 and not lines[k].strip() and j - k <= 2:
                k -= 1
            if k < 0 or not lines[k].strip() or not _BOLD_LINE.match(lines[k]):
                out.append(
                    f"cell {i}: Markdown table {_text(lines[j])[:60]!r} has no caption: put a line in "
                    f"bold directly before it, e.g. '**Table: what the table shows.**'"
                )
        for m in _HTML_TABLE.finditer(md):
            if not re.search(r"<caption\b[^>]*>\s*\S", m.group(0), re.I):
                out.append(f"cell {i}: HTML table without a <caption>: {m.group(0)[:60]!r}")
    return out


# ------------------------------------------------------------------------------------------
# figures need a text description next to them
# ------------------------------------------------------------------------------------------
def _root_name(node) -> str | None:
    while isinstance(node, ast.Attribute):
        node = node.value
    if isinstance(node, ast.Call):
        return _root_name(node.func)
    return node.id if isinstance(node, ast.Name) else None


def figure_cells(nb: dict) -> list[int]:
    """Indices of code cells that display a static figure (a heuristic on the source):
    the last line is, or a ``.show()`` is called on, a figure made by a function imported from
    ``helpers.plots`` / plotly, or a variable assigned from one."""
    makers: set[str] = set()
    figvars: set[str] = set()
    out = []
    for i, c in enumerate(nb["cells"]):
        if c["cell_type"] != "code":
            continue
        try:
            tree = ast.parse("".join(c["source"]))
        except SyntaxError:
            continue
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and node.module:
                mod = node.module
                if mod.startswith("helpers.plots") or mod.startswith("plotly"):
                    makers |= {a.asname or a.name for a in node.names} - {"use_house_template", "axis_title"}
                elif mod == "helpers":
                    makers |= {a.asname or a.name for a in node.names if a.name == "plots"}
            elif isinstance(node, ast.Import):
                makers |= {
                    a.asname or a.name.split(".")[0] for a in node.names if a.name.startswith("plotly")
                }

        def is_fig(expr, figvars=figvars, makers=makers) -> bool:
            if isinstance(expr, ast.Name):
                return expr.id in figvars
            if isinstance(expr, ast.Call):
                root = _root_name(expr.func)
                return root in makers or root in figvars
            return False

        shows = False
        for node in tree.body:
            if isinstance(node, ast.Assign) and is_fig(node.value):
                figvars |= {t.id for t in node.targets if isinstance(t, ast.Name)}
            if (
                isinstance(node, ast.Expr)
                and isinstance(node.value, ast.Call)
                and isinstance(node.value.func, ast.Attribute)
                and node.value.func.attr == "show"
                and is_fig(node.value.func.value)
            ):
                shows = True
        if tree.body and isinstance(tree.body[-1], ast.Expr) and is_fig(tree.body[-1].value):
            shows = True
        if shows:
            out.append(i)
    return out


def figure_description_problems(nb: dict) -> list[str]:
    """Figure cells without a text description in a neighbouring markdown cell."""
    cells = nb["cells"]
    out = []
    for i in figure_cells(nb):
        near = [
            cells[j] for j in (i - 1, i + 1) if 0 <= j < len(cells) and cells[j]["cell_type"] == "markdown"
        ]
        words = max((len(_text(_FENCE.sub("", "".join(c["source"]))).split()) for c in near), default=0)
        if words < MIN_DESCRIPTION_WORDS:
            out.append(
                f"cell {i}: figure without a text description in the markdown cell right "
                f"before or after it (need >= {MIN_DESCRIPTION_WORDS} words)"
            )
    return out


def citation_problems(nb: dict, name: str = "") -> list[str]:
    """Raw ``[@key]`` citations, keys that do not resolve or are not listed under References,
    and glossary terms not yet linked at first use (what the citation converter would change)."""
    import copy

    from .. import references
    from . import citations

    out = []
    md = "\n".join(src for _, src in _md_sources(nb))
    raw = references.RAW_CITE_GROUP.findall(citations.RAW_ENTRY.sub("", md))
    if raw:
        out.append(
            f"{len(raw)} raw citation(s) such as [{raw[0]}]: run `python -m helpers.publish.citations "
            "--write` to make them readable links"
        )
    known = set(references.keys())
    for m in citations.LINKED_CITE.finditer(md):
        if m.group(2) not in known:
            out.append(f"citation {m.group(0)[:60]!r}: key {m.group(2)!r} is not in data/references.csv")
        elif m.group(1) != references.label(m.group(2)):
            out.append(f"citation {m.group(0)[:60]!r}: label should read {references.label(m.group(2))!r}")
    listed = set(citations.listed_keys(md))
    for k in citations.cited_keys(md):
        if k in known and k not in listed:
            out.append(f"key {k!r} is cited but has no entry under References")
    trial = copy.deepcopy(nb)
    target = "#Glossary" if name.startswith("00_") else "00_start_here.ipynb#Glossary"
    if citations.link_glossary(trial, target):
        out.append(
            "glossary terms are not linked at first use: run `python -m helpers.publish.citations --write`"
        )
    return out


def lint_notebook(path: Path) -> list[str]:
    """Every problem the notebook accessibility lint finds in the notebook at ``path``."""
    nb = json.loads(Path(path).read_text(encoding="utf-8"))
    return (
        heading_problems(nb)
        + image_problems(nb)
        + link_problems(nb)
        + figure_description_problems(nb)
        + table_caption_problems(nb)
        + citation_problems(nb, Path(path).name)
    )


# ------------------------------------------------------------------------------------------
# explorers
# ------------------------------------------------------------------------------------------
def _value_axes(fig) -> set[str]:
    """Layout names of the cartesian axes that carry numbers (a bar chart's category axis is
    labelled by its categories and needs no title)."""
    out = set()
    for t in fig.data:
        if t.type not in ("scatter", "scattergl", "bar", "box", "histogram", "violin"):
            continue
        xa = "xaxis" + (t.xaxis or "x")[1:]
        ya = "yaxis" + (t.yaxis or "y")[1:]
        if t.type == "bar":
            out.add(xa if t.orientation == "h" else ya)
        else:
            out |= {xa, ya}
    return out


def lint_explorer(ex: Any) -> list[str]:
    """Problems with one explorer instance's labels, text alternative and static figure."""
    from ..explorers.base import allowed_values

    name = type(ex).__name__
    out = []
    for key, w in ex.controls.items():
        label = (getattr(w, "description", "") or "").strip()
        if len(label) < 2:
            out.append(f"{name}: control {key!r} has no text label")
        elif allowed_values(w)[0] == "range" and not re.search(r"\([^)]+\)", label):
            out.append(
                f"{name}: control {key!r} label {label!r} names no unit in parentheses "
                f"(write the unit, or e.g. '(fold)' / '(unitless)')"
            )
        if getattr(w, "description_allow_html", False):
            out.append(f"{name}: control {key!r} uses an HTML label; screen readers get markup")
    text = ex.describe(ex.summary())
    if len(str(text).split()) < 5:
        out.append(f"{name}: describe() gives too little text for a text alternative: {text!r}")
    fig = ex.static_figure()
    title = fig.layout.title.text if fig.layout.title else None
    if not (title and str(title).strip()):
        out.append(f"{name}: static figure has no title")
    for ax in sorted(_value_axes(fig)):
        axis = fig.layout[ax] if ax in fig.layout else None
        if axis is None or axis.matches or axis.showticklabels is False or axis.visible is False:
            continue  # hidden (a diagram), or shared with another (titled) axis
        if not (axis.title and axis.title.text):
            out.append(f"{name}: static figure {ax} has no title (name the quantity and unit)")
    legend = [t for t in fig.data if t.showlegend is not False and getattr(t, "name", None) is None]
    if len(fig.data) > 1 and legend:
        out.append(
            f"{name}: {len(legend)} trace(s) without a name: lines must be labelled, "
            f"not told apart by colour alone"
        )
    return out


def main(argv: Sequence[str] | None = None) -> int:
    """Command line: lint the notebooks or folders given (default: notebooks/); 1 if any problem."""
    args = sys.argv[1:] if argv is None else argv
    paths = []
    for a in args or [None]:
        p = Path(a) if a else None
        paths += notebook_paths(p) if p is None or p.is_dir() else [p]
    n = 0
    for p in paths:
        for problem in lint_notebook(p):
            print(f"{p.name}: {problem}")
            n += 1
    from ..explorers import REGISTRY

    for key, factory in sorted(REGISTRY.items()):
        for problem in lint_explorer(factory()):
            print(f"explorer {key}: {problem}")
            n += 1
    print(f"{n} problem(s) in {len(paths)} notebook(s) and {len(REGISTRY)} explorer(s)")
    return 1 if n else 0


if __name__ == "__main__":
    raise SystemExit(main())
