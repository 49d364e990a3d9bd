"""The package carries its data: a wheel built from the checkout, installed into a fresh virtual
environment with no test extras, loads every data set and runs a notebook from a folder outside
the repository (how Colab, hubs and `pip install` use it)."""

from __future__ import annotations

import json
import shutil
import zipfile

import pytest
from routes_util import (
    ROOT,
    build_wheel,
    copy_checkout,
    execute_notebook,
    make_venv,
    offline_env,
    online_env,
    run,
    tracked_files,
)

pytestmark = pytest.mark.routes

NOTEBOOK = "03_age_related_decline.ipynb"


@pytest.fixture(scope="module")
def wheel(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("wheel")
    return build_wheel(copy_checkout(tmp / "src"), tmp / "dist")


def test_wheel_carries_every_data_file_byte_for_byte(wheel):
    data_files = tracked_files("data")
    assert "data/README.md" in data_files and any(p.endswith(".csv") for p in data_files)
    with zipfile.ZipFile(wheel) as z:
        names = set(z.namelist())
        packaged = {n for n in names if n.startswith("helpers/_data/")}
        expected = {"helpers/_data/" + p.removeprefix("data/") for p in data_files}
        assert packaged == expected, (
            f"missing from the wheel: {sorted(expected - packaged)}; extra: {sorted(packaged - expected)}"
        )
        for p in data_files:
            assert z.read("helpers/_data/" + p.removeprefix("data/")) == (ROOT / p).read_bytes(), p
        assert any(n.startswith("helpers/schemas/") for n in names)
        meta = next(n for n in names if n.endswith(".dist-info/METADATA"))
        requires = [
            line.split(":", 1)[1].strip()
            for line in z.read(meta).decode().splitlines()
            if line.startswith("Requires-Dist:")
        ]
    runtime = sorted(
        r.split(">")[0].split("<")[0].split(";")[0].strip() for r in requires if "extra ==" not in r
    )
    assert runtime == ["anywidget", "ipython", "ipywidgets", "numpy", "pandas", "plotly", "traitlets"]


def test_subfolders_and_new_files_in_data_are_packaged(tmp_path):
    """A data file added later (here data/questions/99.json in a new subfolder) ships with no
    change to the build configuration."""
    src = copy_checkout(tmp_path / "src")
    (src / "data" / "questions").mkdir(exist_ok=True)
    (src / "data" / "questions" / "99.json").write_text('{"notebook": "99_test"}\n')
    wheel = build_wheel(src, tmp_path / "dist")
    with zipfile.ZipFile(wheel) as z:
        assert z.read("helpers/_data/questions/99.json") == b'{"notebook": "99_test"}\n'


def test_installed_wheel_without_test_extras_runs_a_notebook_outside_the_repository(wheel, tmp_path):
    py = make_venv(tmp_path / "venv")
    # the wheel alone, plus a kernel and a notebook runner (what any Jupyter front end brings)
    run([py, "-m", "pip", "install", "-q", wheel, "ipykernel", "nbclient"], env=online_env())
    installed = json.loads(run([py, "-m", "pip", "list", "--format=json"], env=online_env()).stdout)
    names = {p["name"].lower() for p in installed}
    for test_only in ("pytest", "nbval", "jupyterlab", "playwright", "ruff", "jupyterhub"):
        assert test_only not in names, f"{test_only} was installed by the wheel's dependencies"

    outside = tmp_path / "class"
    outside.mkdir()
    assert ROOT not in outside.parents
    shutil.copy(ROOT / "notebooks" / NOTEBOOK, outside / NOTEBOOK)
    probe = run(
        [
            py,
            "-c",
            "import json, helpers, helpers.data as d\n"
            "frames = {n: len(d.load_dataset(n)) for n in d.list_datasets()}\n"
            "print(json.dumps({'helpers': helpers.__file__, 'data': str(d.DATA_DIR), 'frames': frames}))",
        ],
        cwd=outside,
        env=offline_env(),
    )
    info = json.loads(probe.stdout)
    assert "site-packages" in info["helpers"] and str(ROOT) not in info["helpers"], info
    assert info["data"].endswith("helpers/_data") and "site-packages" in info["data"], info
    assert set(info["frames"]) == {p.stem for p in (ROOT / "data").glob("*.csv")}
    assert all(n > 0 for n in info["frames"].values()), info["frames"]

    result = execute_notebook(py, outside / NOTEBOOK, outside, offline_env())
    assert result["problems"] == [], result["problems"]
    assert result["cells"] > 10
