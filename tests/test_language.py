"""Tests for coverage.language: the English function-word check."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from coverage.language import MIN_WORDS, THRESHOLD, check_english, english_share


def _by_share_only(text: str) -> bool:
    share, n = english_share(text)
    return n < MIN_WORDS or share >= THRESHOLD


def test_english_passes_and_other_languages_fail() -> None:
    english = "The judge said that the government had separated the families at the border. " * 5
    spanish = "El juez dijo que el gobierno había separado a las familias en la frontera. " * 5
    assert check_english(english) is None
    assert check_english(spanish).startswith("does not look like English: ")
    assert check_english("Too short to tell.") is None


@given(st.lists(st.sampled_from(["the", "of", "and", "la", "de", "que", "x", "yy", "7", "judge,", "\n"]),
                max_size=700))
@settings(max_examples=300, deadline=None)
def test_shortcut_gives_the_same_verdict_as_the_share(words: list[str]) -> None:
    # check_english settles most texts from their first 800 characters: never differently
    text = " ".join(words)
    assert (check_english(text) is None) == _by_share_only(text)
