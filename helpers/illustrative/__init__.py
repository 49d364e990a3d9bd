"""Generators of the illustrative (synthetic) data sets in data/.

Each module here defines ``DATASETS = {"name": generate_function}``; a generator takes no
arguments, draws from ``numpy.random.default_rng(SEED)`` with a fixed seed, calls the calibrated
models and returns a DataFrame whose columns match ``helpers/schemas/NAME.json``. Writing is
deterministic (fixed float format, LF line endings), so regenerating gives byte-identical files;
``tests/test_data.py`` checks that for every data set listed here.

    python -m helpers.illustrative --write     # regenerate all files in data/
    python -m helpers.illustrative --check     # exit 1 if any file differs
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable

import pandas as pd

from ..data import DATA_DIR, read_csv_strings, schema, validate

#: Significant digits written for float columns.
FLOAT_FORMAT = "%.6g"


def generators() -> dict[str, Callable[[], pd.DataFrame]]:
    """All illustrative data sets by name, collected from this package's modules."""
    out: dict[str, Callable[[], pd.DataFrame]] = {}
    for m in sorted(pkgutil.iter_modules(__path__), key=lambda m: m.name):
        if m.name.startswith("_"):
            continue
        mod = importlib.import_module(f"{__name__}.{m.name}")
        for name, fn in getattr(mod, "DATASETS", {}).items():
            if name in out:
                raise ValueError(f"illustrative data set {name!r} is defined twice")
            out[name] = fn
    return out


def csv_text(name: str) -> str:
    """The exact CSV text of illustrative data set ``name`` (validated against its schema)."""
    gens = generators()
    if name not in gens:
        raise ValueError(f"no illustrative data set {name!r}; known: {sorted(gens)}")
    df = gens[name]()
    spec = schema(name)
    if not spec.get("illustrative"):
        raise ValueError(f'schema of {name!r} must say "illustrative": true')
    text = df.to_csv(index=False, float_format=FLOAT_FORMAT, lineterminator="\n")
    # validate what will be written, exactly as load_dataset will read it
    validate(read_csv_strings(text.encode("utf-8"), f"generated {name}.csv"), spec, f"generated {name}.csv")
    return text


def write_all() -> list[str]:
    """Regenerate every illustrative file in data/; returns the names written."""
    names = sorted(generators())
    for name in names:
        (DATA_DIR / f"{name}.csv").write_text(csv_text(name), encoding="utf-8", newline="")
    return names


def differing() -> list[str]:
    """Names whose file in data/ is missing or differs from a fresh regeneration."""
    out = []
    for name in sorted(generators()):
        path = DATA_DIR / f"{name}.csv"
        if not path.is_file() or path.read_bytes() != csv_text(name).encode("utf-8"):
            out.append(name)
    return out
