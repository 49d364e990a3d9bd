"""Where classes run: the one place that says which repository and release the links point to.

Every link to the collection is built here, so the README badge, the static site's Binder links,
the instructor guide's nbgitpuller, Colab and Binder links and the notebooks' Colab cell cannot
drift apart (tests/routes/test_links.py checks each against these functions).

* Binder and Colab links point at a release tag (``RELEASE_TAG``), not at the moving main branch:
  a class keeps the version it was prepared with. After tagging a new release, change
  ``RELEASE_TAG`` here (a test keeps it equal to "v" + the version in pyproject.toml).
* nbgitpuller follows a branch (it merges the branch into each student's copy on every click).
"""

from __future__ import annotations

from urllib.parse import quote, urlencode

#: GitHub owner/name of the collection.
REPOSITORY = "trophic-factors-lab/trophic-factors-lab"
#: The release that Binder and Colab links and the Colab install cell use.
RELEASE_TAG = "v0.1.0"
#: The branch nbgitpuller links follow.
PULL_BRANCH = "main"
#: The folder nbgitpuller creates in each student's home.
PULL_FOLDER = "trophic-factors-lab"

GIT_URL = f"https://github.com/{REPOSITORY}"
#: Binder link for a notebook file name (``BINDER_URL.format(name=...)``).
BINDER_URL = f"https://mybinder.org/v2/gh/{REPOSITORY}/{RELEASE_TAG}?urlpath=lab/tree/notebooks/{{name}}"
BINDER_BADGE = "https://mybinder.org/badge_logo.svg"
COLAB_BADGE = "https://colab.research.google.com/assets/colab-badge.svg"


def binder_url(notebook: str = "00_start_here.ipynb") -> str:
    """Binder link that opens ``notebook`` (a file name in notebooks/) at the release tag."""
    return BINDER_URL.format(name=notebook)


def colab_url(notebook: str) -> str:
    """ "Open in Colab" link for ``notebook`` at the release tag."""
    return f"https://colab.research.google.com/github/{REPOSITORY}/blob/{RELEASE_TAG}/notebooks/{notebook}"


def nbgitpuller_url(
    hub: str,
    notebook: str = "00_start_here.ipynb",
    repo: str = GIT_URL,
    branch: str = PULL_BRANCH,
    folder: str = PULL_FOLDER,
) -> str:
    """The link an instructor gives a class on a JupyterHub with nbgitpuller: the first click
    clones ``repo`` into ``~/folder``, later clicks merge upstream changes (keeping the student's
    edits), then JupyterLab opens ``notebook``."""
    query = urlencode(
        {
            "repo": repo,
            "branch": branch,
            "targetpath": folder,
            "urlpath": f"lab/tree/{folder}/notebooks/{notebook}",
        },
        quote_via=quote,
        safe="",
    )
    return f"{hub.rstrip('/')}/hub/user-redirect/git-pull?{query}"


#: The Colab cell's install target: the package at the release tag.
COLAB_REQUIREMENT = f"trophic-factors-lab @ git+{GIT_URL}@{RELEASE_TAG}"

#: The first code cell of every notebook (generated from here; tests/routes/test_colab.py checks
#: that every notebook has it verbatim). It does nothing outside Colab. On Colab it installs the
#: package without touching the preinstalled libraries that already satisfy its requirements (pip's
#: default "only if needed" upgrade strategy) and enables Colab's widget manager, which the
#: explorers' plotly FigureWidget (a custom widget) needs.
COLAB_CELL = f"""\
# On Google Colab only: install this collection's package and turn on Colab's widget manager.
# Elsewhere (JupyterLab, a hub, Binder) this cell does nothing.
import sys

if "google.colab" in sys.modules:
    requirement = (
        "{COLAB_REQUIREMENT}"
    )
    get_ipython().run_line_magic("pip", f"install --quiet '{{requirement}}'")
    from google.colab import output

    output.enable_custom_widget_manager()"""

#: Tag on the Colab cell (the app and site builds drop it; tests find it by it).
COLAB_TAG = "colab-setup"


def without_colab_cell(cells: list[dict]) -> list[dict]:
    """``cells`` without the Colab cell (the app and the static site have no use for it)."""
    return [c for c in cells if COLAB_TAG not in c.get("metadata", {}).get("tags", [])]


def colab_cell() -> dict:
    """The Colab cell as a notebook cell (nbformat 4 JSON, no outputs)."""
    return {
        "cell_type": "code",
        "execution_count": None,
        "id": "colab-setup",
        "metadata": {"tags": [COLAB_TAG]},
        "outputs": [],
        "source": COLAB_CELL.splitlines(keepends=True),
    }


def with_colab_cell(nb: dict) -> dict:
    """``nb`` with the Colab cell as its first code cell (replacing an older copy of it), placed
    right after the leading markdown cell (the title)."""
    cells = [c for c in nb["cells"] if COLAB_TAG not in c.get("metadata", {}).get("tags", [])]
    at = 1 if cells and cells[0]["cell_type"] == "markdown" else 0
    return {**nb, "cells": cells[:at] + [colab_cell()] + cells[at:]}


def main() -> None:
    """``python -m helpers.routes``: write the current Colab cell into every notebook."""
    import json
    from pathlib import Path

    for path in sorted((Path(__file__).resolve().parent.parent / "notebooks").glob("[0-9][0-9]_*.ipynb")):
        nb = json.loads(path.read_text(encoding="utf-8"))
        new = with_colab_cell(nb)
        if new != nb:
            path.write_text(json.dumps(new, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
            print(f"updated {path.name}")


if __name__ == "__main__":
    main()
