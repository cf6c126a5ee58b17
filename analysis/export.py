"""Writing and reading a corpus's tables as files.

``write_tables`` writes each table as CSV and Parquet under one folder;
``tables_to_zip`` packs them with a JSON manifest for download, and
``tables_from_zip`` reads such a zip back so a saved analysis reopens without
re-running it.
"""

from __future__ import annotations

import io
from pathlib import Path

import pandas as pd

from analysis.pipeline import CorpusTables



def write_tables(tables: CorpusTables, out: Path) -> list[Path]:
    """Write ``<table>.csv`` and ``<table>.parquet`` for every table; returns the paths."""
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for name, frame in tables.items():
        csv_path, parquet_path = out / f"{name}.csv", out / f"{name}.parquet"
        frame.to_csv(csv_path, index=False)
        frame.to_parquet(parquet_path, index=False)
        written += [csv_path, parquet_path]
    return written


def table_bytes(frame: pd.DataFrame, kind: str) -> bytes:
    """One table as CSV or Parquet bytes."""
    buffer = io.BytesIO()
    if kind == "csv":
        frame.to_csv(buffer, index=False)
    else:
        frame.to_parquet(buffer, index=False)
    return buffer.getvalue()
