"""The Examples sections of the docstrings are true."""

from __future__ import annotations

import doctest
import importlib
import pkgutil

import pytest

import coverage

MODULES = sorted(m.name for m in pkgutil.iter_modules(coverage.__path__, "coverage.") if m.name != "coverage.cli")


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name):
    module = importlib.import_module(name)
    result = doctest.testmod(module, optionflags=doctest.NORMALIZE_WHITESPACE | doctest.ELLIPSIS)
    assert result.failed == 0, f"{name}: {result.failed} of {result.attempted} examples failed"
