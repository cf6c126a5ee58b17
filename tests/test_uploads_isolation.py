"""Promises about shared state and the file system, for a deployment many people use at once.

- No module-level mutable state in the app's modules: a dict or list at module
  level would be shared by every session of the server process. The one
  exception is listed with its reason.
- Every Streamlit cache is bounded.
- Uploaded file names are labels, never paths: a whole upload-and-analyse run,
  watched by a Python audit hook, opens no path built from a user-supplied
  name, writes nothing outside the content-addressed NLP cache folder, and reads
  nothing outside the app, the Python installation and that cache.
"""

from __future__ import annotations

import ast
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

#: Module-level mutable objects that are allowed, and why.
ALLOWED_SHARED = {
    ("analysis/article_cache.py", "_shared"): "one content-addressed, LRU-bounded result cache per stage (see its docstring)",
}
MUTABLE_CALLS = {"dict", "list", "set", "defaultdict", "OrderedDict", "deque", "Counter", "bytearray"}


def _module_level_mutables(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = []
    for node in tree.body:
        targets, value = [], None
        if isinstance(node, ast.Assign):
            targets, value = node.targets, node.value
        elif isinstance(node, ast.AnnAssign) and node.value is not None:
            targets, value = [node.target], node.value
        mutable = isinstance(value, (ast.Dict, ast.List, ast.Set, ast.DictComp, ast.ListComp, ast.SetComp)) or (
            isinstance(value, ast.Call) and getattr(value.func, "id", getattr(value.func, "attr", "")) in MUTABLE_CALLS)
        for target in targets:
            name = getattr(target, "id", None)
            # UPPER_CASE names are read-only tables by convention (column aliases, schemas, word lists).
            if mutable and name and not name.isupper() and not name.startswith("__"):
                found.append(name)
    return found


def _app_modules() -> list[Path]:
    return [ROOT / "app_data.py", ROOT / "dashboard.py", *sorted((ROOT / "analysis").rglob("*.py"))]


@pytest.mark.parametrize("path", _app_modules(), ids=lambda p: p.relative_to(ROOT).as_posix())
def test_no_module_level_mutable_state(path):
    relative = path.relative_to(ROOT).as_posix()
    shared = [name for name in _module_level_mutables(path) if (relative, name) not in ALLOWED_SHARED]
    assert not shared, f"{relative}: module-level mutable state is shared by every session: {shared}"


def test_the_check_finds_module_level_state(tmp_path):
    sample = tmp_path / "sample.py"
    sample.write_text("COLUMNS = {'a': 1}\n_sessions = {}\nrecent: list[str] = []\nseen = set()\n")
    assert _module_level_mutables(sample) == ["_sessions", "recent", "seen"]


def test_every_streamlit_cache_is_bounded():
    tree = ast.parse((ROOT / "app_data.py").read_text(encoding="utf-8"))
    caches = [node for node in ast.walk(tree) if isinstance(node, ast.Call)
              and getattr(node.func, "attr", "") in ("cache_data", "cache_resource")]
    for call in caches:
        keywords = {k.arg for k in call.keywords}
        if call.func.attr == "cache_data" or "scope" in keywords:
            assert "max_entries" in keywords, ast.unparse(call)


AUDITED_RUN = r"""
import json, os, sys, zipfile, io
events = []
WATCH = {"open", "os.mkdir", "os.rename", "os.remove", "shutil.copyfile", "os.symlink"}

def hook(event, args):
    if event in WATCH and args and isinstance(args[0], (str, bytes, os.PathLike)):
        path = os.fsdecode(args[0])
        flags = args[2] if event == "open" and len(args) > 2 and isinstance(args[2], int) else 0
        mode = args[1] if event == "open" and len(args) > 1 and isinstance(args[1], str) else ""
        write = event != "open" or any(c in mode for c in "wax+") or bool(flags & (os.O_WRONLY | os.O_RDWR | os.O_CREAT))
        events.append((event, os.path.abspath(path), write))

from analysis.uploads import CorpusRequest, build  # imports first, so the hook sees the run, not the imports
import pandas as pd
from streamlit.testing.v1 import AppTest
sys.addaudithook(hook)

text = b"A ferry sank off Kessar Island on Monday. Twelve people died, the coast guard said."
names = ["../../../../tmp/newsdash_pwned_1.txt", "/etc/passwd", "~/.bashrc.txt", "C:\\Windows\\system.ini.txt",
         "..\\..\\evil_2.md", "/proc/self/environ.csv"]
archive = io.BytesIO()
with zipfile.ZipFile(archive, "w") as z:
    z.writestr("../../evil_3.txt", text + b" Zip.")
    z.writestr("/tmp/newsdash_pwned_4.txt", text + b" Absolute.")
files = tuple((n, text + f" Copy {i}.".encode()) for i, n in enumerate(names)) + (("../x.zip", archive.getvalue()),)
built = build(CorpusRequest(name="../../etc/cron.d/evil", files=files))
report = built.tables.load_report
assert len(built.tables.articles) == 6, report  # /etc/passwd: unsupported type; environ.csv: no text column
assert {"/etc/passwd", "/proc/self/environ.csv", "../x.zip!../../evil_3.txt"} <= set(report["input"]), report

app = AppTest.from_file(os.path.join(os.getcwd(), "dashboard.py"), default_timeout=240).run()
app.switch_page("pages/corpus.py").run()
accepted = [(n, d, "text/plain") for n, d in files if n != "/etc/passwd"]  # the uploader takes known types only
app.file_uploader[0].set_value(accepted).run()
assert not app.exception, [e.value for e in app.exception]
next(b for b in app.button if b.label.startswith("Analyse ")).click().run()
app.session_state["corpus_job"].wait(240)
app.run()
assert app.session_state["active_corpus"] is not None
print(json.dumps(events))
"""


def test_uploaded_names_never_become_paths_and_nothing_is_written_outside_the_cache(tmp_path):
    cache = tmp_path / "nlp-cache"
    env = {**os.environ, "NEWSDASH_CACHE_DIR": str(cache), "PYTHONPATH": str(ROOT), "HOME": str(tmp_path / "home")}
    result = subprocess.run([sys.executable, "-c", AUDITED_RUN], cwd=ROOT, env=env, capture_output=True, text=True,
                            timeout=900)
    assert result.returncode == 0, result.stderr[-3000:]
    events = json.loads(result.stdout.strip().splitlines()[-1])
    assert events, "the audit hook saw nothing: the test is not watching"
    for event, path, write in events:
        for fragment in ("newsdash_pwned", "evil_2", "evil_3", "/etc/passwd", ".bashrc", "system.ini",
                         "self/environ", "cron.d"):
            assert fragment not in path, (event, path)
        if write:
            assert path.startswith(str(cache)), f"wrote outside the content-addressed cache: {event} {path}"
    allowed_reads = (str(ROOT), sys.prefix, sys.base_prefix, str(cache), "/usr/", "/etc/", "/dev/", "/proc/",
                     "/sys/", "/tmp/")
    unexpected = sorted({path for _, path, _ in events if not path.startswith(allowed_reads)})
    assert not unexpected, unexpected
    assert any(path.startswith(str(cache)) for _, path, write in events if write), "no cache writes seen"
