"""Load the project's CSV data sets and validate them against their declared schema.

Every ``data/NAME.csv`` has a schema ``helpers/schemas/NAME.json`` and an entry in
``data/README.md`` (the data dictionary). A schema looks like::

    {
      "title": "Bibliography",
      "illustrative": false,
      "columns": {
        "key":  {"dtype": "string", "unique": true, "pattern": "^[a-z][a-z0-9_]*$"},
        "year": {"dtype": "int", "min": 1900, "max": 2100},
        "doi":  {"dtype": "string", "required": false},
        "sex":  {"dtype": "category", "allowed": ["female", "male"]}
      }
    }

dtype is one of ``string``, ``int``, ``float``, ``bool``, ``category``. Columns are required
(no missing values) unless ``"required": false``. ``min``/``max`` bound numeric columns.
"""

from __future__ import annotations

import json
import os
import re
from difflib import get_close_matches
from functools import cache
from pathlib import Path

import pandas as pd

DATA_DIR = Path(os.environ.get("TFL_DATA_DIR", Path(__file__).resolve().parent.parent / "data"))
SCHEMA_DIR = Path(__file__).resolve().parent / "schemas"
DTYPES = ("string", "int", "float", "bool", "category")


def list_datasets() -> list[str]:
    """Names of the data sets that have a schema (what ``load_dataset`` accepts)."""
    # helpers/schemas/ also holds the question-bank schema (data/questions/*.json), not a CSV data set
    return sorted(p.stem for p in SCHEMA_DIR.glob("*.json") if '"columns"' in p.read_text(encoding="utf-8"))


def schema(name: str) -> dict:
    """The declared schema of data set ``name`` (raises ValueError for an unknown name)."""
    path = SCHEMA_DIR / f"{name}.json"
    if not isinstance(name, str) or not path.is_file():
        available = list_datasets()
        close = get_close_matches(str(name), available, n=1)
        hint = f" Did you mean {close[0]!r}?" if close else ""
        raise ValueError(f"unknown data set {name!r}.{hint} Available data sets: {', '.join(available)}")
    spec = json.loads(path.read_text(encoding="utf-8"))
    for col, c in spec["columns"].items():
        if c.get("dtype") not in DTYPES:
            raise ValueError(
                f"schema {path.name}: column {col!r} has dtype {c.get('dtype')!r}; allowed {list(DTYPES)}"
            )
    return spec


def load_dataset(name: str) -> pd.DataFrame:
    """Return ``data/NAME.csv`` as a validated DataFrame.

    Raises ValueError naming the file, the column and the problem (missing or extra column,
    wrong type, missing values, out-of-range or disallowed values, duplicates).
    """
    return _load(name).copy()


@cache
def _load(name: str) -> pd.DataFrame:
    spec = schema(name)
    path = DATA_DIR / f"{name}.csv"
    if not path.is_file():
        raise ValueError(f"data set {name!r} is declared but its file {path} is missing")
    raw = pd.read_csv(path, dtype=str, keep_default_na=False, na_values=[""])
    return validate(raw, spec, path.name)


def validate(raw: pd.DataFrame, spec: dict, label: str) -> pd.DataFrame:
    """Check and convert a string-typed frame ``raw`` against ``spec``; ``label`` names it in errors."""
    cols = spec["columns"]
    missing = [c for c in cols if c not in raw.columns]
    extra = [c for c in raw.columns if c not in cols]
    if missing:
        raise ValueError(f"{label}: missing column(s) {missing}; expected columns {list(cols)}")
    if extra:
        raise ValueError(f"{label}: unexpected column(s) {extra}; expected columns {list(cols)}")
    if len(raw) == 0:
        raise ValueError(f"{label}: the file has no rows")
    out = {}
    for col, c in cols.items():
        s = raw[col]
        where = f"{label}: column {col!r}"
        na = s.isna()
        if na.any() and c.get("required", True):
            rows = _rows(na)
            raise ValueError(f"{where} has missing values in row(s) {rows} (data rows, 1-based)")
        dtype = c["dtype"]
        if dtype in ("int", "float"):
            num = pd.to_numeric(s, errors="coerce")
            bad = num.isna() & ~na
            if bad.any():
                raise ValueError(
                    f"{where} should be {dtype} but has {s[bad].iloc[0]!r} in row(s) {_rows(bad)}"
                )
            if dtype == "int":
                frac = (num % 1 != 0) & ~na
                if frac.any():
                    raise ValueError(
                        f"{where} should hold whole numbers but has {s[frac].iloc[0]!r} "
                        f"in row(s) {_rows(frac)}"
                    )
                num = num.astype("Int64") if na.any() else num.astype("int64")
            else:
                num = num.astype(float)
            for bound, op in (("min", num.__lt__), ("max", num.__gt__)):
                if bound in c:
                    off = op(c[bound]).fillna(False).astype(bool)
                    if off.any():
                        raise ValueError(
                            f"{where} has value {num[off].iloc[0]} in row(s) {_rows(off)} outside the "
                            f"allowed range [{c.get('min', '-inf')}, {c.get('max', 'inf')}]"
                            + (f" {c['unit']}" if c.get("unit") else "")
                        )
            s = num
        elif dtype == "bool":
            low = s.str.lower()
            ok = low.isin(["true", "false"]) | na
            if not ok.all():
                raise ValueError(
                    f"{where} should be true/false but has {s[~ok].iloc[0]!r} in row(s) {_rows(~ok)}"
                )
            s = low.map({"true": True, "false": False})
        elif dtype == "category":
            allowed = c.get("allowed")
            if not allowed:
                raise ValueError(f"{label}: schema of column {col!r} (category) lists no allowed values")
            ok = s.isin(allowed) | na
            if not ok.all():
                raise ValueError(
                    f"{where} has {s[~ok].iloc[0]!r} in row(s) {_rows(~ok)}; allowed values are {allowed}"
                )
            s = pd.Categorical(s, categories=allowed)
        if dtype == "string" and "pattern" in c:
            rx = re.compile(c["pattern"])
            ok = s.map(lambda v, rx=rx: isinstance(v, str) and bool(rx.fullmatch(v))) | na
            if not ok.all():
                raise ValueError(
                    f"{where} has {s[~ok].iloc[0]!r} in row(s) {_rows(~ok)}, which does not "
                    f"match the pattern {c['pattern']!r}"
                )
        if c.get("unique"):
            dup = pd.Series(s).duplicated(keep=False) & ~na
            if dup.any():
                raise ValueError(
                    f"{where} must be unique but {pd.Series(s)[dup].iloc[0]!r} repeats (row(s) {_rows(dup)})"
                )
        out[col] = s
    return pd.DataFrame(out)


def _rows(mask: pd.Series, most: int = 5) -> str:
    idx = [int(i) + 1 for i in mask[mask].index[:most]]
    more = int(mask.sum()) - len(idx)
    return ", ".join(map(str, idx)) + (f" and {more} more" if more > 0 else "")
