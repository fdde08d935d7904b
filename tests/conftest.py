"""Shared fixtures: the embedded corpus, the seed texts, a network guard."""

from __future__ import annotations

import socket
from pathlib import Path

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
