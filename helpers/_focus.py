"""The one focus colour of everything the project renders in JupyterLab, in its light and dark themes.

The lowest layer (no imports), so that tables, self-checks and explorers share it (WCAG 2.4.7 and
1.4.11: a visible focus indicator of at least 3:1 against the background):

* ``FOCUS_LIGHT`` #0b57a4 is 7.2:1 on JupyterLab Light's background (#ffffff), but only about
  2.6:1 on JupyterLab Dark's (#111111);
* ``FOCUS_DARK`` #8ab4f8 is 9.0:1 on #111111.

JupyterLab writes its theme on ``<body data-jp-theme-light="true|false">``; ``DARK_THEME`` is
the CSS selector prefix of the dark theme.
"""

from __future__ import annotations

FOCUS_LIGHT, FOCUS_DARK = "#0b57a4", "#8ab4f8"

#: CSS selector of JupyterLab's dark themes (JupyterLab sets the attribute on <body>)
DARK_THEME = "body[data-jp-theme-light='false']"


def focus_css(selectors: str, *, offset_px: int = 2, important: bool = False) -> str:
    """CSS giving ``selectors`` (a comma-separated list of simple selectors of focused elements,
    e.g. ``".tfl-x button:focus-visible"``; no commas inside ``:is()``) a 3 px solid focus outline in ``FOCUS_LIGHT``, and
    ``FOCUS_DARK`` under JupyterLab's dark theme."""
    bang = " !important" if important else ""
    parts = [s.strip() for s in selectors.split(",") if s.strip()]
    if not parts:
        raise ValueError(f"selectors = {selectors!r}: give at least one CSS selector")
    dark = ", ".join(f"{DARK_THEME} {s}" for s in parts)
    return (
        f"{', '.join(parts)} {{ outline: 3px solid {FOCUS_LIGHT}{bang}; outline-offset: {offset_px}px{bang}; }}\n"
        f"{dark} {{ outline-color: {FOCUS_DARK}{bang}; }}\n"
    )
