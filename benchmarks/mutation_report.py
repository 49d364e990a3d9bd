#!/usr/bin/env python
"""Kill rate of the last `make mutate` run, per module of helpers/models (reads mutmut's results).

    python benchmarks/mutation_report.py            # print the table (Markdown)
    python benchmarks/mutation_report.py --readme   # also replace the table in README.md

A mutant counts as killed when a test failed (or timed out) with it applied. Mutants that no test
ran ("no tests") count as survivors: they are changes no test can notice. Mutants listed in
benchmarks/mutation_equivalent.txt (each with the reason it cannot change behaviour) are counted
apart as "equivalent" and left out of the kill rate; "not checked" are mutants the run has not
reached yet (they count against the rate).
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
EQUIVALENT_FILE = ROOT / "benchmarks" / "mutation_equivalent.txt"


def equivalent() -> set[str]:
    """Names of the mutants listed as equivalent (first word of each non-comment line)."""
    lines = EQUIVALENT_FILE.read_text(encoding="utf-8").splitlines() if EQUIVALENT_FILE.exists() else []
    return {ln.split()[0] for ln in lines if ln.strip() and not ln.lstrip().startswith("#")}


def results() -> dict[str, Counter]:
    """Status counts per module, from ``mutmut results --all true``."""
    exe = Path(sys.executable).with_name("mutmut")
    out = subprocess.run(
        [str(exe), "results", "--all", "true"], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout
    per: dict[str, Counter] = defaultdict(Counter)
    eq = equivalent()
    for line in out.splitlines():
        m = re.match(r"\s*((helpers\.models\.\w+)\.\S+__mutmut_\d+):\s*(.+?)\s*$", line)
        if m:
            status = "equivalent" if m.group(1) in eq and m.group(3) == "survived" else m.group(3)
            per[m.group(2)][status] += 1
    if not per:
        raise SystemExit("no mutmut results: run `make mutate` first")
    return per


def table(per: dict[str, Counter]) -> str:
    """A Markdown table: mutants, killed, survived, no tests and the kill rate per module."""
    rows = [
        "| module | mutants | killed | survived | equivalent | no test ran | not checked | kill rate |",
        "|---|---|---|---|---|---|---|---|",
    ]
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
    eq, pending = c["equivalent"], c["not checked"]
    other = n - killed - c["survived"] - c["no tests"] - eq - pending
    extra = f" (+{other} other)" if other else ""
    rate = 100 * killed / (n - eq) if n > eq else 0.0
    checked = n - eq - pending
    rate_checked = f"{100 * killed / checked:.1f} %" if checked else "–"
    return (
        f"| {name} | {n} | {killed} | {c['survived']} | {eq} | {c['no tests']}{extra} | {pending} | "
        f"{rate:.1f} % (of checked: {rate_checked}) |"
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
