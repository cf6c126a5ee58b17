"""The toll page's tables: category choices, event periods, the evidence sentence, a point's facts, the source-by-day grid.

Plain pandas over the ``timeline``, ``figures`` and ``sentences`` tables, so the page only
draws what these return and every piece of shaping is tested without Streamlit.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

import numpy as np
import pandas as pd

from analysis.figures.labels import figure_label
from analysis.schema import HEADLINE_CATEGORIES
from analysis.tables import CorpusTables, rows_kept
from analysis.timeline.event_notes import event_notes
from analysis.timeline.events import EventInputs, event_groups
from analysis.timeline.points import CATEGORY_LABELS, TOLL_CATEGORIES
from analysis.timeline.summary import SummaryBase, summarise
from analysis.timeline.values import as_flag, flag_column
from analysis.views.evidence import Segment, evidence_parts_of


def category_choices(timeline: pd.DataFrame) -> tuple[list[str], dict[str, int], str]:
    """The categories to offer, the number of articles with a current figure in each, and the default.

    The toll categories come first in their fixed order (even when empty, so the choice
    does not jump between corpora); other headline categories follow only when some
    article reports them. The default is the first category with any article.
    """
    return _choices(_articles_per_category(timeline.loc[timeline["status"] == "current", ["category", "article_id"]]))


def _choices(counts: dict[str, int]) -> tuple[list[str], dict[str, int], str]:
    """``category_choices`` of a timeline whose ``{category: articles with a current figure}`` are ``counts``."""
    options = list(TOLL_CATEGORIES) + [c for c in HEADLINE_CATEGORIES if c not in TOLL_CATEGORIES and counts.get(c)]
    default = next((c for c in options if counts.get(c)), options[0])
    return options, counts, default


def _articles_per_category(rows: pd.DataFrame) -> dict[str, int]:
    """``{category: distinct article_ids}`` in category order, as ``rows.groupby("category")["article_id"].nunique()``
    (a missing category left out, a missing id not counted), on the two columns' codes."""
    categories, names = pd.factorize(rows["category"])
    articles, ids = pd.factorize(rows["article_id"])
    width = max(len(ids), 1)
    known = (categories >= 0) & (articles >= 0)
    # Each (category, article) marked once in a category-by-article grid (a handful of categories), then counted.
    marks = np.zeros(len(names) * width, dtype=bool)
    marks[categories[known].astype(np.int64) * width + articles[known]] = True
    n = marks.reshape(len(names), width).sum(axis=1)
    return {str(c): int(k) for c, k in sorted(zip(list(names), n.tolist()), key=lambda item: item[0])}


def toll_summary(tables: CorpusTables, *, inputs: EventInputs | None = None, base: SummaryBase | None = None,
                 kept: np.ndarray | None = None) -> tuple[list[str], list[str], tuple[list[str], dict[str, int], str]]:
    """What the toll page shows above its chart whatever the category: ``(summary lines, several-events
    notes, category_choices)``, the events grouped once for both. ``tables``: the corpus, or its
    filtered part (anything with ``articles``, ``entities``, ``timeline`` and ``contradictions``);
    ``inputs``: the whole corpus's ``EventInputs`` (``analysis.views.prepared``) for a filtered part, the same
    lines with less read again: when they cover its articles, its entities are not read (a filtered part's are
    then not narrowed, about 18 ms at 10,000 articles): the places come from ``inputs``, and the notes and lines
    read the events grouped here, not the entities. ``base``: the whole corpus's ``summary_base`` for a filtered part
    (whole articles kept or dropped): the lines about figures and the categories' counts are taken from it by
    article mask, ``kept`` (``SummaryBase.kept`` of the part's articles) when the caller has it."""
    covered = inputs is not None and inputs.readers(tables.articles) is not None
    entities = None if covered else tables.entities
    events = event_groups(tables.articles, entities=entities, inputs=inputs)
    mixed = event_notes(tables.articles, events)  # made once for both
    keep = None if base is None else base.kept(tables.articles) if kept is None else kept
    # with a base the pairs are read from it: a filtered part's contradictions are not narrowed for the summary
    # nor its timeline read: a filtered part's is then not narrowed for the summary either
    return (summarise(tables.timeline if base is None else None, tables.contradictions if base is None else None,
                      articles=tables.articles,
                      entities=entities,
                      events=events, mixed=mixed, base=base, keep=keep),
            mixed, category_choices(tables.timeline) if base is None else _choices(base.category_counts(keep)))


def summary_base(tables: CorpusTables) -> SummaryBase:
    """The ``SummaryBase`` of the whole corpus ``tables``, for ``toll_summary`` of its filtered parts."""
    return SummaryBase(tables.timeline, tables.contradictions, articles=tables.articles)


def _is_about(line: str, name: str) -> bool:
    return line.startswith((f"{name}:", f"{name},"))


def summary_sections(summary: list[str], mixed: list[str], *, category: str) -> tuple[list[str], list[str], list[str]]:
    """Split the summary lines into ``(general, this category's, other categories')``.

    ``mixed`` are the several-events notes, which the page shows as warnings of their own
    and which are left out of all three lists.
    """
    label = CATEGORY_LABELS.get(category, category)
    labels = tuple(CATEGORY_LABELS.values())
    general = [line for line in summary if line not in mixed and not line.startswith(labels)]
    mine = [line for line in summary if _is_about(line, label)]
    others = [line for line in summary if line not in mine and line not in general and line not in mixed]
    return general, mine, others


_ONE_EVENT_LINE = re.compile(r"^(?:Event \d+ |[^:,]+, event \d+:)")


def fold_event_lines(lines: list[str], *, keep: int = 6) -> tuple[list[str], list[str]]:
    """``(shown, folded)``: every line about the corpus as a whole, and the first ``keep`` lines about one event
    ("Event 4 with follow-up coverage: ...", "Deaths, event 12: ..."); the other event lines are folded. A mixed
    corpus of thirty incidents would otherwise push the chart a screen down."""
    shown, folded, kept = [], [], 0
    for line in lines:
        if _ONE_EVENT_LINE.match(line):
            if kept >= keep:
                folded.append(line)
                continue
            kept += 1
        shown.append(line)
    return shown, folded


def event_periods(timeline: pd.DataFrame, *, category: str) -> dict[int, str]:
    """``{event_group: "Event 2: 2024-03-22 to 2024-03-25"}`` for the category's events, in order; an event
    with follow-up coverage adds it: "Event 1: 2025-06-06 to 2025-06-26, follow-up to 2026-06-07"."""
    in_category = (timeline["category"] == category).to_numpy(dtype=bool, na_value=False)
    number = timeline["event_group"].to_numpy(dtype=float, na_value=np.nan)
    wanted = np.unique(number[in_category & ~np.isnan(number)])  # the category's events, in order
    if not pd.api.types.is_datetime64_dtype(timeline["published"]):  # dates with a time zone, or text
        return _event_periods_grouped(timeline, [int(g) for g in wanted.tolist()])
    # Each event's first and last main-period day and last follow-up day over the whole timeline (every category),
    # on the days as integers: a pandas groupby of the events' rows took ~10 ms of a date range at 10,000 articles.
    members = np.flatnonzero(np.isin(number, wanted))
    at = np.searchsorted(wanted, number[members])
    days = timeline["published"].to_numpy(dtype="datetime64[ns]").view(np.int64)[members]
    later = flag_column(timeline, "follow_up").to_numpy(dtype=bool)[members]
    dated = days != _NAT
    main, after = dated & ~later, dated & later
    first = np.full(len(wanted), np.iinfo(np.int64).max)
    last, latest = np.full(len(wanted), _NAT), np.full(len(wanted), _NAT)
    np.minimum.at(first, at[main], days[main])
    np.maximum.at(last, at[main], days[main])
    np.maximum.at(latest, at[after], days[after])
    periods = {}
    for group, first_day, last_day, later_day in zip(wanted.tolist(), first.tolist(), last.tolist(), latest.tolist()):
        group = int(group)
        if last_day == _NAT:
            periods[group] = f"Event {group}: undated"
            continue
        first_text, last_text = _day(first_day), _day(last_day)
        periods[group] = f"Event {group}: {first_text}" + ("" if first_text == last_text else f" to {last_text}") + \
            ("" if later_day == _NAT else f", follow-up to {_day(later_day)}")
    return periods


_NAT = np.iinfo(np.int64).min  # NaT as an integer


def _day(nanoseconds: int) -> str:
    return f"{pd.Timestamp(nanoseconds):%Y-%m-%d}"


def _event_periods_grouped(timeline: pd.DataFrame, wanted: list[int]) -> dict[int, str]:
    """``event_periods`` of the events ``wanted`` by a pandas groupby, for dates that are not plain datetime64."""
    members = timeline["event_group"].isin(wanted).to_numpy()
    published = timeline["published"][members]
    later_rows = flag_column(timeline, "follow_up")[members]
    ends = pd.DataFrame({"group": timeline["event_group"][members].astype(int), "main": published.where(~later_rows),
                         "later": published.where(later_rows)}).groupby("group").agg(
        first=("main", "min"), last=("main", "max"), later=("later", "max"))
    periods = {}
    firsts, lasts, laters = (dict(zip(ends.index.tolist(), ends[c].tolist())) for c in ("first", "last", "later"))
    for group in wanted:  # each event's three days read from dicts, not a .loc per event
        first_day, last_day, later = firsts[group], lasts[group], laters[group]
        if pd.isna(first_day):
            periods[group] = f"Event {group}: undated"
            continue
        first, last = f"{first_day:%Y-%m-%d}", f"{last_day:%Y-%m-%d}"
        periods[group] = f"Event {group}: {first}" + ("" if first == last else f" to {last}") + \
            ("" if pd.isna(later) else f", follow-up to {later:%Y-%m-%d}")
    return periods


def follow_up_span(timeline: pd.DataFrame, *, category: str) -> tuple[int, str]:
    """How many articles of the category are follow-up coverage, and their dates in words ("" when none)."""
    later = timeline[["published", "article_id"]][(timeline["category"] == category)  # the two columns read
                                                  & flag_column(timeline, "follow_up") & timeline["published"].notna()]
    if later.empty:
        return 0, ""
    first, last = f"{later['published'].min():%Y-%m-%d}", f"{later['published'].max():%Y-%m-%d}"
    return int(later["article_id"].nunique()), first if first == last else f"{first} to {last}"


def marked_sentence(figures: pd.DataFrame, sentences: pd.DataFrame, figure_ids: list[str]) -> list[Segment]:
    """The evidence sentence of ``figure_ids`` (all in one sentence) cut into segments, their numbers marked.

    A marked segment has ``mark="figure"`` and the figure's id as ``key``. A figure whose
    sentence differs from the first one's is left out; a figure without a located number
    still supplies the sentence. Empty when no figure has a sentence.
    """
    return marked_parts(evidence_parts_of(figures, sentences, figure_ids), figure_ids)


def marked_parts(parts: Mapping[str, tuple[str, str, str]], figure_ids: list[str]) -> list[Segment]:
    """``marked_sentence`` from ``evidence_parts_of`` already made for (at least) ``figure_ids``: a page quoting
    many figures cuts all their sentences in one pass, then marks each quote."""
    sentence, spans = "", []
    for figure_id in figure_ids:
        before, number, after = parts.get(figure_id, ("", "", ""))
        if number and (not sentence or sentence == before + number + after):
            sentence = before + number + after
            spans.append((len(before), len(before) + len(number), figure_id))
        elif not sentence and (before or after):
            sentence = before + after
    segments, cursor = [], 0
    for start, end, figure_id in sorted(set(spans)):
        if start < cursor:
            continue
        if start > cursor:
            segments.append(Segment(sentence[cursor:start]))
        segments.append(Segment(sentence[start:end], "figure", figure_id))
        cursor = end
    if cursor < len(sentence):
        segments.append(Segment(sentence[cursor:]))
    return segments


def point_facts(row: pd.Series, *, category: str) -> list[str]:
    """Plain-text facts about one timeline point: publication and event date, the figure, who gave it."""
    label = CATEGORY_LABELS.get(category, category)
    published = "no date found" if pd.isna(row["published"]) else \
        f"{row['published']:%Y-%m-%d} (date from {row['date_method'] or 'unknown'})"
    facts = [f"Published: {published}"]
    if pd.notna(row["event_date"]):
        words = f" (from “{row['event_date_text']}”)" if row["event_date_text"] else ""
        facts.append(f"Event: {row['event_date']:%Y-%m-%d}{words}")
    value = figure_label(row["value"], row["qualifier"], low=row["low"], high=row["high"], may_rise=row["may_rise"])
    facts.append(f"{label}: {value}" + (" — superseded in the same article" if row["status"] == "superseded" else ""))
    if as_flag(row.get("unconfirmed")):
        facts.append("Unconfirmed: far above every other report of its day, and no other source gave a figure near "
                     "it that day or before; it is not counted in the highest-so-far line or the band")
    if as_flag(row.get("follow_up")):
        facts.append("Follow-up coverage: published after the event's main period")
    if row["attributed_to"]:
        facts.append(f"According to: {row['attributed_to']}")
    return facts


def figure_words(rows: pd.DataFrame) -> list[str]:
    """``figure_label`` of each timeline row (``value``, ``qualifier``, ``low``, ``high``, ``may_rise``),
    written once per distinct figure (15,000 rows, a few hundred distinct figures at 10,000 articles)."""
    columns = [rows[c].tolist() for c in ("value", "qualifier", "low", "high", "may_rise")]
    for column in columns[2:4]:  # NaN is never equal to itself: one key for every missing bound
        column[:] = [None if v != v else v for v in column]
    keys = list(zip(*columns))
    words: dict[tuple, str] = {}
    for key in keys:
        if key not in words:
            words[key] = figure_label(key[0], key[1], low=key[2], high=key[3], may_rise=key[4])
    return [words[key] for key in keys]


def figure_word_codes(rows: pd.DataFrame) -> tuple[np.ndarray, list[str]]:
    """``figure_words(rows)`` as ``(codes, words)``: ``words[codes[i]]`` is row i's figure in words. The five
    columns are coded one at a time (missing values as one code), each distinct figure written once, so no
    Python tuple is made per row (15,000 rows at 10,000 articles). Two distinct figures can read the same."""
    if rows.empty:
        return np.zeros(0, dtype="int64"), []
    key = np.zeros(len(rows), dtype="int64")
    for column in ("value", "qualifier", "low", "high", "may_rise"):
        codes, uniques = pd.factorize(rows[column], use_na_sentinel=False)
        key = pd.factorize(key * (len(uniques) + 1) + codes)[0]
    _, first = np.unique(key, return_index=True)  # each distinct figure's first row, by code
    written = figure_words(rows.iloc[first])
    return key, written


def source_day_grid(timeline: pd.DataFrame, *, category: str) -> pd.DataFrame:
    """Each source's current figures of one category per reporting day, in words; undated in the last column.

    Rows are sources, columns days (``YYYY-MM-DD`` in order, then ``undated``), cells the
    figures reported that day joined by "; ", empty where the source reported none.
    """
    current = _current_rows(timeline, category)
    if current.empty:
        return pd.DataFrame(index=pd.Index([], name="source"))
    # the cells joined in one pass (``_joined_cells``), then laid out: a pivot_table joining each cell through a
    # Python function took a tenth of a second for a 10,000-article event's forty sources
    pivot = _joined_cells(_cells(current)).pivot(index="source", columns="day", values="figure")
    days = sorted(c for c in pivot.columns if c != "undated") + (["undated"] if "undated" in pivot.columns else [])
    return pivot[days].fillna("")


def source_day_table(timeline: pd.DataFrame, *, category: str, max_sources: int = 40,
                     max_days: int = 60) -> pd.DataFrame:
    """``source_day_grid`` while it stays readable; past ``max_sources`` sources or ``max_days`` days,
    the same cells in long form (mostly empty at that size otherwise): columns source, day
    (``YYYY-MM-DD`` or ``undated``) and figure (the figures joined by "; "), by day then source."""
    current = _current_rows(timeline, category)
    n_days = current["published"].dt.normalize().nunique() + int(current["published"].isna().any())
    if current.empty or (current["source"].nunique() <= max_sources and n_days <= max_days):
        return source_day_grid(timeline, category=category)
    return _joined_cells(_cells(current))


def _current_rows(timeline: pd.DataFrame, category: str) -> pd.DataFrame:
    """The category's current rows, with only the columns the grid reads."""
    read = [c for c in ("published", "source", "value", "qualifier", "low", "high", "may_rise") if c in timeline]
    return timeline[read][((timeline["category"] == category) & (timeline["status"] == "current")).to_numpy()]


def _cells(current: pd.DataFrame) -> pd.DataFrame:
    """``current`` with each row's ``day`` ("YYYY-MM-DD" or "undated") and ``figure`` in words, each distinct
    figure and day written once."""
    codes, words = figure_word_codes(current)
    return current.assign(day=_days(current["published"]), figure=np.asarray(words, dtype=object)[codes])


def _days(published: pd.Series) -> pd.Series:
    """``published.dt.strftime("%Y-%m-%d").fillna("undated")``, each distinct day written once."""
    days = published.dt.normalize()
    distinct, at = np.unique(days.to_numpy(dtype="datetime64[ns]"), return_inverse=True)
    written = pd.Series(distinct).dt.strftime("%Y-%m-%d").fillna("undated")
    return pd.Series(written.array.take(at.ravel()), index=published.index, name=published.name)


def _joined_cells(cells: pd.DataFrame) -> pd.DataFrame:
    """``cells.groupby(["day", "source"], sort=True)["figure"].agg("; ".join).reset_index()[["source", "day",
    "figure"]]``: the rows ordered once by the two columns' sorted codes, each group's start found on them, and only
    the figures of a group of several rows joined (a Python join per group through pandas took a tenth of a second
    for the 7,000 source-days of a 10,000-article corpus, a loop over every row 16 ms)."""
    keyed = cells[["day", "source", "figure"]].dropna(subset=["day", "source"])
    days, _ = pd.factorize(keyed["day"], sort=True)
    sources, _ = pd.factorize(keyed["source"], sort=True)
    order = np.lexsort((sources, days))  # by day, then source, then row: the groups in order, each in row order
    days, sources = days[order], sources[order]
    starts = np.flatnonzero(np.r_[True, (days[1:] != days[:-1]) | (sources[1:] != sources[:-1])]) if len(order) \
        else np.zeros(0, dtype=np.int64)
    figures = keyed["figure"].to_numpy(dtype=object)[order]
    joined = figures[starts]
    ends = np.r_[starts[1:], len(order)]
    for k in np.flatnonzero(ends - starts > 1).tolist():
        joined[k] = "; ".join(figures[starts[k]:ends[k]].tolist())
    first = order[starts]
    # The keys' types as a groupby gives them: the column's own, or inferred again from plain objects.
    return pd.DataFrame({c: pd.Series(keyed[c].to_numpy(dtype=object)[first].tolist(),
                                      dtype=None if cells[c].dtype == object else cells[c].dtype)
                         for c in ("source", "day")} | {"figure": joined.tolist()})


#: Past this many events the toll page opens on the one with most articles, not on all of them together.
MAX_EVENTS_TOGETHER = 5


def opening_event(timeline: pd.DataFrame, *, category: str) -> int:
    """The event the toll chart opens on: 0 (all together) with up to ``MAX_EVENTS_TOGETHER`` events of the
    category, otherwise the one with most articles (the earlier on a tie). Separate incidents' tolls share no
    scale (a 3,000-death earthquake flattens thirty shootings) and the band is drawn per event anyway, so a
    mixed corpus opens on its most covered event, the others one pick away."""
    rows = timeline[["event_group", "article_id"]][  # the two columns read: the others are not taken
        ((timeline["category"] == category) & timeline["event_group"].notna()).to_numpy()]
    sizes = rows.groupby("event_group")["article_id"].nunique()
    if len(sizes) <= MAX_EVENTS_TOGETHER:
        return 0
    return int(sizes.sort_index(kind="stable").idxmax())


def category_pairs(contradictions: pd.DataFrame, category: str) -> pd.DataFrame:
    """The rows of ``contradictions[contradictions["category"] == category]`` (index too), their sentences sliced,
    not copied: the pairs are sorted by category, so a category is a few runs of rows (33 -> 6 ms at 10,000
    articles)."""
    keep = (contradictions["category"] == category).to_numpy()
    return rows_kept(contradictions, keep).set_axis(contradictions.index[keep])


def kept_category_pairs(whole: pd.DataFrame, positions: np.ndarray, keep: np.ndarray, category: str) -> pd.DataFrame:
    """``category_pairs`` of the rows of the whole corpus's contradictions ``whole`` about two articles ``keep`` marks
    (a boolean per whole-corpus article), as a filtered part's narrowed table (fresh index) gives them, taken from
    ``whole`` at once: the filtered part's contradictions are not narrowed first (7-17 ms of a new date range at
    10,000 articles). ``positions``: each row's two articles' positions (``analysis.tables.article_rows``)."""
    kept = np.where(positions >= 0, keep[np.maximum(positions, 0)], False).all(axis=0)
    mine = kept & (whole["category"] == category).to_numpy()
    return rows_kept(whole, mine).set_axis(pd.RangeIndex(int(kept.sum()))[mine[kept]])
