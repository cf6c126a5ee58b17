"""The Framing page's views as they were computed before they were made fast, kept to prove the fast ones
give exactly the same tables (``test_fast_views.py``)."""

from __future__ import annotations

import html
from collections.abc import Iterable, Mapping, Sequence

import numpy as np
import pandas as pd
import plotly.express as px
import plotly.graph_objects as go

from analysis.framing import frame_labels
from analysis.framing.distinctive import COLUMNS, THIN_WORDS, TermMatrix, _as_set
from analysis.framing.hedges import KINDS
from analysis.views.framing import count_labels, frame_order
from charts.framing import _two_lines, hedge_rows
from charts.text import escaped_list
from charts.groups import TOP_LEGEND


def old_distinctive_terms_from_matrix(
    matrix: TermMatrix,
    articles: pd.DataFrame,
    *,
    group_a: str | Iterable[str],
    group_b: str | Iterable[str] | None = None,
    by: str = "source",
    min_count: int = 2,
    thin_words: int = THIN_WORDS,
) -> pd.DataFrame:
    """``distinctive_terms_from_matrix`` as it was: a masked ``np.bincount`` over every entry per side and
    pandas' ``sort_values`` on (z, term)."""
    if min_count < matrix.min_total:
        raise ValueError(f"min_count {min_count} is below the matrix's min_total {matrix.min_total}")
    side_a = _as_set(group_a)
    side_b = _as_set(group_b) if group_b is not None else None
    values = articles.drop_duplicates("article_id").set_index("article_id")[by]
    in_a = values.isin(side_a)
    in_b = values.isin(side_b) if side_b is not None else ~in_a
    position = pd.Series(np.arange(len(matrix.article_ids)), index=matrix.article_ids)
    rows_a = position.reindex(values.index[in_a.to_numpy()]).dropna().astype(int).to_numpy()
    rows_b = position.reindex(values.index[in_b.to_numpy()]).dropna().astype(int).to_numpy()
    y_a, y_b = (np.bincount(matrix.columns, weights=np.where(_row_mask(chosen, len(matrix.article_ids))[matrix.rows],
                                                             matrix.counts, 0), minlength=len(matrix.terms))
                for chosen in (rows_a, rows_b))
    n_a, n_b = float(matrix.tokens[rows_a].sum()), float(matrix.tokens[rows_b].sum())
    words_a, words_b = int(matrix.words[rows_a].sum()), int(matrix.words[rows_b].sum())
    if n_a + n_b == 0:
        return pd.DataFrame({c: pd.Series(dtype="object") for c in COLUMNS})
    keep = y_a + y_b >= min_count
    y_a, y_b, prior = y_a[keep], y_b[keep], (y_a + y_b)[keep]
    alpha0 = n_a + n_b  # the pooled counts as prior, as distinctive_terms does by default:
    alpha = prior  # alpha_w = alpha0 * prior_w / sum(prior), and sum(prior) is alpha0
    delta = np.log((y_a + alpha) / (n_a + alpha0 - y_a - alpha)) - np.log((y_b + alpha) / (n_b + alpha0 - y_b - alpha))
    se = np.sqrt(1 / (y_a + alpha) + 1 / (y_b + alpha))
    table = pd.DataFrame({"term": matrix.terms[keep], "count_a": y_a.astype(int), "count_b": y_b.astype(int),
                          "log_odds": delta, "se": se, "z": delta / se})
    table["term"] = table["term"].astype(str)
    table["n"] = table["term"].str.count(" ") + 1
    table["per_1000_a"] = table["count_a"] * 1000 / words_a if words_a else 0.0
    table["per_1000_b"] = table["count_b"] * 1000 / words_b if words_b else 0.0
    table["favours"] = np.where(table["z"] > 0, "a", "b")
    table["words_a"] = words_a
    table["words_b"] = words_b
    table["thin_evidence"] = min(words_a, words_b) < thin_words
    return table.sort_values(["z", "term"], ascending=[False, True]).reset_index(drop=True)[COLUMNS]


def _row_mask(rows: np.ndarray, n: int) -> np.ndarray:
    mask = np.zeros(n, dtype=bool)
    mask[rows] = True
    return mask


def old_hedge_figure(density: pd.DataFrame) -> go.Figure:
    """``charts.framing.hedge_figure`` as it was: through plotly express."""
    figure = px.bar(hedge_rows(density), x="side_label", y="per_1000", color="kind", barmode="group",
                    custom_data=["side", "kind"],
                    labels={"side_label": "", "per_1000": "Cues per 1,000 words", "kind": ""})
    figure.update_layout(legend=TOP_LEGEND, margin={"t": 10})
    return figure


def old_frame_profile_of(counts: tuple[pd.DataFrame, pd.DataFrame], articles: pd.DataFrame, *, by: str,
                     labels: Mapping[str, str] | None = None) -> pd.DataFrame:
    """``analysis.views.framing.frame_profile_of`` as it was: merges and groupbys."""
    labels = frame_labels() if labels is None else labels
    totals, carried = counts
    arts = articles[["article_id", by]].drop_duplicates("article_id")
    per_group = totals.merge(arts, on="article_id", how="inner").groupby(by).agg(
        n_total=("n_total", "sum"), n_articles_total=("article_id", "nunique"))
    tagged = carried.merge(arts, on="article_id", how="inner").groupby([by, "frame"]).agg(
        n_sentences=("n_sentences", "sum"), n_articles=("article_id", "nunique"))
    got = {key: (int(n), int(a)) for key, n, a in zip(tagged.index, tagged["n_sentences"], tagged["n_articles"])}
    rows = []
    for group, n_total, n_articles_total in zip(per_group.index, per_group["n_total"], per_group["n_articles_total"]):
        for frame_id, label in labels.items():
            n, n_articles = got.get((group, frame_id), (0, 0))
            rows.append({by: group, "frame": frame_id, "label": label, "n_sentences": n, "n_total": int(n_total),
                         "share": n / n_total if n_total else 0.0, "n_articles": n_articles,
                         "n_articles_total": int(n_articles_total)})
    return pd.DataFrame(rows, columns=[by, "frame", "label", "n_sentences", "n_total", "share", "n_articles",
                                       "n_articles_total"])


def old_hedge_density_of(counts: pd.DataFrame, articles: pd.DataFrame, *, by: str) -> pd.DataFrame:
    """``analysis.views.framing.hedge_density_of`` as it was: a merge and a groupby."""
    if "n_words" not in articles.columns or articles["n_words"].isna().any():
        raise ValueError("every article needs its n_words here; hedge_density counts them from the text")
    arts = articles.drop_duplicates("article_id")
    words = arts.groupby(by, sort=True).agg(n_articles=("article_id", "size"), n_words=("n_words", "sum"))
    joined = counts.merge(arts[["article_id", by]], on="article_id", how="inner")
    per_cue = joined.groupby([by, "kind", "cue"], sort=False)["n"].sum()
    listed: dict[tuple, dict[str, int]] = {}
    for (group, kind, cue), n in per_cue.items():
        listed.setdefault((group, kind), {})[cue] = int(n)
    rows = []
    for group, info in words.iterrows():
        row = {by: group, "n_articles": int(info["n_articles"]), "n_words": int(info["n_words"])}
        per = 1000 / row["n_words"] if row["n_words"] else float("nan")
        kinds = {kind: listed.get((group, kind), {}) for kind in KINDS}
        row["n_cues"] = sum(sum(cues.values()) for cues in kinds.values())
        row["per_1000_words"] = row["n_cues"] * per
        for kind, cues in kinds.items():
            row[f"n_{kind}"] = sum(cues.values())
            row[f"{kind}_per_1000"] = row[f"n_{kind}"] * per
            ranked = sorted(cues.items(), key=lambda kv: (-kv[1], kv[0]))  # most frequent first, as cue_list
            row[f"{kind}_cues"] = "; ".join(f"{cue} ×{n}" for cue, n in ranked)
        rows.append(row)
    return pd.DataFrame(rows, columns=[by, "n_articles", "n_words", "n_cues", "n_epistemic", "n_attribution",
                                       "per_1000_words", "epistemic_per_1000", "attribution_per_1000",
                                       "epistemic_cues", "attribution_cues"])


def old_frame_profile_figure(profile: pd.DataFrame, *, labels: Mapping[str, str], sides: Sequence[str],
                             members: Mapping[str, str] | None = None) -> go.Figure:
    """``charts.framing.frame_profile_figure`` as validated ``go`` objects built it (before 2026-12)."""
    order = frame_order(profile, labels=labels)
    cells = profile[profile["side"].isin(list(sides))].assign(text=count_labels(profile))
    share = cells.pivot(index="frame", columns="side", values="share").reindex(index=order, columns=list(sides))
    text = cells.pivot(index="frame", columns="side", values="text").reindex(index=order, columns=list(sides))
    x, y = escaped_list(sides), [_two_lines(labels[f]) for f in order]
    figure = go.Figure(go.Heatmap(
        z=share.to_numpy(dtype="float64"), x=x, y=y, colorscale="Blues", zmin=0,
        zmax=max(0.05, float(np.nanmax(share.to_numpy(dtype="float64"), initial=0.0))),
        texttemplate="%{z:.0%}", textfont_size=11, hoverinfo="skip", xgap=2, ygap=2,
        colorbar=dict(title=dict(text="share", side="right"), tickformat=".0%", thickness=10, len=0.6,
                      orientation="h", x=0, xanchor="left", y=-0.02, yanchor="top")))
    grid = [(side, frame) for frame in order for side in sides]
    about = {side: f"<br>{html.escape(text)}" for side, text in (members or {}).items()}
    hover = [f"{html.escape(labels[frame])} — {html.escape(str(side))}: {text.at[frame, side]} sentences "
             f"({share.at[frame, side]:.0%}){about.get(side, '')}" if pd.notna(share.at[frame, side]) else ""
             for side, frame in grid]
    figure.add_trace(go.Scatter(
        x=[html.escape(str(side)) for side, _ in grid], y=[_two_lines(labels[frame]) for _, frame in grid],
        mode="markers", marker=dict(size=28, symbol="square", color="rgba(0,0,0,0)"), showlegend=False,
        customdata=[[side, frame] for side, frame in grid], hovertext=hover,
        hovertemplate="%{hovertext}<extra></extra>"))
    # Rows tall enough for a two-line label; slanted side names take their own room above the cells.
    slant = 0 if len(sides) <= 2 else min(140, 7 * max((len(str(side)) for side in sides), default=0))
    figure.update_layout(margin=dict(t=10, l=10, r=10, b=40), height=120 + slant + 44 * len(order),
                         # every side labelled, slanted so neighbours never overlap on a narrow screen
                         xaxis=dict(side="top", tickangle=0 if len(sides) <= 2 else -45, automargin=True,
                                    tickmode="array", tickvals=x, ticktext=x),
                         yaxis=dict(autorange="reversed", automargin=True), clickmode="event+select")
    return figure
