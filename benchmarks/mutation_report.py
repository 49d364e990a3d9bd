#!/usr/bin/env python
"""Kill rate of the last `make mutate` run, per module of helpers/models (reads mutmut's results).

    python benchmarks/mutation_report.py            # print the table (Markdown)
    python benchmarks/mutation_report.py --readme   # also replace the table in README.md

A mutant counts as killed when a test failed (or timed out) with it applied. Mutants that no test
ran ("no tests") count as survivors: they are changes no test can notice.
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
KILLED = {"killed", "timeout"}
START, END = "<!-- mutation:start -->", "<!-- mutation:end -->"


def results() -> dict[str, Counter]:
    """Status counts per module, from ``mutmut results --all true``."""
    exe = Path(sys.executable).with_name("mutmut")
    out = subprocess.run(
        [str(exe), "results", "--all", "true"], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout
    per: dict[str, Counter] = defaultdict(Counter)
    for line in out.splitlines():
        m = re.match(r"\s*(helpers\.models\.\w+)\.\S+__mutmut_\d+:\s*(.+?)\s*$", line)
        if m:
            per[m.group(1)][m.group(2)] += 1
    if not per:
        raise SystemExit("no mutmut results: run `make mutate` first")
    return per


def table(per: dict[str, Counter]) -> str:
    """A Markdown table: mutants, killed, survived, no tests and the kill rate per module."""
    rows = ["| module | mutants | killed | survived | no test ran | kill rate |", "|---|---|---|---|---|---|"]
    total = Counter()
    for mod in sorted(per):
        c = per[mod]
        total += c
        rows.append(_row(f"`{mod}`", c))
    rows.append(_row("**all**", total))
    return "\n".join(rows)


def _row(name: str, c: Counter) -> str:
    n = sum(c.values())
    killed = sum(c[s] for s in KILLED)
    other = n - killed - c["survived"] - c["no tests"]
    extra = f" (+{other} other)" if other else ""
    return (
        f"| {name} | {n} | {killed} | {c['survived']} | {c['no tests']}{extra} | {100 * killed / n:.1f} % |"
    )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--readme", action="store_true", help="replace the table between the README markers")
    args = ap.parse_args()
    text = table(results())
    print(text)
    if args.readme:
        readme = ROOT / "README.md"
        s = readme.read_text(encoding="utf-8")
        if START not in s:
            raise SystemExit(f"README.md lacks the {START} marker")
        s = re.sub(f"{START}.*?{END}", f"{START}\n{text}\n{END}", s, flags=re.S)
        readme.write_text(s, encoding="utf-8")


if __name__ == "__main__":
    main()
