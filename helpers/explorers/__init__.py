"""Interactive explorers: controls -> model -> new data on the traces of one existing figure.

Every module in this package is imported here, so each explorer registers itself in
``REGISTRY`` with the ``@register`` decorator; adding an explorer means adding a module.
"""

from __future__ import annotations

import importlib
import pkgutil

from .base import REGISTRY, Explorer, checkbox, choice, create, int_slider, register, slider, trace

for _m in sorted(pkgutil.iter_modules(__path__), key=lambda m: m.name):
    if _m.name != "base" and not _m.name.startswith("_"):
        importlib.import_module(f"{__name__}.{_m.name}")

__all__ = [
    "REGISTRY",
    "Explorer",
    "register",
    "create",
    "slider",
    "int_slider",
    "choice",
    "checkbox",
    "trace",
]
