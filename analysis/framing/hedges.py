"""Hedging and attribution language: how sure a text sounds, and whose word it takes.

``find_hedges`` lists every epistemic cue ("reportedly", "alleged", "may") and
attribution cue ("according to", "said") with its offsets; ``hedge_density``
turns them into a rate per 1,000 words per source, with the cue words listed
so the figure is never an opaque score. Cue lists live in
``analysis/data/hedge_cues.json``.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import pandas as pd

from analysis import schema
from analysis.data import DATA_DIR
from analysis.framing.clauses import normalise, phrase_regex

CUES_PATH = DATA_DIR / "hedge_cues.json"
KINDS: tuple[str, ...] = ("epistemic", "attribution")
_WORD_RE = re.compile(r"\b\w[\w'’-]*\b")


@dataclass(frozen=True)
class HedgeBook:
    """The parsed hedge-cue file."""

    kinds: dict[str, str]
    pattern: re.Pattern[str]
    lowercase_only: frozenset[str]
    not_followed_by: dict[str, re.Pattern[str]]


@lru_cache(maxsize=4)
def load_hedge_cues(path: str | Path = CUES_PATH) -> HedgeBook:
    """Read a hedge-cue file (see ``analysis/data/hedge_cues.json``)."""
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    kinds: dict[str, str] = {}
    for kind in KINDS:
        for phrase in data.get(kind, []):
            kinds.setdefault(normalise(phrase), kind)
    blocked = {
        normalise(cue): phrase_regex(follow) for cue, follow in data.get("not_followed_by", {}).items() if follow
    }
    return HedgeBook(
        kinds=kinds,
        pattern=phrase_regex(list(kinds)),
        lowercase_only=frozenset(normalise(c) for c in data.get("lowercase_only", [])),
        not_followed_by=blocked,
    )


def find_hedges(sentences: pd.DataFrame, *, cues_path: str | Path = CUES_PATH) -> pd.DataFrame:
    """Every hedging and attribution cue in the sentences, with offsets.

    Rule: a cue phrase from the cue file, matched on whole words and
    case-insensitively, longest phrase first and without overlaps ("could not
    be verified" is one cue, not "could"). Modal cues ("may", "might", "could")
    count only in lower case, so "May" the month is not a hedge; a cue is
    skipped when a listed phrase follows it ("claimed the lives of").

    Known misses: a lexicon cannot tell a hedge from a firm use of the same
    word ("could" in "rescuers could reach them"), so modal counts overstate
    hedging; quoted speech without a speech verb (a bare quotation) is not
    counted as attribution; irony and negated hedges ("not allegedly but
    certainly") are read literally.

    Args:
        sentences: the sentences table (article_id, idx, text, start).
        cues_path: the cue file to use.

    Returns:
        The ``hedges`` table: article_id, sentence_idx, cue (as written), kind
        (epistemic or attribution), start, end (offsets in the article text).
    """
    book = load_hedge_cues(cues_path)
    rows: list[dict] = []
    for article_id, idx, text, sentence_start in zip(sentences["article_id"].tolist(), sentences["idx"].tolist(),
                                                      sentences["text"].tolist(), sentences["start"].tolist()):
        text = str(text)
        for m in book.pattern.finditer(text):
            key = normalise(m.group(0))
            if key in book.lowercase_only and m.group(0) != m.group(0).lower():
                continue
            blocked = book.not_followed_by.get(key)
            if blocked is not None and blocked.match(text[m.end() :].lstrip()):
                continue
            rows.append(
                {
                    "article_id": article_id,
                    "sentence_idx": int(idx),
                    "cue": m.group(0),
                    "kind": book.kinds[key],
                    "start": int(sentence_start) + m.start(),
                    "end": int(sentence_start) + m.end(),
                }
            )
    if not rows:
        return schema.empty_table("hedges")
    return schema.conform(pd.DataFrame(rows), "hedges")


def hedge_density(hedges: pd.DataFrame, articles: pd.DataFrame, *, by: str = "source") -> pd.DataFrame:
    """Hedging and attribution cues per 1,000 words, per group of articles.

    Words are the articles' ``n_words`` (counted from ``text`` when that
    column is missing). Groups with no cue still get a row with zeros.

    Args:
        hedges: the hedges table.
        articles: the articles table with ``article_id``, ``by`` and
            ``n_words`` or ``text``.
        by: the articles column to group by.

    Returns:
        One row per group: ``by``, n_articles, n_words, n_cues, n_epistemic,
        n_attribution, per_1000_words, epistemic_per_1000, attribution_per_1000,
        epistemic_cues, attribution_cues (each "word ×count; ..." most frequent
        first).
    """
    arts = articles.drop_duplicates("article_id").copy()
    if "n_words" not in arts.columns or arts["n_words"].isna().any():
        arts["n_words"] = arts["text"].astype(str).map(lambda t: len(_WORD_RE.findall(t)))
    words = arts.groupby(by, sort=True).agg(n_articles=("article_id", "size"), n_words=("n_words", "sum"))
    joined = hedges.merge(arts[["article_id", by]], on="article_id", how="inner")
    rows = []
    for group, info in words.iterrows():
        cues = joined[joined[by] == group]
        row = {by: group, "n_articles": int(info["n_articles"]), "n_words": int(info["n_words"]), "n_cues": len(cues)}
        per = 1000 / row["n_words"] if row["n_words"] else float("nan")
        row["per_1000_words"] = len(cues) * per
        for kind in KINDS:
            of_kind = cues[cues["kind"] == kind]
            row[f"n_{kind}"] = len(of_kind)
            row[f"{kind}_per_1000"] = len(of_kind) * per
            row[f"{kind}_cues"] = cue_list(of_kind["cue"])
        rows.append(row)
    columns = [by, "n_articles", "n_words", "n_cues", "n_epistemic", "n_attribution", "per_1000_words",
               "epistemic_per_1000", "attribution_per_1000", "epistemic_cues", "attribution_cues"]
    return pd.DataFrame(rows, columns=columns)


def cue_list(cues: pd.Series) -> str:
    """Cue words with counts, most frequent first: "reportedly ×2; according to ×1"."""
    counts = Counter(normalise(c) for c in cues.astype(str))
    return "; ".join(f"{cue} ×{n}" for cue, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))
