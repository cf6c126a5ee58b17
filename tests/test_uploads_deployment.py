"""The committed deployment settings, checked against the real server.

The test starts ``streamlit run dashboard.py`` from the repository (so it reads
the committed ``.streamlit/config.toml``) on a free port, checks the health
endpoint a load balancer or reverse proxy would poll, that XSRF protection
refuses an upload without a token, and that the effective upload limit and the
other shared-deployment settings are the committed ones. (The browser test
``tests/browser/test_isolation_xss.py`` checks the limit as the uploader shows it.)
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import tomllib
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from tests.streamlit_server import running_streamlit

ROOT = Path(__file__).resolve().parents[1]
CONFIG = ROOT / ".streamlit" / "config.toml"


def _get(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.status, response.read().decode("utf-8", "replace")
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode("utf-8", "replace")


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    # No command-line settings: the server runs on the committed config alone.
    with running_streamlit(tmp_path_factory.mktemp("server") / "streamlit.log") as url:
        yield url


def test_health_endpoint_answers_ok(server):
    status, body = _get(f"{server}/_stcore/health")
    assert (status, body.strip()) == (200, "ok")
    status, page = _get(server)
    assert status == 200 and "streamlit" in page.lower()


def test_upload_without_xsrf_token_is_refused(server):
    request = urllib.request.Request(f"{server}/_stcore/upload_file/some-session/some-file", data=b"x" * 100,
                                     method="PUT", headers={"Content-Type": "application/octet-stream"})
    with pytest.raises(urllib.error.HTTPError) as refused:
        urllib.request.urlopen(request, timeout=10)
    assert refused.value.code == 403


def test_committed_config_is_what_the_server_uses():
    committed = tomllib.loads(CONFIG.read_text(encoding="utf-8"))
    server = committed["server"]
    assert server["headless"] is True and server["enableXsrfProtection"] is True
    assert isinstance(server["maxUploadSize"], int) and 1 <= server["maxUploadSize"] <= 1024
    assert committed["client"]["showErrorDetails"] in ("none", False)
    env = {key: value for key, value in os.environ.items() if not key.startswith("STREAMLIT_")}
    shown = subprocess.run([sys.executable, "-m", "streamlit", "config", "show"], cwd=ROOT, env=env,
                           capture_output=True, text=True, timeout=120).stdout

    def effective(name: str) -> str:
        match = re.search(rf"^{name} = (.+)$", shown, re.MULTILINE)
        assert match, f"{name} not in `streamlit config show`"
        return match.group(1).strip()

    assert effective("maxUploadSize") == str(server["maxUploadSize"])
    assert effective("enableXsrfProtection") == "true"
    assert effective("headless") == "true"
    assert effective("gatherUsageStats") == "false"


def test_upload_limit_is_above_what_ingest_accepts_per_file():
    """The browser may send a file up to maxUploadSize; ingest then refuses files over its own limit with a
    message, so the two are documented together and the ingest limit is not the larger one."""
    from analysis.ingest.limits import Limits

    committed = tomllib.loads(CONFIG.read_text(encoding="utf-8"))
    assert Limits().max_file_bytes <= committed["server"]["maxUploadSize"] * 1024 * 1024
