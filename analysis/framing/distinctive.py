"""Words and phrases that set one source (or group of sources) apart from another.

``distinctive_terms`` compares the unigram and bigram counts of two sides with
the log-odds ratio with an informative Dirichlet prior (Monroe, Colaresi and
Quinn 2008, "Fightin' Words", section 3.5), and says when either side has too
few words for the comparison to mean much.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

import pandas as pd

from analysis.data import DATA_DIR

STOPWORDS_PATH = DATA_DIR / "stopwords.txt"
THIN_WORDS = 2000
_TOKEN_RE = re.compile(r"[a-z][a-z'’-]*[a-z]|[a-z]")
COLUMNS = [
    "term", "n", "count_a", "count_b", "per_1000_a", "per_1000_b", "log_odds", "se", "z", "favours",
    "words_a", "words_b", "thin_evidence",
]


@lru_cache(maxsize=4)
def load_stopwords(path: str | Path = STOPWORDS_PATH) -> frozenset[str]:
    """The stopword list (one word a line, '#' comments)."""
    lines = Path(path).read_text(encoding="utf-8").splitlines()
    return frozenset(w.strip().lower() for w in lines if w.strip() and not w.startswith("#"))


def tokens(text: str) -> list[str]:
    """Lower-case word tokens; possessive 's dropped, digits ignored."""
    words = _TOKEN_RE.findall(text.lower().replace("’", "'"))
    return [w[:-2] if w.endswith("'s") else w for w in words]


def term_counts(texts: Iterable[str], *, stopwords: frozenset[str]) -> tuple[Counter[str], int]:
    """Unigram and bigram counts over ``texts``, and the number of words.

    Unigrams skip stopwords; bigrams are adjacent words within a sentence
    with neither a stopword ("death toll", "claimed responsibility").
    """
    counts: Counter[str] = Counter()
    n_words = 0
    for text in texts:
        words = tokens(text)
        n_words += len(words)
        counts.update(w for w in words if w not in stopwords)
        counts.update(
            f"{a} {b}" for a, b in zip(words, words[1:]) if a not in stopwords and b not in stopwords
        )
    return counts, n_words


def log_odds_dirichlet(
    counts_a: Counter[str], counts_b: Counter[str], prior: Counter[str], *, alpha0: float
) -> pd.DataFrame:
    """Monroe et al.'s log-odds ratio with an informative Dirichlet prior.

    With y the term counts, n the side totals, alpha_w = alpha0 * prior_w /
    sum(prior):
        delta_w = log((y_a + alpha_w) / (n_a + alpha0 - y_a - alpha_w))
                - log((y_b + alpha_w) / (n_b + alpha0 - y_b - alpha_w))
        var_w  ~= 1 / (y_a + alpha_w) + 1 / (y_b + alpha_w)
        z_w     = delta_w / sqrt(var_w)
    Positive delta favours side a.

    Returns:
        term, count_a, count_b, log_odds, se, z (one row per term of the prior).
    """
    n_a, n_b = sum(counts_a.values()), sum(counts_b.values())
    prior_total = sum(prior.values())
    rows = []
    for term, p in prior.items():
        alpha = alpha0 * p / prior_total
        y_a, y_b = counts_a.get(term, 0), counts_b.get(term, 0)
        delta = math.log((y_a + alpha) / (n_a + alpha0 - y_a - alpha)) - math.log(
            (y_b + alpha) / (n_b + alpha0 - y_b - alpha)
        )
        se = math.sqrt(1 / (y_a + alpha) + 1 / (y_b + alpha))
        rows.append({"term": term, "count_a": y_a, "count_b": y_b, "log_odds": delta, "se": se, "z": delta / se})
    return pd.DataFrame(rows, columns=["term", "count_a", "count_b", "log_odds", "se", "z"])


def distinctive_terms(
    sentences: pd.DataFrame,
    articles: pd.DataFrame,
    *,
    group_a: str | Iterable[str],
    group_b: str | Iterable[str] | None = None,
    by: str = "source",
    alpha0: float | None = None,
    min_count: int = 2,
    thin_words: int = THIN_WORDS,
    stopwords_path: str | Path = STOPWORDS_PATH,
) -> pd.DataFrame:
    """The terms that most distinguish side a from side b, with z-scores.

    Side a is the articles whose ``by`` value is (one of) ``group_a``; side b
    is ``group_b``, or every other article when ``group_b`` is None. Terms are
    unigrams and bigrams without stopwords. The prior is the two sides'
    pooled counts, scaled to ``alpha0`` pseudo-counts (default: the pooled
    number of term tokens, i.e. the corpus itself as prior, as in Monroe et
    al.'s informative prior), which shrinks rare terms toward no difference.
    |z| > 1.96 is the usual threshold; with many terms some will pass by
    chance.

    ``thin_evidence`` is True on every row when either side has fewer than
    ``thin_words`` words (default 2,000): the z-scores are then computed but
    should be read as a list of words to look at, not a finding.

    Known misses: no lemmatising ("attack" and "attacks" are separate terms);
    a term repeated by one article (a name) can dominate a one-article side.

    Returns:
        One row per term seen at least ``min_count`` times on both sides
        together, sorted by z descending: term, n (1 or 2 words), count_a,
        count_b, per_1000_a, per_1000_b (per 1,000 words), log_odds, se, z,
        favours ('a' or 'b'), words_a, words_b, thin_evidence.
    """
    side_a = _as_set(group_a)
    side_b = _as_set(group_b) if group_b is not None else None
    values = articles.drop_duplicates("article_id").set_index("article_id")[by]
    in_a = values[values.isin(side_a)].index
    in_b = values[values.isin(side_b)].index if side_b is not None else values[~values.isin(side_a)].index
    stop = load_stopwords(stopwords_path)
    counts_a, words_a = term_counts(sentences.loc[sentences["article_id"].isin(in_a), "text"].astype(str), stopwords=stop)
    counts_b, words_b = term_counts(sentences.loc[sentences["article_id"].isin(in_b), "text"].astype(str), stopwords=stop)
    prior = counts_a + counts_b
    if not prior:
        return pd.DataFrame({c: pd.Series(dtype="object") for c in COLUMNS})
    scale = float(sum(prior.values())) if alpha0 is None else alpha0
    table = log_odds_dirichlet(counts_a, counts_b, prior, alpha0=scale)
    table = table[table["count_a"] + table["count_b"] >= min_count].copy()
    table["n"] = table["term"].str.count(" ") + 1
    table["per_1000_a"] = table["count_a"] * 1000 / words_a if words_a else 0.0
    table["per_1000_b"] = table["count_b"] * 1000 / words_b if words_b else 0.0
    table["favours"] = table["z"].map(lambda z: "a" if z > 0 else "b")
    table["words_a"] = words_a
    table["words_b"] = words_b
    table["thin_evidence"] = min(words_a, words_b) < thin_words
    return table.sort_values(["z", "term"], ascending=[False, True]).reset_index(drop=True)[COLUMNS]


def _as_set(groups: str | Iterable[str]) -> set[str]:
    return {groups} if isinstance(groups, str) else set(groups)
