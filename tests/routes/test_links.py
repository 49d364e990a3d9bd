"""Every route link comes from helpers.routes (one setting), and the app-mode copies."""

from __future__ import annotations

import json
import re

from routes_util import ROOT

from helpers import routes
from helpers.publish.app import NOTEBOOK_ONLY, app_notebook
from helpers.publish.site import BINDER_URL

try:
    import tomllib
except ModuleNotFoundError:  # Python 3.10
    import tomli as tomllib

GUIDE = (ROOT / "notebooks" / "instructor_guide.md").read_text(encoding="utf-8")


def test_release_tag_follows_the_version():
    version = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["version"]
    assert routes.RELEASE_TAG == f"v{version}"


def test_readme_badge_and_site_use_the_one_binder_setting():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert f"]({routes.binder_url('00_start_here.ipynb')})" in readme
    assert "/HEAD?" not in readme
    assert BINDER_URL is routes.BINDER_URL and f"/{routes.RELEASE_TAG}?" in routes.binder_url()


def test_instructor_guide_gives_the_generated_links():
    section = GUIDE[GUIDE.index("## Where classes run") :]
    assert f"`{routes.nbgitpuller_url('https://HUB', '00_start_here.ipynb')}`" in section
    assert routes.binder_url() in section
    for p in sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb")):
        assert routes.colab_url(p.name) in section, p.name
    for route in ("JupyterHub", "Binder", "Colab", "Voil"):
        assert re.search(rf"### .*{route}.*\((tested|not run|untested)[^)]*\)", section), route


def test_app_copies_drop_solutions_colab_cell_and_notebook_wording():
    for p in sorted((ROOT / "notebooks").glob("*.ipynb")):
        nb = json.loads(p.read_text(encoding="utf-8"))
        app = app_notebook(nb)
        tags = [t for c in app["cells"] for t in c.get("metadata", {}).get("tags", [])]
        assert "solution" not in tags and routes.COLAB_TAG not in tags, p.name
        md = "\n".join("".join(c["source"]) for c in app["cells"] if c["cell_type"] == "markdown")
        assert not NOTEBOOK_ONLY.search(md), (p.name, NOTEBOOK_ONLY.findall(md))
        src = "\n".join("".join(c["source"]) for c in app["cells"])
        assert "check_exercise(" not in src and "Try it yourself" not in src, p.name
        kept = {c.get("id") for c in app["cells"]}
        for c in nb["cells"]:  # everything outside the exercise section is kept, in order
            if c.get("id") not in kept:
                tags = c["metadata"].get("tags", [])
                text = "".join(c["source"])
                assert (
                    "solution" in tags
                    or routes.COLAB_TAG in tags
                    or "check_exercise(" in text
                    or _in_exercise(nb, c)
                ), (p.name, text[:80])


def _in_exercise(nb, cell) -> bool:
    """True when ``cell`` lies in a "Try it yourself" section of ``nb``."""
    level = None
    for c in nb["cells"]:
        m = (
            re.search(r"^(#{1,6})\s+(.+)$", "".join(c["source"]), re.M)
            if c["cell_type"] == "markdown"
            else None
        )
        if m and level is not None and len(m.group(1)) <= level:
            level = None
        if m and m.group(2).lower().startswith("try it yourself"):
            level = len(m.group(1))
        if c is cell:
            return level is not None
    return False
