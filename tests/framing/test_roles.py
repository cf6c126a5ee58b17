"""Roles: actor–relation–target triples from cue phrases and entity mentions."""

import pandas as pd
import pytest

from analysis import schema
from analysis.framing.roles import extract_roles, role_matrix
from tests.framing.helpers import combine, corpus

NAMES = {
    "ISIS": "Islamic State", "Islamic State": "Islamic State", "Russian": "Russia", "Russia": "Russia",
    "Ukrainian": "Ukraine", "Ukraine": "Ukraine", "U.S.": "United States", "Putin": "Vladimir Putin",
    "Vladimir Putin": "Vladimir Putin", "Iran": "Iran", "Israel": "Israel", "Al-Shabaab": "Al-Shabaab",
    "Moscow": "Moscow", "Kyiv": "Kyiv", "Pakistan": "Pakistan", "Pakistani Taliban": "Tehrik-i-Taliban Pakistan",
    "Hezbollah": "Hezbollah", "Japan": "Japan", "Turkey": "Turkey", "United Nations": "United Nations",
    "Morocco": "Morocco", "Britain": "United Kingdom", "Canada": "Canada", "Zelensky": "Volodymyr Zelensky",
    "Germany": "Germany", "France": "France", "Kabul": "Kabul", "Kamala Harris": "Kamala Harris",
    "National Security Council": "National Security Council",
}
DEMONYMS = frozenset({"Russian", "Ukrainian"})

CASES = [
    # seed phrasings
    ("The assault, claimed by ISIS, has caused immense grief.",
     {("Islamic State", "claimed", "", "perpetrator", "")}),
    ("The Islamic State (ISIS) swiftly claimed responsibility for this assault.",
     {("Islamic State", "claimed", "this assault", "perpetrator", "")}),
    ("Amidst the chaos, Russian officials pointed fingers at Ukraine, alleging complicity, though Ukraine vehemently denied such accusations.",
     {("Russia", "blamed", "Ukraine", "accuser", "accused"), ("Russia", "accused", "complicity", "accuser", ""),
      ("Ukraine", "denied", "such accusations", "denier", "")}),
    ("The U.S. has firmly denied any Ukrainian involvement, criticizing Putin for attempting to link Ukraine to the incident unjustly.",
     {("United States", "denied", "Ukraine", "denier", "accused"), ("United States", "condemned", "Vladimir Putin", "critic", "accused"),
      ("Vladimir Putin", "linked", "Ukraine", "accuser", "accused")}),
    ("Conflicting narratives have emerged, with Russian state media hinting at Ukraine's involvement, a claim that has stirred disputes.",
     {("Russia", "hinted", "Ukraine", "accuser", "accused")}),
    ("U.S. Vice President Kamala Harris and the National Security Council weighed in, asserting no evidence supported the claim of Ukraine's involvement.",
     {("Kamala Harris", "denied", "Ukraine", "denier", "accused"), ("National Security Council", "denied", "Ukraine", "denier", "accused")}),
    # our own
    ("Police said the bombing was carried out by the Pakistani Taliban.",
     {("Tehrik-i-Taliban Pakistan", "carried out", "", "perpetrator", "")}),
    ("Iran was blamed by Israel for the drone strike.", {("Israel", "blamed", "Iran", "accuser", "accused")}),
    ("Al-Shabaab did not claim responsibility for the blast.", set()),
    ("Hezbollah stopped short of blaming Israel.", set()),
    ("Ukraine was accused of plotting the attack.", {("", "accused", "Ukraine", "", "accused")}),
    ("Moscow blamed Kyiv for the explosion on the bridge.", {("Moscow", "blamed", "Kyiv", "accuser", "accused")}),
    ("Pakistan's foreign ministry rejected claims that it had sheltered the attackers.",
     {("Pakistan", "denied", "claims", "denier", "")}),
    ("Japan extended condolences to Turkey after the earthquake.", {("Japan", "sympathised", "Turkey", "helper", "victim")}),
    ("The United Nations offered assistance to Morocco.", {("United Nations", "supported", "Morocco", "helper", "")}),
    ("Britain and Canada issued a joint statement, condemning the shooting.",
     {("United Kingdom", "condemned", "the shooting", "critic", ""), ("Canada", "condemned", "the shooting", "critic", "")}),
    ("Zelensky, who denied any role in the attack, spoke on Sunday.",
     {("Volodymyr Zelensky", "denied", "any role in the attack", "denier", "")}),
    ("Germany and France condemned the bombing in Kabul.",
     {("Germany", "condemned", "the bombing in Kabul", "critic", ""), ("France", "condemned", "the bombing in Kabul", "critic", "")}),
    ("Russian President Vladimir Putin accused Ukraine of helping the gunmen.",
     {("Vladimir Putin", "accused", "Ukraine", "accuser", "accused")}),
    ("The ceremony was held in a park near the river.", set()),
]


@pytest.mark.parametrize("sentence, expected", CASES, ids=[c[0][:40] for c in CASES])
def test_triples(sentence, expected):
    _, sentences, mentions = corpus([sentence], NAMES, demonyms=DEMONYMS)
    roles = extract_roles(sentences, mentions)
    got = {(r.actor, r.relation, r.target, r.actor_role, r.target_role) for r in roles.itertuples()}
    assert got == expected


def test_columns_offsets_and_input_untouched():
    articles, sentences, mentions = corpus(["Moscow blamed Kyiv for the explosion."], NAMES)
    before = mentions.copy()
    roles = extract_roles(sentences, mentions)
    assert list(roles.columns) == schema.columns("roles")
    row = roles.iloc[0]
    assert articles.loc[0, "text"][row.start : row.end] == "blamed"
    assert bool(row.target_is_entity) is True
    pd.testing.assert_frame_equal(mentions, before)


def test_capital_stands_for_its_country_when_the_country_is_in_the_corpus():
    texts = ["Kyiv denied the accusation.", "Ukraine had warned of the threat."]
    _, sentences, mentions = corpus(texts, NAMES)
    assert extract_roles(sentences, mentions).iloc[0].actor == "Ukraine"
    _, sentences, mentions = corpus(texts[:1], NAMES)  # no "Ukraine" entity: the name is kept
    assert extract_roles(sentences, mentions).iloc[0].actor == "Kyiv"


def test_nothing_found_gives_the_documented_columns():
    _, sentences, mentions = corpus(["Nothing happened here."], NAMES)
    roles = extract_roles(sentences, mentions)
    assert roles.empty and list(roles.columns) == schema.columns("roles")


def test_role_matrix_counts_actor_and_target_per_source():
    one = corpus(["Russian officials pointed fingers at Ukraine.", "Ukraine denied it."], NAMES, article_id="a1", demonyms=DEMONYMS)
    two = corpus(["ISIS claimed responsibility for the attack."], NAMES, article_id="a2")
    articles, sentences, mentions = combine(one, two)
    matrix = role_matrix(extract_roles(sentences, mentions), articles)
    cell = matrix.set_index(["source", "entity"])
    assert cell.loc[("src-a1", "Ukraine"), "accused"] == 1
    assert cell.loc[("src-a1", "Ukraine"), "denier"] == 1
    assert cell.loc[("src-a1", "Ukraine"), "total"] == 2
    assert cell.loc[("src-a1", "Russia"), "accuser"] == 1
    assert cell.loc[("src-a2", "Islamic State"), "perpetrator"] == 1
    assert ("src-a2", "Ukraine") not in cell.index
