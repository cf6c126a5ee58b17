"""Groups of sources to compare: the source itself, the outlet's country or kind, or the user's own groups.

A comparison chart stays readable only with a handful of colours or rows. ``source_groups``
gives every article a group label under one grouping (``GROUPINGS``) and keeps the ``top``
largest groups by number of articles, putting the rest under ``OTHER``; ``default_grouping``
picks the grouping a page opens on: the sources themselves while there are at most
``FEW_SOURCES`` of them, else the outlets' country, else their kind, whichever first splits
the articles into two or more known groups (with neither, the sources again, top-N and "other").

Rule for the labels: an article whose outlet country or kind is not known is labelled
``"unknown country"`` / ``"unknown kind"``, a group like any other (it is a fact worth seeing
how much of the coverage it is); under the user's groups a source left without a group stays
its own group. Known misses: a source whose outlet was not recognised counts as unknown even
when its articles say where they are from; ties in size are broken by label, so which of two
equally large groups falls into "other" is alphabetical.

``thin_sides`` names the sides of a comparison too small for their shares to be read beside the others'
(a country with one 15-sentence article beside one with 170,000 sentences): a chart draws them apart,
so that one noisy share does not set the colour scale every other side is read on.
"""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd

#: The groupings a page offers: ``{name: (articles column, label for a widget or legend title)}``;
#: "groups" reads the user's ``{source: group}`` instead of a column.
GROUPINGS: dict[str, tuple[str, str]] = {
    "source": ("source", "Source"),
    "country": ("outlet_country", "Outlet country"),
    "kind": ("outlet_kind", "Outlet kind"),
    "groups": ("source", "Your groups"),
}
#: The label of the articles outside the ``top`` groups.
OTHER = "other"
#: At most this many sources: compare them one by one.
FEW_SOURCES = 8
#: Groups kept by default; the rest are ``OTHER`` (so a chart has at most 9 colours).
TOP = 8
_UNKNOWN = {"country": "unknown country", "kind": "unknown kind"}
#: A side is thin with fewer than this many sentences (or mentions) ...
THIN_COUNT = 50
#: ... when it also has less than this fraction of the largest side's: where every side is small (five
#: articles, one per source) none is thin, as none is better read than another.
THIN_FRACTION = 0.1


def group_names(articles: pd.DataFrame, *, by: str, groups: Mapping[str, str] | None = None) -> pd.Series:
    """Every article's group under grouping ``by``, before any top-N (on the index of ``articles``).

    Args:
        articles: rows with ``source`` and, for "country" and "kind", the outlet columns (when
            missing, every article is of unknown country or kind).
        by: a key of ``GROUPINGS``.
        groups: ``{source: group}`` for ``by="groups"``; blank or missing: the source itself.

    Raises:
        ValueError: for an unknown ``by``.
    """
    if by not in GROUPINGS:
        raise ValueError(f"unknown grouping {by!r}; expected one of {', '.join(GROUPINGS)}")
    sources = articles["source"].astype("string").fillna("")
    if by == "source":
        return sources.astype(object)
    if by == "groups":
        chosen = {s: str(g).strip() for s, g in (groups or {}).items() if g is not None and str(g).strip()}
        return sources.map(lambda s: chosen.get(s, s)).astype(object)
    column = GROUPINGS[by][0]
    values = articles[column] if column in articles.columns else pd.Series(pd.NA, index=articles.index)
    values = values.astype("string").str.strip()
    return values.where(values.notna() & (values != ""), _UNKNOWN[by]).astype(object)


def source_groups(articles: pd.DataFrame, *, by: str, top: int | None = TOP,
                  groups: Mapping[str, str] | None = None) -> pd.Series:
    """A group label per article: the ``top`` largest groups under ``by`` by name, the rest ``OTHER``.

    Args:
        articles: the articles table (``source``; ``outlet_country``/``outlet_kind`` for those groupings).
        by: "source", "country", "kind" or "groups" (``GROUPINGS``).
        top: how many groups keep their name (most articles first, ties by label); None keeps all.
            With exactly ``top + 1`` groups all keep their name (an "other" of one group hides nothing).
        groups: the user's ``{source: group}``, for ``by="groups"``.

    Returns:
        A Series of str on the index of ``articles``, named "group".
    """
    names = group_names(articles, by=by, groups=groups)
    if top is not None:
        counts = names.value_counts()
        if len(counts) > top + 1:
            ranked = sorted(counts.index, key=lambda g: (-counts[g], str(g)))
            names = names.where(names.isin(set(ranked[:top])), OTHER)
    return names.rename("group")


def group_order(labels: pd.Series) -> list[str]:
    """The distinct labels of ``source_groups``, most articles first (ties by label), ``OTHER`` last."""
    counts = labels.value_counts()
    return sorted(counts.index, key=lambda g: (g == OTHER, -counts[g], str(g)))


def known_groups(articles: pd.DataFrame, *, by: str) -> int:
    """How many distinct known (not "unknown ...") groups the articles fall into under ``by``."""
    names = group_names(articles, by=by)
    return int(names[names != _UNKNOWN.get(by)].nunique())


def default_grouping(articles: pd.DataFrame, *, few: int = FEW_SOURCES) -> str:
    """The grouping a comparison opens on: "source" with at most ``few`` sources, else "country", else
    "kind" (the first that splits the articles into at least two known groups), else "source"."""
    if articles["source"].nunique() <= few:
        return "source"
    for by in ("country", "kind"):
        if known_groups(articles, by=by) >= 2:
            return by
    return "source"


def grouping_options(*, has_user_groups: bool) -> list[str]:
    """The groupings to offer: source, country, kind, and the user's groups when there are any."""
    return [by for by in GROUPINGS if by != "groups" or has_user_groups]


def opening_grouping(chosen: str | None, default: str, *, groups: Mapping[str, str]) -> str:
    """The grouping a comparison page opens on: ``chosen`` (the user's last choice on any page) when offered,
    else the corpus's ``default`` when offered, else the first offered (``grouping_options``; the user's groups
    are offered when ``groups`` names one)."""
    options = grouping_options(has_user_groups=any(groups.values()))
    return chosen if chosen in options else default if default in options else options[0]


def grouping_key(by: str, groups: Mapping[str, str]) -> tuple:
    """The small hashable value that shapes a view under grouping ``by``: ``(by, ())``, or with the user's
    ``groups`` as sorted pairs when ``by`` is "groups"."""
    return by, tuple(sorted(groups.items())) if by == "groups" else ()


def thin_sides(totals: Mapping[str, float]) -> list[str]:
    """The sides of ``totals`` (``{side: sentences or mentions}``) with some but fewer than ``THIN_COUNT`` and less
    than ``THIN_FRACTION`` of the largest side's, in the order given: their shares rest on a handful of sentences
    (with 15 sentences one sentence moves a share by 7 points), so a chart shows them without letting them set
    the colour scale. A side with none has no share to show at all."""
    largest = max(totals.values(), default=0)
    return [side for side, total in totals.items() if 0 < total < THIN_COUNT and total < THIN_FRACTION * largest]
