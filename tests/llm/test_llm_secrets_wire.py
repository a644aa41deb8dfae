"""Planted secrets never reach the model server, nor the run log, whatever the model asks for.

A repository is planted with secrets of every shape the redaction tests know, the shapes a
security review found missing (DB_PASS=, pass:, annotated fields, a Sentry DSN, a URL ?key=,
a high-entropy value under a neutral name) and the credential files of common tools. The
scripted server plays a model that reads every one of them through its tools; every request
body the server received, byte for byte, and the run log on disk must hold none of them.
"""

from __future__ import annotations

import json
import random
import stat
import string
from pathlib import Path

import pytest
from llm_fixtures import answer, make_repo
from openai_server import Reply, ScriptedOpenAIServer, ToolCall
from test_redact import secret_corpus

from debugai.agent.llm.engine import LLMEngine
from debugai.agent.runlog import read_runs, runlog_path
from debugai.api import explain
from debugai.config import load_config

RNG = random.Random(2017)
ALNUM = string.ascii_letters + string.digits


def rand(n: int, chars: str = ALNUM) -> str:
    return "".join(RNG.choice(chars) for _ in range(n))


# Files whose whole content is a credential store: the tools must refuse them.
SECRET_FILES = {
    ".pgpass": "db.example.com:5432:app:app:{s}\n",
    ".docker/config.json": '{{"auths": {{"ghcr.io": {{"auth": "{s}"}}}}}}\n',
    "deploy/prod.tfvars": 'db_root = "{s}"\n',
    ".htpasswd": "admin:$apr1$x$ {s}\n",
    "deploy/secrets.yaml": "stripe: {s}\n",
    "settings.ini": "[settings]\nSECRET = {s}\n",
    ".envs/.production/.django": "DJANGO_SECRET={s}\n",
    ".git-credentials": "https://bot:{s}@github.com\n",
}


def plant(root: Path, tmp: Path) -> dict[str, str]:
    """Write the planted secrets into root; name -> secret."""
    planted: dict[str, str] = {}
    corpus = secret_corpus(tmp)
    lines = []
    for kind, (text, secret) in corpus.items():
        lines.append(text)
        planted[f"corpus: {kind}"] = secret
    (root / "docs").mkdir()
    (root / "docs" / "notes.txt").write_text("\n".join(lines) + "\n")
    gaps = {
        "DB_PASS=": rand(14),
        "pass:": rand(13),
        "annotated field": rand(20),
        "sentry dsn key": rand(32, "0123456789abcdef"),
        "url ?key=": "AIza" + rand(20),
        "neutral high-entropy name": rand(40, ALNUM + "+/"),
    }
    planted.update(gaps)
    (root / "app" / "config.py").write_text(
        "import dataclasses\n\n\n"
        "@dataclasses.dataclass\n"
        "class Settings:\n"
        f'    api_key: str = "{gaps["annotated field"]}"\n'
        "    retries: int = 3\n\n\n"
        f'SENTRY_DSN = "https://{gaps["sentry dsn key"]}@o4504.ingest.sentry.io/4505"\n'
        f'GEOCODE_URL = "https://maps.example.com/geocode/json?key={gaps["url ?key="]}&q="\n'
        f'blob = "{gaps["neutral high-entropy name"]}"\n'
    )
    (root / "docs" / "deploy.txt").write_text(
        f"export DB_PASS={gaps['DB_PASS=']}\nredis:\n  pass: {gaps['pass:']}\n"
    )
    for rel, template in SECRET_FILES.items():
        secret = rand(24)
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(template.format(s=secret))
        planted[f"file {rel}"] = secret
    return planted


def reading_everything(root: Path) -> list[ToolCall]:
    """The tool calls of a model that wants to see every planted secret."""
    calls = [
        ToolCall("read_span", {"file": "docs/notes.txt", "start": n, "end": n + 79})
        for n in (1, 81)
    ]
    calls += [
        ToolCall("read_span", {"file": rel, "start": 1, "end": 40})
        for rel in ("app/config.py", "docs/deploy.txt", "app/settings.py", ".env", *SECRET_FILES)
    ]
    calls += [
        ToolCall("search_code", {"text": "="}),
        ToolCall("search_code", {"text": "sentry"}),
        ToolCall("env_reads", {}),
    ]
    return calls


@pytest.mark.slow
def test_no_planted_secret_reaches_the_server_or_the_run_log(tmp_path: Path) -> None:
    crash = make_repo(tmp_path / "repo")
    planted = plant(crash.root, tmp_path)
    planted.update({f"fixture {k}": v for k, v in crash.secrets.items()})
    # The crash message carries one too, as real ones do (a DSN in a connection error).
    trace_key = rand(24)
    planted["in the traceback"] = trace_key
    trace = crash.trace.rstrip("\n") + f" (while reporting to https://{trace_key}@sentry.io/1)\n"
    assert len(planted) >= 26
    env = {"XDG_CACHE_HOME": str(tmp_path / "cache"), "OPENAI_API_KEY": "sk-test-" + "k" * 30}
    with ScriptedOpenAIServer() as srv:
        srv.push(
            Reply(tool_calls=reading_everything(crash.root)),
            Reply(content=answer("app/users.py", 8, "app.users.get_user")),
        )
        config = load_config(None, env=env, flags={"base_url": srv.base_url, "model": "m"})
        diag = explain(trace, crash.root, engine=LLMEngine.from_config(config), config=config)
        bodies = [r.raw.decode("utf-8", "replace") for r in srv.requests]
    assert diag.engine == "llm:m", diag.notes
    assert len(bodies) == 2
    tool_results = [m for m in json.loads(bodies[1])["messages"] if m["role"] == "tool"]
    assert len(tool_results) == len(reading_everything(crash.root))
    refused = [m["content"] for m in tool_results if m["content"].startswith("refused:")]
    assert len(refused) >= len(SECRET_FILES) + 1  # every credential file, and .env
    reached = sorted(name for name, secret in planted.items() if any(secret in b for b in bodies))
    assert not reached, f"{len(reached)} of {len(planted)} planted secrets reached the server"

    # At rest: the run log holds only redacted text, and only its owner can read it.
    log = runlog_path(config.cache_dir)
    text = log.read_text()
    kept = sorted(name for name, secret in planted.items() if secret in text)
    assert not kept, f"{len(kept)} of {len(planted)} planted secrets are in {log.name}"
    assert stat.S_IMODE(log.stat().st_mode) == 0o600
    (run,) = read_runs(config.cache_dir)
    assert "<redacted:" in run["trace_text"]


def test_runs_logged_before_redaction_at_rest_are_masked_and_the_log_made_private(
    tmp_path: Path,
) -> None:
    from debugai.agent.runlog import RunRecord, append_run

    key = "sk-proj-" + rand(40)
    log = runlog_path(tmp_path)
    log.write_text(json.dumps({"id": "old1", "trace_text": f"ValueError: bad key {key}"}) + "\n")
    log.chmod(0o644)
    append_run(tmp_path, RunRecord(trace_text=f"KeyError: OPENAI_API_KEY={key}"))
    assert stat.S_IMODE(log.stat().st_mode) == 0o600
    assert log.read_text().count(key) == 1  # the old line as it was; the new one redacted
    runs = read_runs(tmp_path)
    assert len(runs) == 2 and key not in json.dumps(runs)
