#!/usr/bin/env python
"""`make stress`: the browser suite N times in a row (default 10) while two CPU-bound processes
run beside it, as on a busy JupyterHub. Every run must pass: a browser test that fails under load
is a defect (issue 19: "[anywidget] Failed to initialize model." blanked figures under load).

Usage: python benchmarks/stress.py [--runs 10] [--hogs 2] [--out build/stress] [-- pytest args]
Writes build/stress/results.json and one log per run; exit status 1 if any run failed.
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
HOG = "import itertools\nfor i in itertools.count(): i * i"


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=10)
    ap.add_argument("--hogs", type=int, default=2, help="CPU-bound processes beside the suite")
    ap.add_argument("--out", default=str(ROOT / "build" / "stress"))
    ap.add_argument("pytest_args", nargs="*", default=["tests/browser"], help="what pytest runs")
    args = ap.parse_args(argv)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    # stopped with kill (SIGTERM), still stop the CPU-bound processes: the finally below runs
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    hogs = [subprocess.Popen([sys.executable, "-c", HOG]) for _ in range(args.hogs)]
    runs = []
    try:
        for i in range(1, args.runs + 1):
            log_path = out / f"run_{i:02d}.log"
            t0 = time.time()
            load = os.getloadavg()[0]
            loads = []
            with open(log_path, "w") as log:
                proc = subprocess.Popen(
                    [sys.executable, "-m", "pytest", "-q", "-p", "no:randomly", *args.pytest_args],
                    cwd=ROOT,
                    stdout=log,
                    stderr=subprocess.STDOUT,
                )
                while proc.poll() is None:  # the 1-minute load average, sampled every 10 s
                    loads.append(os.getloadavg()[0])
                    try:
                        proc.wait(timeout=10)
                    except subprocess.TimeoutExpired:
                        pass
                rc = proc.returncode
            tail = log_path.read_text(errors="replace").strip().splitlines()[-1:]
            runs.append(
                {
                    "run": i,
                    "passed": rc == 0,
                    "seconds": round(time.time() - t0),
                    "load_at_start": load,
                    "load_mean": round(sum(loads) / len(loads), 2) if loads else load,
                    "load_max": round(max(loads), 2) if loads else load,
                    "summary": tail[0] if tail else "",
                }
            )
            # after every run, so that an interrupted series still leaves its record
            (out / "results.json").write_text(json.dumps({"hogs": args.hogs, "runs": runs}, indent=1))
            print(
                f"run {i}/{args.runs}: {'PASS' if rc == 0 else 'FAIL'} in {runs[-1]['seconds']} s "
                f"(load at start {load:.1f}, mean {runs[-1]['load_mean']:.1f}, max {runs[-1]['load_max']:.1f}): "
                f"{runs[-1]['summary']}",
                flush=True,
            )
    finally:
        for h in hogs:
            h.terminate()
        for h in hogs:
            h.wait()
    n_ok = sum(r["passed"] for r in runs)
    print(f"{n_ok}/{len(runs)} runs passed with {args.hogs} CPU-bound processes beside the suite")
    return 0 if n_ok == len(runs) else 1


if __name__ == "__main__":
    sys.exit(main())
