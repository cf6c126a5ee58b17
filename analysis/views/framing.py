"""The Framing page's tables: frame shares per side as counts, and who is quoted by which side.

``count_labels`` writes a frame profile's counts as "sentences with the frame / all
sentences" ("3/15"); ``frame_share_table`` lays them out frame by side with the share;
``label_speakers`` and ``voices_table`` count the attributed statements per cited
person or body and side.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import pandas as pd


def count_labels(profile: pd.DataFrame) -> pd.Series:
    """``"n_sentences/n_total"`` per row of a ``frame_profile`` (e.g. ``"3/15"``), on the same index."""
    return profile["n_sentences"].astype(str) + "/" + profile["n_total"].astype(str)


def frame_order(profile: pd.DataFrame, *, labels: Mapping[str, str]) -> list[str]:
    """The frames of ``labels``, the most carried first: by their share of all the sides' sentences
    together (ties in codebook order)."""
    carried = profile.groupby("frame")["n_sentences"].sum()
    codebook = list(labels)
    return sorted(codebook, key=lambda f: (-float(carried.get(f, 0)), codebook.index(f)))


def frame_share_table(profile: pd.DataFrame, *, labels: Mapping[str, str], sides: Sequence[str]) -> pd.DataFrame:
    """Frames by side for display: column ``Frame`` (the label), then one column per side.

    Args:
        profile: ``frame_profile(..., by="side")`` rows.
        labels: ``{frame: label}`` in codebook order; the rows follow ``frame_order`` (as the heatmap's do).
        sides: the sides, in column order.

    Returns:
        One row per frame; each cell reads "sentences/total (share%)", e.g. ``"3/15 (20%)"``.
    """
    cells = count_labels(profile) + " (" + (profile["share"] * 100).round().astype(int).astype(str) + "%)"
    table = profile.assign(cell=cells).pivot(index="label", columns="side", values="cell")
    table = table.reindex([labels[f] for f in frame_order(profile, labels=labels)])[list(sides)]
    return table.reset_index().rename(columns={"label": "Frame"}).rename_axis(columns=None)


def label_speakers(cited: pd.DataFrame) -> pd.DataFrame:
    """``cited_sources`` rows plus ``who``: the cited name, with " (unnamed)" after an unnamed source
    ("officials (unnamed)")."""
    return cited.assign(who=cited["cited"].where(cited["named"].astype(bool), cited["cited"] + " (unnamed)"))


def voices_table(cited: pd.DataFrame, *, sides: Sequence[str]) -> pd.DataFrame:
    """Attributed sentences per speaker and side.

    Args:
        cited: ``label_speakers`` rows with a ``side`` column.
        sides: the sides in column order; sides that quote no one are left out.

    Returns:
        Column ``who``, then one column per side: the number of sentences attributing a statement
        to that speaker; the most quoted speaker first.
    """
    voices = cited.pivot_table(index="who", columns="side", values="sentence_idx", aggfunc="size", fill_value=0)
    voices = voices.reindex(columns=[s for s in sides if s in voices.columns], fill_value=0)
    return voices.loc[voices.sum(axis=1).sort_values(ascending=False).index].reset_index()


def at_most_sides(arts: pd.DataFrame, *, max_sides: int, others: str) -> pd.DataFrame:
    """``arts`` (with a ``side`` column) keeping the ``max_sides - 1`` sides with most articles and
    putting the rest together under ``others``; unchanged when there are ``max_sides`` or fewer."""
    counts = arts["side"].value_counts()
    if len(counts) <= max_sides:
        return arts
    kept = list(counts.index[:max_sides - 1])
    return arts.assign(side=arts["side"].where(arts["side"].isin(kept), others))
