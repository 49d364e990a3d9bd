import json

from helpers import catalog


def _nb(title, cells):
    return {
        "metadata": {"title": title},
        "nbformat": 4,
        "nbformat_minor": 5,
        "cells": [{"cell_type": "markdown", "metadata": {}, "source": c} for c in cells],
    }


def test_map_is_read_from_the_notebooks(tmp_path, monkeypatch):
    (tmp_path / "00_start_here.ipynb").write_text(json.dumps(_nb("Start", ["# Start"])))
    (tmp_path / "01_demo.ipynb").write_text(
        json.dumps(
            _nb(
                "Demo topic",
                [
                    "# Demo topic\n\nSummary.",
                    "## Learning objectives\n\n- Explain A\n- Predict B\n- Compute C\n\n**Time:** 35–50 min. **Prerequisites:** none.",
                    "## 1. First idea\n\ntext",
                    "## Second idea",
                    "## Key points",
                    "## References",
                ],
            )
        )
    )
    recs = catalog.notebooks(tmp_path)
    assert recs == [
        {
            "file": "01_demo.ipynb",
            "title": "Demo topic",
            "minutes": "35–50 min",
            "objectives": ["Explain A", "Predict B", "Compute C"],
            "sections": ["First idea", "Second idea"],
        }
    ]
    monkeypatch.setattr(catalog, "NOTEBOOK_DIR", tmp_path)
    md = catalog.map_markdown()
    assert "| [Demo topic](notebooks/01_demo.ipynb) | First idea; Second idea | 35–50 min |" in md
    html = catalog.map_html()
    assert "<a href='01_demo.ipynb'>Demo topic</a>" in html and "<li>Predict B</li>" in html
    assert "<caption>" in html and "scope='col'" in html


def test_empty_collection_says_so(tmp_path, monkeypatch):
    monkeypatch.setattr(catalog, "NOTEBOOK_DIR", tmp_path)
    assert "no topic notebooks yet" in catalog.map_markdown()
    assert "No topic notebooks are present yet." in catalog.map_html()
