"""pyproject.toml and environment.yml must agree; Binder, Makefile, README and CI follow the design."""

import re

try:
    import tomllib
except ModuleNotFoundError:  # Python 3.10
    import tomli as tomllib
from pathlib import Path

from packaging.requirements import Requirement
from packaging.specifiers import SpecifierSet

ROOT = Path(__file__).resolve().parent.parent


def _pyproject():
    return tomllib.loads((ROOT / "pyproject.toml").read_text())


def _norm(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def _reqs(lines) -> dict[str, SpecifierSet]:
    out = {}
    for line in lines:
        r = Requirement(line)
        out[_norm(r.name)] = r.specifier
    return out


def pip_requirements() -> dict[str, SpecifierSet]:
    """Runtime dependencies (what the notebooks import)."""
    return _reqs(_pyproject()["project"]["dependencies"])


def extra(name: str) -> dict[str, SpecifierSet]:
    """An optional-dependency group, without references to the project's own extras."""
    lines = _pyproject()["project"]["optional-dependencies"][name]
    return {k: v for k, v in _reqs(lines).items() if k != "trophic-factors-lab"}


def conda_requirements() -> tuple[dict[str, SpecifierSet], dict]:
    """Parse environment.yml's dependency list (a plain list of 'name spec' strings)."""
    text = (ROOT / "environment.yml").read_text()
    channels = re.findall(r"^\s*-\s*(\S+)\s*$", text.split("dependencies:")[0], re.M)
    deps = {}
    for line in text.split("dependencies:")[1].splitlines():
        m = re.match(r"^\s*-\s*(.+?)\s*$", line)
        if not m:
            continue
        item = m.group(1)
        assert not item.endswith(":"), f"environment.yml: nested section {item!r} (no pip section allowed)"
        name, spec = re.match(r"([A-Za-z0-9_.-]+)\s*(.*)", item).groups()
        deps[_norm(name)] = spec.replace(" ", "")
    return deps, {"channels": channels}


def test_conda_forge_only_and_python_pinned_to_minor():
    deps, meta = conda_requirements()
    assert meta["channels"] == ["conda-forge", "nodefaults"]
    assert re.fullmatch(r"=3\.1\d", deps["python"]), deps["python"]
    requires = SpecifierSet(_pyproject()["project"]["requires-python"])
    assert deps["python"].lstrip("=") + ".0" in requires


def test_same_packages_and_bounds_in_pyproject_and_environment():
    """environment.yml = runtime dependencies + the [lab] extra (Binder opens JupyterLab)."""
    deps, _ = conda_requirements()
    conda = {k: SpecifierSet(v) for k, v in deps.items() if k not in ("python", "pip")}
    pip = {**pip_requirements(), **extra("lab")}
    assert set(conda) == set(pip), (
        f"only in environment.yml: {sorted(set(conda) - set(pip))}; "
        f"only in pyproject.toml: {sorted(set(pip) - set(conda))}"
    )
    for name in pip:
        assert conda[name] == pip[name], f"{name}: environment.yml {conda[name]} vs pyproject {pip[name]}"


def test_environment_carries_no_test_only_package():
    deps, _ = conda_requirements()
    test_only = set(extra("test")) - set(pip_requirements()) - set(extra("lab"))
    assert not test_only & set(deps), sorted(test_only & set(deps))
    assert "nbval" in test_only and "pytest" in test_only and "playwright" in test_only


def test_runtime_and_lab_toolchains_are_separate():
    """JupyterLab is the [lab] extra and nbval the [test] extra, not runtime dependencies; the
    test extra includes lab, app and site (the tests run JupyterLab, Voila and the site build)."""
    pip = pip_requirements()
    assert set(pip) == {"ipython", "ipywidgets", "anywidget", "plotly", "pandas", "numpy", "traitlets"}
    assert set(extra("lab")) == {"jupyterlab"}
    test = _pyproject()["project"]["optional-dependencies"]["test"]
    assert "trophic-factors-lab[lab,app,site]" in test
    for name in ("nbval", "pytest", "jupyterhub", "nbgitpuller", "playwright"):
        assert name in extra("test"), name


def test_runtime_dependencies_are_what_the_code_imports():
    """Every third-party module imported by the notebooks or by helpers/ (outside helpers/publish,
    which the notebooks never import) is a runtime dependency, and every runtime dependency is
    imported somewhere."""
    import ast
    import importlib.metadata as md
    import json
    import sys

    sources = [
        p.read_text(encoding="utf-8") for p in (ROOT / "helpers").rglob("*.py") if "publish" not in p.parts
    ]
    for nb in (ROOT / "notebooks").glob("*.ipynb"):
        for c in json.loads(nb.read_text(encoding="utf-8"))["cells"]:
            if c["cell_type"] == "code":  # IPython magics (% or !) are not Python
                lines = "".join(c["source"]).splitlines()
                sources.append("\n".join(x for x in lines if not x.lstrip().startswith(("%", "!"))))
    modules = set()
    for src in sources:
        for node in ast.walk(ast.parse(src)):
            if isinstance(node, ast.Import):
                modules |= {a.name.split(".")[0] for a in node.names}
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                modules.add(node.module.split(".")[0])
    third = {m for m in modules if m not in sys.stdlib_module_names and m not in ("helpers", "google")}
    dist_of = md.packages_distributions()
    dists = {_norm(dist_of[m][0]) for m in third}
    assert dists == set(pip_requirements()), (
        f"imported but not declared: {sorted(dists - set(pip_requirements()))}; "
        f"declared but never imported: {sorted(set(pip_requirements()) - dists)}"
    )


def test_required_packages_are_bounded():
    pip = {**pip_requirements(), **extra("lab")}
    for name in ["jupyterlab", "ipywidgets", "anywidget", "plotly", "pandas", "numpy"]:
        spec = pip[name]
        assert any(s.operator in (">=", ">") for s in spec) and any(s.operator == "<" for s in spec), name
    assert pip["jupyterlab"] == SpecifierSet(">=4,<5")
    assert pip["ipywidgets"] == SpecifierSet(">=8,<9")
    assert pip["plotly"] == SpecifierSet(">=6,<8")
    proj = _pyproject()["project"]
    assert proj["name"] == "trophic-factors-lab"
    assert SpecifierSet(proj["requires-python"]) == SpecifierSet(">=3.10")
    assert any(Requirement(r).name == "pytest" for r in proj["optional-dependencies"]["test"])


def test_no_local_pip_references_and_postbuild_is_minimal():
    env = (ROOT / "environment.yml").read_text()
    assert "pip:" not in env and "-e " not in env and "file:" not in env
    lines = [
        line
        for line in (ROOT / "postBuild").read_text().splitlines()
        if line.strip() and not line.startswith("#") and not line.startswith("set ")
    ]
    assert lines == ["python -m pip install --no-deps -e ."]


def test_makefile_targets_create_venv():
    mk = (ROOT / "Makefile").read_text()
    assert re.search(r"^test: \$\(STAMP\)", mk, re.M)
    assert re.search(r"^lab: \$\(LAB_STAMP\)", mk, re.M) and re.search(r"^app: \$\(APP_STAMP\)", mk, re.M)
    # make lab installs runtime + lab only; make test the test extra
    assert re.search(r"^\$\(LAB_STAMP\):.*\n\t\$\(call install,lab\)", mk, re.M)
    assert re.search(r"^\$\(STAMP\):.*\n\t\$\(call install,test\)", mk, re.M)
    assert "-m venv" in mk and "notebooks/00_start_here.ipynb" in mk


def test_readme_leads_with_the_two_commands_then_binder():
    readme = (ROOT / "README.md").read_text()
    first_block = readme.split("```")[1]
    assert "make lab" in first_block and "make test" in first_block
    binder = readme.index("mybinder.org")
    assert readme.index("make test") < binder < readme.index("conda env create -f environment.yml")
    assert "urlpath=lab/tree/notebooks/00_start_here.ipynb" in readme
    for heading in ("Illustrative data", "How to cite", "Licence"):
        assert re.search(rf"^## .*{heading}", readme, re.M | re.I), heading


def test_ci_runs_the_readme_test_command():
    ci = (ROOT / ".ci" / "run").read_text()
    assert re.search(r"^make test\b", ci, re.M)
    assert "chromium" in ci


def test_licence_and_citation_files():
    assert "MIT License" in (ROOT / "LICENSE").read_text()
    assert "CC BY 4.0" in (ROOT / "LICENSE").read_text()
    cff = (ROOT / "CITATION.cff").read_text()
    assert "cff-version:" in cff and "title:" in cff
