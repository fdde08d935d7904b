"""Boilerplate rules: each removal recorded, nothing else touched."""

from __future__ import annotations

import pytest

from coverage.clean import clean_text, load_rules

BOILERPLATE = [
    "Stay Updated on Developing Stories",
    "Judge rules that challenge to family separation at border can proceed",
    "(CNN)",
    "RELATED:",
    "This story has been updated.",
    "CORRECTION:",
    "contributed to this report",
    "In a time of both misinformation and too much information",
    "By subscribing, you can help us get the story right.",
]


def test_clean_seed_texts_hold_no_boilerplate(clean_texts):
    for text in clean_texts.values():
        for phrase in BOILERPLATE:
            assert phrase not in text


def test_cnn_fields_and_removals(corpus):
    row = corpus.articles.set_index("article_id").loc["001_221fe0cf147a3b74"]
    assert row.title == "Judge rules that challenge to family separation at border can proceed"
    assert row.dateline == "(CNN)"
    assert row.correction == "This story has been updated to correct a reference to the gender of Judge Dana Sabraw."
    assert row.text.startswith("A federal judge in California ruled Wednesday")
    assert row.text.endswith("was allowed to proceed.")
    removed = corpus.removals[corpus.removals.article_id == "001_221fe0cf147a3b74"]
    assert list(removed.rule) == ["site_chrome", "headline", "dateline", "related_link", "related_link",
                                  "update_note", "correction", "contributor_credit"]
    for r in removed.itertuples():  # offsets point into the raw text
        assert row.raw_text[r.start:r.end] == r.text


def test_wire_story_keeps_its_body(corpus):
    row = corpus.articles.set_index("article_id").loc["000_ea7caefe1a84aba5"]
    assert row.title == "" and row.source_agency == "Bloomberg"
    removed = corpus.removals[corpus.removals.article_id == "000_ea7caefe1a84aba5"]
    assert list(removed.rule) == ["subscription_plea", "subscription_plea"]
    assert row.text.endswith("the judge said.")
    assert row.text.count("\n\n") == 17  # 18 paragraphs kept


@pytest.mark.parametrize("text, clean, rules", [
    ("WASHINGTON (AP) \u2014 The Senate voted.\n\nMore text here.", "The Senate voted.\n\nMore text here.",
     ["dateline_place"]),
    ("Body text here.\n\nReporting by Jane Doe; Editing by John Roe", "Body text here.", ["agency_credit"]),
    ("Body.\n\nREAD MORE: Something else\n\nMore body.", "Body.\n\nMore body.", ["related_link"]),
    ("Plain sentence that says nothing special.", "Plain sentence that says nothing special.", []),
])
def test_rule_table(text, clean, rules):
    out = clean_text(text)
    assert out.text == clean
    assert [r.rule for r in out.removals] == rules


def test_user_rules_extend_the_table(tmp_path):
    extra = tmp_path / "rules.toml"
    extra.write_text('[[rule]]\nname = "promo"\npattern = "Download our app.*"\naction = "drop"\n'
                     'reason = "app promotion"\n', encoding="utf-8")
    rules = load_rules() + load_rules(extra)
    out = clean_text("A sentence.\n\nDownload our app today!", rules)
    assert out.text == "A sentence." and out.removals[0].reason == "app promotion"


def test_bad_rule_file_names_the_problem(tmp_path):
    bad = tmp_path / "bad.toml"
    bad.write_text('[[rule]]\nname = "x"\npattern = "("\naction = "drop"\nreason = "r"\n')
    with pytest.raises(ValueError, match="rule 'x' pattern does not compile"):
        load_rules(bad)
