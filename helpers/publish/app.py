"""App-mode copies of the notebooks for Voila (``make app``): the student copy (solution cells
removed), without the Colab cell, and without wording about operating a notebook, which an app
does not have (Shift+Enter, Run All, restarting the kernel, "run the cell"), and without the
"Try it yourself" exercises (the student writes code there, which an app cannot do).

    python -m helpers.publish.app [--out build/app]

Voila hides the code and shows outputs and controls; these copies make the text match.
"""

from __future__ import annotations

import argparse
import json
import re
from pathlib import Path

from ..routes import without_colab_cell
from . import BUILD_DIR, notebook_paths
from .student import student_notebook

#: Wording that only makes sense in a notebook front end (tests check the served apps for it).
NOTEBOOK_ONLY = re.compile(
    r"Shift\s*\+\s*Enter|Run All|Restart Kernel|Run\s*→|Kernel\s*→|\brun (?:the|this|the next|each|every|one) "
    r"(?:next )?cells?\b|\brun cells\b|\bcode cells?\b",
    re.I,
)
#: JUPYTER_PATH entry holding the app template ``tfl_app`` (Voila's lab template, no CDN links).
APP_JUPYTER_PATH = Path(__file__).resolve().parent / "jupyter"

_KEYS = re.compile(r"Shift\s*\+\s*Enter|Run All|Restart Kernel|Run\s*→|Kernel\s*→", re.I)
_CLAUSE = re.compile(r",?\s*(?:then|before you|when you) run the cell", re.I)
_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-Z*])")


def app_markdown(text: str) -> str:
    """``text`` without list items and sentences about operating the notebook."""
    out = []
    for line in _CLAUSE.sub("", text).split("\n"):
        if _KEYS.search(line) and re.match(r"\s*[-*] ", line):
            continue  # a list item about keys or menus
        if NOTEBOOK_ONLY.search(line):
            line = " ".join(s for s in _SENTENCE.split(line) if not NOTEBOOK_ONLY.search(s))
        out.append(line)
    return re.sub(r"\n{3,}", "\n\n", "\n".join(out)).strip() + "\n"


_HEADING = re.compile(r"^(#{1,6})\s+(.+?)\s*$", re.M)


def _without_exercises(cells: list[dict]) -> list[dict]:
    """Drop each "Try it yourself" section (the student writes code there and checks it, which an
    app cannot do): from its heading to the next heading of the same or a higher level, and any
    other cell that calls check_exercise."""
    out, skip_level = [], None
    for c in cells:
        src = "".join(c["source"])
        first = _HEADING.search(src) if c["cell_type"] == "markdown" else None
        if first and skip_level is not None and len(first.group(1)) <= skip_level:
            skip_level = None
        if first and first.group(2).lower().startswith("try it yourself"):
            skip_level = len(first.group(1))
        if skip_level is None and "check_exercise(" not in src:
            out.append(c)
    return out


def app_notebook(nb: dict) -> dict:
    """The student copy of ``nb`` for app mode."""
    out = student_notebook(nb)
    out["cells"] = without_colab_cell(out["cells"])
    out["cells"] = _without_exercises(out["cells"])
    for c in out["cells"]:
        if c["cell_type"] == "markdown":
            c["source"] = app_markdown("".join(c["source"])).splitlines(keepends=True)
    return out


def build_app(out_dir: Path | None = None, src_dir: Path | None = None) -> list[Path]:
    """Write the app-mode copy of every notebook into ``out_dir``; return the written paths."""
    out_dir = Path(out_dir or BUILD_DIR / "app")
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for path in notebook_paths(src_dir):
        target = out_dir / path.name
        nb = json.loads(path.read_text(encoding="utf-8"))
        target.write_text(json.dumps(app_notebook(nb), indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
        written.append(target)
    return written


def main(argv: list[str] | None = None) -> None:
    """Command line: write the app-mode copies (``python -m helpers.publish.app --out DIR``)."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, default=BUILD_DIR / "app")
    args = ap.parse_args(argv)
    for p in build_app(args.out):
        print(p)


if __name__ == "__main__":
    main()
