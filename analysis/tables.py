"""The tables of one analysed corpus, as one value.

``CorpusTables`` is what the pipeline returns, what the stores write and read
back, and what the pages draw from; its field names are the export file names.
Columns are declared in ``analysis.schema``.
"""

from __future__ import annotations

from dataclasses import dataclass, fields, replace

import pandas as pd


@dataclass(frozen=True)
class CorpusTables:
    """Every table of an analysed corpus; field names are the export file names."""

    articles: pd.DataFrame
    sentences: pd.DataFrame
    figures: pd.DataFrame
    victims: pd.DataFrame
    entities: pd.DataFrame
    mentions: pd.DataFrame
    timeline: pd.DataFrame
    contradictions: pd.DataFrame
    frames: pd.DataFrame
    roles: pd.DataFrame
    hedges: pd.DataFrame
    load_report: pd.DataFrame

    def items(self) -> list[tuple[str, pd.DataFrame]]:
        """``(table name, frame)`` pairs in declaration order."""
        return [(f.name, getattr(self, f.name)) for f in fields(self)]

    def restrict(self, article_ids: set[str] | list[str]) -> "CorpusTables":
        """The same tables keeping only rows about ``article_ids``."""
        keep = set(article_ids)
        changes = {}
        for name, frame in self.items():
            if name == "load_report":
                continue
            if name == "contradictions":
                mask = frame["article_id_a"].isin(keep) & frame["article_id_b"].isin(keep)
            else:
                mask = frame["article_id"].isin(keep)
            changes[name] = frame[mask].reset_index(drop=True)
        return replace(self, **changes)
