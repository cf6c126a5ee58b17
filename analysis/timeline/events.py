"""Which articles tell of one event, and which of them are follow-up coverage after its main period.

``event_groups`` gives each article its ``event_group`` (the probable event, numbered from 1
in time order) and ``follow_up`` (published after the event's main developing period).

Rules, in order:

1. **Periods.** Each article's key date is its ``event_date`` when resolved, else its
   ``published`` date. Sorted key dates more than ``gap_days`` apart start a new period
   (single linkage), so a toll reported daily for a month stays one period.
2. **Events.** Periods are taken in time order. A later period is follow-up coverage of an
   earlier event, and joins it, when nothing tells them apart and something ties them:
   - *nothing tells them apart*: the period's resolved event dates, if any, include one within
     a day of one of the event's; and its killed and injured headline figures, if any, mostly
     (at least half of its articles with one) restate a figure reported for the event, within
     10% ("the attack, in which 144 people were killed", months after a toll of 144);
   - *something ties them*: one of the event's places (a GPE, LOC or FAC entity named in at
     least a third of its articles) is named in at least half of the period's articles
     (as an entity, or written in the text), or an event date agrees.
   Otherwise the period starts a new event: "separate events" means the places, the event
   dates or the tolls differ. Without entities, only an agreeing event date ties them.
3. **Main period and follow-up.** Within an event, publication dates are linked the same way;
   the run with the most articles (the earliest on a tie) is the main developing period, and
   the articles published after its last day are ``follow_up``. An article whose event date
   names the event's day ("the June 6, 2025 attack") joins the event in step 1 and is marked
   follow-up here when it was published months later.

Known misses: two events in one place with the same toll and no resolved event dates (two
shootings with one death each in the same city, months apart) become one event with
follow-up coverage; a follow-up whose place NER misses and whose text spells it differently
("Marseilles") starts an event of its own; two events in the same week fall into one period.

Everything here is plain pandas over the articles (and optionally entities) table.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from analysis.timeline.values import as_number

#: Entity labels that name where an event happened.
PLACE_LABELS: frozenset[str] = frozenset({"GPE", "LOC", "FAC"})
#: Headline categories a follow-up piece restates.
RESTATED_CATEGORIES: tuple[str, ...] = ("killed", "injured")
#: A restated figure is within this share of one reported for the event.
RESTATE_TOLERANCE = 0.10
#: An event's places are those named in at least this share of its articles.
EVENT_PLACE_SHARE = 1 / 3
#: A later period names the event's place when at least this share of its articles do.
PERIOD_PLACE_SHARE = 0.5


def key_dates(articles: pd.DataFrame) -> pd.Series:
    """Each article's key date: its event date when resolved, else its publication day."""
    keys = pd.Series(pd.NaT, index=articles.index, dtype="datetime64[ns]")
    for column in ("published", "event_date"):  # event_date wins where both are known
        if column in articles:
            values = pd.to_datetime(articles[column], errors="coerce").dt.normalize()
            keys = values.astype("datetime64[ns]").where(values.notna(), keys)
    return keys


def linked_runs(days: pd.Series, *, gap_days: int) -> pd.Series:
    """Number runs of dates (from 1, in time order) where sorted dates more than ``gap_days`` apart
    start a new run; missing dates get an empty run."""
    runs = pd.Series(pd.NA, index=days.index, dtype="Int64")
    ordered = days.dropna().sort_values(kind="stable")
    if ordered.empty:
        return runs
    starts = ordered.diff() > pd.Timedelta(days=gap_days)  # the first date's NaT diff is False
    runs[ordered.index] = starts.cumsum().to_numpy() + 1
    return runs


@dataclass
class _Period:
    """One period's articles, read once: their event days, figures, places and words."""

    indexes: list
    positions: list  # the articles' row positions, beside their index labels
    event_days: set
    figures: Sequence[dict]  # per article with a figure: {category: value} (``_Figures``: read when first compared)
    places: Sequence[set]  # per article: the places it names (``_PerArticle``: read when first compared)
    texts: Sequence[str]  # per article: title and text (``_PerArticle``: each made when first read)

    def ordinals(self) -> set[int]:
        """The event days as day numbers (made once)."""
        made = self.__dict__.get("_ordinals")
        if made is None:
            made = self._ordinals = {day.toordinal() for day in self.event_days}
        return made

    def near_ordinals(self) -> set[int]:
        """The event days and the days either side of each, as day numbers (made once)."""
        made = self.__dict__.get("_near_ordinals")
        if made is None:
            made = self._near_ordinals = {a + shift for a in self.ordinals() for shift in (-1, 0, 1)}
        return made


@dataclass
class _Event:
    indexes: list = field(default_factory=list)
    positions: list = field(default_factory=list)
    event_days: set = field(default_factory=set)
    event_ordinals: set = field(default_factory=set)  # the event days as day numbers
    figures: dict = field(default_factory=dict)  # category -> reported values (``reported``)
    place_counts: dict = field(default_factory=dict)  # place -> articles naming it
    uncounted: list = field(default_factory=list)  # periods' places not yet in place_counts
    unreported: list = field(default_factory=list)  # periods' figures not yet in figures

    def add(self, period: _Period) -> None:
        self.indexes.extend(period.indexes)
        self.positions.extend(period.positions)
        self.event_days |= period.event_days
        self.event_ordinals |= period.ordinals()
        self.unreported.append(period.figures)  # gathered when the event's figures are first asked for
        self.uncounted.append(period.places)  # counted when the event's places are first asked for

    def reported(self) -> dict:
        """``figures``: each category's values reported for the event, in the order its periods were added."""
        for figures in self.unreported:
            for values in figures:
                for category, value in values.items():
                    self.figures.setdefault(category, []).append(value)
        self.unreported.clear()
        return self.figures

    def places(self) -> set[str]:
        for places in self.uncounted:
            for named in places:
                for place in named:
                    self.place_counts[place] = self.place_counts.get(place, 0) + 1
        self.uncounted.clear()
        need = len(self.indexes) * EVENT_PLACE_SHARE
        return {place for place, n in self.place_counts.items() if n >= need}


def _near(value: float, reported: list[float]) -> bool:
    return any(abs(value - other) <= RESTATE_TOLERANCE * max(value, other) for other in reported)


def _restates(period: _Period, event: _Event) -> bool:
    """False when most of the period's articles with a killed or injured figure give one the event never had."""
    reported = event.reported()
    near: dict = {}  # (category, value) -> _near, each compared once: a period's articles mostly repeat a few figures
    agreeing = 0
    for values in period.figures:
        for category, value in values.items():
            hit = near.get((category, value))
            if hit is None:
                hit = near[(category, value)] = _near(value, reported.get(category, []))
            if hit:
                agreeing += 1
                break
    return agreeing * 2 >= len(period.figures)


def _dates_agree(period: _Period, event: _Event) -> bool | None:
    """True when an event date of the period is within a day of the event's, False when all differ,
    None when either side has none."""
    if not period.event_days or not event.event_days:
        return None
    # Days are normalised timestamps: "within a day" is a neighbouring day number, a set lookup
    # instead of comparing every pair (an event of a long archive gathers thousands of days); each
    # side's day numbers are kept with it, not made again for every period an event is compared with: the period's
    # days and their neighbours, one set compared with the event's in C, not a lookup each.
    return not period.near_ordinals().isdisjoint(event.event_ordinals)


def _names_place(period: _Period, event: _Event) -> bool:
    wanted = event.places()
    if not wanted:
        return False
    naming = sum(bool(named & wanted) or any(place in text for place in wanted)
                 for named, text in zip(period.places, period.texts))
    return naming >= PERIOD_PLACE_SHARE * len(period.indexes)


def _numbers(column: pd.Series) -> list:
    """``as_number`` of each cell: a numeric column read as floats at once, any other cell by cell."""
    if pd.api.types.is_numeric_dtype(column):
        return [None if v != v else v for v in column.to_numpy(dtype=float, na_value=np.nan).tolist()]
    return [as_number(v) for v in column.tolist()]


class _ArticleTexts:
    """Each article's title and text joined ("" for a missing part), by row position, made when first read: only
    the articles of periods compared for a place written out are read (joining every article's text up front took
    a tenth of the event grouping at 10,000 articles)."""

    def __init__(self, articles: pd.DataFrame) -> None:
        self.columns = [articles[c].array if c in articles else None for c in ("title", "text")]
        self.made: dict[int, str] = {}

    def __call__(self, position: int) -> str:
        made = self.made.get(position)
        if made is None:
            made = self.made[position] = " ".join(_text(column, position) for column in self.columns)
        return made


def _text(column, position: int) -> str:
    """``as_text`` of one cell ("" where missing or without the column)."""
    if column is None:
        return ""
    value = column[position]
    return "" if pd.isna(value) else str(value)


class _PerArticle(Sequence):
    """A period's values of one kind (``_ArticleTexts``, ``_ArticlePlaces``) in its articles' order, each read
    when first asked for."""

    def __init__(self, read, positions: list[int]) -> None:
        self.read, self.positions = read, positions

    def __len__(self) -> int:
        return len(self.positions)

    def __getitem__(self, k):
        if isinstance(k, slice):
            return [self.read(i) for i in self.positions[k]]
        return self.read(self.positions[k])


class _ArticleFigures:
    """Each article's killed and injured headline figures (``{category: value}``, None without any), by row
    position, all read when first asked for (as places)."""

    def __init__(self, articles: pd.DataFrame) -> None:
        self.articles, self.figures = articles, None

    def __call__(self, position: int) -> dict | None:
        return self.all()[position]

    def all(self) -> list[dict | None]:
        """Every article's figures, by row position (made on the first call)."""
        if self.figures is None:
            articles = self.articles
            names = [c for c in RESTATED_CATEGORIES if c in articles]
            counts = [_numbers(articles[c]) for c in names]
            self.figures = [None] * len(articles)
            for i, values in enumerate(zip(*counts)):
                if any(v is not None for v in values):
                    self.figures[i] = {c: v for c, v in zip(names, values) if v is not None}
        return self.figures


class _Figures(Sequence):
    """A period's figures (``_ArticleFigures``): of its articles with any, in order, listed when first read."""

    def __init__(self, read: _ArticleFigures, positions: list[int]) -> None:
        self.read, self.positions, self.made = read, positions, None

    def _list(self) -> list[dict]:
        if self.made is None:
            self.made = [f for f in map(self.read, self.positions) if f is not None]
        return self.made

    def __len__(self) -> int:
        return len(self._list())

    def __getitem__(self, k):
        return self._list()[k]

    def __iter__(self):
        return iter(self._list())


class _ArticlePlaces:
    """The places (GPE, LOC and FAC entities' canonical names) each article names, by row position, read when
    first asked for: periods whose dates settle every comparison never read them, and the others read their own
    articles' places (a few hundred of a 10,000-article archive's), through an index of the place entities by
    article made once."""

    def __init__(self, articles: pd.DataFrame, entities: pd.DataFrame | None) -> None:
        self.articles, self.entities, self.places_of = articles, entities, None
        self.made: dict[int, set] = {}

    def __call__(self, position: int) -> set:
        made = self.made.get(position)
        if made is None:
            if self.places_of is None:
                self.places_of = self._index()
            made = self.made[position] = self.places_of(position)
        return made

    def _index(self) -> "_PlaceIndex":
        """A reader of one article's places: the place entities ordered by article, each article's rows of them."""
        articles, entities = self.articles, self.entities
        n = len(articles)
        if entities is None or entities.empty or "label" not in entities:
            return _PlaceIndex()
        ids = articles["article_id"].astype(object) if "article_id" in articles else pd.Series([None] * n, dtype=object)
        named = entities[entities["label"].isin(PLACE_LABELS)]
        named_ids = named["article_id"].astype(object)
        if ids.isna().any() or named_ids.isna().any():  # missing ids compare as a dict's keys do: as first written
            by_article: dict = {}
            for article_id, canonical in zip(named_ids.tolist(), named["canonical"].tolist()):
                by_article.setdefault(article_id, set()).add(str(canonical))
            return _PlaceIndex(by_article=by_article, keys=ids.tolist())
        codes, _ = pd.factorize(pd.concat([ids, named_ids], ignore_index=True))  # both tables' ids coded together
        of_article, of_entity = codes[:n], codes[n:]
        order = np.argsort(of_entity, kind="stable")
        return _PlaceIndex(of_article=of_article, ordered=of_entity[order],
                           canonical=named["canonical"].to_numpy(dtype=object)[order].tolist())


class _PlaceIndex:
    """One article's places by row position (``_ArticlePlaces._index``): none without place entities; by id in a
    dict when some id is missing; else the articles' id codes searched among the place entities' codes, sorted.
    A plain object, so a corpus's ``EventInputs`` is pickled with its other views."""

    def __init__(self, *, by_article: dict | None = None, keys: list | None = None,
                 of_article: np.ndarray | None = None, ordered: np.ndarray | None = None,
                 canonical: list | None = None) -> None:
        self.by_article, self.keys = by_article, keys
        self.of_article, self.ordered, self.canonical = of_article, ordered, canonical

    def __call__(self, position: int) -> set:
        if self.by_article is not None:
            return self.by_article.get(self.keys[position], set())
        if self.of_article is None:
            return set()
        code = self.of_article[position]
        start, end = np.searchsorted(self.ordered, code, "left"), np.searchsorted(self.ordered, code, "right")
        return {str(name) for name in self.canonical[start:end]}


class EventInputs:
    """What ``event_groups`` reads of each article whatever articles it is grouped with, made once for a whole
    corpus: its killed and injured figures (``_ArticleFigures``) and a reader of the places it names
    (``_ArticlePlaces``), by row position. ``readers`` gives them for a part of the corpus (a filter's articles,
    rows of the whole in its order), so grouping a filtered part reads them instead of making them again for
    its articles: at 10,000 articles, 25 of a new date range's 60 ms of grouping. Read-only once made."""

    def __init__(self, articles: pd.DataFrame, entities: pd.DataFrame | None = None) -> None:
        ids = articles["article_id"].astype(object) if "article_id" in articles else None
        # Only ids that say which row is which (none missing, none twice) let a part's rows be found by id.
        usable = ids is not None and not ids.isna().any() and ids.is_unique
        self.ids = pd.Index(ids.to_numpy(dtype=object), dtype=object) if usable else None
        self.figures = _ArticleFigures(articles).all() if usable else []
        self.places_of = _ArticlePlaces(articles, entities)._index() if usable else None

    def readers(self, articles: pd.DataFrame) -> tuple | None:
        """``(figures, places)`` readers by row position of ``articles`` (some of the whole corpus's rows, in its
        order), as ``event_groups`` makes them for ``articles`` alone; None when its rows are not found by id."""
        if self.ids is None or "article_id" not in articles:
            return None
        positions = self.ids.get_indexer(articles["article_id"].to_numpy(dtype=object))
        if (positions < 0).any() or (len(positions) > 1 and (np.diff(positions) <= 0).any()):
            return None
        figures, whole = self.figures, positions.tolist()
        return (lambda position: figures[whole[position]]), _PlacesOf(self.places_of, whole)


class _PlacesOf:
    """A part's places reader (``_ArticlePlaces``' calls) on the whole corpus's (``EventInputs``): each article's
    set made when first read."""

    def __init__(self, places_of, whole: list[int]) -> None:
        self.places_of, self.whole, self.made = places_of, whole, {}

    def __call__(self, position: int) -> set:
        made = self.made.get(position)
        if made is None:
            made = self.made[position] = self.places_of(self.whole[position])
        return made


def _periods(articles: pd.DataFrame, periods: pd.Series, entities: pd.DataFrame | None,
             readers: tuple | None = None) -> list[_Period]:
    """The periods in time order, each article read once (column by column, then split by period); figures,
    places and texts only when a comparison reads them. ``readers``: ``EventInputs.readers`` of ``articles``
    (None: made here)."""
    numbers = periods.to_numpy(dtype=float, na_value=np.nan)
    order = np.flatnonzero(~np.isnan(numbers))
    if not len(order):
        return []
    order = order[np.argsort(numbers[order], kind="stable")]  # by period, each period's articles in table order
    event_days = pd.to_datetime(articles["event_date"], errors="coerce").dt.normalize() \
        if "event_date" in articles else pd.Series(pd.NaT, index=articles.index)
    # Each distinct day made a Timestamp once, the articles' days read as codes (-1: none).
    day_codes, distinct_days = pd.factorize(event_days)
    distinct_days = [pd.Timestamp(day) for day in distinct_days]
    figures, places = readers if readers is not None else \
        (_ArticleFigures(articles), _ArticlePlaces(articles, entities))
    texts = _ArticleTexts(articles)
    labels = articles.index.tolist()
    out = []
    for chunk in np.split(order, np.flatnonzero(np.diff(numbers[order])) + 1):
        positions = chunk.tolist()
        out.append(_Period([labels[i] for i in positions], positions,
                           {distinct_days[c] for c in np.unique(day_codes[chunk]).tolist() if c >= 0},
                           _Figures(figures, positions),
                           _PerArticle(places, positions), _PerArticle(texts, positions)))
    return out


def event_groups(articles: pd.DataFrame, *, entities: pd.DataFrame | None = None,
                 gap_days: int = 7, inputs: EventInputs | None = None) -> pd.DataFrame:
    """The event each article belongs to and whether it is follow-up coverage (module docstring).

    Args:
        articles: the articles table (``published``, ``event_date``, ``text``, ``title`` and the
            killed and injured headline columns are read when present).
        entities: the entities table, for the places articles name; None or empty when unknown.
        gap_days: dates further apart than this start a new period.
        inputs: ``EventInputs`` of the whole corpus ``articles`` are part of (rows of it, in its order, with
            their own entities): each article's figures and places are read from it. None: made from ``articles``.

    Returns:
        Indexed like ``articles``: ``event_group`` (nullable integer from 1 in time order, empty
        for articles without any date) and ``follow_up`` (bool).
    """
    periods = linked_runs(key_dates(articles), gap_days=gap_days)
    events: list[_Event] = []
    readers = inputs.readers(articles) if inputs is not None else None
    for period in _periods(articles, periods, entities) if readers is None else \
            _periods(articles, periods, entities, readers):
        home = None
        for event in sorted(events, key=lambda e: -len(e.indexes)):  # the largest event that fits
            dates = _dates_agree(period, event)
            if dates is False or not _restates(period, event):
                continue
            if dates or _names_place(period, event):
                home = event
                break
        if home is None:
            home = _Event()
            events.append(home)
        home.add(period)
    # Numbered, and each event's main period found, on arrays by row position: a Series filter and
    # ``linked_runs`` per event cost a second for the hundreds of events of a 10,000-article archive.
    numbers = np.zeros(len(articles), dtype=np.int64)  # 0: no event
    follow_up = np.zeros(len(articles), dtype=bool)
    published = pd.to_datetime(articles["published"], errors="coerce").dt.normalize() \
        if "published" in articles else pd.Series(pd.NaT, index=articles.index)
    days_of = published.to_numpy(dtype="datetime64[ns]")
    gap = np.timedelta64(gap_days, "D")
    for number, event in enumerate(events, start=1):
        positions = np.asarray(event.positions, dtype=np.int64)
        numbers[positions] = number
        days = days_of[positions]
        dated = ~np.isnat(days)
        positions, days = positions[dated], days[dated]
        if len(days) < 2:
            continue
        ordered = np.sort(days, kind="stable")
        runs = np.concatenate([[1], 1 + np.cumsum(np.diff(ordered) > gap)])  # as ``linked_runs``, in time order
        if runs[-1] <= 1:
            continue
        sizes = np.bincount(runs)
        main = int(np.argmax(sizes))  # the first of the largest runs: the earliest on a tie
        main_end = ordered[runs == main].max()
        follow_up[positions[days > main_end]] = True
    groups = pd.Series(pd.arrays.IntegerArray(numbers, numbers == 0), index=articles.index, dtype="Int64")
    return pd.DataFrame({"event_group": groups, "follow_up": pd.Series(follow_up, index=articles.index)})
