"""The toll in words: plain-language summary lines generated from the timeline and contradictions."""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from collections.abc import Sequence

import numpy as np
import pandas as pd

from analysis.figures.labels import format_count
from analysis.schema import HEADLINE_CATEGORIES
from analysis.tables import positions_in
from analysis.timeline.events import event_groups
from analysis.timeline.points import CATEGORY_LABELS, follow_up_notes, mixed_event_notes
from analysis.timeline.values import count_words, day_text, describe_figure, flag_column, join_words

#: A day as ``day_text`` writes it: parsing it again (a cache miss per day of thousands) gives it back unchanged.
_ISO_DAY = re.compile(r"[1-9]\d{3}-\d{2}-\d{2}")

_POINT_COLUMNS = ("article_id", "source", "published", "event_group", "category", "value", "low", "high",
                  "qualifier", "status", "follow_up", "unconfirmed")
_PAIR_COLUMNS = ("category", "kind", "article_id_a", "article_id_b", "source_a", "source_b", "published_b",
                 "value_a", "value_b")

#: Same-day dates listed in a summary line before "and N more days".
MAX_LISTED = 5


def undated_figures(said: Sequence[str]) -> str:
    """What undated articles report, for a summary line: each figure when there are at most four ("over 130 and
    133"); otherwise the three most often reported, with how many articles give each, and how many other figures
    ("1 (1,200 articles), 2 (310 articles), 3 (95 articles) and 41 other figures"), not four arbitrary ones."""
    if len(said) <= 4:
        return join_words(list(said))
    counts = Counter(said).most_common()  # a stable sort by count: ties keep their first-reported order
    shown = [f"{figure} ({count_words(int(n), 'article')})" for figure, n in counts[:3]]
    rest = len(counts) - len(shown)
    if rest:
        shown.append(f"{rest:,} other figure{'s' if rest != 1 else ''}")
    return join_words(shown)


def summarise(timeline: pd.DataFrame | None, contradictions: pd.DataFrame | None, *,
              articles: pd.DataFrame | None = None, categories: Sequence[str] = HEADLINE_CATEGORIES,
              gap_days: int = 7, entities: pd.DataFrame | None = None,
              events: pd.DataFrame | None = None, mixed: list[str] | None = None,
              base: SummaryBase | None = None, keep: np.ndarray | None = None) -> list[str]:
    """Plain-language summary lines generated from the tables.

    One line per category with figures, e.g. "Deaths: reported from at least 60 (2024-03-23)
    to 133 (2024-03-23); two sources disagree on the same day (2024-03-23); one article revises
    143 to 133; two undated articles report over 130 and 133". The range is the main period's:
    follow-up coverage is summed up after it ("eight follow-up articles (2025-10-30 to
    2026-06-07) report 144"), and an unconfirmed figure is left out of it and named ("one
    figure is unconfirmed: 182 (a.example, 2025-06-10) ..."). With ``articles`` given (and
    ``entities``, for the events' places), lines about several events being mixed, follow-up
    coverage and undated articles come first; ``events`` is ``event_groups`` of ``articles`` when
    the caller has it already, ``mixed`` its ``mixed_event_notes`` likewise. ``base``: the ``SummaryBase`` of a
    whole corpus of which these tables are the rows about the articles ``keep`` marks (a boolean per article of the
    base's): the figures' lines are then taken from it, not made again (and ``timeline`` and ``contradictions``,
    then unread, may be None).
    """
    if articles is not None and not articles.empty and events is None:
        events = event_groups(articles, entities=entities, gap_days=gap_days)
    lines: list[str] = []
    if articles is not None and not articles.empty:
        lines.extend(mixed if mixed is not None else
                     mixed_event_notes(articles, entities=entities, gap_days=gap_days, events=events))
        lines.extend(follow_up_notes(articles, entities=entities, gap_days=gap_days, events=events))
        undated = int(articles["published"].isna().sum()) if "published" in articles else len(articles)
        if undated:
            lines.append(f"{count_words(undated, 'article').capitalize()} "
                         + ("has no publication date found; it is" if undated == 1 else
                            "have no publication date found; they are")
                         + " shown apart from the time axis.")
    if base is None:
        base, keep = SummaryBase(timeline, contradictions), None
    return lines + base.figure_lines(keep, categories=categories,
                                     n_articles=len(articles) if articles is not None else None)


class SummaryBase:
    """What ``summarise`` reads of a corpus's current points and pairs, made once per corpus: the points and pairs as
    arrays (``_Points``, ``_Pairs``: codes, flags, days, each figure in words), each row's article position, and
    per category its points' and pairs' positions in order and ordered by event. A filtered part of the corpus (whole
    articles kept or dropped: its timeline and pairs are rows of these, unchanged) then takes its lines by mask
    (``figure_lines``): about 40 ms at 10,000 articles where making the arrays again took about 110 ms."""

    def __init__(self, timeline: pd.DataFrame, contradictions: pd.DataFrame, *,
                 articles: pd.DataFrame | None = None) -> None:
        # Only the columns the lines read, as they are: the lines filter arrays made from them (``_Points``),
        # strings by their codes, and read a string cell only where they quote it.
        current = timeline.loc[timeline["status"] == "current", [c for c in _POINT_COLUMNS if c in timeline]]
        # Each point's date and flags, read once per column: ``_dated``: the publication date is known, ``_later``
        # and ``_doubtful`` are the follow_up and unconfirmed flags (``flag_column``) (half a million calls at 10,000
        # articles).
        current = current.assign(
            _dated=current["published"].notna() if "published" in current else False,
            _later=flag_column(current, "follow_up"), _doubtful=flag_column(current, "unconfirmed"))
        self.n_points = len(current)
        self.event_group = current["event_group"] if "event_group" in current else None
        self.points = _Points(current)
        self.pairs = _Pairs(contradictions, current) if len(current) else None
        #: the corpus's article ids (``kept`` reads them), and each point's and pair's
        #: article positions among them (-1: none; a pair's a then b)
        self.articles = None if articles is None else articles[["article_id"]]
        if articles is not None and len(current):
            self.point_articles = _positions(articles["article_id"], [current["article_id"]])[0]
            self.pair_articles = _positions(articles["article_id"], [
                contradictions[c] if c in contradictions else pd.Series([None] * len(contradictions), dtype=object)
                for c in ("article_id_a", "article_id_b")])
        self._made: dict[str, tuple] = {}
        #: each line made, by its label and the positions of its points and pairs (``_line``)
        self._lines: dict[tuple, str] = {}

    def kept(self, articles: pd.DataFrame) -> np.ndarray:
        """Which of the corpus's articles are among ``articles`` (by ``article_id``): ``keep`` for ``figure_lines``."""
        keep = np.zeros(len(self.articles), dtype=bool)
        at = _positions(articles["article_id"], [self.articles["article_id"]])[0]
        keep[at >= 0] = True
        return keep

    def category_counts(self, keep: np.ndarray) -> dict[str, int]:
        """``{category: distinct articles}`` of the current points whose articles ``keep`` marks (a boolean per
        article of ``articles``), as ``analysis.views.toll.category_choices`` counts them in the rows of those
        articles: by category name, a category without any such point left out."""
        if not self.n_points:
            return {}
        kept = _kept(keep, self.point_articles) & (self.points.category_codes >= 0)
        codes, articles = self.points.category_codes[kept], self.point_articles[kept]
        names = list(self.points.categories)  # by code
        width = max(len(keep), 1)
        # each (category, article) marked once in a category-by-article grid (a handful of categories), then counted
        marks = np.zeros(len(names) * width, dtype=bool)
        marks[codes.astype(np.int64) * width + articles] = True
        n = marks.reshape(len(names), width).sum(axis=1)
        present = np.flatnonzero(np.bincount(codes, minlength=len(names))).tolist()
        return {str(names[c]): int(n[c]) for c in sorted(present, key=lambda c: names[c])}

    def _of_category(self, category: str) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
        """The category's point positions, the same ordered by event (NaN last; table order within one), and its
        pair positions likewise."""
        if category not in self._made:
            at = np.flatnonzero(self.points.of_category(category))
            pair_at = np.flatnonzero(self.pairs.of_category(category))
            self._made[category] = (at, at[np.argsort(self.points.group[at], kind="stable")],
                                    pair_at, pair_at[np.argsort(self.pairs.group[pair_at], kind="stable")])
        return self._made[category]

    def figure_lines(self, keep: np.ndarray | None = None, *, categories: Sequence[str] = HEADLINE_CATEGORIES,
                     n_articles: int | None = None) -> list[str]:
        """``summarise``'s lines about the figures (after those about the articles) for the points and pairs whose
        articles ``keep`` marks (a boolean per article of ``articles``; None: every point and pair); ``n_articles``:
        how many articles (None: no articles given) for the line saying no figure was found."""
        if keep is None:
            kept_points, kept_pairs = np.ones(self.n_points, bool), None
        elif self.n_points:
            kept_points = _kept(keep, self.point_articles)
            kept_pairs = _kept(keep, self.pair_articles[0]) & _kept(keep, self.pair_articles[1])
        else:
            kept_points = np.zeros(0, bool)
        if not kept_points.any():
            return [f"No death, injury or arrest figures were found in {count_words(n_articles, 'article')}."
                    if n_articles is not None else "No figures were found."]
        points, pairs = self.points, self.pairs
        groups = [] if self.event_group is None else sorted(
            (self.event_group if keep is None else self.event_group[kept_points]).dropna().unique())
        by_number = all(isinstance(g, (int, float, np.number)) and not isinstance(g, bool) for g in groups)
        lines: list[str] = []
        for category in categories:
            at, by_event, pair_at, pairs_by_event = self._of_category(category)
            at = at[kept_points[at]]
            if not len(at):
                continue
            label = CATEGORY_LABELS.get(category, category.capitalize())
            its_pairs = pair_at if kept_pairs is None else pair_at[kept_pairs[pair_at]]
            if len(groups) <= 1:
                lines.append(self._line(label, at, its_pairs))
                continue
            # Several events: one line per event (its dated points), so no range spans two events; an event's pairs
            # are those whose later article reports in it (each article is in one event).
            if by_number:  # each event's positions, in table order, from the positions ordered by event once
                in_event = _split(by_event[kept_points[by_event]], points.group)
                pairs_in = _split(pairs_by_event if kept_pairs is None else pairs_by_event[kept_pairs[pairs_by_event]],
                                  pairs.group)
                events = ((group, in_event.get(float(group)), pairs_in.get(float(group), _NONE)) for group in groups)
            else:  # events that are not numbers: each compared with every point and pair, as the numbers are
                events = []
                for group in groups:
                    rows = at[np.broadcast_to(points.group[at] == group, at.shape)]
                    events.append((group, rows if len(rows) else None,
                                   its_pairs[np.broadcast_to(pairs.group[its_pairs] == group, its_pairs.shape)]))
            for group, rows, its_event_pairs in events:
                if rows is None:
                    continue
                lines.append(self._line(f"{label}, event {group}", rows[points.dated[rows]], its_event_pairs))
            undated = at[~points.dated[at]]
            if len(undated):
                lines.append(self._line(f"{label}, undated", undated, _NONE))
        return lines

    def _line(self, label: str, rows: np.ndarray, pair_rows: np.ndarray) -> str:
        """``_category_line`` of these points and pairs (positions), made once: a line depends on them alone, and a
        new date range changes only the events at its ends, so most of its lines were made for an earlier one."""
        key = (label, *(hashlib.blake2b(np.asarray(a, dtype=np.int64).tobytes(), digest_size=16).digest()
                        for a in (rows, pair_rows)))
        line = self._lines.get(key)
        if line is None:
            if len(self._lines) >= MAX_LINES_KEPT:
                self._lines.clear()
            line = self._lines[key] = _category_line(label, self.points, rows, self.pairs, pair_rows)
        return line


#: ``SummaryBase`` keeps at most this many lines made (a few hundred per date range at 10,000 articles).
MAX_LINES_KEPT = 5000

_NONE = np.zeros(0, dtype=np.int64)


def _split(ordered: np.ndarray, group: np.ndarray) -> dict[float, np.ndarray]:
    """``{event: its positions}`` from positions ordered by event (``group``, NaN last: left out)."""
    values = group[ordered]
    known = ~np.isnan(values)
    ordered, values = ordered[known], values[known]
    if not len(ordered):
        return {}
    starts = np.flatnonzero(np.r_[True, values[1:] != values[:-1]])
    ends = np.r_[starts[1:], len(values)]
    return {value: ordered[start:end] for value, start, end in zip(values[starts].tolist(), starts.tolist(),
                                                                   ends.tolist())}


def _kept(keep: np.ndarray, positions: np.ndarray) -> np.ndarray:
    """Whether each row's article (its position, -1: none) is kept."""
    return np.where(positions >= 0, keep[np.maximum(positions, 0)], False) if len(keep) else \
        np.zeros(len(positions), bool)


def _positions(ids: pd.Series, columns: list[pd.Series]) -> np.ndarray:
    """Each cell's position in ``ids`` (-1: not among them; a repeated id: its first), one row per column, by
    Arrow's hash lookup when both are text (``positions_in``)."""
    first = None if ids.is_unique else np.flatnonzero(~pd.Index(ids).duplicated())
    unique = ids if first is None else ids.iloc[first]
    out = np.full((len(columns), len(columns[0]) if columns else 0), -1, dtype=np.int64)
    for k, column in enumerate(columns):
        if not len(column) or not len(unique):
            continue
        found = positions_in(column.reset_index(drop=True), unique.reset_index(drop=True))
        out[k] = found if first is None else np.where(found >= 0, first[np.maximum(found, 0)], -1)
    return out


def _cells(column: pd.Series, positions: np.ndarray) -> np.ndarray:
    """The cells of ``column`` at ``positions`` as an object array (Arrow strings as Python strings, a missing
    one as the column's own missing value)."""
    cells = column.take(positions)
    if pd.api.types.is_string_dtype(cells) and cells.dtype != object:
        cells = cells.astype(object)
    return cells.to_numpy(dtype=object)


class _Points:
    """The current points as arrays, one per column the lines read, and each point's figure in words."""

    def __init__(self, current: pd.DataFrame) -> None:
        # Each point's source as a plain object, each distinct one a single string (a base is kept per corpus): the
        # frame itself is not kept.
        self.source_cells = np.full(len(current), None, dtype=object) if "source" not in current else \
            _interned(_cells(current["source"], np.arange(len(current))))
        self.category_codes, categories = _codes(current, "category")
        self.categories = {category: code for code, category in enumerate(categories.tolist())}
        groups = current["event_group"] if "event_group" in current else pd.Series(pd.NA, index=current.index)
        self.group = pd.to_numeric(groups, errors="coerce").to_numpy(dtype=float, na_value=np.nan)  # NaN: none
        self.dated = current["_dated"].to_numpy(dtype=bool)
        self.later, self.doubtful = current["_later"].to_numpy(dtype=bool), current["_doubtful"].to_numpy(dtype=bool)
        self.published = current["published"].to_numpy(dtype="datetime64[ns]") if "published" in current else \
            np.full(len(current), np.datetime64("NaT"), dtype="datetime64[ns]")
        self.value = current["value"].to_numpy(dtype=float, na_value=np.nan)
        # ``describe_figure`` of each point, written once per distinct figure: the four columns' codes made one
        # (each missing cell its column's code -1: ``figure_label`` reads every missing value, bound and
        # qualifier alike), a figure's words made from its first row.
        names = ("value", "qualifier", "low", "high")
        key = np.zeros(len(current), dtype=np.int64)
        for name in names:
            if name in current:
                codes, uniques = pd.factorize(current[name])
                key, _ = pd.factorize(key * (len(uniques) + 1) + codes + 1)
        _, first_rows, of_row = np.unique(key, return_index=True, return_inverse=True)
        columns = [current[c].take(first_rows).tolist() if c in current else [None] * len(first_rows) for c in names]
        for column in columns[2:]:  # a missing bound as None, as ``figure_label`` reads it
            column[:] = [None if v != v else v for v in column]
        words = np.array([describe_figure(dict(zip(names, figure))) for figure in zip(*columns)] or [""],
                         dtype=object)
        self.words = words[of_row.reshape(-1)] if len(current) else np.array([], dtype=object)

    def of_category(self, category: str) -> np.ndarray:
        """The mask of the category's points."""
        code = self.categories.get(category)
        return self.category_codes == code if code is not None else np.zeros(len(self.value), bool)

    def sources(self, positions: np.ndarray) -> np.ndarray:
        """The ``source`` cells at ``positions`` as plain objects (Nones without the column)."""
        return self.source_cells[positions]

    def day(self, position: int) -> str:
        return day_text(pd.Timestamp(self.published[position]))

    def first(self, positions: np.ndarray, *, highest: bool) -> int:
        """The first of ``positions`` sorted by value (highest first when ``highest``, a missing value last),
        then publication, then table order."""
        values = self.value[positions]
        known = ~np.isnan(values)
        if known.any():  # a missing value last: only those when no value is known
            positions, values = positions[known], values[known]
        # The lowest (highest) value's points, then the earliest of them, then the first in table order:
        # the first of a lexsort by (missing, value, publication), without sorting.
        positions = positions[values == (values.max() if highest else values.min())] if known.any() else positions
        published = self.published[positions].view("int64")
        return int(positions[np.argmax(published == published.min())])


class _Pairs:
    """The pairs (contradictions) as masks by category, kind and the event of the later article among the points;
    the other columns a line reads (sources, day, values, first article) are read only at the rows it names, as
    plain objects (the 50,000 pairs of 10,000 articles: a few hundred are ever read)."""

    def __init__(self, pairs: pd.DataFrame, current: pd.DataFrame) -> None:
        self.frame = pairs
        n_pairs = len(pairs)
        self.source_codes = self.day_codes = self.article_codes = None  # made when a line first reads them
        # Category and kind as integer codes (Arrow's dictionary encoding when the columns are Arrow strings).
        self.category_codes, categories = _codes(pairs, "category")
        self.categories = {category: code for code, category in enumerate(categories.tolist())}
        kind_codes, kinds = _codes(pairs, "kind")
        kinds = kinds.tolist()
        self.same_day, self.lower, self.revision = (
            kind_codes == kinds.index(kind) if kind in kinds else np.zeros(n_pairs, bool)
            for kind in ("same_day_disagreement", "contradiction", "revision"))
        # The event of the article among the category's points (the last of its rows, as a dict of them would
        # keep): (category, article) keys as one integer each, looked up in an integer index.
        n = len(current)
        categories, _ = pd.factorize(_joined(current, pairs, "category", "category"), use_na_sentinel=False)
        articles, uniques = pd.factorize(_joined(current, pairs, "article_id", "article_id_b"), use_na_sentinel=False)
        keys = categories.astype(np.int64) * max(len(uniques), 1) + articles
        groups = pd.Series(pd.to_numeric(current["event_group"], errors="coerce").to_numpy(dtype=float, na_value=np.nan),
                           index=keys[:n])
        groups = groups[~groups.index.duplicated(keep="last")]
        found = groups.index.get_indexer(keys[n:])
        self.group = np.where(found >= 0, groups.to_numpy()[np.maximum(found, 0)] if len(groups) else np.nan, np.nan)

    def __len__(self) -> int:
        return len(self.category_codes)

    def of_category(self, category: str) -> np.ndarray:
        """The mask of the category's pairs (``category`` column equal to it)."""
        code = self.categories.get(category)
        return self.category_codes == code if code is not None else np.zeros(len(self), bool)

    def n_sources(self, rows: np.ndarray) -> int:
        """How many distinct sources (``source_a`` or ``source_b``) the pairs at ``rows`` (a mask or positions) name: by codes
        of the two columns together when no source is missing, else as a set of their cells."""
        if self.source_codes is None:
            both = _joined(self.frame, self.frame, "source_a", "source_b")
            self.source_codes = pd.factorize(both)[0].reshape(2, -1) if both.notna().all() else ()
        if not len(self.source_codes) and len(self):
            return len(set(self.read("source_a", rows).tolist()) | set(self.read("source_b", rows).tolist()))
        return int(_marked(self.source_codes[:, rows], len(self) * 2).sum())

    def n_articles(self, rows: np.ndarray) -> int:
        """How many distinct articles (``article_id_a``, a missing one not counted) the pairs at ``rows`` name."""
        if self.article_codes is None:
            self.article_codes = _codes(self.frame, "article_id_a")[0]
        codes = self.article_codes[rows]
        return len(np.unique(codes[codes >= 0]))

    def days(self, rows: np.ndarray) -> list:
        """The distinct days of the pairs at ``rows`` (a mask or positions): "2024-03-23" (None where missing) when
        ``published_b`` holds dates, else its distinct cells."""
        if self.day_codes is None:
            published = self.frame["published_b"] if "published_b" in self.frame else None
            if published is not None and pd.api.types.is_datetime64_any_dtype(published):
                codes, days = pd.factorize(published.dt.normalize())  # -1: no date -> the None appended
                self.day_codes = codes
                self.day_words = np.append(pd.DatetimeIndex(days).strftime("%Y-%m-%d").to_numpy(dtype=object), None)
            else:
                self.day_codes = ()
        if not len(self.day_codes) and len(self):
            return list(set(self.read("published_b", rows).tolist()))
        return self.day_words[_marked(self.day_codes[rows], len(self.day_words))].tolist()

    def read(self, column: str, rows: np.ndarray) -> np.ndarray:
        """A column's cells at ``rows`` (a mask or positions) as plain objects, Nones without the column;
        ``published_b`` dates as their day ("2024-03-23", None where missing)."""
        positions = np.flatnonzero(rows) if rows.dtype == bool else rows
        if column not in self.frame:
            return np.full(len(positions), None, dtype=object)
        if column == "published_b" and pd.api.types.is_datetime64_any_dtype(self.frame[column]):
            days = self.frame[column].take(positions).dt.normalize()
            return np.where(days.isna().to_numpy(), None, days.dt.strftime("%Y-%m-%d").to_numpy(dtype=object))
        return _cells(self.frame[column], positions)


def _interned(cells: np.ndarray) -> np.ndarray:
    """``cells`` with each distinct value one object (the same values)."""
    seen: dict = {}
    return np.array([seen.setdefault(cell, cell) for cell in cells.tolist()], dtype=object) if len(cells) else cells


def _marked(codes: np.ndarray, size: int) -> np.ndarray:
    """A mask of ``size`` with each code's place set (-1: the last), in one pass without a sort."""
    marks = np.zeros(size, dtype=bool)
    marks[codes.reshape(-1)] = True
    return marks


def _codes(frame: pd.DataFrame, column: str) -> tuple[np.ndarray, pd.Index]:
    """A column's integer codes and distinct values (-1: missing; all missing without the column)."""
    if column not in frame:
        return np.full(len(frame), -1, dtype=np.int64), pd.Index([])
    codes, uniques = pd.factorize(frame[column])
    return codes, pd.Index(uniques)


def _joined(first: pd.DataFrame, second: pd.DataFrame, column: str, other: str) -> pd.Series:
    """``first[column]`` then ``second[other]`` as one Series (Nones for a table without it), Arrow strings
    staying Arrow when both are."""
    parts = [frame[name].reset_index(drop=True) if name in frame else pd.Series([None] * len(frame), dtype=object)
             for frame, name in ((first, column), (second, other))]
    return pd.concat(parts, ignore_index=True)


def _category_line(label: str, points: _Points, rows: np.ndarray, pairs: _Pairs, pair_rows: np.ndarray) -> str:
    """One summary line from a category's current points and its pairs (their positions, in table order)."""
    parts: list[str] = []
    all_dated = rows[points.dated[rows]]
    later = all_dated[points.later[all_dated]]
    doubtful = all_dated[points.doubtful[all_dated]]
    dated = all_dated[~points.later[all_dated] & ~points.doubtful[all_dated]]
    if len(dated):
        low, high = points.first(dated, highest=False), points.first(dated, highest=True)
        if points.value[low] == points.value[high]:
            parts.append(f"{points.words[high]} ({points.day(high)}) in {count_words(len(dated), 'dated article')}")
        else:
            parts.append(f"reported from {points.words[low]} ({points.day(low)}) to "
                         f"{points.words[high]} ({points.day(high)})")
    if len(doubtful):
        said = [f"{points.words[i]} ({source}, {points.day(i)})" for i, source in
                zip(doubtful[:3], points.sources(doubtful[:3]))]
        n = len(doubtful)
        parts.append(f"{count_words(n, 'figure')} {'is' if n == 1 else 'are'} unconfirmed: {join_words(said)}"
                     + (f" and {n - 3} more" if n > 3 else "")
                     + f", far above every other report of {'its' if n == 1 else 'their'} day with no second "
                       f"source near {'it' if n == 1 else 'them'}, so {'it is' if n == 1 else 'they are'} not "
                       "counted in the highest so far until another source gives a figure near "
                       f"{'it' if n == 1 else 'them'}")
    if len(later):
        values = sorted(set(points.words[later].tolist()))
        days = points.published[later]
        first, last = day_text(pd.Timestamp(days.min())), day_text(pd.Timestamp(days.max()))
        parts.append(f"{count_words(len(later), 'follow-up article')} ({first}"
                     + ("" if first == last else f" to {last}")
                     + f") report{'s' if len(later) == 1 else ''} {join_words(values[:4])}"
                     + (f" and {len(values) - 4} other figures" if len(values) > 4 else ""))
    if len(pair_rows):
        same_day = pair_rows[pairs.same_day[pair_rows]]
        if len(same_day):
            sources = pairs.n_sources(same_day)
            found = pairs.days(same_day)
            written = len(pairs.day_codes) > 0  # written from dates (``_Pairs.days``): each is its own day_text
            days = sorted({("" if d is None else d) if written and (d is None or _ISO_DAY.fullmatch(d))
                           else day_text(d) for d in found})
            shown_days = days[:MAX_LISTED] + ([f"{len(days) - MAX_LISTED} more days"] if len(days) > MAX_LISTED else [])
            parts.append(f"{count_words(sources, 'source')} disagree on the same day ({', '.join(shown_days)})")
        n_later = int(pairs.lower[pair_rows].sum())
        if n_later:
            parts.append(f"{count_words(n_later, 'later report')} give{'s' if n_later == 1 else ''} a lower "
                         "total without stating a revision")
        revisions = pair_rows[pairs.revision[pair_rows]]
        if len(revisions):
            changes = [f"{format_count(a)} to {format_count(b)}" for a, b in
                       zip(pairs.read("value_a", revisions[:3]), pairs.read("value_b", revisions[:3]))]
            n_articles = pairs.n_articles(revisions)
            verb = "revises" if n_articles == 1 else "revise"
            shown = changes + ([f"{len(revisions) - 3} more"] if len(revisions) > 3 else [])
            parts.append(f"{count_words(n_articles, 'article')} {verb} {join_words(shown)}")
    undated = rows[~points.dated[rows]]
    if len(undated):
        parts.append(f"{count_words(len(undated), 'undated article')} report{'s' if len(undated) == 1 else ''} "
                     f"{undated_figures(points.words[undated].tolist())}")
    return f"{label}: " + "; ".join(parts)
