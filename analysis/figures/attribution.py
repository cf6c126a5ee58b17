"""Who gave a figure: ``attributed_to``, rule 8 of the order in ``analysis.figures.ledger``.

8. ``attributed_to``: "according to X", "X said/reported/confirmed/put ...", "..., said X",
   "..., the ministry claimed."; X is a run of capitalised words or a source noun
   ("officials", "local media", "the disaster agency"); pronouns are never a source. A
   source counts for the figures of its own part of the sentence (split at ";" and at ",
   but/while/though"), and for the whole sentence when it opens or closes it.

Known misses: the source of a relative clause is taken for the sentence ("a toll that
officials said was likely to rise"); attribution across sentences and nested quotes.
"""

from __future__ import annotations

from analysis.figures.lexicon import ADVERBS, AUX, DETERMINERS, SEGMENT_SPLITS, STOPS, Lexicon
from analysis.figures.numbers import Tokens
from analysis.figures.quantities import SentenceFigure

_FRAMING_VERBS = frozenset("said says say told tells reported reports stated states according added put puts "
                           "announced estimated estimates".split())


def _segments(tok: Tokens) -> list[int]:
    """Segment number of every token: split at ";" and at ", though/but/while/whereas"."""
    out, n = [], 0
    words = tok.words
    for i, w in enumerate(words):
        if w == ";" or (w in SEGMENT_SPLITS and i > 0 and words[i - 1] == ","):
            n += 1
        out.append(n)
    return out


def _attributions(tok: Tokens, lex: Lexicon) -> list[tuple[int, int, str]]:
    """Sources named in the sentence: ``(cue token index, end index, source as written)``."""
    words, raw, text = tok.words, tok.raw, tok.text
    found: list[tuple[int, int, str]] = []

    def span(a: int, b: int) -> str:
        while a < b and words[a] in ("the", "a", "an", "of", "and", ","):
            a += 1
        while b > a and words[b - 1] in ("of", "and", ",", "the", "'s", "’s", "for"):
            b -= 1
        if a >= b or all(words[k] in lex.pronouns for k in range(a, b)):
            return ""
        return text[tok.starts[a]:tok.ends[b - 1]].strip()

    def source_like(k: int) -> bool:
        return (raw[k][:1].isupper() and words[k] not in lex.pronouns) or words[k] in lex.source_words

    def noun_phrase_after(i: int) -> tuple[str, int]:
        k = i
        while k < len(words) and k < i + 10:
            w = words[k]
            if source_like(k) or w in ("of", "the", "for", "and", "a", "an") or w.endswith(("'s", "’s")):
                k += 1
                continue
            if k + 1 < len(words) and words[k + 1] in lex.source_words and w.isalpha() and w not in lex.pronouns:
                k += 1  # "local officials"
                continue
            break
        if any(source_like(m) for m in range(i, k)):
            return span(i, k), k
        return "", k

    def subject_before(i: int) -> str:
        end = i
        while end > 0 and (words[end - 1] in ADVERBS or words[end - 1] in AUX
                           or (words[end - 1].endswith("ly") and raw[end - 1].islower())):
            end -= 1  # "the ministry has recorded", "officials later said"
        if end == 0 or not source_like(end - 1) or tok.is_number(end - 1):
            return ""
        k = end
        while k > 0:
            w = words[k - 1]
            if tok.is_number(k - 1):
                break
            if source_like(k - 1) or w in ("of", "the", "for", "a", "an") or w.endswith(("'s", "’s")):
                k -= 1
                continue
            if w.isalpha() and w not in lex.pronouns and w not in STOPS and words[k] in lex.source_words:
                k -= 1  # "local officials said", "the disaster agency said"
                continue
            break
        return span(k, end)

    firsts = lex.attribution_firsts
    candidates = [i for i, w in enumerate(words) if w in firsts]
    for i in candidates:
        match = lex.according.at(words, i)
        if match:
            source, end = noun_phrase_after(i + match[0])
            if source:
                found.append((i, end, source))
            continue
        match = lex.attribution_verbs.at(words, i)
        if not match:
            final = lex.attribution_final.at(words, i)
            if final and (i + final[0] >= len(words) or words[i + final[0]] in (".", ",", ";", "!", '"', "”")):
                match = final  # "..., the defence ministry claimed."
        if not match or i == 0 or words[i - 1] in DETERMINERS:
            continue
        source = subject_before(i)
        if source:
            found.append((i, i + match[0], source))
            continue
        if words[i - 1] in (",", "’", "'", '"', "”"):  # "..., said the governor"
            source, end = noun_phrase_after(i + match[0])
            if source:
                found.append((i, end, source))
    return found


def attribute(figures: list[SentenceFigure], tok: Tokens, lex: Lexicon) -> None:
    """Give each figure the source of its segment, or a source that frames the whole sentence."""
    sources = _attributions(tok, lex)
    if not sources:
        return
    segment_of = _segments(tok)
    n = len(tok.words)
    tail = n - 1 if n and tok.words[-1] in (".", "!", "?", '"', "”") else n
    # a source frames the whole sentence when it closes it, or opens it with a reporting verb
    # ("Officials said ...", "According to ..."); "X confirmed the death toll, while ..." does not
    framing = [s for s in sources if (segment_of[s[0]] == 0 and _subject_starts(tok, s[0])
                                      and tok.words[s[0]] in _FRAMING_VERBS) or s[1] >= tail]
    for figure in figures:
        own = [s for s in sources if segment_of[s[0]] == segment_of[figure.first]]
        chosen = own[0] if own else (framing[0] if framing else None)
        figure.attributed_to = chosen[2] if chosen else ""


def _subject_starts(tok: Tokens, i: int) -> bool:
    """Is the source cue at ``i`` part of the sentence's opening ("Officials said ...", "According to ...")?"""
    return i <= 8 and "," not in tok.words[:i] or tok.words[:2] == ["according", "to"]
