"""Static checks of every notebook: committed stripped, small, offline, and following the
template of docs/architecture.md §4. (Execution in a fresh kernel is done by nbval: `pytest` collects
notebooks/*.ipynb with --nbval-lax, with the network blocked by tests/netguard.)"""

import ast
import re

import pytest
from conftest import NOTEBOOK_DIR, ROOT, load_notebook, notebook_paths, topic_notebook_paths

ALL = notebook_paths()
TOPICS = topic_notebook_paths()
SELF_CHECK_RE = re.compile(r"\bask\(\s*['\"]\d\d-[a-z0-9-]+['\"]\s*\)")
EXPLORER_RE = re.compile(r"\bcreate\(\s*['\"]([a-z_0-9]+)['\"]\s*[,)]")


def md_cells(nb):
    return ["".join(c["source"]) for c in nb["cells"] if c["cell_type"] == "markdown"]


def code_cells(nb):
    """Code cells, without the generated Colab cell (helpers.routes; tests/routes/test_colab.py)."""
    return [
        "".join(c["source"])
        for c in nb["cells"]
        if c["cell_type"] == "code" and "colab-setup" not in c.get("metadata", {}).get("tags", [])
    ]


def strip_fences(md: str) -> str:
    return re.sub(r"```.*?```", "", md, flags=re.S)


def headings(nb):
    out = []
    for md in md_cells(nb):
        for m in re.finditer(r"^(#{1,6})\s+(.+?)\s*#*\s*$", strip_fences(md), re.M):
            out.append((len(m.group(1)), m.group(2)))
    return out


def test_there_is_a_start_here_notebook():
    assert (NOTEBOOK_DIR / "00_start_here.ipynb").is_file()


@pytest.mark.parametrize("path", ALL, ids=lambda p: p.name)
def test_committed_without_outputs_or_widget_state(path):
    nb = load_notebook(path)
    assert "widgets" not in nb["metadata"], "widget state in metadata: run `make strip`"
    for i, c in enumerate(nb["cells"]):
        if c["cell_type"] == "code":
            assert not c.get("outputs"), f"cell {i} has outputs: run `make strip`"
            assert c.get("execution_count") is None, f"cell {i} has an execution count"


@pytest.mark.parametrize("path", ALL, ids=lambda p: p.name)
def test_small_on_disk(path):
    assert path.stat().st_size < 150_000


@pytest.mark.parametrize("path", ALL, ids=lambda p: p.name)
def test_offline_and_no_path_hacks(path):
    nb = load_notebook(path)
    for src in code_cells(nb):
        assert "sys.path" not in src
        assert not re.search(r"https?://", src), "code must not fetch from the network"
        assert not re.search(r"\b(urllib|requests|httpx|pip install|!pip|%pip|wget|curl)\b", src)


@pytest.mark.parametrize("path", ALL, ids=lambda p: p.name)
def test_one_h1_matching_title_and_no_skipped_levels(path):
    nb = load_notebook(path)
    hs = headings(nb)
    h1 = [t for lvl, t in hs if lvl == 1]
    assert len(h1) == 1, f"expected exactly one H1, found {h1}"
    assert hs[0][0] == 1, "the first heading must be the H1 title"
    title = nb["metadata"].get("title", "")
    assert title and title in h1[0], f"metadata.title {title!r} must match the H1 {h1[0]!r}"
    prev = 1
    for lvl, text in hs[1:]:
        assert lvl <= prev + 1, f"heading level skipped before {text!r}"
        prev = lvl


@pytest.mark.parametrize("path", ALL, ids=lambda p: p.name)
def test_setup_cell_imports_helpers_only(path):
    nb = load_notebook(path)
    setup = code_cells(nb)[0]
    tree = ast.parse(setup)
    names = []
    for node in tree.body:
        if isinstance(node, ast.ImportFrom):
            assert node.module and node.module.split(".")[0] == "helpers", ast.unparse(node)
            names += [a.name for a in node.names]
        elif isinstance(node, ast.Expr) and isinstance(node.value, ast.Call):
            assert ast.unparse(node.value) == "setup_notebook()", ast.unparse(node)
        else:
            raise AssertionError(f"setup cell may only import from helpers: {ast.unparse(node)}")
    assert "setup_notebook()" in setup, "the setup cell must apply the house template"


@pytest.mark.parametrize("path", ALL, ids=lambda p: p.name)
def test_disclaimer(path):
    text = "\n".join(md_cells(load_notebook(path))).lower()
    assert "not medical advice" in text
    assert "illustrative" in text and "synthetic" in text


@pytest.mark.parametrize("path", ALL, ids=lambda p: p.name)
def test_links_to_notebooks_resolve(path):
    text = "\n".join(md_cells(load_notebook(path)))
    for target in re.findall(r"\]\(([^)#\s]+\.ipynb)", text):
        assert (path.parent / target).is_file(), f"link to missing notebook {target}"


# ---- the template for topic notebooks (docs/architecture.md §4) --------------------------------------
@pytest.mark.parametrize("path", TOPICS, ids=lambda p: p.name)
def test_topic_template_sections(path):
    nb = load_notebook(path)
    md = "\n".join(md_cells(nb))
    titles = [t.lower() for _, t in headings(nb)]
    for needed in ("learning objectives", "key points", "references"):
        assert any(needed in t for t in titles), f"missing a '{needed}' heading"
    m = re.search(r"learning objectives.*?\n(.*?)(?=\n#|\Z)", md, re.I | re.S)
    objectives = re.findall(r"^\s*(?:[-*]|\d+\.)\s+(\w+)", m.group(1), re.M)
    assert len(objectives) >= 3, "list at least three learning objectives"
    assert re.search(r"\*\*Time:?\*\*[^\n]*\d+\s*[–-]\s*\d+\s*min", md), (
        "state **Time** as a range, e.g. 35–45 min"
    )
    assert re.search(r"\*\*Prerequisites:?\*\*", md), "state **Prerequisites**"
    # summary paragraph right under the title
    first = md_cells(nb)[0]
    assert len(re.sub(r"^#.*$", "", first, flags=re.M).split()) >= 30, "one-paragraph summary under the H1"


@pytest.mark.parametrize("path", TOPICS, ids=lambda p: p.name)
def test_topic_links_to_next_notebook(path):
    md = "\n".join(md_cells(load_notebook(path)))
    idx = int(path.name[:2])
    nxt = sorted(NOTEBOOK_DIR.glob(f"{idx + 1:02d}_*.ipynb"))
    target = nxt[0].name if nxt else "00_start_here.ipynb"
    assert f"]({target})" in md, f"link to the next notebook ({target}) missing"


@pytest.mark.parametrize("path", TOPICS, ids=lambda p: p.name)
def test_predict_explore_explain_and_self_checks(path):
    nb = load_notebook(path)
    cells = nb["cells"]
    n_checks = sum(len(SELF_CHECK_RE.findall(s)) for s in code_cells(nb))
    assert n_checks >= 2, f"at least two self-checks needed, found {n_checks}"
    explorer_cells = [
        i
        for i, c in enumerate(cells)
        if c["cell_type"] == "code" and EXPLORER_RE.search("".join(c["source"]))
    ]
    assert explorer_cells, "a topic notebook needs at least one explorer"
    for k, i in enumerate(explorer_cells):
        name = EXPLORER_RE.search("".join(cells[i]["source"])).group(1)
        before = [j for j in range(i - 1, -1, -1) if cells[j]["cell_type"] == "markdown"]
        assert before and re.search(r"predict", "".join(cells[before[0]]["source"]), re.I), (
            f"explorer {name}: the markdown before it must ask students to predict"
        )
        end = explorer_cells[k + 1] if k + 1 < len(explorer_cells) else len(cells)
        after = "".join(
            "".join(cells[j]["source"]) for j in range(i + 1, end) if cells[j]["cell_type"] == "markdown"
        )
        assert "<details>" in after, f"explorer {name}: a collapsed <details> explanation must follow"


def test_notebook_map_in_readme_is_current():
    from helpers import catalog

    readme = (ROOT / "README.md").read_text()
    m = re.search(r"<!-- notebook-map:start -->\n(.*?)\n<!-- notebook-map:end -->", readme, re.S)
    assert m, "README.md lacks the notebook-map markers"
    assert m.group(1).strip() == catalog.map_markdown().strip(), (
        "README notebook map is out of date: paste the output of `python -m helpers.catalog`"
    )
    for p in TOPICS:
        assert f"](notebooks/{p.name})" in readme


def test_start_here_shows_the_live_map():
    src = "\n".join(code_cells(load_notebook(NOTEBOOK_DIR / "00_start_here.ipynb")))
    assert "map_html()" in src
