"""A content-addressed cache of per-article results, in memory and on disk.

Slow per-article work (NER, sentence sentiment) is stored under a key that is
a hash of what produced it: the stage's name, its version (for NER, the spaCy
pipeline version) and the exact text it read. The same bytes always give the
same key, so a result reveals nothing to someone who does not already hold the
text, a changed text or model simply misses, and stale entries are never
read. Adding an article to a corpus computes only that article.

On disk, each result is one small JSON file,
``<cache dir>/<stage>/<key[:2]>/<key>.json``, written atomically (a temporary
file in the same folder, then ``os.replace``), so concurrent runs never see a
half-written file. The cache folder is ``platformdirs.user_cache_dir(
"news-coverage-dashboard")`` (on Linux ``~/.cache/news-coverage-dashboard``),
or ``$NEWSDASH_CACHE_DIR`` when set; deleting it is always safe. No file name
is ever built from a user-supplied name. If the folder cannot be written the
cache works from memory only.

In memory, each stage keeps at most ``MEMORY_ENTRIES`` results (least recently
used are dropped first), so a long-running server does not grow without bound.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
import threading
from collections import OrderedDict
from pathlib import Path
from typing import Any

ENV_VAR = "NEWSDASH_CACHE_DIR"
APP_NAME = "news-coverage-dashboard"
MEMORY_ENTRIES = 20_000


def cache_dir() -> Path:
    """The on-disk cache folder: ``$NEWSDASH_CACHE_DIR`` or the user's cache folder."""
    override = os.environ.get(ENV_VAR, "").strip()
    if override:
        return Path(override).expanduser()
    import platformdirs

    return Path(platformdirs.user_cache_dir(APP_NAME, appauthor=False))


class ResultCache:
    """Per-article results of one stage, keyed by a hash of version and input.

    Values must be JSON-serialisable (lists, numbers, strings). ``get`` returns
    ``None`` on a miss.
    """

    def __init__(self, stage: str, version: str, *, memory_entries: int = MEMORY_ENTRIES) -> None:
        if not stage.isidentifier():
            raise ValueError(f"stage must be a plain identifier, got {stage!r}")
        self.stage = stage
        self.version = version
        self._memory: OrderedDict[str, Any] = OrderedDict()
        self._limit = memory_entries
        self._lock = threading.Lock()
        self._disk_ok = True

    def key(self, text: str) -> str:
        """The content address of ``text`` for this stage and version."""
        digest = hashlib.sha256()
        for part in (self.stage, self.version, text):
            digest.update(part.encode("utf-8", "surrogatepass"))
            digest.update(b"\x00")
        return digest.hexdigest()

    def _path(self, key: str) -> Path:
        return cache_dir() / self.stage / key[:2] / f"{key}.json"

    def get(self, key: str) -> Any | None:
        """The stored value for ``key``, from memory or disk, else ``None``."""
        with self._lock:
            if key in self._memory:
                self._memory.move_to_end(key)
                return self._memory[key]
        try:
            value = json.loads(self._path(key).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        self._remember(key, value)
        return value

    def put(self, key: str, value: Any) -> None:
        """Store ``value`` in memory and (atomically) on disk."""
        self._remember(key, value)
        if not self._disk_ok:
            return
        path = self._path(key)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            handle, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-", suffix=".json")
            try:
                with os.fdopen(handle, "w", encoding="utf-8") as out:  # dumps: the C encoder (dump is Python's)
                    out.write(json.dumps(value, separators=(",", ":")))
                os.replace(tmp, path)
            except BaseException:
                Path(tmp).unlink(missing_ok=True)
                raise
        except OSError:
            self._disk_ok = False  # read-only or full disk: carry on from memory

    def _remember(self, key: str, value: Any) -> None:
        with self._lock:
            self._memory[key] = value
            self._memory.move_to_end(key)
            while len(self._memory) > self._limit:
                self._memory.popitem(last=False)

    def clear_memory(self) -> None:
        """Forget the in-memory results (the disk copy stays)."""
        with self._lock:
            self._memory.clear()


_shared: dict[tuple[str, str], ResultCache] = {}
_shared_lock = threading.Lock()


def shared_cache(stage: str, version: str) -> ResultCache:
    """The process-wide cache of ``stage`` at ``version`` (one per process)."""
    with _shared_lock:
        found = _shared.get((stage, version))
        if found is None:
            found = _shared[(stage, version)] = ResultCache(stage, version)
        return found
