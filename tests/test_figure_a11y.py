"""Figure text contrast and series told apart without colour, for every explorer's figure (issue 18).

Every text colour in an explorer's figure (title, axes, legend, annotations; an annotation without
its own colour takes the layout's) reaches 4.5:1 on the figure's background (WCAG 1.4.3); and no
two legend entries of one figure draw the same line dash and marker symbol, so colour is never the
only difference between series (WCAG 1.4.1).
"""

from __future__ import annotations

import pytest

from helpers.explorers import REGISTRY, create


def _rgb(color: str) -> tuple[float, float, float]:
    c = color.strip()
    if c.startswith("#"):
        c = c[1:]
        if len(c) == 3:
            c = "".join(ch * 2 for ch in c)
        return tuple(int(c[i : i + 2], 16) for i in (0, 2, 4))
    if c.startswith("rgb"):
        return tuple(float(x) for x in c[c.index("(") + 1 : c.index(")")].split(",")[:3])
    named = {"white": (255, 255, 255), "black": (0, 0, 0)}
    return named[c]


def contrast(a: str, b: str) -> float:
    def lum(rgb):
        ch = [v / 255 for v in rgb]
        ch = [v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4 for v in ch]
        return 0.2126 * ch[0] + 0.7152 * ch[1] + 0.0722 * ch[2]

    la, lb = sorted((lum(_rgb(a)), lum(_rgb(b))), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def test_contrast_helper_matches_known_values():
    assert contrast("#ffffff", "#000000") == pytest.approx(21.0)
    assert contrast("#D55E00", "#ffffff") == pytest.approx(3.87, abs=0.01)  # the old label colour


def _text_colors(fig) -> list[tuple[str, str]]:
    lay = fig.layout
    tmpl = lay.template.layout if lay.template else None
    base = (lay.font.color if lay.font and lay.font.color else None) or (tmpl.font.color if tmpl else None)
    out = [("layout font", base)]
    for a in lay.annotations or ():
        if a.visible is False or not a.text:
            continue
        out.append((f"annotation {a.text!r}", (a.font.color if a.font and a.font.color else None) or base))
    if lay.title and lay.title.font and lay.title.font.color:
        out.append(("title", lay.title.font.color))
    return out


def _bg(fig) -> str:
    lay = fig.layout
    tmpl = lay.template.layout if lay.template else None
    return lay.paper_bgcolor or (tmpl.paper_bgcolor if tmpl else None) or "white"


@pytest.mark.parametrize("name", sorted(REGISTRY))
def test_every_figure_text_reaches_4_5_to_1(name):
    fig = create(name).figure
    bg = _bg(fig)
    low = [
        (what, col, round(contrast(col, bg), 2)) for what, col in _text_colors(fig) if contrast(col, bg) < 4.5
    ]
    assert not low, low


def colour_only_pairs(fig) -> list[tuple[str, str, tuple]]:
    """Pairs of legend entries that draw the same line dash, width, marker symbol and fill but in
    different colours (entries in one colour and one style, such as two percentile lines of
    one group, are told apart by their position and label, not by colour)."""
    tmpl_scatter = list(fig.layout.template.data.scatter) if fig.layout.template else []
    looks: dict[tuple, tuple[str, str]] = {}
    bad = []
    for k, t in enumerate(x for x in fig.data if x.type == "scatter"):
        default = tmpl_scatter[k % len(tmpl_scatter)] if tmpl_scatter else None
        if t.showlegend is False or not t.name or t.visible is False:
            continue
        mode = t.mode or "lines"
        line, marker = t.line, t.marker
        dash = (line.dash if line and line.dash else None) or (default.line.dash if default else "solid")
        symbol = (marker.symbol if marker and marker.symbol else None) or (
            default.marker.symbol if default else "circle"
        )
        width = (line.width if line and line.width else None) or 2
        colour = (
            (line.color if "lines" in mode and line and line.color else None)
            or (marker.color if marker and isinstance(marker.color, str) else None)
            or (default.line.color if default else "")
        )
        key = (
            mode,
            dash if "lines" in mode else None,
            width if "lines" in mode else None,
            symbol if "markers" in mode else None,
            t.fill or None,
        )
        if key in looks and looks[key][0] != colour:
            bad.append((t.name, looks[key][1], key))
        looks.setdefault(key, (colour, t.name))
    return bad


@pytest.mark.parametrize("name", sorted(REGISTRY))
def test_no_two_legend_entries_of_an_explorer_differ_by_colour_only(name):
    assert not colour_only_pairs(create(name).figure)


def test_notebook_03_percentile_lines_differ_by_sex_without_colour():
    """Notebook 03's figure of both sexes (called as the notebook calls it)."""
    import numpy as np

    from helpers.data import load_dataset
    from helpers.models import lifespan
    from helpers.plots import lifespan as lifespan_plots

    age = np.arange(0, 90.5, 0.5)
    cohort = load_dataset("igf1_lifespan_cohort")
    ref = {sex: lifespan.igf1_reference(age, sex) for sex in ("female", "male")}
    points = {
        sex: (g["age_years"].to_numpy()[::3], g["igf1_ng_ml"].to_numpy()[::3])
        for sex, g in cohort.groupby("sex", observed=True)
    }
    fig = lifespan_plots.lifespan_both_sexes_figure(
        age,
        ref["female"]["p50"],
        (ref["female"]["p2_5"], ref["female"]["p97_5"]),
        ref["male"]["p50"],
        (ref["male"]["p2_5"], ref["male"]["p97_5"]),
        points,
    )
    assert len([t for t in fig.data if "percentile" in (t.name or "")]) == 4
    assert not colour_only_pairs(fig)
