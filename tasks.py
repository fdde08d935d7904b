#!/usr/bin/env python3
"""The project's two commands, with nothing but Python 3.11+ installed.

    python3 tasks.py analyze   # set up .venv if needed, analyze the embedded corpus:
                               # tables in results/tables, results/report.html, and every
                               # figure in figures/ (the main job's and the notebooks')
    python3 tasks.py test      # set up .venv if needed, run the whole test suite (pytest)

Set-up creates a virtual environment in .venv and installs the project with its test extras
(`pip install -e .[dev]`); it reinstalls only when pyproject.toml changes. Extra arguments after
`test` go to pytest, after `analyze` to `newscov analyze`.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
PY = BIN / ("python.exe" if os.name == "nt" else "python")
STAMP = VENV / ".news-coverage-installed"


def run(*cmd: str | Path) -> None:
    print("+", " ".join(map(str, cmd)), flush=True)
    subprocess.run([str(c) for c in cmd], check=True, cwd=ROOT)


def setup() -> None:
    if sys.version_info < (3, 11):
        sys.exit(f"tasks.py: Python 3.11 or newer is needed (this is {sys.version.split()[0]})")
    want = hashlib.sha256((ROOT / "pyproject.toml").read_bytes()).hexdigest()
    if not PY.exists():
        print(f"+ creating the virtual environment {VENV}", flush=True)
        venv.EnvBuilder(with_pip=True).create(VENV)
    if STAMP.exists() and STAMP.read_text().strip() == want:
        return
    run(PY, "-m", "pip", "install", "--quiet", "--disable-pip-version-check", "-e", ".[dev]")
    # coverage.py shares our import name: it must never be in this environment.
    probe = subprocess.run([str(PY), "-m", "pip", "show", "coverage"], capture_output=True, cwd=ROOT)
    if probe.returncode == 0:
        sys.exit("tasks.py: coverage.py got installed into .venv (some dependency pulled it in); "
                 "it shadows this project's `coverage` package. Remove it: .venv/bin/pip uninstall coverage")
    STAMP.write_text(want + "\n")


def main(argv: list[str]) -> int:
    if not argv or argv[0] not in ("analyze", "test", "setup"):
        print(__doc__)
        return 2
    command, rest = argv[0], argv[1:]
    setup()
    env = dict(os.environ, MPLBACKEND="Agg")
    if command == "analyze":
        cmd = [BIN / "newscov", "analyze", "--out", "results", "--figures", "figures", *rest]
        print("+", " ".join(map(str, cmd)), flush=True)
        code = subprocess.run([str(c) for c in cmd], cwd=ROOT, env=env).returncode
        if code or rest:
            return code
        # The notebooks reproduce their figures too (outputs are not saved into the files).
        runner = ("import sys, pathlib; from coverage.notebooks import run_notebook\n"
                  "for p in sorted(pathlib.Path('notebooks').glob('*.ipynb')):\n"
                  "    print('+ running', p, flush=True); run_notebook(p, {'CORPUS': None, 'OUT': '../figures'})\n")
        cmd = [PY, "-c", runner]
    elif command == "test":
        cmd = [PY, "-m", "pytest", *rest]
    else:
        return 0
    print("+", " ".join(map(str, cmd)), flush=True)
    return subprocess.run([str(c) for c in cmd], cwd=ROOT, env=env).returncode


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
