"""What a story is about, sentence by sentence: a transparent frame tagger.

``tag_frames`` gives each sentence zero or more frames from a codebook
(``analysis/data/frames_codebook.json``: human toll & victims, the attack
itself, perpetrators & terrorism, blame & geopolitics, investigation &
security failures, international reaction & solidarity, mourning & memorials,
misinformation), each with the cue words that triggered it.
``frame_profile`` turns that into counts and shares of sentences per frame
per article, source or group.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path

import pandas as pd

from analysis import schema
from analysis.data import DATA_DIR
from analysis.framing.clauses import normalise, phrase_alternation

CODEBOOK_PATH = DATA_DIR / "frames_codebook.json"
_WORD_RE = re.compile(r"[\w-]+")


@dataclass(frozen=True)
class Frame:
    """One codebook entry."""

    id: str
    label: str
    description: str
    pattern: re.Pattern[str]
    weak: re.Pattern[str] | None
    exclude: re.Pattern[str] | None
    role_relations: frozenset[str]
    examples: tuple[str, ...]
    first_words: frozenset[str]  # first word of every cue: a cheap test before the regexes
    prefixes: tuple[str, ...]  # first words of wildcard cues ("mourn*" -> "mourn")
    cue_words: tuple[tuple[tuple[str, ...], bool], ...] = ()  # every cue and weak cue: (its words, ends in "*")

    def may_match(self, words: set[str], lowered: str | None = None) -> bool:
        """False when no cue can occur in a sentence made of ``words`` (lower case).

        ``lowered``, the lower-cased sentence the words were read from, lets
        one regex search stand in for testing every word against the prefixes.
        """
        if words & self.first_words:
            return True
        if lowered is not None and self._prefix_start is not None:
            return self._prefix_start.search(lowered) is not None
        return any(w.startswith(self.prefixes) for w in words)

    @cached_property
    def _prefix_start(self) -> re.Pattern[str] | None:
        # A word of ``[\w-]+`` starts with a prefix made of such characters exactly where the prefix follows
        # no such character. Prefixes with other characters (or none at all) keep the word-by-word test.
        if not self.prefixes:
            return re.compile(r"(?!)")  # matches nothing, as ``startswith(())`` never does
        if not all(_WORD_RE.fullmatch(p) for p in self.prefixes):
            return None
        return re.compile(r"(?<![\w-])(?:" + "|".join(map(re.escape, self.prefixes)) + ")")


#: Letters outside ASCII that match an ASCII letter case-insensitively: "İ", "ı", "ſ" and the Kelvin sign.
FOLDS_TO_ASCII = frozenset("\u0130\u0131\u017f\u212a")


class _CueWords:
    """Which frames could fire in a sentence, judged from its words alone (exact, and cheaper than the regexes).

    A cue matches whole words case-insensitively, so all its words are words of
    the lower-cased sentence (a wildcard cue's last word begins one), unless
    the sentence holds one of ``FOLDS_TO_ASCII``. That holds for frames whose
    cue words are all plain ASCII words; other frames (a cue like "u.s.") are
    left to ``Frame.may_match``.
    """

    def __init__(self, codebook: tuple[Frame, ...]) -> None:
        # first word -> [(frame id, the cue's other words, last one is a prefix)]; one-word wildcard cues by prefix
        self.by_first: dict[str, list[tuple[str, tuple[str, ...], bool]]] = {}
        self.wildcards: dict[str, set[str]] = {}
        self.checked: set[str] = set()
        for frame in codebook:
            if not frame.cue_words or not all(
                    cue and all(w.isascii() and _WORD_RE.fullmatch(w) for w in cue) for cue, _ in frame.cue_words):
                continue
            self.checked.add(frame.id)
            for cue, star in frame.cue_words:
                if star and len(cue) == 1:
                    self.wildcards.setdefault(cue[0], set()).add(frame.id)
                else:
                    self.by_first.setdefault(cue[0], []).append((frame.id, cue[1:], star))
        self.lengths = sorted({len(p) for p in self.wildcards})

    def frames(self, words: set[str]) -> set[str]:
        """The checked frames one of whose cues has all its words among ``words``."""
        found: set[str] = set()
        for word in words:
            for frame_id, rest, star in self.by_first.get(word, ()):
                if frame_id in found:
                    continue
                if not rest or (all(w in words for w in rest[:-1]) and (
                        rest[-1] in words if not star else any(w.startswith(rest[-1]) for w in words))):
                    found.add(frame_id)
        if self.wildcards:
            starts = {w[:n] for w in words for n in self.lengths}  # w.startswith(p) is w[:len(p)] == p
            for prefix in starts & self.wildcards.keys():
                found |= self.wildcards[prefix]
        return found


@lru_cache(maxsize=4)
def _cue_words_index(codebook_path: str | Path) -> _CueWords:
    return _CueWords(load_codebook(codebook_path))


def _cue_regex(cues: list[str]) -> re.Pattern[str]:
    # "mourn*" -> mourn[\w-]*; multi-word cues allow any whitespace between words; longest cue first.
    return re.compile(r"(?<![\w-])(?:" + phrase_alternation(cues, wildcard=True) + r")(?![\w-])", re.IGNORECASE)


@lru_cache(maxsize=4)
def load_codebook(path: str | Path = CODEBOOK_PATH) -> tuple[Frame, ...]:
    """The frames of a codebook file, in codebook order."""
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    frames = []
    for entry in data["frames"]:
        exclude = entry.get("exclude") or []
        cues = [c.strip().lower() for c in entry["cues"] + entry.get("weak_cues", []) if c.strip()]
        first = [c.split()[0] for c in cues]
        frames.append(
            Frame(
                id=entry["id"],
                label=entry["label"],
                description=entry["description"],
                pattern=_cue_regex(entry["cues"]),
                weak=_cue_regex(entry["weak_cues"]) if entry.get("weak_cues") else None,
                exclude=_cue_regex(exclude) if exclude else None,
                role_relations=frozenset(entry.get("role_relations", [])),
                examples=tuple(entry.get("examples", [])),
                first_words=frozenset(w for w in first if not w.endswith("*")),
                prefixes=tuple(w.rstrip("*") for w in first if w.endswith("*")),
                cue_words=tuple((tuple(c.rstrip("*").split() if c.endswith("*") else c.split()), c.endswith("*"))
                                for c in cues),
            )
        )
    return tuple(frames)


def frame_labels(*, codebook_path: str | Path = CODEBOOK_PATH) -> dict[str, str]:
    """``{frame id: label}`` in codebook order."""
    return {f.id: f.label for f in load_codebook(codebook_path)}


@dataclass(frozen=True)
class FrameCues:
    """The cue-word part of ``tag_frames`` for a sentences table (see ``frame_cues``)."""

    codebook_path: str
    keys: tuple[tuple[str, int], ...]  # (article_id, sentence idx) of every sentence, in table order
    found: tuple[dict[str, list[str]], ...]  # per sentence: {frame id: its cue words} for the frames they fire


def frame_cues(sentences: pd.DataFrame, *, codebook_path: str | Path = CODEBOOK_PATH) -> FrameCues:
    """Which frames each sentence's cue words fire, before any roles are known.

    ``tag_frames(sentences, roles=..., cues=frame_cues(sentences))`` gives the
    same table as ``tag_frames(sentences, roles=...)``: the analysis pipeline
    finds the cues while NER still runs and adds the roles once they exist.
    """
    codebook = load_codebook(codebook_path)
    keys, texts = _sentence_keys(sentences)
    found: list[dict[str, list[str]]] = []
    index = _cue_words_index(codebook_path)
    # a sentence's cues depend on its text alone: a sentence syndicated copies repeat is read once (37% of the
    # generated corpus's sentences, 5% of real news); the rows share its (never modified) result
    done: dict[str, dict[str, list[str]]] = {}
    for text in texts:
        known = done.get(text)
        if known is not None:
            found.append(known)
            continue
        lowered = text.lower()
        words = set(_WORD_RE.findall(lowered))
        # the frames whose cues have all their words here; without FOLDS_TO_ASCII no other checked frame can fire
        possible = index.frames(words) if FOLDS_TO_ASCII.isdisjoint(text) else None
        fired = {}
        for frame in codebook:
            if possible is not None and frame.id in index.checked:
                if frame.id not in possible:
                    continue
            elif not frame.may_match(words, lowered):
                continue
            cues = _cue_words(frame, text)
            if cues:
                fired[frame.id] = cues
        found.append(fired)
        done[text] = fired
    return FrameCues(str(codebook_path), keys, tuple(found))


def tag_frames(
    sentences: pd.DataFrame, *, roles: pd.DataFrame | None = None, codebook_path: str | Path = CODEBOOK_PATH,
    cues: FrameCues | None = None,
) -> pd.DataFrame:
    """Frames of each sentence from cue words and, optionally, entity roles.

    Rule: a sentence carries a frame when one of the frame's strong ``cues``,
    or two different ``weak_cues``, occur in it (whole words,
    case-insensitive, ``*`` = any ending) outside the frame's excluded
    phrases, or when ``roles`` has a triple in that sentence whose
    relation is one of the frame's ``role_relations`` (e.g. a "denied" triple
    adds blame & geopolitics; the cue is then written "role:denied").
    Sentences may carry several frames or none.

    Weak cues are words that often appear in passing ("police", "gunmen",
    "victims"): one alone is not enough, but once the frame fires they are
    listed with the strong ones.

    Known misses: cue words are read without context, so figurative or
    negated uses count ("no blame was placed" is blame; "a war of words" is
    geopolitics); "the attack" alone is not a cue of the attack frame, so a
    sentence describing the event only as "the attack" is missed; frames that
    need world knowledge (a named group is a terrorist group) work only for
    the names listed in the codebook or via the roles table.

    Args:
        sentences: the sentences table (article_id, idx, text).
        roles: the roles table, to add role-based frames; None to skip.
        codebook_path: the codebook to use.
        cues: ``frame_cues(sentences, codebook_path=...)`` computed earlier, or
            None to find the cue words now.

    Returns:
        The ``frames`` table: article_id, sentence_idx, frame (codebook id),
        cues (the words that triggered it, lower case, joined by '; ').
        One row per sentence and frame.

    Raises:
        ValueError: ``cues`` were found for other sentences or another codebook.
    """
    codebook = load_codebook(codebook_path)
    keys, texts = _sentence_keys(sentences)
    if cues is None:
        cues = frame_cues(sentences, codebook_path=codebook_path)
    elif cues.codebook_path != str(codebook_path) or cues.keys != keys:
        raise ValueError("the frame cues were found for other sentences or another codebook")
    role_relations: dict[tuple[str, int], set[str]] = {}
    if roles is not None and not roles.empty:
        for article_id, idx, relation in zip(roles["article_id"].tolist(), roles["sentence_idx"].tolist(),
                                             roles["relation"].tolist()):
            role_relations.setdefault((article_id, int(idx)), set()).add(str(relation))
    rows: list[dict] = []
    for key, text, fired in zip(keys, texts, cues.found):
        relations = role_relations.get(key)
        if not relations:  # the frames the cue words fired, in codebook order as found
            rows.extend({"article_id": key[0], "sentence_idx": key[1], "frame": frame_id,
                         "cues": "; ".join(dict.fromkeys(words))} for frame_id, words in fired.items())
            continue
        for frame in codebook:
            with_roles = relations & frame.role_relations
            words = fired.get(frame.id)
            if words is None and with_roles:
                words = _cue_words(frame, text)  # a role-based frame still lists the cue words it has
            found = [*(words or []), *(f"role:{rel}" for rel in sorted(with_roles))]
            if found:
                rows.append(
                    {
                        "article_id": key[0],
                        "sentence_idx": key[1],
                        "frame": frame.id,
                        "cues": "; ".join(dict.fromkeys(found)),
                    }
                )
    if not rows:
        return schema.empty_table("frames")
    return schema.conform(pd.DataFrame(rows), "frames")


def _sentence_keys(sentences: pd.DataFrame) -> tuple[tuple[tuple[str, int], ...], list[str]]:
    keys = tuple(zip(sentences["article_id"].tolist(), (int(i) for i in sentences["idx"].tolist())))
    return keys, [str(t) for t in sentences["text"].tolist()]


def _cue_words(frame: Frame, text: str) -> list[str]:
    """The cue words that fire ``frame`` in ``text`` (strong ones, then weak), or [] when it does not fire."""
    excluded = [m.span() for m in frame.exclude.finditer(text)] if frame.exclude else []
    strong = [m for m in frame.pattern.finditer(text) if not any(s <= m.start() < e for s, e in excluded)]
    cues = [normalise(m.group(0)) for m in strong]
    # a weak cue inside a strong one ("lives" in "lost their lives") is not listed twice
    weak = _matches(frame.weak, text, excluded + [m.span() for m in strong]) if frame.weak else []
    if cues or len(set(weak)) >= 2:
        cues += weak
    return cues


def _matches(pattern: re.Pattern[str], text: str, excluded: list[tuple[int, int]]) -> list[str]:
    return [normalise(m.group(0)) for m in pattern.finditer(text) if not any(s <= m.start() < e for s, e in excluded)]


def frame_profile(
    frames: pd.DataFrame,
    sentences: pd.DataFrame,
    articles: pd.DataFrame,
    *,
    by: str = "source",
    codebook_path: str | Path = CODEBOOK_PATH,
) -> pd.DataFrame:
    """Sentences per frame, as counts and shares, per group of articles.

    The share is the fraction of the group's sentences that carry the frame;
    shares of one group can add up to more than 1 (multi-label) or less (some
    sentences carry no frame). Every group gets a row for every codebook frame,
    zeros included, so small groups are not hidden.

    Args:
        frames: the frames table.
        sentences: the sentences table (for the number of sentences).
        articles: the articles table with ``article_id`` and ``by``.
        by: the articles column to group by: source, article_id or a group
            column added by the caller.

    Returns:
        One row per group and frame: ``by``, frame, label, n_sentences (with
        the frame), n_total (sentences in the group), share, n_articles (of
        the group with the frame), n_articles_total.
    """
    labels = frame_labels(codebook_path=codebook_path)
    columns = [by, "frame", "label", "n_sentences", "n_total", "share", "n_articles", "n_articles_total"]
    arts = articles[["article_id", by]].drop_duplicates("article_id") if by != "article_id" else (
        articles[["article_id"]].drop_duplicates().assign(_by=lambda d: d["article_id"]).rename(columns={"_by": "__by"})
    )
    key = "__by" if by == "article_id" else by
    sent = sentences[["article_id", "idx"]].merge(arts, on="article_id", how="inner")
    totals = sent.groupby(key).agg(n_total=("idx", "size"), n_articles_total=("article_id", "nunique"))
    tagged = frames[["article_id", "sentence_idx", "frame"]].drop_duplicates().merge(arts, on="article_id", how="inner")
    counts = tagged.groupby([key, "frame"]).agg(n_sentences=("sentence_idx", "size"), n_articles=("article_id", "nunique"))
    rows = []
    for group, total in totals.iterrows():
        for frame_id, label in labels.items():
            got = counts.loc[(group, frame_id)] if (group, frame_id) in counts.index else None
            n = int(got["n_sentences"]) if got is not None else 0
            rows.append(
                {
                    by: group,
                    "frame": frame_id,
                    "label": label,
                    "n_sentences": n,
                    "n_total": int(total["n_total"]),
                    "share": n / total["n_total"] if total["n_total"] else 0.0,
                    "n_articles": int(got["n_articles"]) if got is not None else 0,
                    "n_articles_total": int(total["n_articles_total"]),
                }
            )
    return pd.DataFrame(rows, columns=columns)
