"""Notebook metadata that JupyterLab rewrites on open (issue 19): the notebooks carry what the
kernel reports, so opening one does not mark it modified (the browser half of this check is
tests/browser/test_reopen.py::test_opening_a_course_notebook_does_not_mark_it_modified)."""

from __future__ import annotations

import json
import re
import shutil

from conftest import ROOT, notebook_paths

from helpers.publish import nbmeta


def test_committed_notebooks_carry_this_environments_kernel_metadata():
    """Every notebook holds the kernelspec and language_info that this environment's ipykernel
    reports, apart from the Python version, which is the same in every notebook."""
    want = nbmeta.kernel_metadata()
    versions = set()
    paths = notebook_paths()
    assert len(paths) >= 8
    for path in paths:
        meta = json.loads(path.read_text(encoding="utf-8"))["metadata"]
        assert meta.get("kernelspec") == want["kernelspec"], (path.name, meta.get("kernelspec"))
        got = dict(meta.get("language_info", {}))
        versions.add(got.pop("version", None))
        assert got == {k: v for k, v in want["language_info"].items() if k != "version"}, (
            f"{path.name}: language_info {meta.get('language_info')} is not what ipykernel reports; "
            "run `make strip`"
        )
    assert len(versions) == 1 and re.fullmatch(r"3\.\d+\.\d+", versions.pop() or ""), versions


def test_nbmeta_writes_what_the_kernel_reports_and_check_reports_a_difference(tmp_path):
    nb = tmp_path / "a.ipynb"
    shutil.copy(notebook_paths()[0], nb)
    data = json.loads(nb.read_text(encoding="utf-8"))
    data["metadata"]["language_info"] = {"name": "python"}
    nb.write_text(json.dumps(data, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    assert nbmeta.main(["--check", str(nb)]) == 1
    assert nbmeta.main([str(nb)]) == 0
    after = json.loads(nb.read_text(encoding="utf-8"))
    assert after["metadata"]["language_info"] == nbmeta.kernel_metadata()["language_info"]
    assert after["cells"] == data["cells"] and after["metadata"]["title"] == data["metadata"]["title"]
    assert nbmeta.main(["--check", str(nb)]) == 0


def test_make_strip_and_the_pre_commit_hook_write_the_kernel_metadata():
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    recipe = re.search(r"^strip:.*\n((?:\t.*\n)+)", makefile, re.M).group(1)
    assert "nbstripout" in recipe and "helpers.publish.nbmeta" in recipe
    assert recipe.index("nbstripout") < recipe.index("helpers.publish.nbmeta")
    assert "helpers.publish.nbmeta" in (ROOT / ".pre-commit-config.yaml").read_text(encoding="utf-8")
