"""Entities: span cleaning, name folding and canonical merging, read as a spec."""

from __future__ import annotations

import json

import pandas as pd
import pytest

from analysis import schema
from analysis.entities.aliases import Lexicon, fold, read_alias_table
from analysis.entities.extract import extract_entities
from analysis.entities.mentions import trim_span
from analysis.ingest.corpus import load_uploads, sentences_table


def corpus(*articles: str | dict) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(articles, sentences) for invented articles: a text, or a dict with text/title/source."""
    rows = [a if isinstance(a, dict) else {"text": a} for a in articles]
    for number, row in enumerate(rows):
        row.setdefault("source", f"outlet{number}")
    data = "\n".join(json.dumps(row) for row in rows).encode("utf-8")
    frame = load_uploads([("corpus.jsonl", data)]).articles
    return frame, sentences_table(frame)


def canonicals(entities: pd.DataFrame, article: int = 0, *, articles: pd.DataFrame | None = None) -> set[str]:
    if articles is not None:
        entities = entities[entities["article_id"] == articles["article_id"].iloc[article]]
    return set(entities["canonical"])


@pytest.mark.parametrize(
    ("text", "span", "expected"),
    [
        ("The Islamic State ( ISIS) claimed it.", "The Islamic State (", "Islamic State"),
        ("In Moscow's centre.", "Moscow's", "Moscow"),
        ("Officials in the U.S. said", "the U.S.", "U.S."),
        ("a claim (ISIS said", "(ISIS", "ISIS"),
        ("group ISIS) said", "ISIS)", "ISIS"),
        ("the Joneses' house", "Joneses'", "Joneses"),
        ("at the Crocus City Hall.", "the Crocus City Hall.", "Crocus City Hall"),
        ("“Kremlin” sources", "“Kremlin”", "Kremlin"),
    ],
)
def test_trim_span(text, span, expected):
    start = text.index(span)
    trimmed = trim_span(text, start, start + len(span))
    assert trimmed is not None and text[trimmed[0]:trimmed[1]] == expected


@pytest.mark.parametrize("text", ["a (", "the ", "Bold\n\nAdvertisment"])
def test_trim_span_drops_what_is_not_a_name(text):
    assert trim_span(text, 0, len(text)) is None


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("U.S.", "US"),
        ("the United States", "United States"),
        ("Al-Qaeda", "al Qaeda"),
        ("Erdoğan", "Erdogan"),
        ("Moscow's", "Moscow"),
        ("Moscow’s", "MOSCOW"),
        ("ISIS-K", "ISIS K"),
    ],
)
def test_fold_joins_form_variants(a, b):
    assert fold(a) == fold(b)


@pytest.mark.parametrize(("a", "b"), [("Zelensky", "Zelenskyy"), ("Austria", "Australia"), ("IS", "ISIS")])
def test_fold_keeps_different_letters_apart(a, b):
    assert fold(a) != fold(b)


# (article paragraphs, canonical names that must be found, names that must not appear)
MERGE_CASES = [
    pytest.param(
        ["Russian President Vladimir Putin met his security council on Monday.",
         "President Putin said the attackers would be punished. Putin's spokesman gave no details."],
        {"Vladimir Putin", "Russia"}, {"Putin", "President Putin"}, id="titles-and-last-name"),
    pytest.param(
        ["The U.S. embassy issued a warning on Friday. The United States later said it had shared intelligence.",
         "Officials in Washington said US agencies were still studying the attack."],
        {"United States", "Washington"}, {"U.S.", "US"}, id="us-alias"),
    pytest.param(
        ["The Disaster and Emergency Management Authority (AFAD) said 8,000 rescuers were at work.",
         "AFAD said more teams would arrive from Ankara on Thursday."],
        {"Disaster and Emergency Management Authority", "Ankara"}, {"AFAD"}, id="acronym-defined-in-text"),
    pytest.param(
        ["The Islamic State Khorasan Province (ISIS-K) claimed the bombing in Kabul on Thursday.",
         "ISIS-K has carried out several attacks this year, the Taliban said."],
        {"Islamic State Khorasan Province", "Kabul", "Taliban"}, {"ISIS-K", "Islamic State"}, id="branch-acronym"),
    pytest.param(
        ["Workers at the Kanjuruhan Stadium in Malang cleared the stands on Sunday.",
         "Fans laid flowers outside Kanjuruhan Stadium's main gate."],
        {"Kanjuruhan Stadium", "Malang"}, {"Kanjuruhan Stadium's"}, id="possessive"),
    pytest.param(
        ["Ukrainian officials said the drones were shot down over Odesa.",
         "Ukraine's air force said 30 drones had been launched."],
        {"Ukraine", "Odesa"}, {"Ukrainian"}, id="demonym-to-country"),
    pytest.param(
        ["Prime Minister Shehbaz Sharif visited the flooded districts on Saturday.",
         "Sharif promised cash to every family that lost a home."],
        {"Shehbaz Sharif"}, {"Sharif", "Prime Minister Shehbaz Sharif"}, id="office-words"),
    pytest.param(
        ["Officers found the victim, Lakeview Police Department Capt. Ray Burns said.",
         "Lakeview Police Department Capt. Ray Burns said the man was expected to survive."],
        {"Lakeview Police Department", "Ray Burns"}, {"Lakeview Police Department Capt"},
        id="rank-after-organisation"),
]


@pytest.mark.parametrize(("paragraphs", "wanted", "unwanted"), MERGE_CASES)
def test_surface_forms_merge_to_one_canonical(nlp, paragraphs, wanted, unwanted):
    articles, sentences = corpus("\n\n".join(paragraphs))
    entities, _ = extract_entities(sentences, articles, nlp=nlp)
    found = canonicals(entities)
    assert wanted <= found, f"missing {wanted - found}; found {found}"
    assert not (unwanted & found), f"unmerged or junk: {unwanted & found}"
    assert entities["canonical"].is_unique  # one row per article and entity


def test_branch_records_its_parent(nlp):
    articles, sentences = corpus("ISIS-K said it carried out the attack near Kabul airport on Thursday.")
    entities, _ = extract_entities(sentences, articles, nlp=nlp)
    row = entities.set_index("canonical").loc["Islamic State Khorasan Province"]
    assert row["parent"] == "Islamic State"
    assert row["label"] == "ORG"


def test_headings_and_page_junk_are_not_entities(nlp):
    text = ("Gunmen attacked a concert hall in Moscow on Friday, officials said.\n\n"
            "Unfolding of Events\n\n"
            "The attack began shortly before the band took the stage, witnesses told reporters.\n\n"
            "The Assault and Its Aftermath\n\n"
            "Police in Moscow said four men had been detained.")
    articles, sentences = corpus(text)
    entities, mentions = extract_entities(sentences, articles, nlp=nlp)
    assert set(entities["canonical"]) == {"Moscow"}
    assert len(mentions) == 2


def test_demonyms_are_flagged(nlp):
    articles, sentences = corpus("Russian officials blamed Ukraine. Kyiv said Russia was lying.")
    _, mentions = extract_entities(sentences, articles, nlp=nlp)
    russia = mentions[mentions["canonical"] == "Russia"]
    assert russia["via_demonym"].tolist() == [True, False]
    assert set(russia["surface"]) == {"Russian", "Russia"}


def test_last_name_resolves_across_the_corpus(nlp):
    articles, sentences = corpus(
        "NATO Secretary General Jens Stoltenberg arrived in Vilnius on Tuesday for the summit.",
        "Stoltenberg said the allies would agree a new plan for the eastern flank.",
    )
    entities, _ = extract_entities(sentences, articles, nlp=nlp)
    second = canonicals(entities, 1, articles=articles)
    assert "Jens Stoltenberg" in second and "Stoltenberg" not in second


def test_two_people_sharing_a_surname_are_not_merged_across_articles(nlp):
    articles, sentences = corpus(
        "Former President Donald Trump spoke in Ohio on Saturday.",
        "Lara Trump, the party's co-chair, spoke in Texas on Sunday.",
        "Trump said the campaign had raised record sums.",
    )
    entities, _ = extract_entities(sentences, articles, nlp=nlp)
    assert "Trump" in canonicals(entities, 2, articles=articles)


def test_user_alias_table_extends_the_merging(nlp, tmp_path):
    table = tmp_path / "aliases.csv"
    table.write_text("alias,canonical,label,parent\nWagner,Wagner Group,ORG,\nPMC Wagner,Wagner Group,ORG,\n",
                     encoding="utf-8")
    text = "PMC Wagner fighters left Bakhmut on Thursday. Wagner said it would hand its positions to the army."
    articles, sentences = corpus(text)
    custom, _ = extract_entities(sentences, articles, nlp=nlp, lexicon=Lexicon.load(aliases=table))
    assert "Wagner Group" in set(custom["canonical"])
    assert not {"Wagner", "PMC Wagner"} & set(custom["canonical"])


def test_alias_table_rejects_rows_without_a_canonical(tmp_path):
    table = tmp_path / "aliases.csv"
    table.write_text("alias,canonical,label,parent\nWagner,,ORG,\n", encoding="utf-8")
    with pytest.raises(ValueError, match="canonical"):
        read_alias_table(table)


def test_capital_only_aliases_need_capitals():
    lexicon = Lexicon.load()
    assert lexicon.alias("US").canonical == "United States"
    assert lexicon.alias("U.S.'s").canonical == "United States"
    assert lexicon.alias("IS").canonical == "Islamic State"
    assert lexicon.alias("Is") is None and lexicon.alias("us") is None


def test_mentions_point_into_the_text_and_their_sentence(nlp):
    articles, sentences = corpus(
        {"text": "Interpol said on Monday it would help the Russian authorities.\n\n"
                 "The Kremlin thanked Interpol, and Moscow's police chief said the investigation was ongoing.",
         "title": "Interpol offers help"},
    )
    entities, mentions = extract_entities(sentences, articles, nlp=nlp)
    text = articles["text"].iloc[0]
    by_idx = sentences.set_index("idx")
    for row in mentions.itertuples():
        assert text[row.start:row.end] == row.surface
        sentence = by_idx.loc[row.sentence_idx]
        assert sentence["start"] <= row.start and row.end <= sentence["end"]
    assert list(entities.columns) == schema.columns("entities")
    assert list(mentions.columns) == schema.columns("mentions")
    counts = mentions.groupby("canonical").size()
    assert (entities.set_index("canonical")["mentions"] == counts.reindex(entities["canonical"]).values).all()


def test_salience_favours_early_frequent_and_title_entities(nlp):
    articles, sentences = corpus(
        {"text": "Interpol said on Monday it would help the investigation in Moscow. "
                 "Interpol sent a team of four. Interpol's chief spoke to reporters.\n\n"
                 "Later, officials in Paris offered help too.",
         "title": "Interpol sends team"},
    )
    entities, _ = extract_entities(sentences, articles, nlp=nlp)
    salience = entities.set_index("canonical")["salience"]
    assert salience.idxmax() == "Interpol"
    assert salience["Moscow"] > salience["Paris"]
    assert salience.between(0, 1).all() and salience.sum() == pytest.approx(1, abs=1e-3)
    assert entities["salience"].is_monotonic_decreasing  # rows ordered by salience within the article


def test_inputs_are_not_modified(nlp):
    articles, sentences = corpus("Officials in Kyiv said Russia launched 40 drones overnight.")
    before = (articles.copy(), sentences.copy())
    extract_entities(sentences, articles, nlp=nlp)
    pd.testing.assert_frame_equal(articles, before[0])
    pd.testing.assert_frame_equal(sentences, before[1])


def test_empty_corpus_gives_empty_tables(nlp):
    entities, mentions = extract_entities(schema.empty_table("sentences"), schema.empty_table("articles"), nlp=nlp)
    assert entities.empty and list(entities.columns) == schema.columns("entities")
    assert mentions.empty and list(mentions.columns) == schema.columns("mentions")


@pytest.mark.parametrize(
    ("before", "expected"),
    [
        ("The Islamic State Khorasan Province ", "The Islamic State Khorasan Province"),
        ("lives in hospitals. The Islamic State ", "The Islamic State"),
        ("Turkey's Disaster and Emergency Management Authority ", "Turkey's Disaster and Emergency Management Authority"),
        ("the Islamic State of Iraq and the Levant ", "Islamic State of Iraq and the Levant"),
        ("a long run of lower-case words first, then " * 6 + "the World Health Organization ", "World Health Organization"),
        ("claimed by the group ", None),
    ],
)
def test_name_run_before_an_acronym(before, expected):
    from analysis.entities.mentions import _name_run

    text = before + "(ABC) said."
    run = _name_run(text, text.index("("))
    assert (text[run[0]:run[1]] if run else None) == expected
