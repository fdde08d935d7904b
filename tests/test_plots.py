"""Figures: every one renders, from the seeds and from a 4-outlet corpus, byte for byte the same twice."""

from __future__ import annotations

import pytest

import coverage
from coverage import plots
from coverage.report import FIGURES, write_figures, write_report
from coverage.synthetic import generate_corpus


@pytest.fixture(scope="module")
def seed_results():
    return coverage.analyze()


@pytest.fixture(scope="module")
def four_outlets():
    return coverage.analyze(generate_corpus(16, 4, seed=11))


@pytest.mark.parametrize("fmt", ["png", "svg", "pdf"])
def test_figures_are_reproducible_byte_for_byte(seed_results, tmp_path, fmt):
    first = write_figures(seed_results, tmp_path / "a", fmt)
    second = write_figures(seed_results, tmp_path / "b", fmt)
    assert [p.name for p in first] == [f"{name}.{fmt}" for name in FIGURES]
    for a, b in zip(first, second):
        assert a.read_bytes() == b.read_bytes(), a.name
    if fmt == "png":
        assert b"Software" not in first[0].read_bytes()
    if fmt == "pdf":
        assert b"CreationDate" not in first[0].read_bytes()


def test_four_outlet_corpus_draws_every_figure(four_outlets, tmp_path):
    written = write_figures(four_outlets, tmp_path)
    assert len(written) == len(FIGURES)
    report = write_report(four_outlets, written, tmp_path / "report.html").read_text()
    assert report.count("data:image/png;base64,") == len(FIGURES)
    assert "http" not in report.split("<body>")[1].split("Versions:")[0]


def test_outlet_colors_are_stable_and_colour_blind_safe():
    a = plots.outlet_colors(["CNN", "The Japan Times"])
    b = plots.outlet_colors(["The Japan Times", "CNN", "CNN"])
    assert a == b == {"CNN": "#0072B2", "The Japan Times": "#E69F00"}


def test_figures_are_labelled(seed_results):
    fig = plots.plot_sentiment_arc(seed_results.sentences)
    ax = fig.axes[0]
    assert ax.get_xlabel() and "VADER compound" in ax.get_ylabel()
    fig = plots.plot_readability(seed_results.outlets)
    assert "grade level" in fig.axes[1].get_ylabel()
