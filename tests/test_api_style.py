"""Every public function of the helpers package has type hints on all its parameters and its return
value. (ruff checks docstrings, D1xx, and return types, ANN201; its argument rule ANN001 cannot be
limited to public functions, so this test does that part.)

Public means: a module-level function or a method of a module-level class, in a module of
``helpers`` whose own name and whose function name do not start with an underscore. Explorer
subclasses are left out: their hooks (``make_controls``, ``compute``, ...) are typed once, in
``helpers.explorers.base.Explorer``.
"""

from __future__ import annotations

import ast
from pathlib import Path

from conftest import ROOT

PACKAGE = ROOT / "helpers"


def _public_modules() -> list[Path]:
    out = []
    for p in sorted(PACKAGE.rglob("*.py")):
        parts = p.relative_to(PACKAGE).with_suffix("").parts
        if any(part.startswith("_") and part != "__init__" for part in parts):
            continue
        out.append(p)
    return out


def _is_explorer_subclass(cls: ast.ClassDef) -> bool:
    return any(ast.unparse(b).split(".")[-1] == "Explorer" for b in cls.bases)


def _missing(fn: ast.FunctionDef | ast.AsyncFunctionDef, is_method: bool) -> list[str]:
    a = fn.args
    params = a.posonlyargs + a.args + a.kwonlyargs
    if is_method and params and params[0].arg in ("self", "cls"):
        params = params[1:]
    missing = [p.arg for p in params if p.annotation is None]
    for star in (a.vararg, a.kwarg):
        if star is not None and star.annotation is None:
            missing.append("*" + star.arg)
    if fn.returns is None and fn.name != "__init__":
        missing.append("return")
    return missing


def public_functions_without_hints() -> list[str]:
    bad = []
    for path in _public_modules():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        rel = path.relative_to(ROOT)
        for node in tree.body:
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) and not node.name.startswith("_"):
                if m := _missing(node, False):
                    bad.append(f"{rel}:{node.lineno} {node.name}: {', '.join(m)}")
            elif isinstance(node, ast.ClassDef) and not node.name.startswith("_"):
                if _is_explorer_subclass(node):
                    continue
                for item in node.body:
                    if isinstance(item, (ast.FunctionDef, ast.AsyncFunctionDef)) and (
                        not item.name.startswith("_") or item.name == "__init__"
                    ):
                        if m := _missing(item, True):
                            bad.append(f"{rel}:{item.lineno} {node.name}.{item.name}: {', '.join(m)}")
    return bad


def test_every_public_function_has_type_hints():
    bad = public_functions_without_hints()
    assert not bad, "public functions without type hints:\n" + "\n".join(bad)


def test_the_check_finds_a_missing_hint(tmp_path, monkeypatch):
    pkg = tmp_path / "helpers"
    pkg.mkdir()
    (pkg / "mod.py").write_text("def f(x: int, y): ...\ndef g(a: int) -> int: ...\ndef _h(z): ...\n")
    monkeypatch.setattr(__import__(__name__), "PACKAGE", pkg)
    monkeypatch.setattr(__import__(__name__), "ROOT", tmp_path)
    assert public_functions_without_hints() == ["helpers/mod.py:1 f: y, return"]
