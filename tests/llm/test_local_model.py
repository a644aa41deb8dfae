"""The LLM engine end to end with the real 0.5B model served by llama.cpp on loopback.

Opt-in (`pytest --run-model`): it uses the server wheel and the model the way a user installs
them (`pip install -e '.[local]'`, `python scripts/install_local_model.py`), read from the real
cache, and skips with that reason when they are absent. It installs and downloads nothing.
"""

from __future__ import annotations

import importlib
import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
from llm_fixtures import CrashRepo, make_repo

from debugai.agent.llm.answer import coerce_answer, extract_json
from debugai.agent.llm.engine import LLMEngine
from debugai.agent.llm.local import DEFAULT_LOCAL_MODEL, MODELS, LocalServer, models_dir
from debugai.agent.runlog import read_runs
from debugai.api import explain, open_index
from debugai.config import load_config

# One run takes ~10-40 s on an idle 2-core machine; CI shares the cores, so the bound is loose:
# it catches a hang or a runaway loop, not a slow CPU.
RUN_BOUND_SECONDS = 600

pytestmark = [pytest.mark.slow, pytest.mark.model]


@pytest.fixture(scope="module")
def gguf(real_cache_dir: Path) -> Path:
    """The model as a user installs it; the suite never installs it itself (see README)."""
    try:
        importlib.import_module("xllamacpp")
    except ImportError:
        pytest.skip("the llama.cpp server is not installed: pip install -e '.[local]'")
    path = models_dir(real_cache_dir) / MODELS[DEFAULT_LOCAL_MODEL].filename
    if not path.is_file():
        pytest.skip(
            f"the local model is not installed ({path} is missing): "
            f"python scripts/install_local_model.py {DEFAULT_LOCAL_MODEL}"
        )
    return path


@pytest.fixture(scope="module")
def repo(tmp_path_factory: pytest.TempPathFactory) -> CrashRepo:
    return make_repo(tmp_path_factory.mktemp("local"))


def test_server_starts_answers_health_and_stops(gguf: Path, tmp_path: Path) -> None:
    server = LocalServer.start(gguf, tmp_path)
    port = server.port
    try:
        assert server.healthy() and server.owned
        reused = LocalServer.ensure(gguf, tmp_path)
        assert reused.port == port and not reused.owned  # a second run reuses it
        reused.close()
        assert server.healthy()
    finally:
        server.close()
    with socket.socket() as s:
        assert s.connect_ex(("127.0.0.1", port)) != 0  # stopped: nothing listens any more


@pytest.mark.timeout(RUN_BOUND_SECONDS + 300)
def test_real_model_diagnosis_is_parsed_and_grounded(
    gguf: Path, repo: CrashRepo, tmp_path: Path
) -> None:
    config = load_config(
        None,
        env={"XDG_CACHE_HOME": str(tmp_path)},
        flags={"local_model": str(gguf), "engine": "local", "cache": False},
    )
    engine = LLMEngine.from_config(config, local=True)
    t0 = time.monotonic()
    diag = explain(repo.trace, repo.root, engine=engine, budget=engine.context_budget)
    elapsed = time.monotonic() - t0
    assert elapsed < RUN_BOUND_SECONDS
    record = read_runs(config.cache_dir, last=1)[0]
    assert record["engine"] == "local" and record["exchanges"]
    # The model's first answer parses into the contract (schema-constrained output).
    first = record["exchanges"][0]["response"]["choices"][0]["message"]["content"]
    coerce_answer(extract_json(first))
    # Whatever the 0.5B model claimed, every citation in the output is real...
    index = open_index(repo.root)
    rc = diag.root_cause
    assert rc is not None and rc.file in index.files and 1 <= rc.line <= len(index.lines(rc.file))
    for hop in [*diag.chain, *diag.candidates]:
        assert hop.file in index.files and 1 <= hop.line <= len(index.lines(hop.file))
    # ...and when its answer could not be grounded, the static diagnosis says why.
    if not diag.engine.startswith("local:"):
        assert diag.engine == "static" and any(n.startswith("model not used") for n in diag.notes)
    # Each request stayed inside the 4k window with room for the answer.
    for ex in record["exchanges"]:
        assert ex["response"]["usage"]["prompt_tokens"] + engine.config.max_output_tokens <= 4096
        assert ex["request"]["max_tokens"] == engine.config.max_output_tokens <= 300
    usage = diag.usage
    print(
        f"\nlocal 0.5B: {elapsed:.1f}s, {len(record['exchanges'])} requests, {usage.prompt_tokens}+{usage.completion_tokens} tokens, engine {diag.engine}, root {rc.file}:{rc.line}, notes {diag.notes}"
    )


def test_server_child_exits_when_its_parent_is_killed(gguf: Path, tmp_path: Path) -> None:
    """A run killed before it can stop its llama.cpp server must not leave it running."""
    script = tmp_path / "owner.py"
    script.write_text(
        "import sys, time\n"
        "from pathlib import Path\n"
        "from debugai.agent.llm.local import LocalServer\n"
        f"srv = LocalServer.start(Path({str(gguf)!r}), Path({str(tmp_path)!r}))\n"
        "print(srv.process.pid, flush=True)\n"
        "time.sleep(600)\n"
    )
    owner = subprocess.Popen([sys.executable, str(script)], stdout=subprocess.PIPE, text=True)
    try:
        child = int(owner.stdout.readline())  # type: ignore[union-attr]
        os.kill(child, 0)  # the server runs
    finally:
        owner.kill()  # no cleanup: SIGKILL
        owner.wait()
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            os.kill(child, 0)
        except ProcessLookupError:
            break
        time.sleep(0.5)
    else:
        os.kill(child, signal.SIGKILL)
        raise AssertionError("the llama.cpp server outlived the process that started it")
