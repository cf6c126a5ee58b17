"""``CorpusTables.restrict`` as first written (pandas ``isin`` over the id columns, boolean masks), kept to check
the code that replaced it keeps the same rows (``test_tables.py``, ``pages/test_narrowed_tables.py``)."""

from __future__ import annotations

from dataclasses import replace

from analysis.tables import CorpusTables


def restrict_before(tables: CorpusTables, article_ids) -> CorpusTables:
    keep = set(article_ids)
    changes = {}
    for name, frame in tables.items():
        if name == "load_report":
            continue
        if name == "contradictions":
            mask = frame["article_id_a"].isin(keep) & frame["article_id_b"].isin(keep)
        else:
            mask = frame["article_id"].isin(keep)
        changes[name] = frame[mask].reset_index(drop=True)
    return replace(tables, **changes)
