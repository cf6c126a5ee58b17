"""Any page in a real browser at archive scale: from a click in the sidebar to every chart drawn.

    python -m benchmarks.page_browser [--page tone ...] [--articles 10000] [--visits 3] [--frames] [--profile]
                                      [--trace] [--shots DIR] [--width 1400]

``benchmarks/toll_browser.py`` for every page: the same server, corpus (opened once on the Corpus page) and
headless Chromium (software rendering), then per ``--page`` (default: all of them, in the sidebar's order)
``--visits`` clicks on it in the sidebar, each from another page (the Overview; the Figures page for the
Overview), and with ``--tabs`` then a click on each of its section tabs (``TABS``), timed the same way. Per visit, timed in the page from the click event (``performance.now()``, every animation frame):

- ``heading``: the page's title drawn;
- ``charts``: the last plotly chart drawn (its plot made and its SVG in place; ``n`` charts on the page);
- ``done``: the script finished (no running indicator) and the page's last section drawn;

and, from the websocket, when the server's run started and finished and the bytes it sent (``--frames``:
every message); the CPU time of the server and of the browser (every Chromium process) from the click to
0.3 s after the page was drawn. ``--profile`` / ``--trace`` take a Chromium CPU profile / trace of the last
visit of each page, read as toll_browser reads them. It prints each visit, then per page the first visit and
the median of the revisits, and last a table of all pages. Quote ``/proc/loadavg`` (printed at the start and
the end) with the wall times: on 2 shared cores the CPU times are the steadier figures.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from benchmarks.toll_browser import (  # noqa: E402  (after the path is set)
    CHROMIUM,
    CHROMIUM_ARGS,
    TIMEOUT,
    TRACE_CATEGORIES,
    _describe,
    _idle,
    _open_corpus,
    _top_self_time,
    _trace_self_time,
    cpu_seconds,
)

#: Per page: its link in the sidebar, its title, and text of the heading of its last section drawn on a visit (the
#: Tone and Framing pages draw their first tab; Tone's reads "By source", or "By outlet country" for many sources).
PAGES = {
    "toll": ("Toll over time", "Reported toll over time", "Where sources disagree"),
    "overview": ("Overview", "Overview", "Reader"),
    "figures": ("Figures", "Figures", "People"),
    "framing": ("Framing", "Framing across sources", "What the story is about"),
    "entities": ("Entities", "Entities", "Named together"),
    "tone": ("Tone", "Tone", "By "),
    "corpus": ("Corpus: your own articles", "Corpus", "Save or share the analysis"),
}

#: Per page whose sections are tabs that run one at a time: each tab's label and the text of its first heading.
TABS = {
    "tone": [("Over time", "Over publication time"), ("Along one article", "Along one article"),
             ("Around entities", "Around entities"), ("TextBlob against VADER", "Where TextBlob and VADER disagree"),
             ("By source or group", "By ")],
    "framing": [("Roles", "Who is cast as what"), ("Hedging", "How sure the language sounds"),
                ("Tone toward entities", "Tone toward entities"), ("Distinctive words", "Distinctive words"),
                ("Who is cited", "Whose words are used"), ("Frames", "What the story is about")],
}

# Installed before each click: the click's time, then the first animation frame at which each mark holds.
# ``charts`` moves on each time one more plotly chart is drawn; ``drawn`` and ``present`` count them.
_WATCH = """([title, last]) => {
  const marks = window.__pageMarks = {drawn: 0, present: 0};
  const heading = () => [...document.querySelectorAll('h1')].some(h => h.textContent.trim().startsWith(title));
  const done = () => !document.querySelector('[data-testid="stStatusWidget"]')
      && [...document.querySelectorAll('[data-testid="stHeading"]')].some(h => h.textContent.includes(last));
  const charts = () => {
    // the charts shown: not those of a hidden tab
    const boxes = [...document.querySelectorAll('[data-testid="stPlotlyChart"]')].filter(b => b.offsetParent !== null);
    const drawn = boxes.filter(box => {
      const plot = box.querySelector('.js-plotly-plot');
      return plot && plot._fullLayout && plot.querySelector('.main-svg');
    }).length;
    return [boxes.length, drawn];
  };
  document.addEventListener('click', () => { marks.click = performance.now(); }, {capture: true, once: true});
  const tick = () => {
    if (marks.click !== undefined) {
      const now = performance.now() - marks.click;
      if (marks.heading === undefined && heading()) marks.heading = now;
      if (marks.heading !== undefined) {
        const [present, drawn] = charts();
        if (drawn > marks.drawn || (marks.charts === undefined && drawn === present)) marks.charts = now;
        marks.present = present; marks.drawn = drawn;
      }
      if (marks.done === undefined && marks.heading !== undefined && done()) marks.done = now;
    }
    if (!marks.stop) requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
}"""


async def _visit(page, frames: list, name: str, tab: tuple[str, str] | None = None) -> dict:
    """One click on the page ``name`` in the sidebar (or on its ``tab``: label, heading text), timed; ``frames``
    collects (perf_counter, bytes) of websocket messages."""
    link, title, last = PAGES[name]
    await page.evaluate(_WATCH, [title, last if tab is None else tab[1]])
    frames.clear()
    server, browser = cpu_seconds()
    clicked = time.perf_counter()
    if tab is None:
        await page.locator('[data-testid="stSidebarNav"] a', has_text=link).first.click()
    else:
        await page.get_by_role("tab", name=tab[0]).first.click()
    await page.wait_for_function("() => window.__pageMarks.done !== undefined", timeout=TIMEOUT, polling=100)
    # every chart drawn: as many drawn as there are, and no new one for 1 s (some come after the script's end)
    steady = time.perf_counter()
    seen = None
    while time.perf_counter() - steady < 1.0 and time.perf_counter() - clicked < 60:
        now = await page.evaluate("[window.__pageMarks.present, window.__pageMarks.drawn, window.__pageMarks.charts]")
        if now != seen or now[0] != now[1]:
            seen, steady = now, time.perf_counter()
        await page.wait_for_timeout(100)
    marks = await page.evaluate("window.__pageMarks.stop = true, window.__pageMarks")
    # the CPU from the click to 0.3 s after the last drawing (the wait above ends 1 s after it): read now
    server_after, browser_after = cpu_seconds()
    received = [(at - clicked, payload) for at, payload in frames if at >= clicked]
    return {"heading": marks["heading"] / 1000, "charts": marks.get("charts", float("nan")) / 1000,
            "n": marks["present"], "done": marks["done"] / 1000,
            "kb": sum(len(p) for _, p in received) / 1024, "received": received,
            "started": next((at for at, p in received if _describe(p) == "new_session"), float("nan")),
            "finished": next((at for at, p in received if _describe(p) == "script_finished"), float("nan")),
            "server cpu": server_after - server, "browser cpu": browser_after - browser}


async def _go_back(page, frames: list, link: str) -> None:
    """Click ``link`` in the sidebar and wait for that page's run to end: a ``script_finished`` from the server, then
    1 s without a message (the running indicator alone can end before the run: a page still running would be
    counted in the next visit)."""
    frames.clear()
    clicked = time.perf_counter()
    await page.locator('[data-testid="stSidebarNav"] a', has_text=link).first.click()
    while time.perf_counter() - clicked < 120:
        await page.wait_for_timeout(200)
        finished = any(_describe(payload) == "script_finished" for _, payload in list(frames))
        if finished and time.perf_counter() - frames[-1][0] > 1.0:
            break
    await _idle(page)


def _line(result: dict) -> str:
    return (f"server run {result['started']:.2f}-{result['finished']:.2f} s; drawn: heading {result['heading']:.2f} s, "
            f"{result['n']} charts {result['charts']:.2f} s, done {result['done']:.2f} s, {result['kb']:,.0f} KB "
            f"received; CPU: server {result['server cpu']:.2f} s, browser {result['browser cpu']:.2f} s")


async def measure(url: str, zip_path: Path, *, pages: list[str], visits: int, frames_shown: bool, profile: bool,
                  trace: bool, shots: Path | None, width: int, tabs: bool = False) -> dict[str, list[dict]]:
    from playwright.async_api import async_playwright

    summary: dict[str, list[dict]] = {}
    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        page = await (await browser.new_context(viewport={"width": width, "height": 1000})).new_page()
        frames: list[tuple[float, bytes]] = []

        def on_socket(socket) -> None:
            socket.on("framereceived", lambda payload: frames.append(
                (time.perf_counter(), payload if isinstance(payload, bytes) else payload.encode())))

        page.on("websocket", on_socket)
        print(f"corpus opened in {await _open_corpus(page, url, zip_path):.1f} s", flush=True)
        cdp = await page.context.new_cdp_session(page) if profile else None
        for name in pages:
            back = "Figures" if name == "overview" else "Overview"
            results = summary[name] = []
            for i in range(visits):
                last = i == visits - 1
                await _go_back(page, frames, back)
                if last and cdp:
                    await cdp.send("Profiler.enable")
                    await cdp.send("Profiler.setSamplingInterval", {"interval": 500})
                    await cdp.send("Profiler.start")
                if last and trace:
                    await browser.start_tracing(page=page, categories=TRACE_CATEGORIES)
                result = await _visit(page, frames, name)
                if last and cdp:
                    cpu = (await cdp.send("Profiler.stop"))["profile"]
                if last and trace:
                    traced = await browser.stop_tracing()
                results.append(result)
                print(f"{name} visit {i + 1}: {_line(result)}", flush=True)
                if await page.locator('[data-testid="stException"]').count():
                    print("  an exception is shown on the page", flush=True)
                if last and shots:
                    shots.mkdir(parents=True, exist_ok=True)
                    # Streamlit scrolls its main area, not the page: a window as tall as the content shows it all
                    tall = await page.evaluate("document.querySelector('[data-testid=\"stMain\"]').scrollHeight")
                    await page.set_viewport_size({"width": width, "height": min(int(tall) + 100, 16000)})
                    await page.wait_for_timeout(3000)
                    await page.screenshot(path=str(shots / f"{name}_{zip_path.stem}.png"), full_page=True)
                    await page.set_viewport_size({"width": width, "height": 1000})
            for tab in TABS.get(name, []) if tabs else []:
                result = await _visit(page, frames, name, tab)
                summary[f"{name}: {tab[0]}"] = [result]
                print(f"{name}, tab {tab[0]!r}: {_line(result)}", flush=True)
            if frames_shown:
                print(f"{name}, last visit, server messages (seconds after the click, kind, KB):")
                for at, payload in results[-1]["received"]:
                    print(f"  {at:6.3f}  {_describe(payload):40s} {len(payload) / 1024:9.1f}")
            if trace:
                busy, top = _trace_self_time(traced)
                print(f"{name}: Chromium trace of the last visit: renderer main thread busy {busy:,.0f} ms; "
                      "self time by event:")
                for ms, event in top:
                    print(f"  {ms:8.1f} ms  {event}")
            if profile:
                functions, owners = _top_self_time(cpu)
                print(f"{name}: Chromium main thread over the last visit, by the element bundle that asked:")
                for ms, owner in owners:
                    print(f"  {ms:8.1f} ms  {owner}")
                print("by function, self time:")
                for ms, function in functions:
                    print(f"  {ms:8.1f} ms  {function}")
        await browser.close()
    return summary


def _table(summary: dict[str, list[dict]]) -> None:
    """Per page: the first visit, and the median of the others (seconds; KB sent by the server)."""
    marks = ("finished", "heading", "charts", "done", "server cpu", "browser cpu", "kb")
    print("page      visit   " + "".join(f"{m:>12s}" for m in marks) + "  charts  (a tab: page: tab, on the next line)")
    for name, results in summary.items():
        rows = [("first", results[0])]
        if len(results) > 1:
            again = results[1:]
            rows.append((f"p50 of {len(again)}", {m: statistics.median(r[m] for r in again) for m in marks}
                         | {"n": results[-1]["n"]}))
        if ": " in name:  # a tab
            print(name)
            name, rows = "", [("click", results[0])]
        for label, row in rows:
            print(f"{name:9s} {label:8s}" + "".join(f"{row[m]:12,.2f}" if m != "kb" else f"{row[m]:12,.0f}"
                                                    for m in marks) + f"  {row['n']:6d}", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--page", action="append", choices=list(PAGES),
                        help="a page to visit (repeat for more; default: all)")
    parser.add_argument("--articles", type=int, default=10000)
    parser.add_argument("--visits", type=int, default=3, help="clicks on each page (the first is its first visit)")
    parser.add_argument("--frames", action="store_true", help="list the server's messages of each page's last visit")
    parser.add_argument("--profile", action="store_true", help="Chromium CPU profile of each page's last visit")
    parser.add_argument("--trace", action="store_true",
                        help="Chromium trace of each page's last visit: the main thread's time in script, style, "
                             "layout, paint")
    parser.add_argument("--tabs", action="store_true",
                        help="after each page's visits, click each of its section tabs (TABS) and time it too")
    parser.add_argument("--shots", type=Path, help="save a full-page screenshot of each page here")
    parser.add_argument("--width", type=int, default=1400, help="the browser window's width, px")
    args = parser.parse_args()

    from benchmarks.page_corpus import corpus_zip
    from tests.streamlit_server import running_streamlit

    zip_path = corpus_zip(args.articles)
    # the saved analysis is one file larger than the default per-file limit
    os.environ["NEWSDASH_MAX_FILE_BYTES"] = str(max(zip_path.stat().st_size * 2, 50 * 2**20))
    print(f"load {Path('/proc/loadavg').read_text().strip()}; {args.articles:,} articles ({zip_path})", flush=True)
    log = Path(os.environ.get("TMPDIR", "/tmp")) / "page_browser_server.log"
    with running_streamlit(log) as url:
        summary = asyncio.run(measure(url, zip_path, pages=args.page or list(PAGES), visits=args.visits,
                                      frames_shown=args.frames, profile=args.profile, trace=args.trace,
                                      shots=args.shots, width=args.width, tabs=args.tabs))
    _table(summary)
    print(f"load {Path('/proc/loadavg').read_text().strip()}", flush=True)


if __name__ == "__main__":
    main()
