"""The reported toll over time, and where sources disagree.

From the articles table (its headline figure columns, ``published``, ``event_date``) and
the figure ledger (``figures``), this module computes:

- ``build_timeline``: one row per plotted point — each article's headline figure per
  category as a *current* point, and every superseded figure the article mentions
  ("revised from an initial 143") as a *superseded* point linked to the figure that
  replaced it. Undated articles are kept, with an empty ``published``.
- ``summary_band``: per reporting day, the highest current total reported so far and the
  most conservative total of that day (ACLED's rule), and the spread between them.
- ``find_contradictions``: later reports with a lower total and no stated revision,
  disagreements with the same-day consensus, and in-article revisions, each with both
  evidence sentences.
- ``group_events`` / ``mixed_event_notes``: articles that fall into separate periods are
  probably about separate events; comparisons are made within a period only.
- ``summarise``: plain-language summary lines generated from these tables.

Everything here is plain pandas: no streamlit, no plotting.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Sequence
from functools import lru_cache

import pandas as pd

from analysis.figures.labels import figure_label, format_count
from analysis.schema import HEADLINE_CATEGORIES, conform, empty_table

#: Categories the toll page offers first, in this order.
TOLL_CATEGORIES: tuple[str, ...] = ("killed", "injured", "hospitalized", "arrested")

#: Plain-language names of the categories, for summary lines and headings.
CATEGORY_LABELS: dict[str, str] = {
    "killed": "Deaths",
    "injured": "Injured",
    "hospitalized": "In hospital",
    "missing": "Missing",
    "arrested": "Arrests",
    "attackers": "Attackers",
    "evacuated": "Evacuated or rescued",
}

#: Relative tolerance within which two "about" figures are not called a disagreement.
ABOUT_TOLERANCE = 0.10

_BAND_COLUMNS = ["event_group", "date", "highest", "conservative", "spread", "n_reports", "n_sources",
                 "highest_article_id", "conservative_article_id"]


def _missing(value: object) -> bool:
    if value is None:
        return True
    try:
        return bool(pd.isna(value))
    except (TypeError, ValueError):
        return False


def _num(value: object) -> float | None:
    if _missing(value):
        return None
    try:
        return float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return None


def _text(value: object) -> str:
    return "" if _missing(value) else str(value)


def _flag(value: object) -> bool:
    return False if _missing(value) else bool(value)


def describe_figure(point: dict) -> str:
    """A timeline point's figure in words: ``"at least 60"``, ``"60 to 70"``, ``"133"``."""
    return figure_label(point["value"], point["qualifier"], low=point.get("low"), high=point.get("high"))


def _day(value: object) -> pd.Timestamp | None:
    return None if _missing(value) else pd.Timestamp(value).normalize()


def _day_text(value: object) -> str:
    try:
        return _day_text_of(value)
    except TypeError:  # unhashable
        day = _day(value)
        return "" if day is None else day.strftime("%Y-%m-%d")


@lru_cache(maxsize=4096)
def _day_text_of(value: object) -> str:
    day = _day(value)
    return "" if day is None else day.strftime("%Y-%m-%d")


def group_events(articles: pd.DataFrame, *, gap_days: int = 7) -> pd.Series:
    """Which period (probable event) each article belongs to, numbered from 1 in time order.

    Rule: each article's key date is its ``event_date`` when resolved, else its ``published``
    date. Sorted key dates more than ``gap_days`` apart start a new group (single linkage), so
    a toll reported daily for a month stays one group, while coverage of two attacks a
    month apart becomes two. Articles with neither date get an empty group.

    Known misses: two events in the same week (different places, same days) fall into one
    group; a follow-up story weeks later about the same event starts a group of its own.

    Returns:
        A nullable integer Series indexed like ``articles``.
    """
    keys = pd.Series(pd.NaT, index=articles.index, dtype="datetime64[ns]")
    for column in ("published", "event_date"):  # event_date wins where both are known
        if column in articles:
            values = pd.to_datetime(articles[column], errors="coerce").dt.normalize()
            keys = values.astype("datetime64[ns]").where(values.notna(), keys)
    groups = pd.Series(pd.NA, index=articles.index, dtype="Int64")
    ordered = keys.dropna().sort_values(kind="stable")
    group, previous = 0, None
    for index, day in ordered.items():
        if previous is None or (day - previous).days > gap_days:
            group += 1
        groups[index] = group
        previous = day
    return groups


def mixed_event_notes(articles: pd.DataFrame, *, gap_days: int = 7) -> list[str]:
    """Plain-language warnings when the articles seem to cover more than one event.

    Says so when the articles fall into several periods (see ``group_events``) and when,
    within one period, resolved event dates differ by more than a day.
    """
    notes: list[str] = []
    if articles.empty:
        return notes
    groups = group_events(articles, gap_days=gap_days)
    n_groups = int(groups.nunique())
    if n_groups > 1:
        spans = []
        for group in sorted(groups.dropna().unique()):
            members = articles[groups == group]
            days = pd.concat([pd.to_datetime(members.get(c, pd.Series(dtype="datetime64[ns]")), errors="coerce")
                              for c in ("event_date", "published")]).dropna()
            first, last = _day_text(days.min()), _day_text(days.max())
            when = first if first == last else f"{first} to {last}"
            spans.append(f"{when} ({_count_words(len(members), 'article')})")
        if len(spans) > 5:
            spans = spans[:5] + [f"{len(spans) - 5} more"]
        notes.append(f"These articles seem to cover {n_groups} separate events or periods: " + "; ".join(spans)
                     + ". Figures are compared within each period only; filter the corpus to one event for a"
                     " single toll line.")
    if "event_date" in articles:
        for group in sorted(groups.dropna().unique()):
            dates = pd.to_datetime(articles.loc[groups == group, "event_date"], errors="coerce").dropna()
            if not dates.empty and (dates.max() - dates.min()).days > 1:
                listed = ", ".join(sorted({_day_text(d) for d in dates}))
                notes.append(f"Articles give different event dates ({listed}): they may describe different "
                             "events, or a date was read wrongly.")
    return notes


def _figure_records(figures: pd.DataFrame) -> list[dict]:
    """The figure ledger as row dicts, made once and shared by the helpers below."""
    return [] if figures.empty else figures.to_dict("records")


def _figure_lookup(figures: pd.DataFrame, records: list[dict]) -> dict[str, dict]:
    if figures.empty or "figure_id" not in figures:
        return {}
    return {str(row["figure_id"]): row for row in records if not _missing(row.get("figure_id"))}


def build_timeline(articles: pd.DataFrame, figures: pd.DataFrame, *,
                   categories: Sequence[str] = HEADLINE_CATEGORIES, gap_days: int = 7) -> pd.DataFrame:
    """One row per plotted point of the toll chart.

    Rule: for each article and category, the headline figure of the articles table
    (``killed``, ``killed_qualifier``, ... ``killed_figure_id``) is a ``current`` point.
    Every figure of the ledger with ``status == "superseded"`` and a whole-event scope in
    the same article and category is a ``superseded`` point whose ``replaced_by`` is the
    article's headline figure — the plotted point that replaced it (without a headline, the
    current figure of the same sentence: "revised from 143 to 133"). Undated articles are
    kept with an empty ``published``.

    Returns:
        The ``timeline`` table (see ``analysis.schema``): article_id, source, title,
        published, date_method, event_date, event_date_text, event_group, category, value, low, high,
        qualifier, status, may_rise, attributed_to, figure_id, replaced_by, sentence;
        sorted by category, published (undated last), source.
    """
    if articles.empty:
        return _typed_timeline(empty_table("timeline"))
    records = _figure_records(figures)
    figure_by_id = _figure_lookup(figures, records)
    groups = group_events(articles, gap_days=gap_days)
    superseded = _superseded_figures(figures, records, categories)
    current_by_sentence = _current_by_sentence(figures, records)
    rows: list[dict] = []
    for index, article in zip(articles.index, articles.to_dict("records")):
        article_id = _text(article.get("article_id"))
        base = {
            "article_id": article_id,
            "source": _text(article.get("source")),
            "title": _text(article.get("title")),
            "published": article.get("published"),
            "date_method": _text(article.get("date_method")),
            "event_date": article.get("event_date"),
            "event_date_text": _text(article.get("event_date_text")),
            "event_group": groups.get(index),
        }
        for category in categories:
            headline_id = _text(article.get(f"{category}_figure_id"))
            value = _num(article.get(category))
            if value is not None:
                figure = figure_by_id.get(headline_id, {})
                rows.append({
                    **base, "category": category, "value": value,
                    "low": _num(article.get(f"{category}_low")),
                    "high": _num(article.get(f"{category}_high")),
                    "qualifier": _text(article.get(f"{category}_qualifier")) or "exact",
                    "status": "current", "may_rise": _flag(article.get(f"{category}_may_rise")),
                    "attributed_to": _text(figure.get("attributed_to")),
                    "figure_id": headline_id, "replaced_by": "", "sentence": _text(figure.get("sentence")),
                })
            for old in superseded.get((article_id, category), []):
                same_sentence = current_by_sentence.get((article_id, category, old.get("sentence_idx")), "")
                rows.append({
                    **base, "category": category, "value": _num(old.get("value")),
                    "low": _num(old.get("low")), "high": _num(old.get("high")),
                    "qualifier": _text(old.get("qualifier")) or "exact", "status": "superseded",
                    "may_rise": _flag(old.get("may_rise")), "attributed_to": _text(old.get("attributed_to")),
                    "figure_id": _text(old.get("figure_id")),
                    "replaced_by": headline_id if value is not None else same_sentence,
                    "sentence": _text(old.get("sentence")),
                })
    if not rows:
        return _typed_timeline(empty_table("timeline"))
    timeline = conform(pd.DataFrame(rows), "timeline")
    order = {category: i for i, category in enumerate(categories)}
    timeline = timeline.assign(_cat=timeline["category"].map(order),
                               _undated=timeline["published"].isna(),
                               _status=(timeline["status"] != "current"))
    timeline = timeline.sort_values(["_cat", "_undated", "published", "source", "article_id", "_status"],
                                    kind="stable").drop(columns=["_cat", "_undated", "_status"])
    return _typed_timeline(timeline.reset_index(drop=True))


def _superseded_figures(figures: pd.DataFrame, records: list[dict],
                        categories: Iterable[str]) -> dict[tuple[str, str], list[dict]]:
    out: dict[tuple[str, str], list[dict]] = {}
    if figures.empty or "status" not in figures:
        return out
    wanted = set(categories)
    for row in records:
        if row.get("status") != "superseded" or row.get("category") not in wanted:
            continue
        if _text(row.get("scope")) == "partial" or _num(row.get("value")) is None:
            continue
        out.setdefault((_text(row.get("article_id")), row["category"]), []).append(row)
    return out


def _current_by_sentence(figures: pd.DataFrame, records: list[dict]) -> dict[tuple, str]:
    out: dict[tuple, str] = {}
    if figures.empty or "status" not in figures:
        return out
    for row in records:
        if row.get("status") == "current" and _text(row.get("scope")) != "partial":
            out.setdefault((_text(row.get("article_id")), row.get("category"), row.get("sentence_idx")),
                           _text(row.get("figure_id")))
    return out


def _typed_timeline(frame: pd.DataFrame) -> pd.DataFrame:
    out = conform(frame, "timeline")
    for column in ("published", "event_date"):
        out[column] = pd.to_datetime(out[column], errors="coerce")
    for column in ("value", "low", "high"):
        out[column] = pd.to_numeric(out[column], errors="coerce").astype("float64")
    out["may_rise"] = out["may_rise"].fillna(False).astype(bool)
    out["event_group"] = pd.array(out["event_group"], dtype="Int64")
    return out


def summary_band(timeline: pd.DataFrame, *, category: str) -> pd.DataFrame:
    """The disagreement band of one category: highest and most conservative total per reporting day.

    Rule: only dated ``current`` points count. For each reporting day (the days with at least
    one report) and each event group, ``highest`` is the highest total reported on that day
    or before it (within the group), and ``conservative`` is the lowest total reported on that
    day — ACLED's rule: when reports differ, take the most conservative one and note the
    dispute. Reports of earlier days count as replaced by the day's news, so a toll that
    rises everywhere lifts the conservative line too. ``spread = highest - conservative``.
    Values are the figures' ``value`` (the lower bound of ranges and "at least" figures).

    Returns:
        Columns event_group, date, highest, conservative, spread, n_reports, n_sources,
        highest_article_id, conservative_article_id; one row per group and reporting day.
    """
    points = timeline[(timeline["category"] == category) & (timeline["status"] == "current")
                      & timeline["published"].notna() & timeline["value"].notna()]
    if points.empty:
        return pd.DataFrame({c: pd.Series(dtype="object") for c in _BAND_COLUMNS})
    points = points.assign(_day=pd.to_datetime(points["published"]).dt.normalize(),
                           _group=points["event_group"].fillna(0).astype(int))
    rows = []
    for group, in_group in points.groupby("_group", sort=True):
        best_value, best_article = -math.inf, ""
        for day, on_day in in_group.groupby("_day", sort=True):
            top = on_day.loc[on_day["value"].idxmax()]
            if top["value"] > best_value:
                best_value, best_article = float(top["value"]), top["article_id"]
            low = on_day.loc[on_day["value"].idxmin()]
            rows.append({"event_group": group, "date": day, "highest": best_value,
                         "conservative": float(low["value"]), "spread": best_value - float(low["value"]),
                         "n_reports": len(on_day), "n_sources": on_day["source"].nunique(),
                         "highest_article_id": best_article, "conservative_article_id": low["article_id"]})
    return pd.DataFrame(rows, columns=_BAND_COLUMNS)


def _compatible_about(earlier: dict, later: dict) -> bool:
    """True when an "about" figure on either side covers the other value."""
    a, b = earlier["value"], later["value"]
    if later["qualifier"] == "about" and b * (1 + ABOUT_TOLERANCE) >= a:
        return True
    return earlier["qualifier"] == "about" and a * (1 - ABOUT_TOLERANCE) <= b


def _open_bound_note(earlier: dict, later: dict) -> str:
    if later["qualifier"] in ("at_least", "over"):
        return (f" ('{describe_figure(later)}' does not rule out "
                f"{format_count(earlier['value'])}, but it reports a lower total)")
    return ""


def _pair(kind: str, category: str, a: dict, b: dict, why: str) -> dict:
    return {
        "category": category, "kind": kind,
        "article_id_a": a["article_id"], "article_id_b": b["article_id"],
        "source_a": a["source"], "source_b": b["source"],
        "published_a": a["published"], "published_b": b["published"],
        "value_a": a["value"], "value_b": b["value"],
        "qualifier_a": a["qualifier"], "qualifier_b": b["qualifier"],
        "figure_id_a": a["figure_id"], "figure_id_b": b["figure_id"],
        "sentence_a": a["sentence"], "sentence_b": b["sentence"],
        "why": why,
    }


def _who(point: dict) -> str:
    when = _day_text(point["published"]) or "undated"
    return f"{point['source'] or point['article_id']} ({when})"


def find_contradictions(articles: pd.DataFrame, figures: pd.DataFrame, *,
                        categories: Sequence[str] = HEADLINE_CATEGORIES, gap_days: int = 7,
                        timeline: pd.DataFrame | None = None) -> pd.DataFrame:
    """Pairs of figures that conflict, and in-article revisions, each with both sentences.

    Rules (within one category and one event group, see ``group_events``):
      - ``revision``: an article mentions a superseded figure and the figure that replaced it
        ("revised from an initial 143 to 133"); a = the old figure, b = the new one, same article.
      - ``contradiction``: a report published later than another (by date, or by time on the
        same day when times are known) gives a lower headline total, and its article states no
        downward revision in that category. Each lower report is paired with the highest
        earlier report, so the table grows with the number of reports, not their pairs.
        Two "about" figures within 10% of each other are not a contradiction; an "at least"
        figure below an earlier total is listed, with a note that it does not rule it out.
      - ``same_day_disagreement``: reports of the same day whose totals differ from the day's
        consensus (a value reported more often than any other, by at least two reports); with
        no consensus, from the day's highest report. a = the consensus or highest report.
      Undated articles cannot be ordered and take part in revisions only.

    Args:
        timeline: a timeline already built from the same tables, to skip rebuilding it.

    Returns:
        The ``contradictions`` table: category, kind, article_id_a, article_id_b, source_a,
        source_b, published_a, published_b, value_a, value_b, qualifier_a, qualifier_b,
        figure_id_a, figure_id_b, sentence_a, sentence_b, why.
    """
    if timeline is None:
        timeline = build_timeline(articles, figures, categories=categories, gap_days=gap_days)
    rows: list[dict] = []
    points = timeline[timeline["category"].isin(list(categories))]
    records = points.to_dict("records")
    by_figure = {r["figure_id"]: r for r in records if r["status"] == "current" and r["figure_id"]}
    current_by_article = {(r["article_id"], r["category"]): r for r in records if r["status"] == "current"}
    stated_down: set[tuple[str, str]] = set()
    revised_to = _revision_targets(figures)
    for old in (r for r in records if r["status"] == "superseded"):
        new = by_figure.get(old["replaced_by"]) or current_by_article.get((old["article_id"], old["category"]))
        if new is None:
            continue
        # Evidence of a revision is its own sentence: "from an initial 143 to 133", not the headline's.
        target = revised_to.get((old["article_id"], old["category"], old["figure_id"]))
        if target is not None:
            new = {**new, **target}
        if old["value"] == new["value"]:
            continue
        if new["value"] < old["value"]:
            stated_down.add((old["article_id"], old["category"]))
        verb = "revises" if new["value"] < old["value"] else "updates"
        rows.append(_pair("revision", old["category"], old, new,
                          f"{_who(new)} {verb} {describe_figure(old)} "
                          f"to {describe_figure(new)}"))
    dated = [r for r in records if r["status"] == "current" and not _missing(r["published"])]
    for category in categories:
        in_category = [r for r in dated if r["category"] == category]
        for group in sorted({r["event_group"] for r in in_category}, key=lambda g: (_missing(g), g)):
            in_group = sorted((r for r in in_category if r["event_group"] == group),
                              key=lambda r: pd.Timestamp(r["published"]))
            rows.extend(_later_lower(in_group, category, stated_down))
            rows.extend(_same_day(in_group, category))
    if not rows:
        return _typed_contradictions(empty_table("contradictions"))
    return _typed_contradictions(pd.DataFrame(rows))


def _revision_targets(figures: pd.DataFrame) -> dict[tuple, dict]:
    """``(article_id, category, superseded figure_id) -> the current figure of the same sentence``."""
    if figures.empty or "status" not in figures:
        return {}
    records = _figure_records(figures)
    current: dict[tuple, dict] = {}
    for row in records:
        if row.get("status") == "current" and _text(row.get("scope")) != "partial" and _num(row.get("value")) is not None:
            current.setdefault((_text(row.get("article_id")), row.get("category"), row.get("sentence_idx")), row)
    out = {}
    for row in records:
        if row.get("status") != "superseded":
            continue
        match = current.get((_text(row.get("article_id")), row.get("category"), row.get("sentence_idx")))
        if match is not None:
            out[(_text(row.get("article_id")), row.get("category"), _text(row.get("figure_id")))] = {
                "value": _num(match.get("value")), "low": _num(match.get("low")), "high": _num(match.get("high")),
                "qualifier": _text(match.get("qualifier")) or "exact", "figure_id": _text(match.get("figure_id")),
                "sentence": _text(match.get("sentence"))}
    return out


def _later_lower(points: list[dict], category: str, stated_down: set[tuple[str, str]]) -> list[dict]:
    rows = []
    # points are sorted by time: keep the highest report strictly before the current timestamp.
    best: dict | None = None  # highest of all earlier timestamps
    pending: dict | None = None  # highest of the current timestamp, joins ``best`` when time moves on
    current_time = None
    for later in points:
        when = pd.Timestamp(later["published"])
        if when != current_time:
            if pending is not None and (best is None or pending["value"] >= best["value"]):
                best = pending
            pending, current_time = None, when
        if pending is None or later["value"] >= pending["value"]:
            pending = later
        if best is None or (later["article_id"], category) in stated_down:
            continue
        top = best
        if later["value"] >= top["value"] or _compatible_about(top, later):
            continue
        rows.append(_pair("contradiction", category, top, later,
                          f"{_who(later)} reports {describe_figure(later)}"
                          f", lower than {describe_figure(top)} reported "
                          f"earlier by {_who(top)}, and states no revision" + _open_bound_note(top, later)))
    return rows


def _same_day(points: list[dict], category: str) -> list[dict]:
    rows = []
    by_day: dict[pd.Timestamp, list[dict]] = {}
    for point in points:
        by_day.setdefault(_day(point["published"]), []).append(point)
    for day, on_day in sorted(by_day.items()):
        counts = Counter(p["value"] for p in on_day if not _missing(p["value"]))
        if len(on_day) < 2 or len(counts) < 2:
            continue
        (top_value, top), (_, second) = counts.most_common(2)
        consensus = top_value if top >= 2 and second < top else None  # a value reported more often than any other
        if consensus is not None:
            reference = next(p for p in on_day if p["value"] == consensus)
            basis = f"the same-day consensus of {top} reports ({format_count(consensus)})"
        else:
            reference = max(on_day, key=lambda p: p["value"])
            basis = (f"{describe_figure(reference)} "
                     f"reported the same day by {_who(reference)}; there is no same-day consensus")
        for point in on_day:
            if point["value"] == reference["value"] or point is reference:
                continue
            if _compatible_about(reference, point) or _compatible_about(point, reference):
                continue
            rows.append(_pair("same_day_disagreement", category, reference, point,
                              f"{_who(point)} reports "
                              f"{describe_figure(point)}, "
                              f"unlike {basis}"))
    return rows


def _typed_contradictions(frame: pd.DataFrame) -> pd.DataFrame:
    out = conform(frame, "contradictions")
    for column in ("published_a", "published_b"):
        out[column] = pd.to_datetime(out[column], errors="coerce")
    for column in ("value_a", "value_b"):
        out[column] = pd.to_numeric(out[column], errors="coerce").astype("float64")
    return out.reset_index(drop=True)


_NUMBER_WORDS = {1: "one", 2: "two", 3: "three", 4: "four", 5: "five", 6: "six", 7: "seven", 8: "eight", 9: "nine"}


def _count_words(n: int, noun: str, plural: str | None = None) -> str:
    word = _NUMBER_WORDS.get(n, f"{n:,}")
    return f"{word} {noun if n == 1 else (plural or noun + 's')}"


def _join(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def summarise(timeline: pd.DataFrame, contradictions: pd.DataFrame, *,
              articles: pd.DataFrame | None = None, categories: Sequence[str] = HEADLINE_CATEGORIES,
              gap_days: int = 7) -> list[str]:
    """Plain-language summary lines generated from the tables.

    One line per category with figures, e.g. "Deaths: reported from at least 60 (2024-03-23)
    to 133 (2024-03-23); two sources disagree on the same day (2024-03-23); one article revises
    143 to 133; two undated articles report over 130 and 133". With ``articles`` given, lines
    about undated articles and about several events being mixed come first.
    """
    lines: list[str] = []
    if articles is not None and not articles.empty:
        lines.extend(mixed_event_notes(articles, gap_days=gap_days))
        undated = int(articles["published"].isna().sum()) if "published" in articles else len(articles)
        if undated:
            lines.append(f"{_count_words(undated, 'article').capitalize()} "
                         + ("has no publication date found; it is" if undated == 1 else
                            "have no publication date found; they are")
                         + " shown apart from the time axis.")
    current = timeline[timeline["status"] == "current"]
    if current.empty:
        n = len(articles) if articles is not None else 0
        lines.append(f"No death, injury or arrest figures were found in {_count_words(n, 'article')}."
                     if articles is not None else "No figures were found.")
        return lines
    groups = sorted(current["event_group"].dropna().unique())
    for category in categories:
        points = current[current["category"] == category]
        if points.empty:
            continue
        label = CATEGORY_LABELS.get(category, category.capitalize())
        if len(groups) <= 1:
            lines.append(_category_line(label, category, points, contradictions))
            continue
        # Several events: one line per period, so no range spans two events.
        for group in groups:
            in_group = points[points["event_group"] == group]
            if in_group.empty:
                continue
            ids = set(in_group["article_id"])
            related = contradictions[contradictions["article_id_b"].isin(ids)] if not contradictions.empty \
                else contradictions
            lines.append(_category_line(f"{label}, period {group}", category,
                                        in_group[in_group["published"].notna()], related))
        undated = points[points["published"].isna()]
        if not undated.empty:
            lines.append(_category_line(f"{label}, undated", category, undated, contradictions.iloc[0:0]))
    return lines


def _category_line(label: str, category: str, points: pd.DataFrame, contradictions: pd.DataFrame) -> str:
    parts: list[str] = []
    dated = points[points["published"].notna()]
    if not dated.empty:
        low = dated.sort_values(["value", "published"], kind="stable").iloc[0]
        high = dated.sort_values(["value", "published"], ascending=[False, True], kind="stable").iloc[0]
        if low["value"] == high["value"]:
            parts.append(f"{describe_figure(high)} "
                         f"({_day_text(high['published'])}) in {_count_words(len(dated), 'dated article')}")
        else:
            parts.append(f"reported from {describe_figure(low)} "
                         f"({_day_text(low['published'])}) to "
                         f"{describe_figure(high)} "
                         f"({_day_text(high['published'])})")
    here = contradictions[contradictions["category"] == category] if not contradictions.empty else contradictions
    if not here.empty:
        same_day = here[here["kind"] == "same_day_disagreement"]
        if not same_day.empty:
            sources = set(same_day["source_a"]) | set(same_day["source_b"])
            days = sorted({_day_text(d) for d in same_day["published_b"]})
            parts.append(f"{_count_words(len(sources), 'source')} disagree on the same day ({', '.join(days)})")
        later = here[here["kind"] == "contradiction"]
        if not later.empty:
            parts.append(f"{_count_words(len(later), 'later report')} give{'s' if len(later) == 1 else ''} a lower "
                         "total without stating a revision")
        revisions = here[here["kind"] == "revision"]
        if not revisions.empty:
            changes = [f"{format_count(r.value_a)} to {format_count(r.value_b)}" for r in revisions.itertuples()]
            n_articles = revisions["article_id_a"].nunique()
            verb = "revises" if n_articles == 1 else "revise"
            shown = changes[:3] + ([f"{len(changes) - 3} more"] if len(changes) > 3 else [])
            parts.append(f"{_count_words(n_articles, 'article')} {verb} {_join(shown)}")
    undated = points[points["published"].isna()]
    if not undated.empty:
        said = [describe_figure(r) for r in undated.to_dict("records")]
        shown = said[:4] + ([f"{len(said) - 4} more"] if len(said) > 4 else [])
        parts.append(f"{_count_words(len(undated), 'undated article')} report{'s' if len(undated) == 1 else ''} "
                     f"{_join(shown)}")
    return f"{label}: " + "; ".join(parts)


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
    sentence = _text(figure.get("sentence"))
    number = _text(figure.get("number_text"))
    if not sentences.empty and not _missing(figure.get("start")):
        match = sentences[(sentences["article_id"] == figure["article_id"])
                          & (sentences["idx"] == figure.get("sentence_idx"))]
        if not match.empty:
            offset = int(figure["start"]) - int(match.iloc[0]["start"])
            length = int(figure["end"]) - int(figure["start"])
            if 0 <= offset <= len(sentence) - length and (not number or sentence[offset:offset + length] == number):
                return sentence[:offset], sentence[offset:offset + length], sentence[offset + length:]
    if number and number in sentence:
        at = sentence.index(number)
        return sentence[:at], number, sentence[at + len(number):]
    return sentence, "", ""
