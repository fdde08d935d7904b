"""The package is this project's, installable, and never shadowed by coverage.py."""

from __future__ import annotations

import importlib.metadata as md
import subprocess
import sys
from pathlib import Path

import pytest

import coverage

ROOT = Path(__file__).resolve().parent.parent


def test_coverage_is_this_project_not_coveragepy():
    assert Path(coverage.__file__).resolve().is_relative_to(ROOT / "coverage")
    assert hasattr(coverage, "analyze") and hasattr(coverage, "load_corpus")


def test_coveragepy_and_pytest_cov_are_not_installed():
    for dist in ("coverage", "pytest-cov", "nbval"):
        with pytest.raises(md.PackageNotFoundError):
            md.version(dist)


def test_distribution_and_console_script_names():
    assert md.version("news-coverage") == coverage.__version__
    scripts = {ep.name: ep.value for ep in md.entry_points(group="console_scripts")
               if ep.dist is not None and ep.dist.name == "news-coverage"}
    assert scripts == {"newscov": "coverage.cli:main"}


def test_public_api_is_documented():
    for name in coverage.__all__:
        if name.startswith("__"):
            continue
        obj = getattr(coverage, name)
        assert obj.__doc__ and len(obj.__doc__.strip()) > 20, name


def test_cli_help_and_bad_input(tmp_path):
    exe = Path(sys.executable).parent / "newscov"
    out = subprocess.run([str(exe), "analyze", "--help"], capture_output=True, text=True)
    assert out.returncode == 0 and "--out" in out.stdout
    bad = subprocess.run([str(exe), "analyze", str(tmp_path / "missing"), "--out", str(tmp_path / "o")],
                         capture_output=True, text=True)
    assert bad.returncode == 2
    assert bad.stderr.strip().count("\n") == 0 and "does not exist" in bad.stderr
