"""Run the project's notebooks with parameters, as papermill does, without saving outputs.

Each notebook's first cell is tagged ``parameters``; :func:`run_notebook` inserts a cell after it
that sets the values you pass, executes the notebook top to bottom in a fresh kernel, and returns
the executed notebook (the file on disk is not changed).
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

__all__ = ["run_notebook", "NOTEBOOK_DIR"]

#: The notebooks of a source checkout.
NOTEBOOK_DIR = Path(__file__).resolve().parent.parent / "notebooks"


def run_notebook(path: str | Path, params: Mapping[str, Any] | None = None, *,
                 cwd: str | Path | None = None, timeout: int = 600, kernel_name: str = "python3"):
    """Execute a notebook with parameters.

    Parameters
    ----------
    path : path-like
        The ``.ipynb`` file; its first cell must be tagged ``parameters``.
    params : mapping, optional
        Values to set, e.g. ``{"CORPUS": "my_corpus.csv", "OUT": "my_figures"}``.
    cwd : path-like, optional
        Working directory of the kernel (default: the notebook's folder).
    timeout : int
        Seconds a cell may run.

    Returns
    -------
    nbformat.NotebookNode
        The executed notebook.

    Raises
    ------
    ValueError
        If the first cell is not the only one tagged ``parameters``.
    nbclient.exceptions.CellExecutionError
        If a cell fails.
    """
    import nbformat
    from nbclient import NotebookClient

    path = Path(path)
    nb = nbformat.read(path, as_version=4)
    tagged = [i for i, c in enumerate(nb.cells) if "parameters" in c.metadata.get("tags", [])]
    if tagged != [0]:
        raise ValueError(f"{path.name}: the first cell, and only it, must be tagged 'parameters'")
    if params:
        cell = nbformat.v4.new_code_cell("\n".join(f"{k} = {v!r}" for k, v in params.items()),
                                         metadata={"tags": ["injected-parameters"]})
        cell["id"] = "injected-parameters"
        nb.cells.insert(1, cell)
    NotebookClient(nb, timeout=timeout, kernel_name=kernel_name,
                   resources={"metadata": {"path": str(cwd or path.parent)}}).execute()
    return nb
