"""The map of the collection, read from the notebooks themselves.

Each topic notebook states its title (H1 and ``metadata.title``), **Time**, learning
objectives and sections; this module turns them into the notebook map shown in
00_start_here.ipynb and README.md, so the map can never drift from the notebooks.

    python -m helpers.catalog            # print the README map (Markdown)
"""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

NOTEBOOK_DIR = Path(__file__).resolve().parent.parent / "notebooks"
#: left-aligned cells (JupyterLab right-aligns table cells by default)
LEFT = " style='text-align:left;vertical-align:top'"
_SKIP_SECTIONS = {
    "learning objectives",
    "key points",
    "references",
    "setup",
    "disclaimer",
    "what next",
    "next",
    "self-checks",
    "glossary",
    "try it yourself",
}


def notebooks(directory: Path | None = None) -> list[dict]:
    """One record per topic notebook (``NN_*.ipynb``, NN >= 01), in order: file, title,
    minutes, objectives, sections."""
    # an installed package has no notebooks/ beside it: then the folder the notebook runs in
    directory = Path(directory or (NOTEBOOK_DIR if NOTEBOOK_DIR.is_dir() else Path.cwd()))
    out = []
    for path in sorted(directory.glob("[0-9][0-9]_*.ipynb")):
        if path.name.startswith("00_"):
            continue
        nb = json.loads(path.read_text(encoding="utf-8"))
        md = "\n".join("".join(c["source"]) for c in nb["cells"] if c["cell_type"] == "markdown")
        md = re.sub(r"```.*?```", "", md, flags=re.S)
        time = re.search(r"\*\*Time:?\*\*:?\s*([^\n]*?\d+\s*[–-]\s*\d+\s*min)", md)
        obj = re.search(r"learning objectives.*?\n(.*?)(?=\n#|\n\*\*|\Z)", md, re.I | re.S)
        objectives = re.findall(r"^\s*(?:[-*]|\d+\.)\s+(.+)$", obj.group(1), re.M) if obj else []
        sections = [re.sub(r"^\d+[.)]?\s*", "", t).strip() for t in re.findall(r"^##\s+(.+?)\s*$", md, re.M)]
        sections = [s for s in sections if s.lower().rstrip(":") not in _SKIP_SECTIONS]
        out.append(
            {
                "file": path.name,
                "title": nb["metadata"].get("title") or path.stem,
                "minutes": time.group(1).strip(" :") if time else "",
                "objectives": [o.strip() for o in objectives],
                "sections": sections,
            }
        )
    return out


def map_markdown(link_prefix: str = "notebooks/") -> str:
    """The notebook map as a Markdown table (used in README.md)."""
    rows = ["| Notebook | Topics | Time |", "|---|---|---|"]
    for n in notebooks():
        topics = "; ".join(n["sections"])
        rows.append(f"| [{n['title']}]({link_prefix}{n['file']}) | {topics} | {n['minutes']} |")
    if len(rows) == 2:
        rows.append("| (no topic notebooks yet) | | |")
    return "\n".join(rows)


def map_html() -> str:
    """The notebook map as an accessible HTML table with objectives (used in 00_start_here)."""
    body = []
    for n in notebooks():
        objs = "".join(f"<li>{html.escape(o)}</li>" for o in n["objectives"])
        body.append(
            f"<tr><th scope='row'{LEFT}><a href='{html.escape(n['file'])}'>{html.escape(n['title'])}"
            f"</a></th><td{LEFT}><ul>{objs}</ul></td><td{LEFT}>{html.escape(n['minutes'])}</td></tr>"
        )
    if not body:
        body.append("<tr><td colspan='3'>No topic notebooks are present yet.</td></tr>")
    return (
        "<table><caption>The notebooks in this collection</caption><thead><tr>"
        f"<th scope='col'{LEFT}>Notebook</th><th scope='col'{LEFT}>You will be able to…</th>"
        f"<th scope='col'{LEFT}>Time</th></tr></thead><tbody>" + "".join(body) + "</tbody></table>"
    )


if __name__ == "__main__":
    print(map_markdown())
