"""The Toll page in a real browser at archive scale: from a click in the sidebar to the chart drawn.

    python -m benchmarks.toll_browser [--articles 10000] [--visits 5] [--frames] [--profile] [--trace]
                                      [--shots DIR] [--width 1400]

Starts ``streamlit run dashboard.py`` on a free loopback port (the committed config), opens in headless
Chromium (``/usr/bin/chromium``, software rendering) the saved ``--articles``-article corpus of
``benchmarks/page_corpus.py`` on the Corpus page (built once, kept under ``$TMPDIR/page-speed/``), then
clicks "Toll over time" in the sidebar and back to the Overview ``--visits`` times. Per visit, timed in the
page from the click event (``performance.now()``, checked on every animation frame):

- ``heading``: the page's title drawn;
- ``chart``: the toll chart's markers drawn (SVG ``.scatterlayer .points path`` of the plot whose y axis
  reads "reported count");
- ``done``: the script finished (no running indicator) and the page's last section drawn;

and, from the websocket, when the server's run started and finished (``new_session``, ``script_finished``)
and the bytes it sent; and the CPU time the server and the browser (every Chromium process) spent from the
click to 0.3 s after the page was drawn: unlike the wall times, CPU time hardly depends on what else the
machine runs. It prints each visit, then the first visit and the p50/p95 of the revisits, and the chart's
margins (asked and drawn with: plotly draws the whole chart a second time when it needs larger ones).

``--frames`` lists every message of the last visit (time after the click, kind, element, size);
``--profile`` takes a CPU profile of Chromium's main thread over the last visit (its time by the element
bundle that asked, and by function); ``--trace`` a Chromium trace (self time by event: script, style,
layout, paint); ``--shots DIR`` saves a full-page screenshot of the Toll page. Quote ``/proc/loadavg``
(printed at the start and the end) with the wall times.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import re
import statistics
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run"]
TOLL, BACK = "Toll over time", "Overview"
TIMEOUT = 600_000  # ms, Playwright's unit

# Installed before each click: the click's time, then the first animation frame at which each mark holds.
_WATCH = """() => {
  const marks = window.__tollMarks = {};
  const chart = () => [...document.querySelectorAll('[data-testid="stPlotlyChart"] .js-plotly-plot')].some(
      plot => (plot.querySelector('.g-ytitle') || {}).textContent?.includes('reported count')
              && plot.querySelector('.scatterlayer .points path'));
  const done = () => !document.querySelector('[data-testid="stStatusWidget"]')
      && [...document.querySelectorAll('[data-testid="stHeading"]')].some(
          h => h.textContent.includes('Where sources disagree'));
  const heading = () => [...document.querySelectorAll('h1')].some(
      h => h.textContent.includes('Reported toll over time'));
  document.addEventListener('click', () => { marks.click = performance.now(); }, {capture: true, once: true});
  const tick = () => {
    if (marks.click !== undefined) {
      const now = performance.now() - marks.click;
      if (marks.heading === undefined && heading()) marks.heading = now;
      if (marks.chart === undefined && chart()) marks.chart = now;
      if (marks.done === undefined && marks.heading !== undefined && done()) marks.done = now;
    }
    if (marks.done === undefined || marks.chart === undefined) requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
}"""


def _processes() -> dict[int, tuple[int, str, float]]:
    """Every process: ``{pid: (parent pid, command line, CPU seconds so far)}``."""
    tick = os.sysconf("SC_CLK_TCK")
    found = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            fields = Path(f"/proc/{entry}/stat").read_text().rsplit(")", 1)[1].split()
            command = Path(f"/proc/{entry}/cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
        except OSError:  # ended meanwhile
            continue
        found[int(entry)] = (int(fields[1]), command, (int(fields[11]) + int(fields[12])) / tick)
    return found


def cpu_seconds() -> tuple[float, float]:
    """CPU time so far of this benchmark's server and of its browser (every Chromium process: the page's
    renderer, the GPU process that draws in software, the browser process): processes started from this one."""
    processes = _processes()
    children: dict[int, list[int]] = {}
    for pid, (parent, _, _) in processes.items():
        children.setdefault(parent, []).append(pid)

    def tree(pid: int) -> list[int]:
        return [pid, *(p for child in children.get(pid, []) for p in tree(child))]

    server = browser = 0.0
    for pid in tree(os.getpid())[1:]:
        command = processes[pid][1]
        if "streamlit" in command and "run" in command:
            server += processes[pid][2]
        elif "chrom" in command:
            browser += processes[pid][2]
    return server, browser


def _percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def _describe(payload: bytes) -> str:
    """A server message in a few words: its kind and, for an element, the element's type."""
    from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

    try:
        msg = ForwardMsg.FromString(payload)
    except Exception:  # not a ForwardMsg: say so, do not stop the benchmark
        return "?"
    kind = msg.WhichOneof("type")
    if kind == "delta":
        delta = msg.delta
        part = delta.WhichOneof("type")
        if part == "new_element":
            return f"element {delta.new_element.WhichOneof('type')}"
        return part or "delta"
    return kind or "?"


async def _idle(page) -> None:
    await page.wait_for_selector('[data-testid="stApp"]', timeout=TIMEOUT)
    await page.wait_for_function("() => !document.querySelector('[data-testid=\"stStatusWidget\"]')",
                                 timeout=TIMEOUT)
    await page.wait_for_timeout(500)


async def _go(page, title: str) -> None:
    await page.locator('[data-testid="stSidebarNav"] a', has_text=title).first.click()
    await page.wait_for_timeout(300)
    await _idle(page)


async def _open_corpus(page, url: str, zip_path: Path) -> float:
    await page.goto(url)
    await _idle(page)
    await _go(page, "Corpus: your own articles")
    await page.locator('[data-testid="stFileUploader"] input[type="file"]').set_input_files(str(zip_path))
    started = time.perf_counter()
    await page.get_by_role("button", name="Open it").first.click(timeout=TIMEOUT)
    await page.get_by_text("Load report", exact=False).first.wait_for(timeout=TIMEOUT)
    await _idle(page)
    return time.perf_counter() - started


async def _visit(page, frames: list) -> dict:
    """One click on the Toll page, timed; ``frames`` collects (perf_counter, bytes) of websocket messages."""
    await page.evaluate(_WATCH)
    frames.clear()
    server, browser = cpu_seconds()
    clicked = time.perf_counter()
    await page.locator('[data-testid="stSidebarNav"] a', has_text=TOLL).first.click()
    await page.wait_for_function("() => window.__tollMarks.done !== undefined", timeout=TIMEOUT,
                                 polling=100)
    try:  # the chart may come after the script's end; a page without one (an experiment) reads nan
        await page.wait_for_function("() => window.__tollMarks.chart !== undefined", timeout=10_000, polling=100)
    except Exception:
        pass
    marks = await page.evaluate("window.__tollMarks")
    await page.wait_for_timeout(300)  # the last frames' drawing
    server_after, browser_after = cpu_seconds()
    received = [(at - clicked, payload) for at, payload in frames if at >= clicked]
    return {"heading": marks["heading"] / 1000, "chart": marks.get("chart", float("nan")) / 1000,
            "done": marks["done"] / 1000,
            "kb": sum(len(p) for _, p in received) / 1024, "received": received,
            "started": next((at for at, p in received if _describe(p) == "new_session"), float("nan")),
            "finished": next((at for at, p in received if _describe(p) == "script_finished"), float("nan")),
            "server cpu": server_after - server, "browser cpu": browser_after - browser}


TRACE_CATEGORIES = ["devtools.timeline", "disabled-by-default-devtools.timeline", "toplevel", "v8.execute",
                    "blink", "blink.user_timing"]


def _trace_self_time(trace: bytes, n: int = 20) -> tuple[float, list[tuple[float, str]]]:
    """The busiest renderer main thread of a Chromium trace: its busy time (top-level tasks, ms) and the events
    with most self time (an event's time less its nested events'), e.g. style, layout, paint, script."""
    import json

    events = json.loads(trace)["traceEvents"]
    mains = {(e["pid"], e["tid"]) for e in events
             if e.get("ph") == "M" and e.get("name") == "thread_name" and e["args"].get("name") == "CrRendererMain"}
    spans: dict[tuple, list] = {}
    open_: dict[tuple, list] = {}
    for e in events:
        key = (e.get("pid"), e.get("tid"))
        if key not in mains:
            continue
        if e.get("ph") == "X" and "dur" in e:
            spans.setdefault(key, []).append((e["ts"], e["ts"] + e["dur"], e["name"]))
        elif e.get("ph") == "B":
            open_.setdefault(key, []).append(e)
        elif e.get("ph") == "E" and open_.get(key):
            begun = open_[key].pop()
            spans.setdefault(key, []).append((begun["ts"], e["ts"], begun["name"]))
    if not spans:
        return 0.0, []
    key = max(spans, key=lambda k: sum(end - start for start, end, name in spans[k] if name == "RunTask"))
    own: Counter = Counter()
    stack: list[list] = []  # [end, name, self time]
    for start, end, name in sorted(spans[key], key=lambda s: (s[0], -s[1])):
        while stack and stack[-1][0] <= start:
            done = stack.pop()
            own[done[1]] += done[2]
        if stack:
            stack[-1][2] -= min(end, stack[-1][0]) - start
        stack.append([end, name, end - start])
    for done in stack:
        own[done[1]] += done[2]
    busy = sum(end - start for start, end, name in spans[key] if name == "RunTask") / 1000
    return busy, [(us / 1000, name) for name, us in own.most_common(n)]


def _top_self_time(profile: dict, n: int = 25) -> tuple[list[tuple[float, str]], list[tuple[float, str]]]:
    """A CPU profile's functions with most self time, and its time by the code that asked for it: each sample
    goes to the nearest frame on its stack from one of Streamlit's element bundles (``PlotlyChart``,
    ``StreamlitMarkdown``, ...) rather than from React, emotion or Streamlit's core (``index``), which draw
    every element; native time (style, layout, paint), garbage collection and idle time stay as they are."""
    nodes = {node["id"]: node for node in profile["nodes"]}
    parent = {child: node["id"] for node in profile["nodes"] for child in node.get("children", [])}

    def bundle(frame: dict) -> str:
        return re.sub(r"[.-][\w-]{8}\.js$", "", frame["url"].rsplit("/", 1)[-1].split("?")[0])

    def owner(node_id: int) -> str:
        first = nodes[node_id]["callFrame"]
        if first["functionName"] in ("(program)", "(idle)", "(garbage collector)", "(root)"):
            return first["functionName"]
        while node_id is not None:
            name = bundle(nodes[node_id]["callFrame"])
            if name and name not in _SHARED_BUNDLES:
                return name
            node_id = parent.get(node_id)
        return bundle(first) or first["functionName"] or "(native)"

    spent: Counter = Counter()
    by_owner: Counter = Counter()
    for sample, delta in zip(profile["samples"], profile["timeDeltas"]):
        frame = nodes[sample]["callFrame"]
        spent[f"{frame['functionName'] or '(anonymous)'} {frame['url'].rsplit('/', 1)[-1]}:{frame['lineNumber']}"] \
            += delta
        by_owner[owner(sample)] += delta
    return ([(us / 1000, name) for name, us in spent.most_common(n)],
            [(us / 1000, name) for name, us in by_owner.most_common(n)])


#: Streamlit's bundles that every element goes through: time in them is put on the element's own bundle.
_SHARED_BUNDLES = {"react-dom", "emotion-styled.browser.esm", "index", "lib", "rolldown-runtime", "react",
                   "emotion-react.browser.esm", "jsx-runtime"}


async def measure(url: str, zip_path: Path, *, visits: int, frames_shown: bool, profile: bool, trace: bool,
                  shots: Path | None, width: int) -> None:
    from playwright.async_api import async_playwright

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
        results = []
        for i in range(visits):
            last = i == visits - 1
            if last and cdp:
                await cdp.send("Profiler.enable")
                await cdp.send("Profiler.setSamplingInterval", {"interval": 500})
                await cdp.send("Profiler.start")
            if last and trace:
                await browser.start_tracing(page=page, categories=TRACE_CATEGORIES)
            result = await _visit(page, frames)
            if last and cdp:
                cpu = (await cdp.send("Profiler.stop"))["profile"]
            if last and trace:
                traced = await browser.stop_tracing()
            results.append(result)
            print(f"visit {i + 1}: server run {result['started']:.2f}-{result['finished']:.2f} s; drawn: "
                  f"heading {result['heading']:.2f} s, chart {result['chart']:.2f} s, "
                  f"done {result['done']:.2f} s, {result['kb']:,.0f} KB received; CPU: server "
                  f"{result['server cpu']:.2f} s, browser {result['browser cpu']:.2f} s", flush=True)
            if last:
                # margins the chart asked for and those plotly needed: larger needs cost a second full draw
                asked, used = await page.evaluate("""() => {
                  const plot = [...document.querySelectorAll('[data-testid="stPlotlyChart"] .js-plotly-plot')].find(
                      p => (p.querySelector('.g-ytitle') || {}).textContent?.includes('reported count'));
                  const m = plot?._fullLayout; return m ? [m.margin, m._size] : [null, null]; }""")
                if asked:
                    print("chart margins asked l/r/t/b " + "/".join(str(round(asked[k])) for k in "lrtb")
                          + ", drawn with " + "/".join(str(round(used[k])) for k in "lrtb")
                          + f", plot area {used['w']:.0f}x{used['h']:.0f} px", flush=True)
            if last and shots:
                shots.mkdir(parents=True, exist_ok=True)
                # Streamlit scrolls its main area, not the page: a window as tall as the content shows it all
                tall = await page.evaluate("document.querySelector('[data-testid=\"stMain\"]').scrollHeight")
                await page.set_viewport_size({"width": width, "height": min(int(tall) + 100, 16000)})
                await page.wait_for_timeout(3000)
                await page.screenshot(path=str(shots / f"toll_{zip_path.stem}.png"), full_page=True)
                await page.set_viewport_size({"width": width, "height": 1000})
            if await page.locator('[data-testid="stException"]').count():
                print("  an exception is shown on the page", flush=True)
            if not last:
                await _go(page, BACK)
        first, again = results[0], results[1:]
        print(f"first visit: heading {first['heading']:.2f} s, chart {first['chart']:.2f} s, "
              f"done {first['done']:.2f} s", flush=True)
        if again:
            for mark in ("started", "finished", "heading", "chart", "done", "server cpu", "browser cpu"):
                values = [r[mark] for r in again]
                print(f"revisits ({len(again)}) {mark}: p50 {statistics.median(values):.2f} s, "
                      f"p95 {_percentile(values, 0.95):.2f} s", flush=True)
            print(f"revisits received: p50 {statistics.median(r['kb'] for r in again):,.0f} KB", flush=True)
        if frames_shown:
            print("last visit, server messages (seconds after the click, kind, KB):")
            for at, payload in results[-1]["received"]:
                print(f"  {at:6.3f}  {_describe(payload):40s} {len(payload) / 1024:9.1f}")
        if trace:
            busy, top = _trace_self_time(traced)
            print(f"Chromium trace of the last visit: renderer main thread busy {busy:,.0f} ms; self time by event:")
            for ms, name in top:
                print(f"  {ms:8.1f} ms  {name}")
        if profile:
            functions, owners = _top_self_time(cpu)
            print("Chromium main thread over the last visit, by the element bundle that asked (see _top_self_time):")
            for ms, name in owners:
                print(f"  {ms:8.1f} ms  {name}")
            print("by function, self time:")
            for ms, name in functions:
                print(f"  {ms:8.1f} ms  {name}")
        await browser.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=10000)
    parser.add_argument("--visits", type=int, default=5, help="clicks on the Toll page (the first is the first visit)")
    parser.add_argument("--frames", action="store_true", help="list the server's messages of the last visit")
    parser.add_argument("--profile", action="store_true", help="Chromium CPU profile of the last visit")
    parser.add_argument("--trace", action="store_true",
                        help="Chromium trace of the last visit: the main thread's time in script, style, layout, paint")
    parser.add_argument("--shots", type=Path, help="save a full-page screenshot of the Toll page here")
    parser.add_argument("--width", type=int, default=1400, help="the browser window's width, px")
    args = parser.parse_args()

    from benchmarks.page_corpus import corpus_zip
    from tests.streamlit_server import running_streamlit

    zip_path = corpus_zip(args.articles)
    # the saved analysis is one file larger than the default per-file limit
    os.environ["NEWSDASH_MAX_FILE_BYTES"] = str(max(zip_path.stat().st_size * 2, 50 * 2**20))
    print(f"load {Path('/proc/loadavg').read_text().strip()}; {args.articles:,} articles ({zip_path})", flush=True)
    log = Path(os.environ.get("TMPDIR", "/tmp")) / "toll_browser_server.log"
    with running_streamlit(log) as url:
        asyncio.run(measure(url, zip_path, visits=args.visits, frames_shown=args.frames, profile=args.profile,
                            trace=args.trace,
                            shots=args.shots, width=args.width))
    print(f"load {Path('/proc/loadavg').read_text().strip()}", flush=True)


if __name__ == "__main__":
    main()
