"""The pre-commit hooks run the same checks as `make test` and `make strip`."""

import re
import shutil
import subprocess

import pytest
import yaml
from conftest import ROOT

CONFIG = ROOT / ".pre-commit-config.yaml"


def hooks() -> dict[str, dict]:
    cfg = yaml.safe_load(CONFIG.read_text(encoding="utf-8"))
    return {h["id"]: h for repo in cfg["repos"] for h in repo["hooks"]}


def test_hooks_lint_format_and_strip_python_and_notebooks():
    h = hooks()
    assert set(h) >= {"ruff-check", "ruff-format", "nbstripout"}
    assert h["ruff-check"]["entry"].split()[:2] == [".venv/bin/ruff", "check"]
    assert h["ruff-format"]["entry"].split()[:2] == [".venv/bin/ruff", "format"]
    for hid in ("ruff-check", "ruff-format"):
        assert "jupyter" in h[hid]["types_or"] and "python" in h[hid]["types_or"], hid


def test_nbstripout_hook_strips_what_make_strip_strips():
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    strip = re.search(r"^strip:.*\n\t(.*)$", makefile, re.M).group(1)
    keys = re.search(r'--extra-keys "([^"]+)"', strip).group(1)
    entry = hooks()["nbstripout"]["entry"]
    assert f'--extra-keys "{keys}"' in entry
    # cell ids stay as committed (nbstripout would renumber them otherwise), in both places
    assert "--keep-id" in strip and "--keep-id" in entry
    assert hooks()["nbstripout"]["types"] == ["jupyter"]


def test_make_test_runs_the_same_ruff_checks_first():
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    recipe = re.search(r"^test:.*\n((?:\t.*\n)+)", makefile, re.M).group(1).splitlines()
    assert recipe[0].strip() == "$(BIN)/ruff check ."
    assert recipe[1].strip() == "$(BIN)/ruff format --check ."
    assert "pytest" in recipe[2]


@pytest.mark.skipif(
    shutil.which("pre-commit") is None and not (ROOT / ".venv/bin/pre-commit").exists(),
    reason="pre-commit is not installed (pip install -e '.[dev]')",
)
def test_config_is_valid_for_pre_commit():
    exe = shutil.which("pre-commit") or str(ROOT / ".venv/bin/pre-commit")
    out = subprocess.run([exe, "validate-config", str(CONFIG)], capture_output=True, text=True, cwd=ROOT)
    assert out.returncode == 0, out.stdout + out.stderr
