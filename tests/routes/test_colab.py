"""The Colab route: one generated first code cell in every notebook, and that cell tried in a
fresh virtual environment holding the library versions Colab documents as preinstalled.

Colab's versions are those of pip-freeze.txt in the googlecolab/backend-info repository (commit
a724079, 2026-08-19, Python 3.13.15). What this test cannot do: run on Colab itself (no network
here), use Python 3.13 (this machine has 3.11), or load Colab's front end and widget manager;
``google.colab`` is replaced by a stand-in module that records the widget-manager call.
"""

from __future__ import annotations

import json
import sys

import pytest
from routes_util import ROOT, copy_checkout, execute_notebook, make_venv, offline_env, online_env, run

from helpers import routes

pytestmark = pytest.mark.routes

#: Preinstalled on Colab (backend-info pip-freeze.txt, 2026-08-19) and used by the notebooks.
COLAB_PREINSTALLED = {
    "ipython": "7.34.0",
    "ipykernel": "6.17.1",
    "ipywidgets": "7.7.1",
    "widgetsnbextension": "3.6.10",
    "jupyterlab-widgets": "3.0.16",
    "traitlets": "5.7.1",
    "jupyter-client": "7.4.9",
    "nbformat": "5.11.1",
    "nbclient": "0.10.4",
    "anywidget": "0.9.21",
    "psygnal": "0.15.1",
    "plotly": "5.24.1",
    "narwhals": "2.24.0",
    "pandas": "2.2.3",
    "numpy": "2.1.3",
    "typing-extensions": "4.16.0",
}
#: Our bounds exclude Colab's version of these (ipywidgets>=8, plotly>=6), so pip upgrades them
#: (and widgetsnbextension / jupyterlab-widgets, which ipywidgets 8 pins); every other
#: preinstalled library must be left exactly as it was.
EXPECTED_UPGRADES = {"ipywidgets", "plotly", "widgetsnbextension", "jupyterlab-widgets"}

FAKE_COLAB = '''"""Stand-in for google.colab in tests: records enable_custom_widget_manager()."""
import json, os
def enable_custom_widget_manager():
    with open(os.environ["TFL_COLAB_LOG"], "a") as f:
        f.write(json.dumps({"enable_custom_widget_manager": True}) + "\\n")
'''


def test_every_notebook_starts_with_the_same_generated_colab_cell():
    paths = sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))
    assert len(paths) >= 6
    for p in paths:
        nb = json.loads(p.read_text(encoding="utf-8"))
        code = [c for c in nb["cells"] if c["cell_type"] == "code"]
        first = code[0]
        assert "".join(first["source"]) == routes.COLAB_CELL, (
            f"{p.name}: first code cell is not the current Colab cell: run `python -m helpers.routes`"
        )
        assert first["metadata"].get("tags") == [routes.COLAB_TAG], p.name
        assert sum(routes.COLAB_TAG in c["metadata"].get("tags", []) for c in nb["cells"]) == 1, p.name
        assert routes.with_colab_cell(nb) == nb, f"{p.name}: run `python -m helpers.routes`"
    assert routes.RELEASE_TAG in routes.COLAB_CELL and "enable_custom_widget_manager()" in routes.COLAB_CELL


def _versions(py) -> dict[str, str]:
    out = json.loads(run([py, "-m", "pip", "list", "--format=json"], env=online_env()).stdout)
    return {p["name"].lower().replace("_", "-"): p["version"] for p in out}


def test_colab_cell_in_an_environment_with_colabs_preinstalled_versions(tmp_path):
    # the repository at a release tag, reachable as a git URL (Colab installs from GitHub)
    repo = copy_checkout(tmp_path / "repo")
    git = ["git", "-c", "user.name=t", "-c", "user.email=t@example.org"]
    run([*git, "init", "-q", "-b", "main"], cwd=repo)
    run([*git, "add", "-A"], cwd=repo)
    run([*git, "commit", "-q", "-m", "release"], cwd=repo)
    run([*git, "tag", routes.RELEASE_TAG], cwd=repo)

    py = make_venv(tmp_path / "colab")
    pins = [f"{k}=={v}" for k, v in COLAB_PREINSTALLED.items()]
    run([py, "-m", "pip", "install", "-q", *pins], env=online_env())
    before = _versions(py)
    assert all(before[k] == v for k, v in COLAB_PREINSTALLED.items())

    fake = tmp_path / "fake"
    (fake / "google" / "colab").mkdir(parents=True)
    (fake / "google" / "__init__.py").write_text("")
    (fake / "google" / "colab" / "__init__.py").write_text("")
    (fake / "google" / "colab" / "output.py").write_text(FAKE_COLAB)
    log = tmp_path / "colab.log"
    # the cell exactly as committed, with the GitHub URL pointed at the local repository
    cell = routes.COLAB_CELL.replace(routes.GIT_URL, f"file://{repo}")
    assert cell != routes.COLAB_CELL
    script = tmp_path / "cell.ipy"
    script.write_text("import google.colab\n" + cell + "\n")
    env = online_env(PYTHONPATH=str(fake), TFL_COLAB_LOG=str(log))
    run([tmp_path / "colab" / "bin" / "ipython", "--quick", "--no-banner", script], cwd=tmp_path, env=env)
    assert json.loads(log.read_text().splitlines()[-1]) == {"enable_custom_widget_manager": True}

    after = _versions(py)
    assert "trophic-factors-lab" in after
    changed = {k for k, v in COLAB_PREINSTALLED.items() if after.get(k) != v}
    assert changed == EXPECTED_UPGRADES, (
        f"the cell replaced {sorted(changed)} (expected only {EXPECTED_UPGRADES})"
    )
    assert after["ipywidgets"].startswith("8.") and after["plotly"].split(".")[0] in ("6", "7")

    # the notebooks then run with Colab's remaining libraries (IPython 7.34, pandas 2.2.3, ...)
    outside = tmp_path / "content"
    outside.mkdir()
    nb = outside / "03_age_related_decline.ipynb"
    nb.write_text((ROOT / "notebooks" / nb.name).read_text(encoding="utf-8"), encoding="utf-8")
    result = execute_notebook(py, nb, outside, offline_env())
    assert result["problems"] == [], result["problems"]
    print(
        json.dumps({"python": sys.version.split()[0], "changed": {k: [before[k], after[k]] for k in changed}})
    )
