"""Evidence: an article's text cut into paragraphs with marked spans, and a figure's sentence cut around its number.

The reader shows an article by section with every extracted figure (or any
other span) marked. ``marked_paragraphs`` does the cutting so a page only has
to draw segments; it never changes the text, only splits it at offsets.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from analysis.ingest.text import paragraphs
from analysis.timeline.values import as_text, is_missing


@dataclass(frozen=True)
class Segment:
    """A piece of paragraph text; ``mark`` names why it is marked, or is empty."""

    text: str
    mark: str = ""
    key: str = ""


@dataclass(frozen=True)
class MarkedParagraph:
    section: str
    is_heading: bool
    segments: tuple[Segment, ...]


def marked_paragraphs(text: str, spans: list[tuple[int, int, str, str]]) -> list[MarkedParagraph]:
    """Paragraphs of ``text`` split at ``spans`` of ``(start, end, mark, key)``.

    Overlapping spans keep the earlier one; spans crossing a paragraph end are
    cut there.
    """
    ordered = sorted(spans, key=lambda span: (span[0], -span[1]))
    result = []
    for para in paragraphs(text):
        pieces: list[Segment] = []
        cursor = para.start
        for start, end, mark, key in ordered:
            start, end = max(start, cursor), min(end, para.end)
            if start >= end:
                continue
            if start > cursor:
                pieces.append(Segment(text[cursor:start]))
            pieces.append(Segment(text[start:end], mark, key))
            cursor = end
        if cursor < para.end:
            pieces.append(Segment(text[cursor:para.end]))
        result.append(MarkedParagraph(para.section, para.is_heading, tuple(pieces)))
    return result


def evidence_parts(figures: pd.DataFrame, sentences: pd.DataFrame, figure_id: str) -> tuple[str, str, str]:
    """The evidence sentence of a figure cut around its number: ``(before, number, after)``.

    Uses the figure's offsets and its sentence's offset when both are known; otherwise the
    first occurrence of the number's words in the sentence; otherwise the whole sentence
    as ``before``. ``("", "", "")`` for an unknown figure.
    """
    rows = figures[figures["figure_id"] == figure_id] if not figures.empty else figures
    if rows.empty:
        return "", "", ""
    figure = rows.iloc[0]
    start = None
    if not sentences.empty and not is_missing(figure.get("start")):
        match = sentences[(sentences["article_id"] == figure["article_id"])
                          & (sentences["idx"] == figure.get("sentence_idx"))]
        if not match.empty:
            start = match.iloc[0]["start"]
    return _cut(figure, start)


def evidence_parts_of(figures: pd.DataFrame, sentences: pd.DataFrame,
                      figure_ids: list[str]) -> dict[str, tuple[str, str, str]]:
    """``{figure_id: evidence_parts(figures, sentences, figure_id)}`` for every id of ``figure_ids``, the same
    parts, from one pass over each table instead of two filters per figure (a page quoting 50 figures)."""
    wanted = list(dict.fromkeys(figure_ids))
    parts = dict.fromkeys(wanted, ("", "", ""))
    if figures.empty or not wanted:
        return parts
    rows = figures[figures["figure_id"].isin(wanted)].drop_duplicates("figure_id")  # the first row, as .iloc[0]
    if rows.empty:
        return parts
    starts: dict[tuple, object] = {}
    if not sentences.empty and "start" in rows:
        near = sentences[sentences["article_id"].isin(rows["article_id"].unique())]
        for key, start in zip(zip(near["article_id"].tolist(), near["idx"].tolist()), near["start"].tolist()):
            starts.setdefault(key, start)  # the first matching sentence, as .iloc[0]
    for _, figure in rows.iterrows():
        start = None
        if starts and not is_missing(figure.get("start")):
            index = figure.get("sentence_idx")
            if not is_missing(index):
                start = starts.get((figure["article_id"], index))
        parts[figure["figure_id"]] = _cut(figure, start)
    return parts


def _cut(figure: pd.Series, sentence_start: object) -> tuple[str, str, str]:
    """``evidence_parts`` of one figure row, its sentence starting at ``sentence_start`` (None: not found)."""
    sentence = as_text(figure.get("sentence"))
    number = as_text(figure.get("number_text"))
    if sentence_start is not None:
        offset = int(figure["start"]) - int(sentence_start)
        length = int(figure["end"]) - int(figure["start"])
        if 0 <= offset <= len(sentence) - length and (not number or sentence[offset:offset + length] == number):
            return sentence[:offset], sentence[offset:offset + length], sentence[offset + length:]
    if number and number in sentence:
        at = sentence.index(number)
        return sentence[:at], number, sentence[at + len(number):]
    return sentence, "", ""
