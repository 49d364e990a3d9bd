import plotly.graph_objects as go
import plotly.io as pio
import pytest

from helpers import plots, use_house_template


def _luminance(hex_colour: str) -> float:
    h = hex_colour.lstrip("#")
    c = [int(h[i : i + 2], 16) / 255 for i in (0, 2, 4)]
    c = [x / 12.92 if x <= 0.03928 else ((x + 0.055) / 1.055) ** 2.4 for x in c]
    return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2]


def contrast_on_white(hex_colour: str) -> float:
    return 1.05 / (_luminance(hex_colour) + 0.05)


def test_template_registered_and_applied():
    assert plots.TEMPLATE_NAME in pio.templates
    use_house_template()
    assert pio.templates.default == plots.TEMPLATE_NAME
    fig = go.Figure(go.Scatter(x=[0, 1], y=[0, 1]))
    assert fig.layout.template.layout.paper_bgcolor == "white"


def test_first_colours_meet_3_to_1_contrast():
    lead = plots.COLORWAY[: plots.HIGH_CONTRAST]
    assert len(lead) >= 5
    for colour in lead:
        assert contrast_on_white(colour) >= 3.0, colour
    # the known low-contrast Okabe-Ito colours must not be among the leading ones
    assert "#F0E442" not in lead and "#E69F00" not in lead and "#56B4E9" not in lead


def test_successive_traces_differ_by_more_than_colour():
    t = pio.templates[plots.TEMPLATE_NAME]
    scat = t.data.scatter
    dashes = [s.line.dash for s in scat]
    symbols = [s.marker.symbol for s in scat]
    assert len(set(dashes)) == len(dashes) == len(plots.COLORWAY)
    assert len(set(symbols)) == len(symbols)
    patterns = [b.marker.pattern.shape for b in t.data.bar]
    assert len(set(patterns)) == len(patterns)


def test_readable_font_sizes():
    lay = pio.templates[plots.TEMPLATE_NAME].layout
    assert lay.font.size >= 14 and lay.title.font.size >= 16


def test_axis_title_and_base_figure():
    assert plots.axis_title("IGF-1", "ng/mL") == "IGF-1 (ng/mL)"
    assert plots.axis_title("Ratio") == "Ratio"
    with pytest.raises(ValueError, match="label must be a non-empty string"):
        plots.axis_title("", "nM")
    fig = plots.base_figure("T", "Age", "years", "IGF-1", "ng/mL")
    assert fig.layout.xaxis.title.text == "Age (years)"
    assert fig.layout.yaxis.title.text == "IGF-1 (ng/mL)"
    assert fig.layout.title.text == "T"
