"""Small hand-built tables for the framing tests: sentences and entity mentions
without spaCy, so each case states exactly which names the entity stage found."""

from __future__ import annotations

import re

import pandas as pd

MENTION_COLUMNS = ["article_id", "canonical", "sentence_idx", "surface", "start", "end", "via_demonym"]


def corpus(texts: list[str], names: dict[str, str], *, article_id: str = "a1", demonyms: frozenset[str] = frozenset()):
    """``(articles, sentences, mentions)`` for one article made of ``texts``.

    ``names`` maps a surface form to its canonical entity; surfaces in
    ``demonyms`` are flagged via_demonym. Every whole-word occurrence is a
    mention (longest surface first).
    """
    text, starts = "", []
    for sentence in texts:
        if text:
            text += " "
        starts.append(len(text))
        text += sentence
    sentences = pd.DataFrame(
        {
            "article_id": article_id,
            "idx": range(len(texts)),
            "paragraph": 0,
            "section": "",
            "text": texts,
            "start": starts,
            "end": [s + len(t) for s, t in zip(starts, texts)],
        }
    )
    rows = []
    if names:
        pattern = re.compile(
            r"(?<![\w-])(" + "|".join(re.escape(k) for k in sorted(names, key=len, reverse=True)) + r")(?![\w-])"
        )
        for s in sentences.itertuples():
            for m in pattern.finditer(s.text):
                surface = m.group(1)
                rows.append([article_id, names[surface], s.idx, surface, s.start + m.start(), s.start + m.end(), surface in demonyms])
    mentions = pd.DataFrame(rows, columns=MENTION_COLUMNS)
    words = len(text.split())
    articles = pd.DataFrame({"article_id": [article_id], "source": [f"src-{article_id}"], "text": [text], "n_words": [words]})
    return articles, sentences, mentions


def combine(*parts):
    """Concatenate several ``corpus`` results into one corpus."""
    return tuple(pd.concat(frames, ignore_index=True) for frames in zip(*parts))
