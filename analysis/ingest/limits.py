"""Ingest limits, in one place.

Every limit has a default that suits a shared deployment and can be changed
with an environment variable (named in the table below and in the README),
so a newsroom running its own server can raise them without editing code.
The upload size a browser may send is Streamlit's ``server.maxUploadSize`` in
``.streamlit/config.toml``; these limits apply after that, to what is read.

Where they apply: ``analysis.ingest.corpus`` (every read, from the CLI or the app,
with one decompression budget per load, so a zip bomb stops after at most
``max_total_bytes`` were inflated); the Corpus page, which also keeps at most
``max_files`` files and ``max_total_bytes`` of uploaded bytes per session;
and ``analysis.store.export.tables_from_zip``, which inflates at most
``max_total_bytes`` of a saved analysis. Truncated articles say so in their
``notes``, in the load report and on the Corpus page.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, fields

_MB = 1024 * 1024


@dataclass(frozen=True)
class Limits:
    """What ingest accepts before it refuses, with a message, and moves on."""

    #: NEWSDASH_MAX_FILE_BYTES: one input file (or zip member) larger than this is skipped.
    max_file_bytes: int = 50 * _MB
    #: NEWSDASH_MAX_FILES: files read from one folder, upload or zip; the rest are reported as skipped.
    max_files: int = 2_000
    #: NEWSDASH_MAX_TOTAL_BYTES: total bytes read after decompression; zip bombs stop here.
    max_total_bytes: int = 300 * _MB
    #: NEWSDASH_MAX_ZIP_RATIO: a zip member that expands more than this many times is refused.
    max_zip_ratio: int = 200
    #: NEWSDASH_MAX_ZIP_DEPTH: zips inside zips are opened this many levels deep.
    max_zip_depth: int = 1
    #: NEWSDASH_MAX_ARTICLE_CHARS: longer articles are truncated, with a note.
    max_article_chars: int = 200_000
    #: NEWSDASH_MAX_ROWS: rows read from one CSV/JSON/Parquet file.
    max_rows: int = 100_000

    @classmethod
    def from_env(cls, environ: dict[str, str] | None = None) -> "Limits":
        """Defaults overridden by ``NEWSDASH_<FIELD>`` environment variables."""
        environ = os.environ if environ is None else environ
        values = {}
        for field in fields(cls):
            raw = environ.get(f"NEWSDASH_{field.name.upper()}")
            if raw:
                values[field.name] = int(raw)
        return cls(**values)


DEFAULT_LIMITS = Limits.from_env()
