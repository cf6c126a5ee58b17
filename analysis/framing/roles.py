"""Who is said to have done, claimed, blamed, denied or supported what.

``extract_roles`` turns sentences plus canonical entity mentions into
actor–relation–target triples, each casting its entities in a role
(perpetrator, accuser, accused, denier, victim, helper, critic);
``role_matrix`` counts those roles per entity and source. Cue phrases and the
roles they assign live in ``analysis/data/role_cues.json``.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import pandas as pd

from analysis import schema
from analysis.data import DATA_DIR
from analysis.framing.clauses import (
    RELATIVE_WORDS,
    Span,
    boundaries,
    clause_bounds,
    drop_modifiers,
    first_word,
    normalise,
    phrase_regex,
    spans_between,
    spans_by_sentence,
    with_coordinated_after,
    with_coordinated_before,
)

CUES_PATH = DATA_DIR / "role_cues.json"
_PASSIVE_AUX_RE = re.compile(r"\b(?:was|were|been|being|is|are|be|get|got)\s+(?:\w+ly\s+)?$", re.IGNORECASE)
_LEADING_FUNCTION_RE = re.compile(r"^(?:for|at|to|of|on|in|with|about|that|over)\s+", re.IGNORECASE)
# "Ukraine was blamed by", "Ukraine, blamed by": the mention before a passive cue is its target.
_PATIENT_GAP_RE = re.compile(
    r"^\s*,?\s*(?:(?:has|have|had)\s+)?(?:(?:been|was|were|is|are|being)\s+)?(?:\w+ly\s+)?$", re.IGNORECASE
)
# Words that show the text after a cue is a new verb phrase, not the cue's object.
_NOT_A_TARGET_START = frozenset(
    "was were is are has have had will would could should may might can marks mark shows show came comes and "
    "but or underscores highlights".split()
)
_GERUND_COMPLEMENT_RE = re.compile(r"\b(?:of|for)\s+$", re.IGNORECASE)
_LOCATIVE_RE = re.compile(r"\b(?:in|at|near|outside|inside|across|throughout|around)\s+(?:the\s+)?$", re.IGNORECASE)
_DETERMINERS = frozenset("the a an any such this that these those its their".split())
_TRAILING_FUNCTION_RE = re.compile(r"\s+(?:to|of|for|at|on|in|with|the|a|an|and|by)$", re.IGNORECASE)
_BY_RE = re.compile(r"^\W*by\s+", re.IGNORECASE)
_TARGET_PHRASE_WORDS = 8


@dataclass(frozen=True)
class Cue:
    """One cue phrase: the relation it signals and where its actor is written."""

    relation: str
    actor_role: str
    target_role: str
    actor_after: bool


@dataclass(frozen=True)
class CueBook:
    """The parsed cue file."""

    cues: dict[str, Cue]
    pattern: re.Pattern[str]
    negators: tuple[str, ...]
    metonyms: dict[str, tuple[str, ...]]
    roles: tuple[str, ...]


@lru_cache(maxsize=4)
def load_cues(path: str | Path = CUES_PATH) -> CueBook:
    """Read a role-cue file (see ``analysis/data/role_cues.json``)."""
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    cues: dict[str, Cue] = {}
    for rel in data["relations"]:
        for after, key in ((False, "cues"), (True, "actor_after")):
            for phrase in rel.get(key, []):
                cues[normalise(phrase)] = Cue(rel["relation"], rel["actor_role"], rel.get("target_role", ""), after)
    metonyms = {k: tuple(v) for k, v in data.get("actor_metonyms", {}).items() if not k.startswith("_")}
    return CueBook(
        cues=cues,
        pattern=phrase_regex(list(cues)),
        negators=tuple(normalise(n) for n in data.get("negators", [])),
        metonyms=metonyms,
        roles=tuple(data["roles"]),
    )


def role_names(*, cues_path: str | Path = CUES_PATH) -> tuple[str, ...]:
    """The roles the cue file can assign, in display order."""
    return load_cues(cues_path).roles


@dataclass
class _Found:
    cue_start: int
    cue_end: int
    cue_text: str
    cue: Cue
    actors: list[Span]
    clause_start: int
    active: bool


def extract_roles(
    sentences: pd.DataFrame, mentions: pd.DataFrame, *, cues_path: str | Path = CUES_PATH
) -> pd.DataFrame:
    """Actor–relation–target triples from cue phrases and entity mentions.

    Rules, applied to each cue phrase found in a sentence (by token order,
    no parser):

    * Actor written before the cue ("Ukraine vehemently denied", "ISIS swiftly
      claimed responsibility"): the nearest entity mention before the cue in
      the same clause, plus any coordinated with it ("Harris and the Council").
      A modifier mention is skipped for its head ("Russian President Vladimir
      Putin" -> Putin); a bare demonym stands for its country ("Russian state
      media hinting at ..." -> Russia).
    * "X, who denied": an empty clause opened by who/which/that takes the
      mention just before it. "X did A, alleging B": an empty clause opened by
      a comma and an -ing word inherits the actor of the previous clause.
    * Passive and nominal cues ("claimed by ISIS", "accusations from Putin",
      "was blamed by Russia"): the actor is the first mention after the cue
      (after "by" for an auxiliary passive), the target the nearest before.
    * Target: the first mention after the cue, before the next clause
      boundary or cue, plus coordinated ones ("any Ukrainian involvement" ->
      Ukraine); when there is none, the words up to the boundary as a phrase.
    * A mention right after a locative preposition ("condemned the bombing in
      Kabul") is a place, not a target.
    * A cue that is the content of the previous one ("accused Ukraine of
      helping ...", after "of"/"for") yields nothing.
    * A cue after a negator ("did not claim", "stopped short of implicating")
      yields nothing. A row needs an entity as actor or as target.
    * A capital standing for its state ("Kyiv denied") is mapped to the
      country when that country is a canonical entity of the corpus.

    Known misses: subjects behind a parenthetical comma pair ("the gunmen,
    identified as Tajik citizens, orchestrated ...") and unnamed actors
    ("the group", "officials") are lost; a cue word used in another sense
    ("support for the measure", "links between") can add a stray triple when
    an entity follows; reported speech is not nested ("Russia said Ukraine
    denied" casts Ukraine as denier, which is right, and Russia not at all).

    Args:
        sentences: the sentences table (article_id, idx, text, start).
        mentions: the mentions table (article_id, canonical, sentence_idx,
            surface, start, end, via_demonym).
        cues_path: the cue file to use.

    Returns:
        The ``roles`` table: article_id, sentence_idx, actor, relation, target,
        actor_role, target_role, cue, target_is_entity, start, end (offsets of
        the cue in the article text). Actor is '' when unnamed.
    """
    book = load_cues(cues_path)
    corpus_canonicals = set(mentions["canonical"].astype(str)) if not mentions.empty else set()
    # Only a sentence with a cue phrase can yield a triple: find those first, then place only their mentions.
    cued: dict[tuple[str, int], tuple[str, int, list[re.Match[str]]]] = {}
    for article_id, idx, text, sentence_start in zip(sentences["article_id"].tolist(), sentences["idx"].tolist(),
                                                      sentences["text"].tolist(), sentences["start"].tolist()):
        matches = list(book.pattern.finditer(text))
        if matches:
            cued[(article_id, int(idx))] = (text, sentence_start, matches)
    by_sentence = spans_by_sentence(mentions, sentences, only=cued.keys())
    rows: list[dict] = []
    for (article_id, idx), (text, sentence_start, matches) in cued.items():
        spans = by_sentence.get((article_id, idx))
        if not spans:
            continue
        spans = drop_modifiers(text, spans)
        for found, targets, target_phrase in _sentence_relations(text, spans, book, matches):
            actors = [_metonym(s, book, corpus_canonicals) for s in found.actors]
            base = {
                "article_id": article_id,
                "sentence_idx": int(idx),
                "relation": found.cue.relation,
                "cue": found.cue_text,
                "start": int(sentence_start) + found.cue_start,
                "end": int(sentence_start) + found.cue_end,
            }
            for actor in actors or [""]:
                for target in [t.canonical for t in targets] or [""]:
                    if target and target == actor and found.cue.relation != "denied":
                        continue
                    if not actor and not target:
                        continue
                    rows.append(
                        base
                        | {
                            "actor": actor,
                            "target": target or target_phrase,
                            "actor_role": found.cue.actor_role if actor else "",
                            "target_role": found.cue.target_role if target else "",
                            "target_is_entity": bool(target),
                        }
                    )
    if not rows:
        return schema.empty_table("roles")
    out = pd.DataFrame(rows).drop_duplicates(["article_id", "sentence_idx", "actor", "relation", "target", "start"])
    return schema.conform(out.reset_index(drop=True), "roles")


def _sentence_relations(text: str, spans: list[Span], book: CueBook,
                        matches: list[re.Match[str]] | None = None) -> list[tuple[_Found, list[Span], str]]:
    if matches is None:
        matches = list(book.pattern.finditer(text))
    if not matches:
        return []
    # "solidarity with", "no evidence that": a boundary word inside a cue does not cut the clause.
    bounds = [b for b in boundaries(text) if not any(m.start() <= b.start() < m.end() for m in matches)]
    results: list[tuple[_Found, list[Span], str]] = []
    found_so_far: list[_Found] = []
    for i, m in enumerate(matches):
        cue = book.cues[normalise(m.group(0))]
        prev_cue_end = matches[i - 1].end() if i else 0
        next_cue_start = matches[i + 1].start() if i + 1 < len(matches) else len(text)
        clause_start, _, opener = clause_bounds(bounds, m.start(), length=len(text))
        _, clause_end, _ = clause_bounds(bounds, m.end(), length=len(text))
        if _negated(text[max(clause_start, prev_cue_end) : m.start()], book.negators):
            continue
        if i and _GERUND_COMPLEMENT_RE.search(text[prev_cue_end : m.start()]):
            continue  # "accused Ukraine of helping the gunmen": the content of the accusation
        window_end = min(clause_end, next_cue_start)
        # "condemned the bombing in Kabul": a place after a locative preposition is not the target.
        after = [s for s in spans_between(spans, m.end(), window_end) if not _LOCATIVE_RE.search(text[m.end() : s.start])]
        before_start = max(clause_start, prev_cue_end)
        before = spans_between(spans, before_start, m.start())
        passive_aux = not cue.actor_after and bool(_PASSIVE_AUX_RE.search(text[before_start : m.start()]))
        if cue.actor_after or passive_aux:
            by_actor = after
            if passive_aux:
                by = _BY_RE.match(text[m.end() : window_end])
                by_actor = spans_between(spans, m.end() + by.end(), window_end) if by else []
            actors = with_coordinated_after(text, spans, by_actor[0]) if by_actor else []
            patient = before[-1] if before and _PATIENT_GAP_RE.match(text[before[-1].end : m.start()]) else None
            targets = with_coordinated_before(text, spans, patient) if patient else []
            found = _Found(m.start(), m.end(), m.group(0), cue, actors, clause_start, active=False)
            results.append((found, targets, ""))
            found_so_far.append(found)
            continue
        actors = []
        if before:
            actors = with_coordinated_before(text, spans, before[-1])
        elif prev_cue_end <= clause_start:
            actors = _implicit_actor(text, spans, bounds, opener, m.start(), found_so_far)
        targets = with_coordinated_after(text, spans, after[0]) if after else []
        found = _Found(m.start(), m.end(), m.group(0), cue, actors, clause_start, active=True)
        results.append((found, targets, "" if targets else _phrase(text[m.end() : window_end])))
        found_so_far.append(found)
    return results


def _implicit_actor(
    text: str,
    spans: list[Span],
    bounds: list[re.Match[str]],
    opener: re.Match[str] | None,
    cue_start: int,
    found_so_far: list[_Found],
) -> list[Span]:
    """The actor of a cue whose own clause names nobody (see extract_roles)."""
    if opener is None:
        return []
    word = opener.group(0).strip().lower()
    if word in RELATIVE_WORDS:  # "Zelenskyy, who condemned ..."
        previous = [s for s in spans if s.end <= opener.start() and not text[s.end : opener.start()].strip(" ,")]
        return with_coordinated_before(text, spans, previous[-1]) if previous else []
    if word == "," and first_word(text[opener.end() :]).endswith("ing"):  # "..., alleging complicity"
        prev_start, _, _ = clause_bounds(bounds, opener.start(), length=len(text))
        for found in found_so_far:
            if prev_start <= found.cue_start < opener.start() and found.active:
                return found.actors
        earlier = spans_between(spans, prev_start, opener.start())
        return with_coordinated_after(text, spans, earlier[0]) if earlier else []
    return []


def _negated(before: str, negators: tuple[str, ...]) -> bool:
    tail = " ".join(before.lower().replace("n’t", " n't").replace("n't", " n't").split()[-4:])
    return _negator_regex(negators).search(tail) is not None


@lru_cache(maxsize=8)
def _negator_regex(negators: tuple[str, ...]) -> re.Pattern[str]:
    # A negator as the last word of the tail, or the one before it ("did not claim", "not to blame").
    if not negators:
        return re.compile(r"(?!)")
    either = "|".join(re.escape(n) for n in negators)
    return re.compile(rf"(?:^|\s)(?:{either})$|(?:^|\s)(?:{either})\s\S+$")


def _phrase(window: str) -> str:
    """The words after a cue as a target phrase: "for this assault" -> "this assault"."""
    words = window.strip(" ,.;:").split()
    if not words or words[0].lower() in _NOT_A_TARGET_START:
        return ""
    phrase = _LEADING_FUNCTION_RE.sub("", " ".join(words[:_TARGET_PHRASE_WORDS]))
    while (trimmed := _TRAILING_FUNCTION_RE.sub("", phrase)) != phrase:
        phrase = trimmed
    phrase = phrase.strip(" ,.;:\"“”")
    return "" if phrase.lower() in _DETERMINERS else phrase


def _metonym(span: Span, book: CueBook, corpus_canonicals: set[str]) -> str:
    for name in (span.canonical, span.surface):
        for candidate in book.metonyms.get(name, ()):
            if candidate in corpus_canonicals:
                return candidate
    return span.canonical


def role_matrix(roles: pd.DataFrame, articles: pd.DataFrame, *, by: str = "source") -> pd.DataFrame:
    """How often each entity is cast in each role, per group of articles.

    Actor and target entities both count: "Russia blamed Ukraine" adds one
    accuser for Russia and one accused for Ukraine. Target phrases that are not
    entities are ignored.

    Args:
        roles: the roles table.
        articles: the articles table with an ``article_id`` and a ``by`` column.
        by: the articles column to group by (source, or a group assignment).

    Returns:
        One row per group and entity: ``by``, entity, one count column per role
        (perpetrator, accuser, accused, denier, victim, helper, critic), total,
        n_sentences. Sorted by group then total, descending.
    """
    role_cols = list(role_names())
    columns = [by, "entity", *role_cols, "total", "n_sentences"]
    long = cast_roles(roles, articles, by=by)
    if long.empty:
        return pd.DataFrame({c: pd.Series(dtype="object") for c in columns})
    counts = long.pivot_table(index=[by, "entity"], columns="role", values="sentence_idx", aggfunc="size", fill_value=0)
    counts = counts.reindex(columns=role_cols, fill_value=0)
    counts["total"] = counts.sum(axis=1)
    sentences = long.drop_duplicates([by, "entity", "article_id", "sentence_idx"]).groupby([by, "entity"]).size()
    counts["n_sentences"] = sentences
    out = counts.reset_index()
    out.columns.name = None
    return out.sort_values([by, "total", "entity"], ascending=[True, False, True]).reset_index(drop=True)[columns]


def cast_roles(roles: pd.DataFrame, articles: pd.DataFrame, *, by: str = "source") -> pd.DataFrame:
    """One row per (entity, role) casting, with its group: the long form behind ``role_matrix``.

    Returns:
        Columns ``by``, article_id, sentence_idx, entity, role, relation, cue,
        position ('actor' or 'target').
    """
    columns = [by, "article_id", "sentence_idx", "entity", "role", "relation", "cue", "position"]
    if roles.empty:
        return pd.DataFrame({c: pd.Series(dtype="object") for c in columns})
    joined = roles.merge(articles[["article_id", by]].drop_duplicates("article_id"), on="article_id", how="inner")
    actors = joined[joined["actor"].astype(str) != ""].assign(entity=lambda d: d["actor"], role=lambda d: d["actor_role"], position="actor")
    targets = joined[joined["target_is_entity"].astype(bool) & (joined["target_role"].astype(str) != "")]
    targets = targets.assign(entity=lambda d: d["target"], role=lambda d: d["target_role"], position="target")
    long = pd.concat([actors, targets], ignore_index=True)
    long = long[long["role"].astype(str) != ""]
    return long[columns].reset_index(drop=True)
