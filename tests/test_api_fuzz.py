"""Schemathesis against the live app (issue 16): `tidings serve` on a store of the sample corpus,
on a free port of 127.0.0.1, fuzzed from its own OpenAPI schema. Any 5xx, any status code the
schema does not document, any answer that does not match its schema, and any disagreement
between the schema and the validation (a valid request rejected, an invalid one accepted)
fails the test.

Bounded for CI by tests/schemathesis.toml (a seed, cases per operation) and a time limit here.
Longer: `make fuzz`, or TIDINGS_API_FUZZ_EXAMPLES=1000 TIDINGS_API_FUZZ_SEED=random
TIDINGS_API_FUZZ_SECONDS=3600 pytest tests/test_api_fuzz.py -s
"""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

import tidings
from tests.conftest import CORPUS

pytestmark = pytest.mark.model

HERE = Path(__file__).resolve().parent
EXAMPLES = os.environ.get("TIDINGS_API_FUZZ_EXAMPLES", "")  # cases per operation; default in the config
SEED = os.environ.get("TIDINGS_API_FUZZ_SEED", "")  # a number, or "random"; default in the config
SECONDS = float(os.environ.get("TIDINGS_API_FUZZ_SECONDS", "300"))


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def served(tmp_path_factory, pipeline):
    """`tidings serve` on a store of examples/corpus (with one failure on record), as a user runs it."""
    db = str(tmp_path_factory.mktemp("fuzz") / "sample.db")
    tidings.ingest([str(CORPUS)], options=tidings.resolve_options(db=db), pipeline=pipeline)
    tidings.Store(db).add_failures([tidings.Failure("feeds/broken.xml", "read", "feed has no entries")])
    port = free_port()
    source = str(Path(tidings.__file__).resolve().parents[1])  # the tidings under test, not another install
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [source, os.environ.get("PYTHONPATH")]))}
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "tidings.cli",
            "serve",
            "--db",
            db,
            "--host",
            "127.0.0.1",
            "--port",
            str(port),
        ],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        _wait_for(f"{base}/openapi.json", server)
        yield base
    finally:
        server.terminate()
        server.wait(timeout=20)


def _wait_for(url: str, server: subprocess.Popen, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if server.poll() is not None:
            pytest.fail(f"tidings serve stopped: {server.stderr.read().decode(errors='replace')}")
        try:
            with urllib.request.urlopen(url, timeout=2):  # noqa: S310  (127.0.0.1, made here)
                return
        except OSError:
            time.sleep(0.2)
    pytest.fail(f"tidings serve did not answer at {url} within {seconds:g} s")


def test_schemathesis_finds_no_failure(served, tmp_path):
    command = [
        sys.executable,
        "-m",
        "schemathesis.cli",
        "--no-color",
        "--config-file",
        str(HERE / "schemathesis.toml"),
        "run",
        f"{served}/openapi.json",
        "--checks",
        "all",
    ]
    if EXAMPLES:
        command += ["--max-examples", EXAMPLES]
    if SEED:
        command += ["--seed", str(int.from_bytes(os.urandom(4), "big")) if SEED == "random" else SEED]
    env = {**os.environ, "SCHEMATHESIS_HOOKS": str(HERE / "api_fuzz_hooks.py")}
    try:  # in a folder of its own: schemathesis and Hypothesis keep state in the working folder
        run = subprocess.run(command, cwd=tmp_path, env=env, capture_output=True, text=True, timeout=SECONDS)
    except subprocess.TimeoutExpired as e:
        said = e.stdout.decode(errors="replace") if isinstance(e.stdout, bytes) else e.stdout or ""
        pytest.fail(
            f"the schemathesis run took over {SECONDS:g} s (TIDINGS_API_FUZZ_SECONDS):\n{said[-4000:]}"
        )
    cases = re.search(r"Test cases:\s*\n\s*(.+)", run.stdout)
    print(f"schemathesis: {cases.group(1) if cases else '?'}; {' '.join(command[3:])}")  # shown with -s
    assert run.returncode == 0, run.stdout[-8000:] + run.stderr[-2000:]
    assert cases and "passed" in cases.group(1) and "failure" not in cases.group(1)
