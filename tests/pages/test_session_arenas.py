"""A finished session's memory comes back (``analysis.memory``), measured in a fresh interpreter per allocator.

``tests.pages.session_memory`` runs a session on the seeds through every page for the baseline, then a session on
1,000 generated articles through every page with two new date ranges on each, ended.

- With ``PYTHONMALLOC=malloc``, the command the README gives for servers, resident memory must come back within 10%
  of the baseline (measured +5.4% and +6.4%).
- With Python's default allocator (a laptop, Streamlit Community Cloud), at most three in five of the small-object
  arenas the session filled may stay. Measured: on main at 7072406, 28 of the 33 arenas it added were kept (RSS +16%);
  since memory9, 10 to 15 of 32 to 36 (RSS +8.0% to +10.4%, so RSS within 10% is not asserted here: what stays is
  one to seven blocks in each of a dozen arenas and glibc heap pages among live blocks, README "Memory and garbage
  collection").
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _session(allocator: str | None) -> dict:
    env = {name: value for name, value in os.environ.items() if name != "PYTHONMALLOC"}
    if allocator:
        env["PYTHONMALLOC"] = allocator
    done = subprocess.run([sys.executable, "-m", "tests.pages.session_memory"], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr[-3000:]
    found = json.loads(done.stdout.strip().splitlines()[-1])
    print(allocator or "pymalloc", found)
    assert found["loaded_rss"] - found["before_rss"] >= 50, \
        f"the session did not fill the memory, so its end would prove nothing: {found}"
    return found


def test_a_finished_session_gives_its_memory_back_with_the_server_allocator():
    found = _session("malloc")
    assert found["after_rss"] <= 1.10 * found["before_rss"], f"the session's memory was not given back: {found}"


def test_a_finished_session_gives_its_arenas_back_with_the_default_allocator():
    found = _session(None)
    added = found["loaded_arenas"] - found["before_arenas"]
    assert added >= 20, f"the session filled too few arenas to prove anything: {found}"
    assert found["after_arenas"] - found["before_arenas"] <= 0.6 * added, \
        f"the arenas the session filled are still held: {found}"
