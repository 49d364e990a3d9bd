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
A column with ``"unique": true`` is a one-column key; ``"unique_keys": [["participant_id",
"diet", "day"]]`` at the top level declares keys made of several columns (no two rows may share
all of them).

Where the files are: the build copies ``data/`` (every file, subfolders included) into the wheel
as ``helpers/_data/``, and ``data_dir()`` finds it through :mod:`importlib.resources`; in a
source checkout or an editable install it is the repository's ``data/``. ``TFL_DATA_DIR``
overrides both. Files are read as strict UTF-8 CSV; every problem (binary or wrongly encoded
file, empty file, a row with too many or too few fields, ...) raises ValueError naming the file.
A loaded frame is cached by the file's bytes, so an edited file is re-read on the next call.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import os
import re
from difflib import get_close_matches
from importlib import resources
from pathlib import Path

import pandas as pd

SCHEMA_DIR = Path(__file__).resolve().parent / "schemas"
DTYPES = ("string", "int", "float", "bool", "category")


def data_dir() -> Path:
    """The folder holding the data files: ``TFL_DATA_DIR``, else the copy inside the installed
    package (``helpers/_data``, found with importlib.resources), else the checkout's ``data/``."""
    env = os.environ.get("TFL_DATA_DIR")
    if env:
        return Path(env)
    packaged = resources.files("helpers").joinpath("_data")
    if packaged.is_dir():
        return Path(str(packaged))
    return Path(__file__).resolve().parent.parent / "data"


#: Where ``load_dataset`` reads (see ``data_dir``); tests may point it elsewhere.
DATA_DIR = data_dir()


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
    keys = spec.get("unique_keys", [])
    if not isinstance(keys, list) or not all(isinstance(k, list) and k for k in keys):
        raise ValueError(f"schema {path.name}: unique_keys must be a list of non-empty lists of column names")
    for key in keys:
        unknown = [c for c in key if c not in spec["columns"]]
        if unknown:
            raise ValueError(
                f"schema {path.name}: unique key {key} names unknown column(s) {unknown}; "
                f"columns are {list(spec['columns'])}"
            )
    return spec


def load_dataset(name: str) -> pd.DataFrame:
    """Return ``data/NAME.csv`` as a validated DataFrame.

    Raises ValueError naming the file and the problem: unreadable file (binary, not UTF-8,
    empty, ragged rows), missing or extra column, wrong type, missing values, out-of-range or
    disallowed values, duplicates (one-column and multi-column keys).
    """
    return _load(name).copy()


_CACHE: dict[tuple, pd.DataFrame] = {}


def _load(name: str) -> pd.DataFrame:
    spec = schema(name)
    path = Path(DATA_DIR) / f"{name}.csv"
    if not path.is_file():
        raise ValueError(f"data set {name!r} is declared but its file {path} is missing")
    data = path.read_bytes()
    # keyed by content, not by name: an edited file is re-read, an unchanged one is not re-validated
    key = (str(path), hashlib.sha256(data).hexdigest(), json.dumps(spec, sort_keys=True))
    if key not in _CACHE:
        if len(_CACHE) > 64:
            _CACHE.clear()
        _CACHE[key] = validate(read_csv_strings(data, path.name), spec, path.name)
    return _CACHE[key]


def _cache_clear() -> None:
    _CACHE.clear()


_load.cache_clear = _cache_clear  # type: ignore[attr-defined]


def read_csv_strings(data: bytes, label: str) -> pd.DataFrame:
    """Parse CSV ``data`` into a frame of strings (empty field = missing), checking the file
    itself first. Every problem raises ValueError starting with ``label`` (the file name)."""
    if not data.strip():
        raise ValueError(f"{label}: the file is empty (no header line); expected a CSV header and rows")
    if b"\x00" in data[:8192]:
        raise ValueError(
            f"{label}: this is a binary file (it contains NUL bytes), not a CSV text file; "
            "was it saved from a spreadsheet program in its own format (e.g. .xlsx)?"
        )
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        line = data[: e.start].count(b"\n") + 1
        raise ValueError(
            f"{label}: not valid UTF-8 text (byte {data[e.start : e.start + 1]!r} at line {line}); "
            "save the file as UTF-8 CSV"
        ) from None
    records = []  # (line number where the record starts, fields); blank lines give []
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    try:
        prev = 0
        for r in reader:
            records.append((prev + 1, r))
            prev = reader.line_num
    except csv.Error as e:
        raise ValueError(
            f"{label}: not a well-formed CSV file near line {reader.line_num} ({e}; "
            'a quote " opened and never closed?)'
        ) from None
    records = [(line, r) for line, r in records if r]  # blank lines are skipped, as pandas does
    if not records:
        raise ValueError(f"{label}: the file is empty (no header line); expected a CSV header and rows")
    (_, header), body = records[0], records[1:]
    if len(set(header)) != len(header):
        dup = sorted({h for h in header if header.count(h) > 1})
        raise ValueError(f"{label}: the header repeats column name(s) {dup}")
    for line, r in body:
        if len(r) != len(header):
            few = "too few" if len(r) < len(header) else "too many"
            raise ValueError(
                f"{label}: line {line} has {len(r)} field(s) but the header has {len(header)} "
                f"({few}: a missing or extra comma, or an unquoted comma inside a value?)"
            )
    frame = pd.DataFrame([r for _, r in body], columns=header, dtype=object)
    return frame.where(frame != "")


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
    frame = pd.DataFrame(out)
    for key in spec.get("unique_keys", []):
        dup = frame.duplicated(subset=key, keep=False)
        if dup.any():
            first = frame.loc[dup, key].iloc[0].tolist()
            values = ", ".join(
                f"{k}={getattr(v, 'item', lambda v=v: v)()!r}" for k, v in zip(key, first, strict=True)
            )
            raise ValueError(
                f"{label}: rows must be unique by ({', '.join(key)}) but {values} appears in "
                f"row(s) {_rows(dup)} (data rows, 1-based); duplicate rows?"
            )
    return frame


def _rows(mask: pd.Series, most: int = 5) -> str:
    idx = [int(i) + 1 for i in mask[mask].index[:most]]
    more = int(mask.sum()) - len(idx)
    return ", ".join(map(str, idx)) + (f" and {more} more" if more > 0 else "")
