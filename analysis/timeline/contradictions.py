"""Where sources disagree: later lower totals, same-day disagreements and in-article revisions.

``find_contradictions`` lists each pair with both evidence sentences and the reason in
words (the ``contradictions`` table).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

import pandas as pd

from analysis.figures.labels import format_count
from analysis.schema import HEADLINE_CATEGORIES, conform, empty_table
from analysis.tables import records as row_dicts
from analysis.timeline.points import build_timeline, figure_records
from analysis.timeline.values import as_day, as_flag, as_number, as_text, day_text, describe_figure, is_missing

#: Relative tolerance within which two "about" figures are not called a disagreement.
ABOUT_TOLERANCE = 0.10


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
    when = day_text(point["published"]) or "undated"
    return f"{point['source'] or point['article_id']} ({when})"


def find_contradictions(articles: pd.DataFrame, figures: pd.DataFrame, *,
                        categories: Sequence[str] = HEADLINE_CATEGORIES, gap_days: int = 7,
                        timeline: pd.DataFrame | None = None, entities: pd.DataFrame | None = None) -> pd.DataFrame:
    """Pairs of figures that conflict, and in-article revisions, each with both sentences.

    Rules (within one category and one event group, see ``group_events``):
      - ``revision``: an article mentions a superseded figure and the figure that replaced it
        ("revised from an initial 143 to 133"); a = the old figure, b = the new one, same article.
      - ``contradiction``: a report published later than another (by date, or by time on the
        same day when times are known) gives a lower headline total, and its article states no
        downward revision in that category. Each lower report is paired with the highest
        earlier report, so the table grows with the number of reports, not their pairs.
        Two "about" figures within 10% of each other are not a contradiction; an "at least"
        figure below an earlier total is listed, with a note that it does not rule it out. An
        unconfirmed figure (``analysis.timeline.outliers``) is never the earlier total.
      - ``same_day_disagreement``: reports of the same day whose totals differ from the day's
        consensus (a value reported more often than any other, by at least two reports); with
        no consensus, from the day's highest report. a = the consensus or highest report.
      Undated articles cannot be ordered and take part in revisions only.

    Args:
        timeline: a timeline already built from the same tables, to skip rebuilding it.
        entities: the entities table, for the events' places (``analysis.timeline.events``).

    Returns:
        The ``contradictions`` table: category, kind, article_id_a, article_id_b, source_a,
        source_b, published_a, published_b, value_a, value_b, qualifier_a, qualifier_b,
        figure_id_a, figure_id_b, sentence_a, sentence_b, why.
    """
    if timeline is None:
        timeline = build_timeline(articles, figures, categories=categories, gap_days=gap_days, entities=entities)
    rows: list[dict] = []
    points = timeline[timeline["category"].isin(list(categories))]
    records = row_dicts(points)
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
    dated = [r for r in records if r["status"] == "current" and not is_missing(r["published"])]
    for category in categories:
        in_category = [r for r in dated if r["category"] == category]
        for group in sorted({r["event_group"] for r in in_category}, key=lambda g: (is_missing(g), g)):
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
    records = figure_records(figures)
    current: dict[tuple, dict] = {}
    for row in records:
        if row.get("status") == "current" and as_text(row.get("scope")) != "partial" and as_number(row.get("value")) is not None:
            current.setdefault((as_text(row.get("article_id")), row.get("category"), row.get("sentence_idx")), row)
    out = {}
    for row in records:
        if row.get("status") != "superseded":
            continue
        match = current.get((as_text(row.get("article_id")), row.get("category"), row.get("sentence_idx")))
        if match is not None:
            out[(as_text(row.get("article_id")), row.get("category"), as_text(row.get("figure_id")))] = {
                "value": as_number(match.get("value")), "low": as_number(match.get("low")), "high": as_number(match.get("high")),
                "qualifier": as_text(match.get("qualifier")) or "exact", "figure_id": as_text(match.get("figure_id")),
                "sentence": as_text(match.get("sentence"))}
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
        if (pending is None or later["value"] >= pending["value"]) and not as_flag(later.get("unconfirmed")):
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
        by_day.setdefault(as_day(point["published"]), []).append(point)
    for day, on_day in sorted(by_day.items()):
        counts = Counter(p["value"] for p in on_day if not is_missing(p["value"]))
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
