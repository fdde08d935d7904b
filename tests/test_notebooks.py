"""Every notebook runs top to bottom, on the embedded corpus and on a generated 4-outlet corpus,
and writes the figures it promises. Notebooks are stored without outputs."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from coverage.notebooks import run_notebook
from coverage.synthetic import generate_corpus

NOTEBOOKS = Path(__file__).resolve().parent.parent / "notebooks"

#: The figures each notebook writes into its OUT folder.
EXPECTED = {
    "01-quickstart": ["01-article-structure.png"],
    "02-readability-and-sentiment": ["02-readability.png", "02-sentiment-arc.png", "02-sentiment-by-voice.png"],
    "03-quotes-and-sources": ["03-sources.png", "03-common-sources.png"],
    "04-framing": ["04-frame-profiles.png", "04-term-choices.png", "04-distinctive-words.png"],
    "05-how-the-outlets-covered-the-ruling": ["05-readability.png", "05-sources.png", "05-common-sources.png",
                                              "05-sentiment-arc.png", "05-frames.png", "05-terms.png"],
}


def notebook_paths():
    return sorted(NOTEBOOKS.glob("*.ipynb"))


def test_every_notebook_has_expectations():
    assert sorted(p.stem for p in notebook_paths()) == sorted(EXPECTED)


@pytest.mark.parametrize("path", notebook_paths(), ids=lambda p: p.stem)
def test_notebook_is_stored_without_outputs(path):
    nb = json.loads(path.read_text(encoding="utf-8"))
    for cell in nb["cells"]:
        if cell["cell_type"] == "code":
            assert cell["outputs"] == [] and cell["execution_count"] is None, path.name


@pytest.fixture(scope="module")
def generated_corpus(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("gen") / "generated.csv"
    generate_corpus(16, 4, seed=7).to_csv(path, index=False)
    return path


@pytest.mark.slow
@pytest.mark.parametrize("corpus", ["embedded", "generated"])
@pytest.mark.parametrize("path", notebook_paths(), ids=lambda p: p.stem)
def test_notebook_runs_and_writes_its_figures(path, corpus, generated_corpus, tmp_path):
    out = tmp_path / "figures"
    params = {"CORPUS": None if corpus == "embedded" else str(generated_corpus), "OUT": str(out)}
    nb = run_notebook(path, params, cwd=NOTEBOOKS)
    errors = [o for c in nb.cells if c.cell_type == "code" for o in c.get("outputs", [])
              if o.get("output_type") == "error"]
    assert not errors
    for name in EXPECTED[path.stem]:
        assert (out / name).is_file() and (out / name).stat().st_size > 5000, name
