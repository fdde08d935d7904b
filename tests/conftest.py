"""Shared fixtures: the embedded corpus, the seed texts, a network guard."""

from __future__ import annotations

import math
import socket
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "data" / "corpus"
GOLD = Path(__file__).resolve().parent / "gold"
SEED_IDS = ("000_ea7caefe1a84aba5", "001_221fe0cf147a3b74")


@pytest.fixture(scope="session")
def corpus():
    import coverage

    return coverage.load_corpus()


@pytest.fixture(scope="session")
def clean_texts(corpus) -> dict[str, str]:
    return dict(zip(corpus.articles["article_id"], corpus.articles["text"]))


@pytest.fixture(scope="session")
def raw_texts() -> dict[str, str]:
    return {i: (CORPUS / f"{i}.txt").read_text(encoding="utf-8") for i in SEED_IDS}


@pytest.fixture
def no_network(monkeypatch):
    """Any attempt to open a network connection fails the test."""

    def refuse(*args, **kwargs):
        raise AssertionError("network access attempted")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    yield


def assert_same(got: Any, want: Any, path: str = "") -> None:
    """Equal values of identical types, dict keys in the same order, NaN equal to NaN."""
    assert type(got) is type(want), f"{path}: {type(got).__name__} != {type(want).__name__}"
    if isinstance(want, dict):
        assert list(got) == list(want), f"{path}: keys {list(got)} != {list(want)}"
        for key in want:
            assert_same(got[key], want[key], f"{path}.{key}")
    elif isinstance(want, list):
        assert len(got) == len(want), f"{path}: {len(got)} rows != {len(want)}"
        for i, (g, w) in enumerate(zip(got, want)):
            assert_same(g, w, f"{path}[{i}]")
    elif isinstance(want, float) and math.isnan(want):
        assert math.isnan(got), f"{path}: {got} is not NaN"
    else:
        assert got == want, f"{path}: {got!r} != {want!r}"
