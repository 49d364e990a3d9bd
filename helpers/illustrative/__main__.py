"""python -m helpers.illustrative [--write | --check]"""

import argparse
import sys

from . import differing, write_all

ap = argparse.ArgumentParser(description="Regenerate or check the illustrative data sets in data/.")
g = ap.add_mutually_exclusive_group(required=True)
g.add_argument("--write", action="store_true", help="write every data set")
g.add_argument("--check", action="store_true", help="fail if a file differs from regeneration")
args = ap.parse_args()
if args.write:
    print("wrote:", ", ".join(write_all()) or "(none)")
else:
    bad = differing()
    print("differ:", ", ".join(bad) if bad else "none")
    sys.exit(1 if bad else 0)
