"""Student copies of the notebooks: every cell tagged ``solution`` removed, nothing else changed.

    python -m helpers.publish.student [--out build/student] [--src notebooks]

Exercise model answers live in their own code or markdown cell with the cell metadata
``{"tags": ["solution"]}``. The student copy keeps every other cell (same order, same
source, same metadata) and is written without outputs or widget state.

Self-checks refer to their question bank by id (``ask("02-als-removed")``), so no key is in a
notebook's code; an exercise's check cell (``check_exercise(id)``) reads the student's own
variable and, when there is none yet, says so without printing the answer.
"""

from __future__ import annotations

import argparse
import copy
import json
from collections.abc import Sequence
from pathlib import Path

from . import BUILD_DIR, SOLUTION_TAG, notebook_paths


def is_solution(cell: dict) -> bool:
    """True for a cell tagged ``solution`` in its metadata."""
    tags = cell.get("metadata", {}).get("tags", []) or []
    return SOLUTION_TAG in tags


def student_notebook(nb: dict) -> dict:
    """A deep copy of ``nb`` without solution cells, outputs or widget state."""
    out = copy.deepcopy(nb)
    out["cells"] = [c for c in out["cells"] if not is_solution(c)]
    out.get("metadata", {}).pop("widgets", None)
    for c in out["cells"]:
        if c["cell_type"] == "code":
            c["outputs"] = []
            c["execution_count"] = None
        c.get("metadata", {}).pop("widgets", None)
    return out


def build_student(out_dir: Path | None = None, src_dir: Path | None = None) -> list[Path]:
    """Write a student copy of every notebook into ``out_dir``; return the written paths."""
    out_dir = Path(out_dir or BUILD_DIR / "student")
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for path in notebook_paths(src_dir):
        nb = json.loads(path.read_text(encoding="utf-8"))
        target = out_dir / path.name
        target.write_text(
            json.dumps(student_notebook(nb), indent=1, ensure_ascii=False) + "\n", encoding="utf-8"
        )
        written.append(target)
    return written


def main(argv: Sequence[str] | None = None) -> None:
    """Command line: write student copies without the solution cells (``--out``, ``--src``)."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, default=BUILD_DIR / "student")
    ap.add_argument("--src", type=Path, default=None, help="notebook folder (default: notebooks/)")
    args = ap.parse_args(argv)
    written = build_student(args.out, args.src)
    for p in written:
        print(p)
    print(f"{len(written)} student notebooks written to {args.out}")


if __name__ == "__main__":
    main()
