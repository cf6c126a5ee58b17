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
from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path

import numpy as np
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


@dataclass(frozen=True)
class TermMatrix:
    """Unigram and bigram counts per article (as ``term_counts`` counts them), for comparing any two
    sets of articles without reading their sentences again.

    Terms seen fewer than ``min_total`` times in the whole corpus are left out of ``counts`` (no
    comparison of its articles can show them ``min_total`` times) but stay in ``tokens``.
    """

    article_ids: pd.Index  # one row per article, in this order
    terms: np.ndarray  # the terms kept
    rows: np.ndarray  # (rows, columns, counts): one entry per article and term kept, as positions into
    columns: np.ndarray  # article_ids and terms
    counts: np.ndarray
    tokens: np.ndarray  # all term tokens of each article, left-out terms included
    words: np.ndarray  # words of each article
    min_total: int

    def summed(self, rows: np.ndarray) -> np.ndarray:
        """Each term's count over the articles at positions ``rows`` (an article listed twice counts twice): one
        weighted ``bincount`` (integers, exact as floats), no sparse-matrix library needed. Distinct rows take only
        their own entries (the entries are stored article by article), not a pass over all 2.4M at 10k articles."""
        starts = self.row_starts
        if starts is None or len(np.unique(rows)) != len(rows):
            times = np.bincount(rows, minlength=len(self.article_ids)).astype(np.float64)
            return np.bincount(self.columns, weights=self.counts * times[self.rows], minlength=len(self.terms))
        rows = np.asarray(rows, dtype=np.int64)
        first, lengths = starts[rows], starts[rows + 1] - starts[rows]
        # each row's entries first..first+length, all in one array: [3, 4, 5] + [9, 10] -> 3 4 5 9 10
        at = np.repeat(first - (np.cumsum(lengths) - lengths), lengths) + np.arange(int(lengths.sum()))
        return np.bincount(self.columns[at], weights=self.counts[at].astype(np.float64), minlength=len(self.terms))

    @cached_property
    def row_starts(self) -> np.ndarray | None:
        """Where each article's entries start (and, last, where they end), or None if the entries are not stored
        article by article."""
        if len(self.rows) and (np.diff(self.rows) < 0).any():
            return None
        return np.searchsorted(self.rows, np.arange(len(self.article_ids) + 1))

    @cached_property
    def total(self) -> np.ndarray:
        """Each term's count over all the articles (made on first use, then kept)."""
        return self.summed(np.arange(len(self.article_ids)))

    def summed_apart(self, rows_a: np.ndarray, rows_b: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """``(summed(rows_a), summed(rows_b))``. When the two are distinct articles, the larger of the two is
        ``total`` less the smaller and the articles in neither, if those have fewer entries than it: a filter
        that leaves out few articles then sums a few entries, not all 2.4M of the 10k articles' twice (exact:
        integer counts)."""
        starts = self.row_starts
        if starts is None:
            return self.summed(rows_a), self.summed(rows_b)
        rows_a, rows_b = np.asarray(rows_a, dtype=np.int64), np.asarray(rows_b, dtype=np.int64)
        taken = np.zeros(len(self.article_ids), dtype=np.int64)
        np.add.at(taken, rows_a, 1)
        np.add.at(taken, rows_b, 1)
        if (taken > 1).any():  # an article in both, or twice: summed as they are
            return self.summed(rows_a), self.summed(rows_b)
        rest = np.flatnonzero(taken == 0)
        entries = {name: int((starts[rows + 1] - starts[rows]).sum())
                   for name, rows in (("a", rows_a), ("b", rows_b), ("rest", rest))}
        if entries["rest"] >= max(entries["a"], entries["b"]):
            return self.summed(rows_a), self.summed(rows_b)
        if entries["a"] <= entries["b"]:
            y_a = self.summed(rows_a)
            return y_a, self.total - y_a - self.summed(rest)
        y_b = self.summed(rows_b)
        return self.total - y_b - self.summed(rest), y_b

    @cached_property
    def term_rank(self) -> np.ndarray:
        """Each term's position in the terms sorted as strings (made on first use, then kept)."""
        rank = np.empty(len(self.terms), dtype=np.int64)
        rank[sorted(range(len(self.terms)), key=[str(t) for t in self.terms].__getitem__)] = np.arange(len(self.terms))
        return rank


def term_matrix(sentences: pd.DataFrame, *, min_total: int = 2,
                stopwords_path: str | Path = STOPWORDS_PATH) -> TermMatrix:
    """The ``TermMatrix`` of every article of ``sentences`` (columns article_id, text)."""
    stop = load_stopwords(stopwords_path)
    texts_of: dict[str, list[str]] = {}
    for article_id, text in zip(sentences["article_id"].tolist(), sentences["text"].astype(str).tolist()):
        texts_of.setdefault(article_id, []).append(text)
    vocabulary: dict[str, int] = {}
    rows: list[int] = []
    columns: list[int] = []
    values: list[int] = []
    tokens: list[int] = []
    words: list[int] = []
    for row, texts in enumerate(texts_of.values()):
        counts, n_words = term_counts(texts, stopwords=stop)
        words.append(n_words)
        tokens.append(sum(counts.values()))
        rows.extend([row] * len(counts))
        columns.extend(vocabulary.setdefault(term, len(vocabulary)) for term in counts)
        values.extend(counts.values())
    row_of, column_of = np.array(rows, dtype=np.int32), np.array(columns, dtype=np.int32)
    count_of = np.array(values, dtype=np.int32)
    totals = np.bincount(column_of, weights=count_of, minlength=len(vocabulary))
    kept = totals >= min_total
    new_column = np.cumsum(kept) - 1  # old column -> position among the kept terms
    entries = kept[column_of]
    return TermMatrix(pd.Index(list(texts_of)), np.array(list(vocabulary), dtype=object)[kept], row_of[entries],
                      new_column[column_of[entries]].astype(np.int32), count_of[entries],
                      np.array(tokens, dtype=np.int64), np.array(words, dtype=np.int64), min_total)


def distinctive_terms_from_matrix(
    matrix: TermMatrix,
    articles: pd.DataFrame,
    *,
    group_a: str | Iterable[str],
    group_b: str | Iterable[str] | None = None,
    by: str = "source",
    min_count: int = 2,
    thin_words: int = THIN_WORDS,
    ends: int | None = None,
) -> pd.DataFrame:
    """``distinctive_terms`` (default prior) from a ``TermMatrix``: the same table, in a few
    milliseconds for any two sets of articles. Only ``articles`` count; ``min_count`` must be at
    least the matrix's ``min_total``. With ``ends``, only the table's first and last ``ends`` rows
    (all of it when shorter than twice that): what a page shows, without writing out a row for each
    of 200k terms."""
    if min_count < matrix.min_total:
        raise ValueError(f"min_count {min_count} is below the matrix's min_total {matrix.min_total}")
    side_a = _as_set(group_a)
    side_b = _as_set(group_b) if group_b is not None else None
    values = articles.drop_duplicates("article_id").set_index("article_id")[by]
    in_a = values.isin(side_a)
    in_b = values.isin(side_b) if side_b is not None else ~in_a
    position = pd.Series(np.arange(len(matrix.article_ids)), index=matrix.article_ids)
    rows_a = position.reindex(values.index[in_a.to_numpy()]).dropna().astype(int).to_numpy()
    rows_b = position.reindex(values.index[in_b.to_numpy()]).dropna().astype(int).to_numpy()
    y_a, y_b = matrix.summed_apart(rows_a, rows_b)
    n_a, n_b = float(matrix.tokens[rows_a].sum()), float(matrix.tokens[rows_b].sum())
    words_a, words_b = int(matrix.words[rows_a].sum()), int(matrix.words[rows_b].sum())
    if n_a + n_b == 0:
        return pd.DataFrame({c: pd.Series(dtype="object") for c in COLUMNS})
    keep = y_a + y_b >= min_count
    y_a, y_b, prior = y_a[keep], y_b[keep], (y_a + y_b)[keep]
    alpha0 = n_a + n_b  # the pooled counts as prior, as distinctive_terms does by default:
    alpha = prior  # alpha_w = alpha0 * prior_w / sum(prior), and sum(prior) is alpha0
    delta = np.log((y_a + alpha) / (n_a + alpha0 - y_a - alpha)) - np.log((y_b + alpha) / (n_b + alpha0 - y_b - alpha))
    se = np.sqrt(1 / (y_a + alpha) + 1 / (y_b + alpha))
    z = delta / se
    if ends is not None and not np.isnan(z).any() and len(z) > 2 * ends:
        # the rows at both ends of the order below, and only those written out
        order = np.lexsort((matrix.term_rank[keep], -z))
        at = np.concatenate([order[:ends], order[-ends:]])
        terms, y_a, y_b, delta, se, z = matrix.terms[keep][at], y_a[at], y_b[at], delta[at], se[at], z[at]
        return _terms_table(terms, y_a, y_b, delta, se, z, words_a, words_b, thin_words)[COLUMNS]
    table = _terms_table(matrix.terms[keep], y_a, y_b, delta, se, z, words_a, words_b, thin_words)
    z = table["z"].to_numpy()
    if np.isnan(z).any():  # NaN sorts last in pandas, not in lexsort
        table = table.sort_values(["z", "term"], ascending=[False, True]).reset_index(drop=True)[COLUMNS]
    else:  # the order of sort_values(["z", "term"], ascending=[False, True]), terms ranked once per matrix
        table = table.iloc[np.lexsort((matrix.term_rank[keep], -z))].reset_index(drop=True)[COLUMNS]
    return table if ends is None or len(table) <= 2 * ends else \
        pd.concat([table.head(ends), table.tail(ends)], ignore_index=True)


def _terms_table(terms: np.ndarray, y_a: np.ndarray, y_b: np.ndarray, delta: np.ndarray, se: np.ndarray,
                 z: np.ndarray, words_a: int, words_b: int, thin_words: int) -> pd.DataFrame:
    """The rows of ``distinctive_terms_from_matrix`` for these terms, in this order."""
    table = pd.DataFrame({"term": terms, "count_a": y_a.astype(int), "count_b": y_b.astype(int),
                          "log_odds": delta, "se": se, "z": z})
    table["term"] = table["term"].astype(str)
    table["n"] = table["term"].str.count(" ") + 1
    table["per_1000_a"] = table["count_a"] * 1000 / words_a if words_a else 0.0
    table["per_1000_b"] = table["count_b"] * 1000 / words_b if words_b else 0.0
    table["favours"] = np.where(table["z"] > 0, "a", "b")
    table["words_a"] = words_a
    table["words_b"] = words_b
    table["thin_evidence"] = min(words_a, words_b) < thin_words
    return table
