"""Notebook metadata that JupyterLab would otherwise rewrite when the notebook opens.

    python -m helpers.publish.nbmeta notebooks/*.ipynb          # write (``make strip`` runs it)
    python -m helpers.publish.nbmeta --check notebooks/*.ipynb  # exit 1 if a file would change

When a kernel connects, JupyterLab 4 and Notebook 7 (``NotebookPanel._onKernelChanged``) store
the kernel's ``language_info`` (from its kernel_info reply) and a ``kernelspec`` of ``name``,
``display_name`` and ``language`` in the notebook's metadata. The shared notebook model
(``YNotebook.setMetadata`` in @jupyter/ydoc) skips a value that deep-equals the one already there;
any other value marks the notebook modified before the student has done anything. A notebook
committed with ``"language_info": {"name": "python"}`` was therefore marked modified on every
open. So the notebooks carry exactly what ipykernel reports: :func:`kernel_metadata`.

ipykernel's ``language_info`` holds the full Python version (``"3.11.7"``). On another Python
version JupyterLab still writes the new version on open and marks the notebook modified; nothing
in the file can avoid that. The notebooks hold the version of the Python that ran
``make strip`` last (the project's own environment; Binder's is pinned to the same minor
version in environment.yml).
"""

from __future__ import annotations

import argparse
import copy
import json
import sys
from collections.abc import Sequence
from pathlib import Path


def kernel_metadata() -> dict:
    """``kernelspec`` and ``language_info`` as JupyterLab writes them for this environment's
    ipykernel (what a kernel started from it reports)."""
    from ipykernel.ipkernel import IPythonKernel
    from ipykernel.kernelspec import KERNEL_NAME, get_kernel_dict

    spec = get_kernel_dict()
    return {
        "kernelspec": {
            "display_name": spec["display_name"],
            "language": spec["language"],
            "name": KERNEL_NAME,
        },
        "language_info": copy.deepcopy(IPythonKernel.language_info),
    }


def apply(path: Path, write: bool = True) -> bool:
    """Give notebook ``path`` this environment's kernel metadata; True if it changed. Only the
    metadata changes: the file is written as nbformat writes it (sorted keys, indent 1), but
    cell sources stay as they are (a string stays a string)."""
    nb = json.loads(Path(path).read_text(encoding="utf-8"))
    want = kernel_metadata()
    meta = nb.setdefault("metadata", {})
    if all(meta.get(k) == v for k, v in want.items()):
        return False
    if write:
        meta.update(want)
        Path(path).write_text(
            json.dumps(nb, sort_keys=True, indent=1, ensure_ascii=False) + "\n", encoding="utf-8"
        )
    return True


def main(argv: Sequence[str] | None = None) -> int:
    """Command line: write (or ``--check``) the kernel metadata of the given notebooks."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("notebooks", nargs="+", type=Path)
    ap.add_argument("--check", action="store_true", help="only report; exit 1 if a file would change")
    args = ap.parse_args(argv)
    changed = [p for p in args.notebooks if apply(p, write=not args.check)]
    for p in changed:
        print(f"{p}: kernelspec/language_info {'differ from' if args.check else 'set to'} this ipykernel's")
    return 1 if (args.check and changed) else 0


if __name__ == "__main__":
    sys.exit(main())
