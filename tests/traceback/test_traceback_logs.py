"""Tracebacks inside real server and logging output: uvicorn, Flask, logging prefixes, JSON logs."""

from __future__ import annotations

import json
import textwrap
from pathlib import Path

import pytest
from fuzz.tb_corpus import SCRIPTS, run_script

from debugai.agent.traceback import iter_traces, parse, parse_all


def line_of(code: str, needle: str, offset: int = 0) -> int:
    """1-based line of `needle` in the script as written (after the truth preamble, if any)."""
    return offset + next(i for i, ln in enumerate(code.splitlines(), 1) if needle in ln)


UVICORN_APP = """
    import threading, time
    import httpx, uvicorn
    from fastapi import FastAPI

    app = FastAPI()

    def get_user(uid):
        return None

    @app.get("/users/{uid}")
    def user_name(uid: int):
        return get_user(uid)["name"]

    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=0, log_level="info"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.time() + 20
    while not server.started and time.time() < deadline:
        time.sleep(0.05)
    port = server.servers[0].sockets[0].getsockname()[1]
    httpx.get(f"http://127.0.0.1:{port}/users/1", timeout=10)
    server.should_exit = True
    thread.join(10)
"""


@pytest.mark.slow
def test_uvicorn_exception_in_asgi_application(tmp_path: Path) -> None:
    for mod in ("uvicorn", "fastapi", "httpx"):
        pytest.importorskip(mod)
    run = run_script(tmp_path, UVICORN_APP, name="server.py", preamble=False)
    assert "Exception in ASGI application" in run.stderr, run.stderr[-2000:]
    trace = parse(run.stderr)
    assert trace.format == "uvicorn"
    assert trace.final.type == "TypeError"
    last = trace.final.frames[-1]
    assert last.file == str(tmp_path / "server.py")
    assert last.line == line_of(textwrap.dedent(UVICORN_APP), 'return get_user(uid)["name"]')
    assert last.function == "user_name"
    assert any("site-packages" in f.file for f in trace.final.frames)


@pytest.mark.slow
def test_flask_exception_on_request(tmp_path: Path) -> None:
    pytest.importorskip("flask")
    code = """
        import logging
        from flask import Flask
        app = Flask(__name__)
        @app.route("/cart")
        def cart():
            return {"items": []}["total"]
        logging.basicConfig(format="%(asctime)s %(levelname)s [%(name)s] %(message)s")
        app.test_client().get("/cart")
    """
    run = run_script(tmp_path, code, name="web.py", preamble=False)
    trace = parse(run.stderr)
    assert trace.format == "flask"
    assert (trace.final.type, trace.final.message) == ("KeyError", "'total'")
    assert trace.final.frames[-1].function == "cart"


LOGGING_APP = """
    import logging, sys
    logging.basicConfig(stream=sys.stdout, level=logging.INFO,
                        format="%(asctime)s %(levelname)-8s %(name)s: %(message)s")
    log = logging.getLogger("shop.worker")
    def parse_price(text):
        return float(text)
    for item in ["1.5", "oops", "2"]:
        log.info("processing %s", item)
        try:
            parse_price(item)
        except ValueError:
            log.exception("bad price %r", item)
    log.info("done")
"""


def test_logging_exception_between_records(tmp_path: Path) -> None:
    run = run_script(tmp_path, LOGGING_APP, preamble=False)
    traces = parse_all(run.stdout)
    assert len(traces) == 1
    trace = traces[0]
    assert trace.format == "logging"
    assert trace.final.message == "could not convert string to float: 'oops'"
    assert "bad price" in (trace.context or "")
    # The next record ("processing 2") is not swallowed into the message.
    assert trace.end_line < next(
        i
        for i, ln in enumerate(run.stdout.splitlines(), 1)
        if "processing '2'" in ln or "processing 2" in ln
    )


def test_every_line_prefixed_by_the_formatter(tmp_path: Path) -> None:
    code = """
        import logging, traceback
        logging.basicConfig(format="%(asctime)s %(levelname)-8s [%(name)s] %(message)s", level=logging.INFO)
        log = logging.getLogger("app.jobs")
        def step(n):
            return 10 // n
        try:
            step(0)
        except Exception:
            for line in traceback.format_exc().splitlines():
                log.error(line)
        log.info("still running")
    """
    run = run_script(tmp_path, code, preamble=False)
    plain = run_script(tmp_path / "plain", SCRIPTS["chain_cause"]).stderr
    trace = parse(run.stderr)
    assert trace.format == "logging"
    assert trace.final.type == "ZeroDivisionError"
    assert [f.function for f in trace.final.frames] == ["<module>", "step"]
    assert trace.final.frames[-1].col is not None
    assert trace.final.message == "integer division or modulo by zero"
    # Container prefixes with interleaved lines of another service still read as one trace.
    lines = plain.splitlines()
    mixed = []
    for i, ln in enumerate(lines):
        mixed.append(f"web-1  | {ln}")
        if i == 3:
            mixed.append("db-1   | LOG:  checkpoint starting: time")
    docker = parse("\n".join(mixed))
    assert [r.type for r in docker.chain] == [r.type for r in parse(plain).chain]
    assert len(docker.all_frames) == len(parse(plain).all_frames)
    # CI runners stamp every line with its own time.
    stamped = "\n".join(f"2024-05-01T10:00:{i:02d}.1234567Z {ln}" for i, ln in enumerate(lines))
    assert [r.type for r in parse(stamped).chain] == [r.type for r in parse(plain).chain]


def test_json_log_lines_carry_the_traceback(tmp_path: Path) -> None:
    # What python-json-logger does: the record as one JSON object, exc_info formatted as text.
    code = """
        import json, logging, sys
        class JsonFormatter(logging.Formatter):
            def format(self, record):
                data = {"time": self.formatTime(record), "level": record.levelname,
                        "logger": record.name, "message": record.getMessage()}
                if record.exc_info:
                    data["exc_info"] = self.formatException(record.exc_info)
                return json.dumps(data)
        handler = logging.StreamHandler(sys.stdout)
        handler.setFormatter(JsonFormatter())
        log = logging.getLogger("api"); log.addHandler(handler); log.setLevel(logging.INFO)
        def load(cfg):
            return cfg["db"]["url"]
        log.info("start")
        try:
            load({"db": None})
        except TypeError:
            log.exception("config broken")
        log.info("stop")
    """
    run = run_script(tmp_path, code, preamble=False)
    lines = run.stdout.splitlines()
    assert all(json.loads(ln) for ln in lines)
    trace = parse(run.stdout)
    assert trace.format == "json-log"
    assert trace.start_line == 2
    assert trace.final.type == "TypeError"
    assert trace.final.frames[-1].function == "load"


def test_streaming_matches_whole_text(tmp_path: Path) -> None:
    run = run_script(tmp_path, LOGGING_APP, preamble=False)
    text = run.stdout + run_script(tmp_path / "b", SCRIPTS["group_nested"]).stderr
    streamed = list(iter_traces(line + "\n" for line in text.split("\n")))
    whole = parse_all(text)
    assert [(t.start_line, t.final.type) for t in streamed] == [
        (t.start_line, t.final.type) for t in whole
    ]
