"""Concurrent sessions against the real server: page switches, uploads, errors, memory, isolation.

    python -m benchmarks.load_test [--browse 20] [--upload 3] [--articles 1000] [--minutes 10]
    python -m benchmarks.load_test --switch-cpu [--switches 120]

Starts ``streamlit run dashboard.py`` on a free loopback port with the committed config (plus
``NEWSDASH_N_PROCESS=1`` and a fresh ``NEWSDASH_CACHE_DIR``, as the README's Deployment section
advises, so every upload really runs NER), then at once:

- ``--browse`` sessions on the bundled seeds, each speaking Streamlit's own websocket protocol
  (``/_stcore/stream``, the protobuf messages the browser sends): connect, then switch page after
  page in a loop (a pause of 0.5-1.5 s between switches). A page's time is from the rerun request to
  the server's ``script_finished``: server time plus loopback, without drawing;
- ``--upload`` sessions in headless Chromium (one context each, ``/usr/bin/chromium``), each uploading
  its own ``--articles``-article JSON Lines corpus (generated, with outlets named ``zqload<k>-...``) on
  the Corpus page, waiting for the analysis, then visiting every page.

Browsing stops when every upload has finished (or at ``--minutes``). It reports p50/p95 page time
(also split by what the uploaders were doing when a switch began: analysing, visiting their pages, neither),
errors (exception elements, failed or timed-out runs, broken connections), the server's RSS every
2 s (with its worker processes), the load average at the start and the end, and isolation: no
browsing session receives a byte naming an uploader's outlets, and no uploader sees another's.
Loopback only; bounded in sessions and time.

``--switch-cpu`` measures instead what one page switch on the seeds costs the server: one websocket
session visits every page once, then switches ``--switches`` times round the pages, and the server
process's CPU time (user + system, from ``/proc``) over those switches is divided by their number.
CPU time, unlike a page's wall time, hardly depends on what else the machine runs.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run"]
MARK = "zqload"
PAGE_TIMEOUT = 120.0
UPLOAD_TIMEOUT = 1200_000  # ms, Playwright's unit


@dataclass
class Report:
    page_times: list[float] = field(default_factory=list)  # websocket page switches, seconds
    page_starts: list[float] = field(default_factory=list)  # when each of those began (perf_counter)
    analysing: list[tuple[float, float]] = field(default_factory=list)  # an upload's Analyse click -> its result
    visiting: list[tuple[float, float]] = field(default_factory=list)  # an uploader's own page visits
    first_times: list[float] = field(default_factory=list)  # first page of a websocket session
    upload_page_times: list[float] = field(default_factory=list)  # page switches in Chromium, seconds
    builds: list[float] = field(default_factory=list)  # upload -> analysed corpus shown, seconds
    errors: list[str] = field(default_factory=list)
    leaks: list[str] = field(default_factory=list)
    rss: list[tuple[float, float]] = field(default_factory=list)  # (seconds since start, MB)


def upload_rows(k: int, n: int) -> bytes:
    """The ``n``-article JSON Lines upload of uploader ``k``: generated articles, outlets named after it."""
    from benchmarks.page_corpus import generated_articles

    rows = generated_articles(n, seed=1000 + k)
    for i, row in enumerate(rows):
        row["source"] = f"{MARK}{k}-outlet{i % 40:02d}.example"
    return "".join(json.dumps(row) + "\n" for row in rows).encode()


# -- the server -------------------------------------------------------------------------------------------

def start_server(log_path: Path, cache_dir: Path, *args: str) -> tuple[subprocess.Popen, str]:
    """A ``streamlit run dashboard.py`` on a free loopback port with the committed config and ``args``."""
    from tests.streamlit_server import _wait_healthy, free_port

    port = free_port()
    env = {key: value for key, value in os.environ.items() if not key.startswith("STREAMLIT_")}
    env.update(PYTHONUNBUFFERED="1", NEWSDASH_N_PROCESS="1", NEWSDASH_CACHE_DIR=str(cache_dir))
    log = open(log_path, "w")
    process = subprocess.Popen([sys.executable, "-m", "streamlit", "run", "dashboard.py", "--server.port", str(port),
                                "--server.address", "127.0.0.1", *args], cwd=ROOT, stdout=log, stderr=subprocess.STDOUT,
                               env=env)
    url = f"http://127.0.0.1:{port}"
    _wait_healthy(url, process, log_path, 120)
    return process, url


def stop_server(process: subprocess.Popen) -> None:
    process.terminate()
    try:
        process.wait(timeout=20)
    except subprocess.TimeoutExpired:
        process.kill()


def rss_mb(pid: int) -> float:
    import psutil

    process = psutil.Process(pid)
    return sum(p.memory_info().rss for p in [process, *process.children(recursive=True)]) / 2**20


async def settled_rss(pid: int, seconds: float = 20) -> float:
    """The lowest RSS over ``seconds``: the allocators hand freed pages back over a few seconds."""
    samples = []
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        samples.append(rss_mb(pid))
        await asyncio.sleep(1)
    return min(samples)


async def visit_every_page(url: str) -> None:
    """One websocket session that runs every page on the bundled seeds, then ends."""
    session = WebsocketSession(url)
    await session.connect()
    for page_hash in session.pages.values():
        await session.run_page(page_hash)
    await session.close()


async def sample_rss(pid: int, report: Report, started: float, stop: asyncio.Event) -> None:
    while not stop.is_set():
        report.rss.append((time.perf_counter() - started, rss_mb(pid)))
        try:
            await asyncio.wait_for(stop.wait(), 2.0)
        except TimeoutError:
            pass


# -- a session over the websocket -------------------------------------------------------------------------

class WebsocketSession:
    """One browser-less session: sends rerun requests, reads ForwardMsgs until the script finishes."""

    def __init__(self, url: str) -> None:
        self.url = url.replace("http://", "ws://") + "/_stcore/stream"
        self.pages: dict[str, str] = {}  # url path -> page script hash
        self.received = bytearray()  # every byte the server sent, for the isolation check
        self.ws = None

    async def connect(self) -> float:
        import websockets

        self.ws = await websockets.connect(self.url, subprotocols=["streamlit"], max_size=2**28,
                                           open_timeout=PAGE_TIMEOUT, ping_interval=None)
        return await self.run_page("")

    async def run_page(self, page_hash: str) -> float:
        """Ask for a run of the page (``""``: the default one); seconds until it finished."""
        from streamlit.proto.BackMsg_pb2 import BackMsg
        from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

        message = BackMsg()
        message.rerun_script.query_string = ""
        message.rerun_script.page_script_hash = page_hash
        started = time.perf_counter()
        await self.ws.send(message.SerializeToString())
        deadline = started + PAGE_TIMEOUT
        while True:
            data = await asyncio.wait_for(self.ws.recv(), max(0.1, deadline - time.perf_counter()))
            self.received += data
            forward = ForwardMsg()
            forward.ParseFromString(data)
            kind = forward.WhichOneof("type")
            if kind == "navigation":
                self.pages = {p.url_pathname: p.page_script_hash for p in forward.navigation.app_pages}
            elif kind == "delta" and forward.delta.WhichOneof("type") == "new_element" \
                    and forward.delta.new_element.WhichOneof("type") == "exception":
                raise RuntimeError(f"exception element: {forward.delta.new_element.exception.message[:200]}")
            elif kind == "script_finished":
                status = forward.script_finished
                if status == ForwardMsg.FINISHED_WITH_COMPILE_ERROR:
                    raise RuntimeError("compile error")
                if status == ForwardMsg.FINISHED_SUCCESSFULLY:
                    return time.perf_counter() - started

    async def close(self) -> None:
        if self.ws is not None:
            await self.ws.close()


async def browse(url: str, k: int, report: Report, stop: asyncio.Event) -> bytes:
    """Switch pages in a loop until ``stop``; returns every byte received."""
    rng = random.Random(k)
    session = WebsocketSession(url)
    try:
        await asyncio.sleep(rng.uniform(0, 3))  # sessions arrive over a few seconds, not all in one tick
        report.first_times.append(await session.connect())
        paths = list(session.pages)
        while not stop.is_set():
            for path in rng.sample(paths, len(paths)):
                if stop.is_set():
                    break
                await asyncio.sleep(rng.uniform(0.5, 1.5))
                begun = time.perf_counter()
                report.page_times.append(await session.run_page(session.pages[path]))
                report.page_starts.append(begun)
    except Exception as error:  # counted, not raised: the other sessions carry on
        report.errors.append(f"browse {k}: {type(error).__name__}: {error}")
    finally:
        await session.close()
    return bytes(session.received)


# -- an uploading session in Chromium ---------------------------------------------------------------------

async def _idle(page) -> None:
    await page.wait_for_selector('[data-testid="stApp"]', timeout=UPLOAD_TIMEOUT)
    await page.wait_for_function("() => !document.querySelector('[data-testid=\"stStatusWidget\"]')",
                                 timeout=UPLOAD_TIMEOUT)
    await page.wait_for_selector('[data-testid="stHeading"], [data-testid="stMetric"]', timeout=UPLOAD_TIMEOUT)
    await page.wait_for_timeout(800)  # a rerun a widget change asked for may start a moment later


async def _go(page, title: str) -> float:
    started = time.perf_counter()
    await page.locator('[data-testid="stSidebarNav"] a', has_text=title).first.click()
    await page.wait_for_timeout(300)
    await _idle(page)
    return time.perf_counter() - started


PAGE_TITLES = ["Overview", "Toll over time", "Figures", "Framing", "Entities", "Tone"]


async def upload(browser, url: str, k: int, n: int, others: list[str], report: Report) -> None:
    context = await browser.new_context(viewport={"width": 1400, "height": 1000})
    page = None
    try:
        page = await context.new_page()
        await page.goto(url)
        await _idle(page)
        await _go(page, "Corpus: your own articles")
        started = time.perf_counter()
        await page.locator('[data-testid="stFileUploader"] input[type="file"]').set_input_files(
            [{"name": f"upload{k}.jsonl", "mimeType": "application/json", "buffer": upload_rows(k, n)}])
        await page.get_by_text("ready.", exact=False).first.wait_for(timeout=UPLOAD_TIMEOUT)
        await _idle(page)
        analysis_began = time.perf_counter()
        for attempt in range(3):  # a click that lands while the page redraws is lost: click again
            await page.get_by_role("button", name="Analyse ").first.click()
            try:
                # the "Analysing" heading, not the caption "Now analysing: ..." that every Corpus page shows
                await page.get_by_role("heading", name="Analysing", exact=True) \
                    .or_(page.get_by_text("Load report", exact=False)).first.wait_for(timeout=30_000)
                break
            except Exception:
                if attempt == 2:
                    raise
        await page.get_by_text("Load report", exact=False).first.wait_for(timeout=UPLOAD_TIMEOUT)
        await _idle(page)
        report.builds.append(time.perf_counter() - started)
        report.analysing.append((analysis_began, time.perf_counter()))
        visits_began = time.perf_counter()
        for title in PAGE_TITLES:
            report.upload_page_times.append(await _go(page, title))
            text = await page.locator("body").inner_text()
            if title == "Overview" and f"({n:,} articles)" not in text:
                report.errors.append(f"upload {k}: the Overview does not show its {n:,} articles")
            for other in others:
                if other in text:
                    report.leaks.append(f"upload {k} sees {other} on {title}")
            if await page.locator('[data-testid="stException"]').count():
                report.errors.append(f"upload {k}: exception on {title}")
        report.visiting.append((visits_began, time.perf_counter()))
    except (Exception, asyncio.CancelledError) as error:
        shown = ""
        if page is not None:  # what the user would have seen, for the record
            alerts = await page.locator('[data-testid="stAlert"]').all_inner_texts()
            shown = " | ".join(" ".join(a.split()) for a in alerts)[:300]
            await page.screenshot(path=str(Path(tempfile.gettempdir()) / "load-test" / f"upload{k}-failed.png"),
                                  full_page=True)
        report.errors.append(f"upload {k}: {type(error).__name__}: {str(error)[:300]}"
                             + (f" (the page shows: {shown})" if shown else ""))
    finally:
        await context.close()


# -- the run ----------------------------------------------------------------------------------------------

async def run(url: str, pid: int, *, n_browse: int, n_upload: int, n_articles: int, minutes: float) -> Report:
    from playwright.async_api import async_playwright

    report = Report()
    started = time.perf_counter()
    stop, stop_rss = asyncio.Event(), asyncio.Event()
    sampler = asyncio.create_task(sample_rss(pid, report, started, stop_rss))
    browsers = [asyncio.create_task(browse(url, k, report, stop)) for k in range(n_browse)]
    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        try:
            marks = [f"{MARK}{k}-" for k in range(n_upload)]
            uploads = [asyncio.create_task(upload(browser, url, k, n_articles, [m for m in marks if m != marks[k]],
                                                  report)) for k in range(n_upload)]
            done, pending = await asyncio.wait(uploads, timeout=minutes * 60) if uploads else (set(), set())
            if not uploads:
                await asyncio.sleep(minutes * 60)
            for task in pending:
                task.cancel()
            if pending:
                await asyncio.wait(pending)
            await asyncio.sleep(10)  # browsing carries on a little with every corpus loaded
        finally:
            stop.set()
            received = await asyncio.gather(*browsers)
            await browser.close()
    stop_rss.set()
    await sampler
    for k, data in enumerate(received):
        if MARK.encode() in data:
            report.leaks.append(f"browsing session {k} received bytes naming an uploader's outlets")
    return report


def _percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))] if ordered else float("nan")


def by_phase(report: Report) -> dict[str, dict]:
    """Browsing page switches split by what the uploaders were doing when each began: p95 and count.

    Shows where the slow switches come from (an analysis in the worker, an uploader's pages drawn by the
    server for its large corpus, or neither)."""
    def during(start: float, windows: list[tuple[float, float]]) -> bool:
        return any(begin <= start <= end for begin, end in windows)

    phases: dict[str, list[float]] = {"uploader visiting its pages": [], "upload being analysed": [], "neither": []}
    for start, seconds in zip(report.page_starts, report.page_times):
        phase = ("uploader visiting its pages" if during(start, report.visiting)
                 else "upload being analysed" if during(start, report.analysing) else "neither")
        phases[phase].append(seconds)
    return {phase: {"switches": len(times), "p50_s": round(statistics.median(times), 3) if times else None,
                    "p95_s": round(_percentile(times, 0.95), 3) if times else None}
            for phase, times in phases.items()}


def summary(report: Report) -> dict:
    rss = [mb for _, mb in report.rss]
    return {
        "page_switches": len(report.page_times),
        "page_p50_s": statistics.median(report.page_times) if report.page_times else None,
        "page_p95_s": _percentile(report.page_times, 0.95),
        "page_max_s": max(report.page_times, default=None),
        "page_by_phase": by_phase(report),
        "first_page_p50_s": statistics.median(report.first_times) if report.first_times else None,
        "first_page_p95_s": _percentile(report.first_times, 0.95),
        "upload_builds_s": [round(b, 1) for b in report.builds],
        "upload_page_p50_s": statistics.median(report.upload_page_times) if report.upload_page_times else None,
        "upload_page_p95_s": _percentile(report.upload_page_times, 0.95),
        "errors": report.errors,
        "leaks": report.leaks,
        "rss_start_mb": rss[0] if rss else None,
        "rss_max_mb": max(rss, default=None),
        "rss_end_mb": rss[-1] if rss else None,
    }


async def _switch_cpu(url: str, pid: int, switches: int) -> dict:
    import psutil

    server = psutil.Process(pid)
    session = WebsocketSession(url)
    await session.connect()
    hashes = list(session.pages.values())
    for page_hash in hashes:  # every page's first visit: imports, the seeds' views
        await session.run_page(page_hash)
    await asyncio.sleep(2)
    before, started = server.cpu_times(), time.perf_counter()
    walls = [await session.run_page(hashes[i % len(hashes)]) for i in range(switches)]
    wall = time.perf_counter() - started
    await asyncio.sleep(1.5)  # what a switch leaves for later (a deferred collection) counts too
    after = server.cpu_times()
    await session.close()
    cpu = (after.user + after.system) - (before.user + before.system)
    return {"switches": switches, "server_cpu_per_switch_s": round(cpu / switches, 4),
            "page_p50_s": round(statistics.median(walls), 4), "page_p95_s": round(_percentile(walls, 0.95), 4),
            "wall_s": round(wall, 1), "loadavg": os.getloadavg()}


def switch_cpu(*, switches: int, out_dir: Path) -> dict:
    """Server CPU seconds per page switch on the seeds (see the module docstring)."""
    out_dir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as cache:
        process, url = start_server(out_dir / "server.log", Path(cache))
        try:
            return asyncio.run(_switch_cpu(url, process.pid, switches))
        finally:
            stop_server(process)


def load_test(*, n_browse: int, n_upload: int, n_articles: int, minutes: float, out_dir: Path) -> dict:
    """Run the whole test against a fresh server; returns ``summary`` plus the RSS series."""
    out_dir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as cache:
        process, url = start_server(out_dir / "server.log", Path(cache))
        try:
            with urllib.request.urlopen(url, timeout=30):  # the static page, as a browser would load first
                pass
            load_start = os.getloadavg()
            report = asyncio.run(run(url, process.pid, n_browse=n_browse, n_upload=n_upload, n_articles=n_articles,
                                     minutes=minutes))
        finally:
            stop_server(process)
    result = {**summary(report), "rss_series": [(round(t, 1), round(mb)) for t, mb in report.rss],
              "sessions": {"browse": n_browse, "upload": n_upload, "articles_per_upload": n_articles},
              "loadavg_start": load_start, "loadavg_end": os.getloadavg(), "cores": os.cpu_count()}
    (out_dir / "result.json").write_text(json.dumps(result, indent=1))
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--browse", type=int, default=20, help="sessions browsing the seeds over the websocket")
    parser.add_argument("--upload", type=int, default=3, help="Chromium sessions uploading their own corpus")
    parser.add_argument("--articles", type=int, default=1000, help="articles per upload")
    parser.add_argument("--minutes", type=float, default=10, help="upper bound on the whole run")
    parser.add_argument("--switch-cpu", action="store_true", help="only measure server CPU seconds per page switch")
    parser.add_argument("--switches", type=int, default=120, help="page switches measured by --switch-cpu")
    args = parser.parse_args()
    out_dir = Path(tempfile.gettempdir()) / "load-test"
    if args.switch_cpu:
        print(json.dumps(switch_cpu(switches=args.switches, out_dir=out_dir), indent=1))
        return
    result = load_test(n_browse=args.browse, n_upload=args.upload, n_articles=args.articles, minutes=args.minutes,
                       out_dir=out_dir)
    series = result.pop("rss_series")
    print(json.dumps(result, indent=1))
    print("server RSS over time (s, MB):", " ".join(f"{t:.0f}:{mb}" for t, mb in series[::max(1, len(series) // 30)]))
    print(f"full result: {out_dir / 'result.json'}")


if __name__ == "__main__":
    main()
