"""The tables' columns, in one place.

Every table that ``analysis`` produces and ``python -m analysis export`` writes
is declared here: its columns, in order, with a one-line meaning. The README's
"Tables" section documents the same columns and a test keeps the two in step,
because other tools read the exported files by these names.

Each table is a ``{column: description}`` mapping. ``empty_table(name)`` gives a
correctly-shaped empty DataFrame, so a stage with nothing to report still
returns the documented columns.
"""

from __future__ import annotations

import pandas as pd

#: Categories of people-counts that the figure ledger knows, in display order.
CATEGORIES: tuple[str, ...] = (
    "killed",
    "injured",
    "hospitalized",
    "missing",
    "arrested",
    "attackers",
    "evacuated",
    "other",
)

#: Categories that get headline columns in the articles table: every count of people harmed or involved.
HEADLINE_CATEGORIES: tuple[str, ...] = tuple(c for c in CATEGORIES if c != "other")

QUALIFIERS: tuple[str, ...] = ("exact", "at_least", "over", "about", "up_to", "range")


def _headline_columns() -> dict[str, str]:
    columns: dict[str, str] = {}
    for category in HEADLINE_CATEGORIES:
        columns[category] = f"headline {category} figure (the article's current whole-event total), empty if none"
        columns[f"{category}_qualifier"] = f"qualifier of the headline {category} figure"
        columns[f"{category}_low"] = f"lower bound of the headline {category} figure"
        columns[f"{category}_high"] = f"upper bound of the headline {category} figure, empty when open"
        columns[f"{category}_may_rise"] = f"the article says the {category} figure may rise"
        columns[f"{category}_rule"] = f"which rule chose the headline {category} figure"
        columns[f"{category}_figure_id"] = f"figure_id of the headline {category} figure in the figures table"
    return columns


TABLES: dict[str, dict[str, str]] = {
    "articles": {
        "article_id": "stable id: hash of the normalised article text",
        "source": "outlet, site or domain when known, else the file stem",
        "sources": "every source the same text arrived under, joined by '; ' (exact duplicates are merged)",
        "title": "the article's title, or one derived from its first sentence",
        "title_derived": "True when the title was derived from the text",
        "published": "publication date, with the time of day when the input states one (as written, its time zone "
                     "not applied; midnight otherwise); empty when none was found (never guessed)",
        "date_method": "how the date was found: prefix, header, metadata, url, dateline, column, user; "
                       "empty when undated",
        "url": "the article's URL when known",
        "file": "input file (and row or zip member) the article came from",
        "text": "cleaned article text; every start/end offset points into it",
        "n_words": "number of words in text",
        "n_sentences": "number of sentences",
        "near_duplicate_of": "article_id of an earlier article this one nearly repeats, else empty",
        "notes": "ingest notes, e.g. truncation or dropped junk lines",
        "polarity": "TextBlob polarity, length-weighted over sentences (-1..1)",
        "subjectivity": "TextBlob subjectivity, length-weighted over sentences (0..1)",
        "vader_compound": "VADER compound score, length-weighted over sentences (-1..1)",
        "event_date": "date the event happened, resolved from the text relative to publication, else empty",
        "event_date_text": "the words the event date was resolved from",
        **_headline_columns(),
        "outlet": "display name of the source's outlet: from analysis/data/outlets.csv (by domain, URL or name), "
                  "the user's edit, else the source itself",
        "outlet_domain": "the outlet's web domain, from the source or the URL, empty when unknown",
        "outlet_country": "the outlet's home country (English name), from outlets.csv, the user's edit or the "
                          "country-code domain; empty when unknown",
        "outlet_kind": "news agency, broadcaster, newspaper, magazine, state-owned or state-funded, aggregator, blog "
                       "or government; empty when unknown",
        "outlet_basis": "where the outlet labels came from: list (outlets.csv), domain (country from the "
                        "country-code domain only), user; empty when nothing is known",
    },
    "sentences": {
        "article_id": "article the sentence belongs to",
        "idx": "sentence index within the article, from 0",
        "paragraph": "paragraph index within the article, from 0",
        "section": "section heading the sentence falls under ('' before the first heading)",
        "text": "the sentence",
        "start": "character offset of the sentence in the article text",
        "end": "character offset just past the sentence",
        "polarity": "TextBlob polarity (-1..1)",
        "subjectivity": "TextBlob subjectivity (0..1)",
        "vader_compound": "VADER compound score (-1..1)",
    },
    "figures": {
        "figure_id": "stable id of the figure: article_id, the number's character span and the category",
        "article_id": "article the figure was reported in",
        "sentence_idx": "index of the supporting sentence in the sentences table; -1 for the title",
        "category": "killed, injured, hospitalized, missing, arrested, attackers, evacuated, shot (outcome not stated) or other",
        "value": "the reported number (the lower bound for ranges and vague quantities)",
        "low": "lower bound of what the words allow, empty for 'about' and 'up to'",
        "high": "upper bound, empty for an open lower bound; for vague quantities the word's ceiling",
        "qualifier": "exact, at_least, over, about, up_to or range",
        "vague": "True for vague quantities such as 'dozens' (read as at least 12, after ACLED)",
        "scope": "total (the whole event) or partial (a subset)",
        "status": "current, superseded, projected ('could reach 200') or background (an earlier event)",
        "may_rise": "True when the article says the number may rise",
        "as_toll": "True when the number is given as the toll itself ('the death toll rose to 24', 'bringing the "
                   "number of dead to 24')",
        "attributed_to": "who the article says gave the figure, empty when unattributed",
        "number_text": "the words of the number as written",
        "sentence": "the supporting sentence",
        "start": "character offset of the number in the article text (in the title when sentence_idx is -1)",
        "end": "character offset just past the number",
        "rule": "how the count was read: numeral (a number in the text), individuals (people described one by one: "
                "'a man was shot and killed' counts 1), enumeration (listed people: 'a teacher and three students' "
                "counts 4), compound (a word that holds the count: 'double homicide' counts 2), "
                "derived (from other figures: people shot minus the killed; people counted hurt or shot who died since "
                "moved to the dead)",
        "period": "True for a count over a longer period than the event ('since January', 'in 33 separate shootings "
                  "across the city'); current only when the article has no other count of its kind",
    },
    "victims": {
        "article_id": "article the person is named in",
        "person": "the words naming the person or group as harmed ('a 19-year-old man', 'Marcus Reed, 24', 'three "
                  "students'), the named mention when there is one",
        "name": "the person's name when the article gives it, else empty",
        "age": "age when the article gives it, else empty",
        "outcome": "killed, injured or unknown (shot, with no outcome stated), the latest the article gives",
        "role": "victim, shooter, officer or bystander (victim unless the words say otherwise)",
        "count": "how many people the row stands for: 1, or a counted group's number ('three students': 3)",
        "sentence_idx": "index of the cited sentence: the first that states the person's outcome",
        "sentence": "the cited sentence",
        "start": "character offset of the words naming the person in the article text",
        "end": "character offset just past those words",
    },
    "entities": {
        "article_id": "article the entity is named in",
        "canonical": "canonical name, merged across surface forms",
        "label": "entity type: PERSON, ORG, GPE, LOC, NORP, FAC, EVENT, ...",
        "parent": "canonical name of a parent entity (e.g. a branch of a group), else empty",
        "surface_forms": "every way the article wrote it, joined by '; '",
        "mentions": "number of mentions in the article",
        "first_start": "character offset of the first mention",
        "salience": "share of the article's attention (0..1, sums to 1 per article); early, frequent, title mentions weigh more",
    },
    "mentions": {
        "article_id": "article of the mention",
        "canonical": "canonical entity",
        "sentence_idx": "sentence the mention is in",
        "surface": "the words as written",
        "start": "character offset in the article text",
        "end": "character offset just past the mention",
        "via_demonym": "True when a demonym or adjective ('Russian') was mapped to its country",
    },
    "timeline": {
        "article_id": "article of the plotted figure",
        "source": "source of the article",
        "title": "title of the article",
        "published": "publication date of the article, empty when undated",
        "date_method": "how the publication date was found, empty when undated",
        "event_date": "date of the event as resolved from the article, empty when unknown",
        "event_date_text": "the words the event date was resolved from",
        "event_group": "probable event the article belongs to (its main period and follow-up coverage), numbered "
                       "from 1",
        "category": "figure category",
        "value": "reported number (lower bound for ranges and open bounds)",
        "low": "lower bound",
        "high": "upper bound, empty when open",
        "qualifier": "exact, at_least, over, about, up_to or range",
        "status": "current (the article's headline figure) or superseded (an earlier figure it mentions)",
        "may_rise": "True when the article says the number may rise",
        "attributed_to": "who the article says gave the figure, empty when unattributed",
        "figure_id": "the figure in the figures table",
        "replaced_by": "for a superseded point, figure_id of the figure that replaced it",
        "sentence": "evidence sentence",
        "follow_up": "True when the article is follow-up coverage of its event: in its event, published after the "
                     "main developing period (a trial, an anniversary)",
        "unconfirmed": "True when the figure is far above every other report of its day (over 20% and at least 5 "
                       "above each of at least two other sources) and no other source gave a figure within 10% of "
                       "it that day or before; drawn, but left out of the highest-so-far line and the band",
    },
    "contradictions": {
        "category": "figure category",
        "kind": "contradiction, same_day_disagreement or revision",
        "article_id_a": "first article (the earlier report, the same-day reference, or the revised article)",
        "article_id_b": "second article (the later or differing report; the same article for a revision)",
        "source_a": "source of the first article",
        "source_b": "source of the second article",
        "published_a": "publication date of the first article",
        "published_b": "publication date of the second article",
        "value_a": "value in the first article (the old value of a revision)",
        "value_b": "value in the second article (the new value of a revision)",
        "qualifier_a": "qualifier of the first value",
        "qualifier_b": "qualifier of the second value",
        "figure_id_a": "figure behind the first value",
        "figure_id_b": "figure behind the second value",
        "sentence_a": "evidence sentence of the first value",
        "sentence_b": "evidence sentence of the second value",
        "why": "plain-language reason this pair is listed",
    },
    "frames": {
        "article_id": "article of the sentence",
        "sentence_idx": "sentence index",
        "frame": "frame from the codebook",
        "cues": "cue words that triggered the frame, joined by '; '",
    },
    "roles": {
        "article_id": "article of the statement",
        "sentence_idx": "sentence index",
        "actor": "canonical entity (or phrase) doing the relation",
        "relation": "claimed, blamed, accused, denied, linked, supported, condemned, ...",
        "target": "what or whom the relation is about",
        "actor_role": "role the actor is cast in: perpetrator, accuser, accused, denier, victim, helper, critic",
        "target_role": "role the target is cast in when it is a named entity, else empty",
        "cue": "the words that signalled the relation",
        "target_is_entity": "True when target is a canonical entity, False when it is a phrase",
        "start": "character offset of the cue in the article text",
        "end": "character offset just past the cue",
    },
    "hedges": {
        "article_id": "article of the cue",
        "sentence_idx": "sentence index",
        "cue": "the hedging or attribution cue as written",
        "kind": "epistemic or attribution",
        "start": "character offset in the article text",
        "end": "character offset just past the cue",
    },
    "load_report": {
        "input": "file, zip member or row range the report row is about",
        "status": "loaded, merged duplicate, near duplicate or skipped",
        "reason": "what happened, in words a user can act on",
        "article_id": "resulting article, empty when skipped",
    },
}


def columns(table: str) -> list[str]:
    """The documented columns of ``table``, in order."""
    return list(TABLES[table])


def empty_table(table: str) -> pd.DataFrame:
    """An empty DataFrame with the documented columns of ``table``."""
    return pd.DataFrame({name: pd.Series(dtype="object") for name in TABLES[table]})


def conform(frame: pd.DataFrame, table: str) -> pd.DataFrame:
    """``frame`` with exactly the documented columns of ``table``, in order.

    Missing columns are added empty; extra columns are dropped. The input is
    not modified.
    """
    out = frame.copy()
    for name in TABLES[table]:
        if name not in out.columns:
            out[name] = pd.NA
    return out[columns(table)]


def markdown_tables() -> str:
    """The README's column reference, generated from ``TABLES``."""
    blocks = []
    for table, described in TABLES.items():
        rows = "\n".join(f"| `{name}` | {meaning} |" for name, meaning in described.items())
        blocks.append(f"### `{table}`\n\n| column | meaning |\n| --- | --- |\n{rows}\n")
    return "\n".join(blocks)


if __name__ == "__main__":
    print(markdown_tables())
