"""Server time of every dashboard page on a large corpus: first visit and reruns, RSS and chart payloads.

    python -m benchmarks.page_speed [--articles 1000 10000] [--reruns 4] [--new-filters 3] [--pages toll tone ...]

For each corpus size, the analysed corpus comes from ``benchmarks.page_corpus``: generated
articles plus, when ``../shared/realnews`` is present, its real articles (read at run time,
never stored in the repository). Analysing 10,000 articles with NER takes many minutes on a
2-core machine, so the analysed tables are built once, saved with ``analysis.uploads.save_zip``
under ``$TMPDIR/page-speed/`` and reopened (``reopen_zip``) by every later run; delete that
folder to rebuild.

The corpus is put into a fresh AppTest session as that session's own corpus (as the Corpus
page does after an upload), then each page is run through ``dashboard.py``:

- **first**: the first visit to the page after the corpus is loaded;
- **reruns**: ``--reruns`` rounds of a page switch (away and back; the time back is counted),
  a sidebar filter change (the undated-articles box, off then on) and a change of the page's
  own main widget (category, score, comparison...), each timed; p50 and p95 over all of them.
  The box's two states are narrowed once and kept, so after the first round these filter changes
  reuse them;
- **new filters**: apart from those, ``--new-filters`` changes to a date range not chosen before
  (its first day moved on by one more day each time), each narrowing the corpus afresh: the
  CPU time of each and their largest.

AppTest runs the page scripts in this process, so the times are server time (the script run
and the serialisation of its elements), without the network and the browser's drawing. RSS is
this process's resident memory before the large corpus is opened (after one session on the bundled
seeds through every page has ended, as on a server that has served anyone), after every page and once the session
has ended (with the peak over the run; the corpus is built, or saved again for new analysis code, in a child
process first, so the peak is the pages' own). Beside each wall time, the CPU time of this process (the same
figures, less of the machine's load from other work), and the load average at the start. Payload is
the largest plotly figure JSON the page sent, in KB.

The figures are kept in arrays until the session has ended (``CPU_TIMES``, ``_Figures``): a float or a dict made
between the session's objects and kept past its end holds the arena it sits in (``analysis.memory``), and about a
hundred of them (one per timed run) made the RSS after the session look 20-40 MB higher than the app left it.
"""

from __future__ import annotations

import argparse
import array
import datetime
import gc
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

#: page file -> how to change its main widget: (widget kind, key, the values to alternate between)
PAGES: dict[str, tuple[str, str, tuple] | None] = {
    "pages/toll.py": ("radio", "toll_category", ("injured", "killed")),
    "pages/overview.py": None,
    "pages/figures.py": ("multiselect", "figures_category", (["killed"], [])),
    "pages/framing.py": ("radio", "framing_by", ("country", "source")),
    "pages/entities.py": ("toggle", "entities_demonyms", (False, True)),
    "pages/tone.py": ("radio", "tone_metric", ("vader_compound", "polarity")),
    "pages/corpus.py": None,
}
TIMEOUT = 900


def _rss_mb() -> float:
    import psutil

    return psutil.Process().memory_info().rss / 2**20


def _peak_rss_mb() -> float:
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


#: CPU seconds of this process per timed run, beside the wall times ``_timed`` returns (the script runs on
#: AppTest's thread in this process, nothing else does meanwhile): on a shared machine the wall time grows
#: with the load, the CPU time much less. An array, not a list of floats (see the module docstring).
CPU_TIMES = array.array("d")


def _timed(run) -> float:
    started, cpu = time.perf_counter(), time.process_time()
    app = run()
    elapsed = time.perf_counter() - started
    CPU_TIMES.append(time.process_time() - cpu)
    if app.exception:
        raise RuntimeError([e.value for e in app.exception])
    return elapsed


def _payload_kb(app) -> float:
    charts = app.get("plotly_chart")
    return max((len(chart.proto.spec) for chart in charts), default=0) / 1024


def _percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def _change(app, widget: tuple[str, str, tuple], value):
    kind, key, _ = widget
    element = getattr(app, kind)(key=key)
    return element.set_value(value)


def _visit_on_seeds(pages: list[str]) -> None:
    """One session on the bundled seeds through every page, then ended: a running server has imported the
    pages' libraries and drawn each chart kind once before anyone uploads, so the level after the large session
    is compared with this one, not with a process that has never run a page."""
    from streamlit.testing.v1 import AppTest

    from analysis import memory

    app = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=TIMEOUT)
    app.run()
    for page in pages:
        app.switch_page(page).run()
    del app
    gc.collect()
    time.sleep(memory.RELEASE_DELAY + 2)


class _Figures:
    """Each page's figures as numbers in arrays made before the session, so that keeping them makes no object that
    outlives it (see the module docstring); ``rows`` turns them into dicts once it has ended."""

    NAMES = ("first", "p50", "p95", "first_cpu", "cpu_p50", "cpu_p95", "payload_kb", "rss_mb")

    def __init__(self, pages: list[str], new_filters: int) -> None:
        import numpy as np

        self.pages = pages
        self.values = np.full((len(pages), len(self.NAMES)), np.nan)
        self.fresh = np.full((len(pages), max(new_filters, 1)), np.nan)

    def rows(self) -> list[dict]:
        return [{"page": page, **dict(zip(self.NAMES, self.values[i].tolist())),
                 "new_filters_cpu": [c for c in self.fresh[i].tolist() if c == c]} for i, page in enumerate(self.pages)]


def measure(n: int, *, reruns: int, pages: list[str], new_filters: int = 0) -> list[dict]:
    from streamlit.testing.v1 import AppTest

    import app_data
    from analysis import memory
    from analysis.uploads import reopen_zip
    from benchmarks.page_corpus import corpus_zip

    path = corpus_zip(n)
    figures = _Figures(pages, new_filters)
    cold = _rss_mb()
    _visit_on_seeds(pages)
    before = _rss_mb()
    print(f"\nRSS before any page {cold:.0f} MB; after a session on the bundled seeds {before:.0f} MB "
          "(the level an upload starts from on a server that has served a page); Python's small objects from "
          f"{os.environ.get('PYTHONMALLOC') or 'pymalloc'} (PYTHONMALLOC)", flush=True)
    started = time.perf_counter()
    built = reopen_zip(path.name, path.read_bytes())
    print(f"\n{len(built.tables.articles):,} articles, {built.tables.articles['source'].nunique():,} sources, "
          f"{len(built.tables.sentences):,} sentences, {len(built.tables.timeline):,} timeline points; "
          f"reopened in {time.perf_counter() - started:.1f} s; RSS {before:.0f} -> {_rss_mb():.0f} MB", flush=True)
    del started

    app = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=TIMEOUT)
    app.session_state[app_data.ACTIVE_CORPUS] = built
    memory.release_when_collected(built)  # as app_data.set_active_corpus does
    dated = built.tables.articles["published"].dropna()
    first_day, last_day = (dated.min().date(), dated.max().date()) if len(dated) else (None, None)
    del built, dated
    start_page = _timed(app.run)  # the default page (Toll), with the sidebar's first run
    print(f"first run of the app (default page, sidebar): {start_page:.2f} s (CPU {CPU_TIMES[-1]:.2f} s); "
          f"load average {os.getloadavg()[0]:.1f}", flush=True)
    del start_page
    for page in pages:
        widget = PAGES[page]
        away = "pages/overview.py" if page != "pages/overview.py" else "pages/figures.py"
        app.switch_page(away).run()
        first = _timed(app.switch_page(page).run)
        first_cpu = CPU_TIMES[-1]
        payload = _payload_kb(app)
        times, cpu_from = [], len(CPU_TIMES)
        for i in range(reruns):
            app.switch_page(away).run()
            times.append(_timed(app.switch_page(page).run))
            app.session_state[app_data.FILTER_UNDATED] = i % 2 == 1
            times.append(_timed(app.run))
            if widget is not None:
                times.append(_timed(_change(app, widget, widget[2][i % 2]).run))
                payload = max(payload, _payload_kb(app))
        app.session_state[app_data.FILTER_UNDATED] = True
        app.run()
        cpu = CPU_TIMES[cpu_from:]
        fresh = []  # CPU seconds of each change to a date range not chosen before
        for i in range(new_filters if first_day is not None and first_day < last_day else 0):
            app.session_state[app_data.FILTER_DATES] = (first_day + datetime.timedelta(days=i + 1), last_day)
            _timed(app.run)
            fresh.append(CPU_TIMES[-1])
        if fresh:
            # the whole range again (no range chosen): AppTest runs the page alone, the sidebar does not reset it
            app.session_state[app_data.FILTER_DATES] = None
            app.run()
        row = figures.values[pages.index(page)]
        row[:] = (first, statistics.median(times), _percentile(times, 0.95), first_cpu, statistics.median(cpu),
                  _percentile(cpu, 0.95), payload, _rss_mb())
        figures.fresh[pages.index(page), :len(fresh)] = fresh
        print(f"{Path(page).stem:10} first {first:7.2f} s   reruns p50 {row[1]:6.2f} s  p95 {row[2]:6.2f} s"
              f"   largest chart {payload:8.0f} KB   RSS {row[7]:6.0f} MB   CPU: first {first_cpu:.2f} s, "
              f"reruns p50 {row[4]:.2f} s p95 {row[5]:.2f} s", flush=True)
        if fresh:
            print(f"{'':10} new filters: CPU {', '.join(f'{c:.2f}' for c in fresh)} s (largest {max(fresh):.2f} s)",
                  flush=True)
        del times, cpu, fresh, row, first, first_cpu, payload
    del app  # the session ends: its corpus and views go
    gc.collect()  # as the server's next script run does (runner.postScriptGC)
    time.sleep(memory.RELEASE_DELAY + 2)
    after = _rss_mb()
    print(f"session ended: RSS {after:.0f} MB (before the corpus was reopened: {before:.0f} MB, "
          f"{100 * (after - before) / before:+.0f}%); "
          f"peak over the run {_peak_rss_mb():.0f} MB", flush=True)
    return figures.rows()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--reruns", type=int, default=4, help="rounds of (page switch, filter, widget) per page")
    parser.add_argument("--new-filters", type=int, default=3,
                        help="changes to a date range not chosen before, per page, timed apart (0: none)")
    parser.add_argument("--pages", nargs="+", default=[Path(p).stem for p in PAGES],
                        help="page names (toll, overview, ...), default all")
    args = parser.parse_args()
    pages = [p for p in PAGES if Path(p).stem in args.pages]
    # Built or saved again with this code's views in a child process: that step's memory (over 1.6 GB at 10,000
    # articles) would otherwise be the peak RSS reported for the pages.
    subprocess.run([sys.executable, "-m", "benchmarks.page_corpus", *map(str, args.articles)], cwd=ROOT, check=True)
    for n in args.articles:
        measure(n, reruns=args.reruns, pages=pages, new_filters=args.new_filters)


if __name__ == "__main__":
    main()
