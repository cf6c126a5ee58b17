"""Evidence: an article's text cut into paragraphs with marked spans.

The reader shows an article by section with every extracted figure (or any
other span) marked. ``marked_paragraphs`` does the cutting so a page only has
to draw segments; it never changes the text, only splits it at offsets.
"""

from __future__ import annotations

from dataclasses import dataclass

from analysis.ingest.text import paragraphs


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
