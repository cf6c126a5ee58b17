"""Article text: cleaning, paragraphs, section headings and sentences.

``clean_text`` turns raw article text into the text every other table points
into: a date header is lifted out (see ``analysis.ingest.publication_dates``), page-junk lines
("Advertisment", "Read more", share prompts; the patterns are in
``data/junk_lines.txt``) are dropped, and paragraphs are re-joined with blank
lines. ``paragraphs`` recognises section headings: a short line (at most 12
words) with no closing punctuation, mostly in title case, followed by more
text. ``split_sentences`` is a rule-based splitter with character offsets.

Known misses: a sentence that ends in an abbreviation ("... in the U.S. The
next day") is not split, nor one that ends in a person's initials ("... said A.J."); an
all-lowercase heading is read as a paragraph.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import cache

import numpy as np

from analysis.data import DATA_DIR

_ABBREVIATIONS = frozenset(
    """mr mrs ms dr prof st gen col lt sgt capt cmdr gov sen rep rev jan feb mar apr jun jul aug sep sept
    oct nov dec u.s u.k u.n e.u no vs etc inc ltd co corp jr sr a.m p.m approx est dept univ fig mt ft""".split()
)
_SMALL_WORDS = frozenset("a an and as at but by for from in into of on or the to with vs its".split())
_WORD = re.compile(r"\w+(?:[-'’]\w+)*")
# A candidate end of sentence: terminal punctuation, closing quotes/brackets, then
# either white space or (for "damage.While", a missing space) a capitalised word.
_BOUNDARY = re.compile(r"[.!?]+[\"'”’)\]]*(?:\s+|(?=[A-Z][a-z]))")
_LAST_TOKEN = re.compile(r"([A-Za-z][A-Za-z.]*)\.$")
_DIGIT = re.compile(r"\d")
# "A.J. Brown", "T.J. Lee": a pair of initials ends no sentence; but a state or city after a place or a preposition
# does ("in Charlotte, N.C. Police said", "flew to L.A. The next day")
_INITIALS = re.compile(r"(?:[A-Z]\.){1,2}[A-Z]")
_PLACE_INITIALS = frozenset("d.c l.a n.c s.c n.j n.y n.h n.m n.d s.d r.i".split())
_BEFORE_PLACE = re.compile(r"(?:,|\b(?:in|of|from|to|at|near|the|outside))\s*$", re.I)
_ENDS_WITH_DIGIT = re.compile(r"\d$")  # "$" also matches before a final newline: look at two characters


@dataclass(frozen=True)
class Paragraph:
    """A paragraph of cleaned text: offsets into it, and its section."""

    start: int
    end: int
    section: str
    is_heading: bool


@dataclass(frozen=True)
class CleanText:
    """Raw article text after cleaning, with what cleaning found."""

    text: str
    date: object  # datetime.date | None
    date_method: str
    notes: tuple[str, ...]


@cache
def _junk_patterns() -> re.Pattern[str]:
    lines = (DATA_DIR / "junk_lines.txt").read_text(encoding="utf-8").splitlines()
    patterns = [line.strip() for line in lines if line.strip() and not line.lstrip().startswith("#")]
    return re.compile(r"(?:" + "|".join(patterns) + r")", re.IGNORECASE)


def is_junk_line(line: str) -> bool:
    """True for a whole line of page furniture such as "Advertisment"."""
    core = line.strip().strip("-–—•*|:.·>[]() ").strip()
    if not core:
        return False
    return len(core) <= 80 and _junk_patterns().fullmatch(core) is not None


def clean_text(raw: str, *, date_order: str = "") -> CleanText:
    """Clean raw article text; see the module docstring for the rules.

    ``date_order`` ("dmy", "mdy" or "") is how the outlet's country writes numeric dates, for the date header.
    """
    from analysis.ingest.publication_dates import strip_date_header

    text = raw.replace("\r\n", "\n").replace("\r", "\n").replace("\ufeff", "").replace("\u00a0", " ")
    text, date, date_method, date_note = strip_date_header(text, order=date_order)
    notes = [date_note] if date_note else []
    kept: list[str] = []
    dropped = 0
    for line in text.split("\n"):
        line = " ".join(line.split())
        if not line:
            continue
        if is_junk_line(line):
            dropped += 1
            continue
        kept.append(line)
    if dropped:
        notes.append(f"{dropped} page-junk line{'s' if dropped != 1 else ''} dropped")
    return CleanText("\n\n".join(kept), date, date_method, tuple(notes))


def looks_like_heading(line: str) -> bool:
    """A short title-case line without closing punctuation, e.g. "Unfolding of Events"."""
    line = line.strip()
    words = _WORD.findall(line)
    if not words or len(words) > 12 or len(line) > 90:
        return False
    if line[-1] in ".!?,;\"”’'" or not line[0].isupper() and not line[0].isdigit():
        return False
    significant = [w for w in words if w.lower() not in _SMALL_WORDS]
    if not significant:
        return False
    capitalised = sum(1 for w in significant if w[0].isupper() or w[0].isdigit())
    return capitalised / len(significant) >= 0.6


def paragraphs(text: str) -> list[Paragraph]:
    """Paragraphs of cleaned text with their section heading.

    A heading is a paragraph of its own; the paragraphs after it carry its
    text as their section until the next heading. The last paragraph is never
    a heading (nothing follows it), and neither is a lone first line with no
    text after it.
    """
    spans = [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text)]
    result: list[Paragraph] = []
    section = ""
    for index, (start, end) in enumerate(spans):
        line = text[start:end]
        heading = index < len(spans) - 1 and looks_like_heading(line)
        if heading:
            section = line.strip()
        result.append(Paragraph(start, end, section, heading))
    return result


def _ends_with_abbreviation(text: str, boundary: int) -> bool:
    before = text[max(0, boundary - 24):boundary]
    match = _LAST_TOKEN.search(before.rstrip("\"'”’)]"))
    if match is None:
        return False
    token = match.group(1).lower()
    if token in _ABBREVIATIONS:
        return True
    if _INITIALS.fullmatch(match.group(1)):  # "A.J. Brown", unless a place: "in Charlotte, N.C. Police said"
        return not (token in _PLACE_INITIALS and _BEFORE_PLACE.search(before.rstrip("\"'”’)]")[:match.start()]))
    return len(token) == 1  # an initial, as in "Vladimir V. Putin"


def split_sentences(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Sentence spans ``(start, end)`` within ``text[start:end]``, trimmed of white space."""
    return list(_sentence_spans(text, start, end))


def _sentence_spans(text: str, start: int, end: int | None) -> Iterator[tuple[int, int]]:
    """``split_sentences``, one span at a time (the first sentence is found without splitting the rest)."""
    end = len(text) if end is None else end
    cursor = start
    for match in _BOUNDARY.finditer(text, start, end):
        stop = match.end()
        if stop < end:
            following = text[stop]
            if not (following.isupper() or following.isdigit() or following in "\"'“‘(["):
                continue
        found = match.group(0)
        if found[0] == "." and _ends_with_abbreviation(text, match.start() + 1):
            continue
        # "3.5": a full stop between digits ends no sentence
        if _DIGIT.match(text, stop, stop + 1) and _ENDS_WITH_DIGIT.search(text, max(0, match.start() - 2), match.start()):
            continue
        punct_end = stop - (len(found) - len(found.rstrip()))
        if text[cursor:punct_end].strip():
            yield _trim(text, cursor, punct_end)
        cursor = stop
    if cursor < end and text[cursor:end].strip():
        yield _trim(text, cursor, end)


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def count_words(text: str) -> int:
    """Number of words, counting hyphenated and apostrophised words once."""
    return len(_WORD.findall(text))


# ``_WORD`` in RE2's syntax: Python's \w is a letter, a digit of any script or '_' (RE2's \w is ASCII only).
_WORD_RE2 = r"[\pL\pN_]+(?:[-'’][\pL\pN_]+)*"


def count_words_column(texts: Sequence[object]) -> np.ndarray:
    """``count_words`` of every text at once (Arrow's regex engine, no Python loop); missing texts count 0."""
    import pyarrow as pa
    import pyarrow.compute as pc

    values = pa.array([t if isinstance(t, str) else None for t in texts], type=pa.large_string())
    return pc.count_substring_regex(values, _WORD_RE2).fill_null(0).to_numpy(zero_copy_only=False)


def derive_title(text: str, *, max_words: int = 12) -> str:
    """A short title from the first sentence of ``text``."""
    head = text[:2000]
    first = next((head[a:b] for a, b in _sentence_spans(head, 0, None)), head)
    words = first.split()
    if len(words) <= max_words:
        return first.rstrip(".")
    return " ".join(words[:max_words]).rstrip(",;:") + "…"
