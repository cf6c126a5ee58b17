"""The Framing page's fast views give exactly the tables of the code they replaced (``old_views``)."""

from __future__ import annotations

import json
import random

import pandas as pd
import plotly.io as pio
import pytest

from analysis.framing.distinctive import distinctive_terms_from_matrix, term_matrix
from analysis.framing.roles import role_matrix
from analysis.tone.sentiment import entity_tone
from analysis.views.framing import (frame_counts, frame_profile_of, hedge_cue_counts, hedge_density_of, role_castings,
                                     role_matrix_of, in_side_order, entity_tone_of, sentence_index, cited_codes, voices_of,
                                     label_speakers, voices_table, cue_codes, frame_codes)
from charts.framing import frame_profile_figure, frame_profile_spec, hedge_figure, hedge_spec
from charts.served import served_spec
from tests.framing.old_views import (old_distinctive_terms_from_matrix, old_frame_profile_of, old_hedge_density_of,
                                    old_frame_profile_figure, old_hedge_figure)

# "café" and "ça" sort after the plain words as code points do; the repeated sentence makes equal z scores,
# whose order is then the term's
VOCABULARY = "police said the gunman killed people hospital toll rose officials denied attack city café ça".split()


def _corpus(seed: int, n_articles: int = 40) -> tuple[pd.DataFrame, pd.DataFrame]:
    rng = random.Random(seed)
    articles = pd.DataFrame({"article_id": [f"a{i}" for i in range(n_articles)],
                             "source": [f"s{i % 5}" for i in range(n_articles)]})
    rows = []
    for i in range(n_articles):
        rows.append({"article_id": f"a{i}", "idx": 0, "text": "Both sides said the same thing."})
        rows += [{"article_id": f"a{i}", "idx": k,
                  "text": " ".join(rng.choice(VOCABULARY) for _ in range(rng.randint(3, 12))) + "."}
                 for k in range(1, rng.randint(2, 6))]
    return articles, pd.DataFrame(rows)


@pytest.mark.parametrize(("seed", "group_a", "group_b", "left_out"), [
    (1, "s0", None, ()),                      # one source against all the others
    (2, "s0", None, ("a0", "a5", "a7")),      # filtered: left-out articles do not count
    (3, ["s1", "s2"], "s3", ()),              # two sides that leave some articles out
    (4, ["s1", "s2"], ["s2", "s4"], ()),      # a source on both sides counts on both
    (5, "s4", ["s0", "s1", "s2", "s3"], ("a9",)),
    (6, "nobody", None, ()),                  # an empty side
    (7, "nobody", "nobody either", ()),       # no articles at all: the empty table
])
def test_distinctive_terms_from_matrix_gives_the_old_table(seed, group_a, group_b, left_out):
    articles, sentences = _corpus(seed)
    matrix = term_matrix(sentences)
    some = articles[~articles["article_id"].isin(left_out)]
    want = old_distinctive_terms_from_matrix(matrix, some, group_a=group_a, group_b=group_b)
    got = distinctive_terms_from_matrix(matrix, some, group_a=group_a, group_b=group_b)
    pd.testing.assert_frame_equal(got, want, check_exact=True)


def _density(*rows) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=["side", "epistemic_per_1000", "attribution_per_1000"])


@pytest.mark.parametrize("density", [
    _density(("A", 1.5, 3.0), ("B", 2.0, 0.5)),
    _density(("<b>Hostile</b> & co", 0.0, 2.25)),                       # escaped on the axis, raw in customdata
    _density(("Le Monde", float("nan"), 1.0), ("other", 4.0, 0.0)),     # no words: no rate
    _density(*[(f"side {i}", i / 3, 10 - i) for i in range(9)]),        # every side of a comparison
])
def test_hedge_figure_gives_the_old_figure(density):
    # the same JSON document (keys may come in another order)
    def sent(figure):
        return json.loads(pio.to_json(figure, validate=False))

    assert sent(hedge_figure(density)) == sent(old_hedge_figure(density))
    assert sent(served_spec(hedge_spec(density)).to_dict()) == sent(old_hedge_figure(density))


PROFILE_LABELS = {"blame": "Blame & geopolitics", "human": "Human toll & victims", "security": "Security",
                  "misinfo": "Misinformation"}


def _profile(sides: list[str], *, seed: int) -> pd.DataFrame:
    """``frame_profile(by="side")`` rows for ``sides`` and every frame of ``PROFILE_LABELS``."""
    rng = random.Random(seed)
    rows = []
    for side in sides:
        # none under a tenth of the largest side's 40: a thin side is drawn apart, as the old figure never did
        total = rng.choice([0, *range(5, 41)])
        for frame, label in PROFILE_LABELS.items():
            n = rng.randint(0, total)
            rows.append({"side": side, "frame": frame, "label": label, "n_sentences": n, "n_total": total,
                         "share": n / total if total else 0.0, "n_articles": 1, "n_articles_total": 2})
    return pd.DataFrame(rows)


@pytest.mark.parametrize(("sides", "shown", "members"), [
    (["A", "B"], ["A", "B"], None),
    (["<b>Hostile</b> & co", "other"], ["other", "<b>Hostile</b> & co"], {"other": "x.example, <i>y</i>"}),
    ([f"side {i}" for i in range(9)], [f"side {i}" for i in range(9)], {"side 1": "a, b"}),   # slanted names
    (["A", "B", "C"], ["A", "C", "Nobody"], {}),                                            # a side without rows
    (["A very long side name indeed, longer than most", "B"], ["B", "A very long side name indeed, longer than most",
                                                                "A"], None),
])
@pytest.mark.parametrize("seed", [1, 2])
def test_frame_profile_spec_gives_the_old_figure(sides, shown, members, seed):
    profile = _profile(sides, seed=seed)
    want = json.loads(pio.to_json(old_frame_profile_figure(profile, labels=PROFILE_LABELS, sides=shown,
                                                           members=members)))
    spec = frame_profile_spec(profile, labels=PROFILE_LABELS, sides=shown, members=members)
    assert json.loads(pio.to_json(served_spec(spec).to_dict(), validate=False)) == want
    assert json.loads(pio.to_json(frame_profile_figure(profile, labels=PROFILE_LABELS, sides=shown,
                                                       members=members))) == want


def _frames(seed: int) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """(articles, sentences, frames) of 30 articles in 6 sources and 3 countries, some with no sentence or frame."""
    rng = random.Random(seed)
    articles = pd.DataFrame({"article_id": [f"a{i}" for i in range(30)], "source": [f"s{i % 6}" for i in range(30)],
                             "country": [["fr", "gb", "us"][i % 3] for i in range(30)]})
    sentences = pd.DataFrame([{"article_id": f"a{i}", "idx": k} for i in range(28) for k in range(rng.randint(1, 6))])
    frames = pd.DataFrame([{"article_id": r.article_id, "sentence_idx": r.idx, "frame": frame}
                           for r in sentences.itertuples() for frame in ("toll", "blame", "not a frame", "blame")
                           if rng.random() < 0.4])
    return articles, sentences, frames


@pytest.mark.parametrize(("seed", "by", "left_out", "labels"), [
    (1, "source", (), None),
    (2, "country", (), None),
    (3, "source", ("a0", "a1", "a2", "a29"), None),        # filtered; a29 has no sentences anyway
    (4, "country", tuple(f"a{i}" for i in range(0, 30, 3)), None),  # a whole country filtered out
    (5, "source", (), {"blame": "Blame", "toll": "Toll", "other": "Other"}),  # the labels' order, not the codebook's
    (6, "source", tuple(f"a{i}" for i in range(30)), None),  # nothing left
])
def test_frame_profile_of_gives_the_old_table(seed, by, left_out, labels):
    articles, sentences, frames = _frames(seed)
    counts = frame_counts(frames, sentences)
    some = articles[~articles["article_id"].isin(left_out)]
    want = old_frame_profile_of(counts, some, by=by, labels=labels)
    pd.testing.assert_frame_equal(frame_profile_of(counts, some, by=by, labels=labels), want, check_exact=True)
    pd.testing.assert_frame_equal(frame_profile_of(counts, some, by=by, labels=labels,
                                                   codes=frame_codes(counts, articles)), want, check_exact=True)


def _hedges(seed: int) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(articles with n_words, hedges) of 30 articles in 6 sources and 3 countries; a29 has no cue."""
    rng = random.Random(seed)
    articles = pd.DataFrame({"article_id": [f"a{i}" for i in range(30)], "source": [f"s{i % 6}" for i in range(30)],
                             "country": [["fr", "gb", "us"][i % 3] for i in range(30)],
                             "n_words": [rng.choice([0, 40, 250, 1200]) for _ in range(30)]})
    cues = {"epistemic": ["alleged", "Reportedly", "may", "could"], "attribution": ["said", "according to", "Said"]}
    hedges = pd.DataFrame([{"article_id": f"a{i}", "sentence_idx": k, "kind": kind, "cue": rng.choice(cues[kind])}
                           for i in range(29) for k in range(rng.randint(0, 4)) for kind in cues if rng.random() < 0.7])
    return articles, hedges


@pytest.mark.parametrize(("seed", "by", "left_out"), [
    (1, "source", ()),
    (2, "country", ()),
    (3, "source", ("a0", "a1", "a2", "a29")),                   # filtered
    (4, "country", tuple(f"a{i}" for i in range(0, 30, 3))),    # a whole country filtered out
    (5, "source", tuple(f"a{i}" for i in range(28))),           # one article with cues, one without
    (6, "source", tuple(f"a{i}" for i in range(30))),           # nothing left
])
def test_hedge_density_of_gives_the_old_table(seed, by, left_out):
    articles, hedges = _hedges(seed)
    counts = hedge_cue_counts(hedges)
    some = articles[~articles["article_id"].isin(left_out)]
    want = old_hedge_density_of(counts, some, by=by)
    pd.testing.assert_frame_equal(hedge_density_of(counts, some, by=by), want, check_exact=True)
    pd.testing.assert_frame_equal(hedge_density_of(counts, some, by=by, codes=cue_codes(counts, articles)), want,
                                  check_exact=True)


@pytest.mark.parametrize(("seed", "group_a", "group_b", "left_out", "ends"), [
    (1, "s0", None, (), 15),
    (2, "s0", None, ("a0", "a5", "a7"), 3),
    (3, ["s1", "s2"], "s3", (), 1),
    (4, "s4", ["s0", "s1"], (), 100),            # shorter than twice ends: the whole table
    (7, "nobody", "nobody either", (), 15),     # no articles at all: the empty table
])
def test_distinctive_terms_ends_are_the_head_and_tail_of_the_table(seed, group_a, group_b, left_out, ends):
    articles, sentences = _corpus(seed, n_articles=80)
    matrix = term_matrix(sentences)
    some = articles[~articles["article_id"].isin(left_out)]
    full = old_distinctive_terms_from_matrix(matrix, some, group_a=group_a, group_b=group_b)
    got = distinctive_terms_from_matrix(matrix, some, group_a=group_a, group_b=group_b, ends=ends)
    want = full if len(full) <= 2 * ends else pd.concat([full.head(ends), full.tail(ends)], ignore_index=True)
    pd.testing.assert_frame_equal(got, want, check_exact=True)


ENTITY_NAMES = ["Russia", "Ukraine", "Hamas", "Éire", "abc", "Zed"]
ROLE_PAIRS = [("accuser", "accused"), ("denier", ""), ("perpetrator", "victim"), ("helper", ""), ("", "accused"),
              ("critic", "accused"), ("accuser", "nonsense")]   # "nonsense": a role the cue file does not list


def _roles(seed: int, n_articles: int = 30) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Articles with sources and a random roles table (actors, targets that are or are not entities)."""
    rng = random.Random(seed)
    articles = pd.DataFrame({"article_id": [f"a{i}" for i in range(n_articles)],
                             "source": [f"s{i % 6}" for i in range(n_articles)]})
    rows = []
    for i in range(n_articles):
        for _ in range(rng.randint(0, 6)):
            actor_role, target_role = rng.choice(ROLE_PAIRS)
            rows.append({"article_id": f"a{i}", "sentence_idx": rng.randint(0, 4),
                         "actor": rng.choice(ENTITY_NAMES) if actor_role or rng.random() < 0.5 else "",
                         "relation": "said", "target": rng.choice(ENTITY_NAMES), "actor_role": actor_role,
                         "target_role": target_role, "cue": "cue", "target_is_entity": rng.random() < 0.7,
                         "start": 0, "end": 1})
    return articles, pd.DataFrame(rows, columns=["article_id", "sentence_idx", "actor", "relation", "target",
                                                 "actor_role", "target_role", "cue", "target_is_entity", "start",
                                                 "end"])


@pytest.mark.parametrize(("seed", "sides", "left_out"), [
    (1, None, ()),                                                  # by source
    (2, {"s0": "A", "s1": "A", "s2": "B"}, ()),                      # sides; the rest "All others"
    (3, {"s0": "Z", "s1": "a", "s2": "É"}, ("a1", "a2", "a9")),      # sides sort as strings; filtered
    (4, None, tuple(f"a{i}" for i in range(30))),                   # nothing left: the empty table
    (5, {"s3": "only"}, ()),
])
def test_role_matrix_of_gives_the_old_table(seed, sides, left_out):
    articles, roles = _roles(seed)
    castings = role_castings(roles, articles)
    kept = articles[~articles["article_id"].isin(left_out)]
    kept = kept.assign(side=kept["source"] if sides is None else kept["source"].map(sides).fillna("All others"))
    pd.testing.assert_frame_equal(role_matrix_of(castings, kept, by="side"), role_matrix(roles, kept, by="side"),
                                  check_exact=True)


def test_role_matrix_of_no_roles():
    articles, roles = _roles(6)
    castings = role_castings(roles.iloc[:0], articles)
    pd.testing.assert_frame_equal(role_matrix_of(castings, articles, by="source"),
                                  role_matrix(roles.iloc[:0], articles, by="source"))


def _tone_corpus(seed: int, n_articles: int = 24) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """Articles in sources, scored sentences (some unscored, some articles without sentences) and mentions
    (some of sentences that do not exist, some of articles the table lacks)."""
    rng = random.Random(seed)
    articles = pd.DataFrame({"article_id": [f"a{i}" for i in range(n_articles)],
                             "source": [f"s{i % 5}" for i in range(n_articles)]})
    sentences = pd.DataFrame([{"article_id": f"a{i}", "idx": k, "text": "x",
                               "polarity": rng.choice([rng.uniform(-1, 1), float("nan")]),
                               "subjectivity": rng.uniform(0, 1), "vader_compound": rng.uniform(-1, 1)}
                              for i in range(n_articles - 2) for k in range(rng.randint(1, 5))])
    mentions = pd.DataFrame([{"article_id": f"a{rng.randint(0, n_articles + 1)}", "canonical": rng.choice(ENTITY_NAMES),
                              "sentence_idx": rng.randint(0, 5), "via_demonym": rng.random() < 0.2}
                             for _ in range(150)])
    return articles, sentences, mentions


@pytest.mark.parametrize(("seed", "sides", "left_out", "entities"), [
    (1, None, (), None),
    (2, {"s0": "A", "s1": "A"}, (), ["Russia", "Hamas"]),
    (3, {"s0": "Z", "s1": "a", "s2": "É"}, ("a1", "a2", "a9"), None),
    (4, None, (), ["Nobody"]),                                    # no mentions: the empty table
    (5, None, tuple(f"a{i}" for i in range(24)), None),           # no articles: the empty table
])
def test_entity_tone_of_gives_the_old_table(seed, sides, left_out, entities):
    articles, sentences, mentions = _tone_corpus(seed)
    index = sentence_index(sentences, articles)
    kept = articles[~articles["article_id"].isin(left_out)]
    kept = kept.assign(side=kept["source"] if sides is None else kept["source"].map(sides).fillna("All others"))
    chosen = mentions if entities is None else mentions[mentions["canonical"].isin(entities)]
    pd.testing.assert_frame_equal(entity_tone_of(index, chosen, sentences, kept, by="side"),
                                  entity_tone(chosen, sentences, kept, by="side"), check_exact=True)


def test_entity_tone_of_with_a_sentence_listed_twice_is_the_old_table():
    articles, sentences, mentions = _tone_corpus(6)
    sentences = pd.concat([sentences, sentences.iloc[[0]]], ignore_index=True)  # the merge doubles its rows
    kept = articles.assign(side=articles["source"])
    pd.testing.assert_frame_equal(entity_tone_of(sentence_index(sentences, articles), mentions, sentences, kept,
                                                 by="side"), entity_tone(mentions, sentences, kept, by="side"))


SPEAKERS = [("police", False), ("officials", False), ("Biden", True), ("Ministry of Health", True), ("Éire", True),
            ("abc", True), ("police", True)]   # "police" named and unnamed: two speakers


def _cited(seed: int, n_articles: int = 24) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Articles in sources and ``cited_sources`` rows of them (a few of articles the table lacks)."""
    rng = random.Random(seed)
    articles = pd.DataFrame({"article_id": [f"a{i}" for i in range(n_articles)],
                             "source": [f"s{i % 5}" for i in range(n_articles)]})
    rows = []
    for _ in range(rng.randint(0, 120)):
        cited, named = rng.choice(SPEAKERS)
        rows.append({"article_id": f"a{rng.randint(0, n_articles + 1)}", "sentence_idx": rng.randint(0, 9),
                     "cited": cited, "named": named, "surface": cited, "cue": "said", "start": 0, "end": 1})
    return articles, pd.DataFrame(rows, columns=["article_id", "sentence_idx", "cited", "named", "surface", "cue",
                                                 "start", "end"])


@pytest.mark.parametrize(("seed", "sides", "left_out", "order"), [
    (1, None, (), None),
    (2, {"s0": "A", "s1": "A"}, (), None),
    (3, {"s0": "Z", "s1": "a", "s2": "É"}, ("a1", "a2", "a9"), "reversed"),
    (4, None, (), ["s3", "s1"]),                  # sides shown: some only, in their order
    (5, None, tuple(f"a{i}" for i in range(24)), None),
    (6, {"s0": "A"}, (), ["Nobody", "A"]),
])
def test_voices_of_gives_the_old_table(seed, sides, left_out, order):
    articles, cited = _cited(seed)
    kept = articles[~articles["article_id"].isin(left_out)]
    kept = kept.assign(side=kept["source"] if sides is None else kept["source"].map(sides).fillna("All others"))
    shown = sorted(kept["side"].unique()) if order is None else \
        sorted(kept["side"].unique(), reverse=True) if order == "reversed" else order
    merged = label_speakers(cited.merge(kept[["article_id", "side"]]))
    got = voices_of(cited_codes(cited, articles), kept, sides=shown)
    if merged.empty:
        assert got.empty
    else:
        pd.testing.assert_frame_equal(got, voices_table(merged, sides=shown), check_exact=True)


@pytest.mark.parametrize(("rows", "sides", "expected"), [
    # alphabetical sides, each by total: put in the page's order of sides, each side's own order kept
    ([("Aland", "a", 1), ("Borduria", "b", 9), ("Borduria", "c", 2), ("Carpania", "d", 5)],
     ["Borduria", "Carpania", "Aland"], ["b", "c", "d", "a"]),
    # a side the page does not show goes last, in its own order
    ([("x", "a", 3), ("y", "b", 2), ("x", "c", 1)], ["y"], ["b", "a", "c"]),
    ([], ["y"], []),
])
def test_role_rows_follow_the_order_of_the_sides(rows, sides, expected):
    matrix = pd.DataFrame(rows, columns=["side", "entity", "total"]) if rows else \
        pd.DataFrame({"side": pd.Series(dtype=object), "entity": pd.Series(dtype=object), "total": pd.Series(dtype=int)})
    ordered = in_side_order(matrix, sides)
    assert ordered["entity"].tolist() == expected and list(ordered.index) == list(range(len(expected)))
