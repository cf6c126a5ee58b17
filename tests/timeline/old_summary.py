"""The summary lines as ``analysis.timeline.summary`` made them before its array rewrite (row dicts, a sort per
line): kept only so tests can compare the new path with it line for line."""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

from analysis.figures.labels import format_count
from analysis.schema import HEADLINE_CATEGORIES
from analysis.timeline.events import event_groups
from analysis.timeline.points import CATEGORY_LABELS, follow_up_notes, mixed_event_notes
from analysis.timeline.values import count_words, day_text, describe_figure, flag_column, is_missing, join_words

_POINT_COLUMNS = ("article_id", "source", "published", "event_group", "category", "value", "low", "high",
                  "qualifier", "status", "follow_up", "unconfirmed")
_PAIR_COLUMNS = ("category", "kind", "article_id_a", "article_id_b", "source_a", "source_b", "published_b",
                 "value_a", "value_b")
#: What a line reads of a pair of each kind (beside its category, kind and later article): a plain
#: contradiction is only counted, so 30,000 of them at 10,000 articles make three-key dicts.
_PAIR_READS = {"same_day_disagreement": ("source_a", "source_b", "published_b"),
               "revision": ("value_a", "value_b", "article_id_a")}


#: Same-day dates listed in a summary line before "and N more days".
MAX_LISTED = 5


def undated_figures(said: Sequence[str]) -> str:
    """What undated articles report, for a summary line: each figure when there are at most four ("over 130 and
    133"); otherwise the three most often reported, with how many articles give each, and how many other figures
    ("1 (1,200 articles), 2 (310 articles), 3 (95 articles) and 41 other figures"), not four arbitrary ones."""
    if len(said) <= 4:
        return join_words(list(said))
    counts = pd.Series(list(said)).value_counts(sort=True)  # ties keep their first-reported order
    shown = [f"{figure} ({count_words(int(n), 'article')})" for figure, n in counts.iloc[:3].items()]
    rest = len(counts) - len(shown)
    if rest:
        shown.append(f"{rest:,} other figure{'s' if rest != 1 else ''}")
    return join_words(shown)


def summarise(timeline: pd.DataFrame, contradictions: pd.DataFrame, *,
              articles: pd.DataFrame | None = None, categories: Sequence[str] = HEADLINE_CATEGORIES,
              gap_days: int = 7, entities: pd.DataFrame | None = None,
              events: pd.DataFrame | None = None) -> list[str]:
    """Plain-language summary lines generated from the tables.

    One line per category with figures, e.g. "Deaths: reported from at least 60 (2024-03-23)
    to 133 (2024-03-23); two sources disagree on the same day (2024-03-23); one article revises
    143 to 133; two undated articles report over 130 and 133". The range is the main period's:
    follow-up coverage is summed up after it ("eight follow-up articles (2025-10-30 to
    2026-06-07) report 144"), and an unconfirmed figure is left out of it and named ("one
    figure is unconfirmed: 182 (a.example, 2025-06-10) ..."). With ``articles`` given (and
    ``entities``, for the events' places), lines about several events being mixed, follow-up
    coverage and undated articles come first; ``events`` is ``event_groups`` of ``articles`` when
    the caller has it already.
    """
    if articles is not None and not articles.empty and events is None:
        events = event_groups(articles, entities=entities, gap_days=gap_days)
    lines: list[str] = []
    if articles is not None and not articles.empty:
        lines.extend(mixed_event_notes(articles, entities=entities, gap_days=gap_days, events=events))
        lines.extend(follow_up_notes(articles, entities=entities, gap_days=gap_days, events=events))
        undated = int(articles["published"].isna().sum()) if "published" in articles else len(articles)
        if undated:
            lines.append(f"{count_words(undated, 'article').capitalize()} "
                         + ("has no publication date found; it is" if undated == 1 else
                            "have no publication date found; they are")
                         + " shown apart from the time axis.")
    # Only the columns the lines read, strings as plain objects: every per-event filter below then copies
    # no sentences or titles, and numpy takes instead of Arrow's (a hundred filters at 10,000 articles).
    current = _plain(timeline.loc[timeline["status"] == "current", [c for c in _POINT_COLUMNS if c in timeline]])
    # Each point's date and flags, read once per column: ``_dated`` is ``not _absent(published)``, ``_later``
    # and ``_doubtful`` are the follow_up and unconfirmed flags (``flag_column``) (half a million calls at 10,000 articles).
    current = current.assign(
        _dated=current["published"].notna() if "published" in current else False,
        _later=flag_column(current, "follow_up"), _doubtful=flag_column(current, "unconfirmed"))
    contradictions = _plain(contradictions[[c for c in _PAIR_COLUMNS if c in contradictions]])
    if "published_b" in contradictions and pd.api.types.is_datetime64_any_dtype(contradictions["published_b"]):
        # The lines only read a pair's day (``day_text``): written once per column, not a Timestamp per pair.
        days = contradictions["published_b"].dt.normalize().dt.strftime("%Y-%m-%d")
        contradictions = contradictions.assign(published_b=days.astype(object).where(days.notna(), None))
    if current.empty:
        n = len(articles) if articles is not None else 0
        lines.append(f"No death, injury or arrest figures were found in {count_words(n, 'article')}."
                     if articles is not None else "No figures were found.")
        return lines
    groups = sorted(current["event_group"].dropna().unique())
    # The lines read a few points each, a hundred times at 10,000 articles: plain row dicts, not frames.
    by_category: dict[str, list[dict]] = {}
    for point in _records(current):
        by_category.setdefault(point["category"], []).append(point)
    pairs_of: dict[str, list[dict]] = {}
    for pair in _pair_records(contradictions):
        pairs_of.setdefault(pair["category"], []).append(pair)
    for category in categories:
        points = by_category.get(category, [])
        if not points:
            continue
        label = CATEGORY_LABELS.get(category, category.capitalize())
        pairs = pairs_of.get(category, [])
        if len(groups) <= 1:
            lines.append(_category_line(label, points, pairs))
            continue
        # Several events: one line per event, so no range spans two events (split in one pass, not a scan per event).
        by_group: dict[object, list[dict]] = {}
        for point in points:
            if not _absent(point["event_group"]):
                by_group.setdefault(point["event_group"], []).append(point)
        # An event's pairs are those whose later article reports in it: each article is in one event.
        group_of = {point["article_id"]: point["event_group"] for point in points}
        pairs_by_group: dict[object, list[dict]] = {}
        for pair in pairs:
            group = group_of.get(pair["article_id_b"])
            if not _absent(group):
                pairs_by_group.setdefault(group, []).append(pair)
        for group in groups:
            in_group = by_group.get(group)
            if not in_group:
                continue
            lines.append(_category_line(f"{label}, event {group}", [p for p in in_group if p["_dated"]],
                                        pairs_by_group.get(group, [])))
        undated = [p for p in points if not p["_dated"]]
        if undated:
            lines.append(_category_line(f"{label}, undated", undated, []))
    return lines


def _absent(value: object) -> bool:
    """``is_missing``, without pandas for the floats and timestamps these rows hold (half a million calls at
    10,000 articles)."""
    if value is None or value is pd.NaT or value is pd.NA:
        return True
    if isinstance(value, float):
        return value != value
    if isinstance(value, (pd.Timestamp, str, int)):
        return False
    return is_missing(value)


def _records(frame: pd.DataFrame) -> list[dict]:
    """``frame.to_dict("records")``, twice as fast."""
    columns = list(frame.columns)
    return [dict(zip(columns, values)) for values in zip(*(frame[c].tolist() for c in columns))]


def _pair_records(pairs: pd.DataFrame) -> list[dict]:
    """Row dicts of the pairs with what ``_category_line`` reads of their kind (``_PAIR_READS``), grouped by
    kind (in table order within each kind: a line reads each kind apart)."""
    if "kind" not in pairs:
        return _records(pairs)
    records = []
    for kind, rows in pairs.groupby("kind", sort=False):
        reads = _PAIR_READS.get(kind, ())
        records.extend(_records(rows[[c for c in ("category", "kind", "article_id_b", *reads) if c in rows]]))
    return records


def _plain(frame: pd.DataFrame) -> pd.DataFrame:
    """``frame`` with its string columns as object columns."""
    strings = [c for c in frame.columns if pd.api.types.is_string_dtype(frame[c]) and frame[c].dtype != object]
    return frame.astype({c: object for c in strings}) if strings else frame


def _lowest_first(point: dict) -> tuple:
    # sort_values(["value", "published"]): a missing value last
    missing = _absent(point["value"])
    return missing, 0.0 if missing else point["value"], point["published"]


def _highest_first(point: dict) -> tuple:
    # sort_values(["value", "published"], ascending=[False, True]): a missing value last
    missing = _absent(point["value"])
    return missing, 0.0 if missing else -point["value"], point["published"]


def _category_line(label: str, points: list[dict], pairs: list[dict]) -> str:
    """One summary line from a category's current points and its pairs (contradictions), as row dicts
    (``_dated``, ``_later``, ``_doubtful``: the point's date is known, it is follow-up, unconfirmed)."""
    parts: list[str] = []
    all_dated = [p for p in points if p["_dated"]]
    later = [p for p in all_dated if p["_later"]]
    doubtful = [p for p in all_dated if p["_doubtful"]]
    dated = [p for p in all_dated if not p["_later"] and not p["_doubtful"]]
    if dated:
        low = sorted(dated, key=_lowest_first)[0]
        high = sorted(dated, key=_highest_first)[0]
        if low["value"] == high["value"]:
            parts.append(f"{describe_figure(high)} "
                         f"({day_text(high['published'])}) in {count_words(len(dated), 'dated article')}")
        else:
            parts.append(f"reported from {describe_figure(low)} "
                         f"({day_text(low['published'])}) to "
                         f"{describe_figure(high)} "
                         f"({day_text(high['published'])})")
    if doubtful:
        said = [f"{describe_figure(r)} ({r['source']}, {day_text(r['published'])})" for r in doubtful]
        n = len(doubtful)
        parts.append(f"{count_words(n, 'figure')} {'is' if n == 1 else 'are'} unconfirmed: {join_words(said[:3])}"
                     + (f" and {n - 3} more" if n > 3 else "")
                     + f", far above every other report of {'its' if n == 1 else 'their'} day with no second "
                       f"source near {'it' if n == 1 else 'them'}, so {'it is' if n == 1 else 'they are'} not "
                       "counted in the highest so far until another source gives a figure near "
                       f"{'it' if n == 1 else 'them'}")
    if later:
        values = sorted({describe_figure(r) for r in later})
        first, last = day_text(min(p["published"] for p in later)), day_text(max(p["published"] for p in later))
        parts.append(f"{count_words(len(later), 'follow-up article')} ({first}"
                     + ("" if first == last else f" to {last}")
                     + f") report{'s' if len(later) == 1 else ''} {join_words(values[:4])}"
                     + (f" and {len(values) - 4} other figures" if len(values) > 4 else ""))
    if pairs:
        same_day = [r for r in pairs if r["kind"] == "same_day_disagreement"]
        if same_day:
            sources = {r["source_a"] for r in same_day} | {r["source_b"] for r in same_day}
            days = sorted({day_text(r["published_b"]) for r in same_day})
            shown_days = days[:MAX_LISTED] + ([f"{len(days) - MAX_LISTED} more days"] if len(days) > MAX_LISTED else [])
            parts.append(f"{count_words(len(sources), 'source')} disagree on the same day ({', '.join(shown_days)})")
        later = [r for r in pairs if r["kind"] == "contradiction"]
        if later:
            parts.append(f"{count_words(len(later), 'later report')} give{'s' if len(later) == 1 else ''} a lower "
                         "total without stating a revision")
        revisions = [r for r in pairs if r["kind"] == "revision"]
        if revisions:
            changes = [f"{format_count(r['value_a'])} to {format_count(r['value_b'])}" for r in revisions]
            n_articles = len({r["article_id_a"] for r in revisions if not is_missing(r["article_id_a"])})
            verb = "revises" if n_articles == 1 else "revise"
            shown = changes[:3] + ([f"{len(changes) - 3} more"] if len(changes) > 3 else [])
            parts.append(f"{count_words(n_articles, 'article')} {verb} {join_words(shown)}")
    undated = [p for p in points if not p["_dated"]]
    if undated:
        parts.append(f"{count_words(len(undated), 'undated article')} report{'s' if len(undated) == 1 else ''} "
                     f"{undated_figures([describe_figure(r) for r in undated])}")
    return f"{label}: " + "; ".join(parts)
