"""Build hook: copy the top-level data/ folder into the wheel as package data (helpers/_data).

Everything else about the package is declared in pyproject.toml. data/ stays at the top of the
repository where people look for it; helpers.data.data_dir() finds the copy inside an installed
package through importlib.resources, and the checkout's data/ in a source or editable install.
Every file under data/ is copied, subfolders included, so new data files need no change here
(tests/routes/test_wheel.py compares the wheel with the files git tracks in data/).
"""

import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

ROOT = Path(__file__).resolve().parent


class build_py_with_data(build_py):
    def run(self):
        super().run()
        if self.editable_mode:  # an editable install reads the checkout's data/ directly
            return
        target = Path(self.build_lib) / "helpers" / "_data"
        if target.exists():
            shutil.rmtree(target)
        shutil.copytree(ROOT / "data", target, ignore=shutil.ignore_patterns("__pycache__", ".*"))


setup(cmdclass={"build_py": build_py_with_data})
