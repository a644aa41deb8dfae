"""`debugai chat` driven in a real pseudo-terminal (pexpect), against the scripted OpenAI server.

The traceback is the one a small project really printed. Expect timeouts are generous: these run
on two shared cores, and a slow machine must make a test slower, never flaky.
"""

from __future__ import annotations

import io
import json
import os
import re
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from chat_project import Project, make_project
from openai_server import Error, Reply, ScriptedOpenAIServer, ToolCall

pexpect = pytest.importorskip("pexpect")

TIMEOUT = 60
PROMPT = "debugai> "
_ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\r")
BRACKETED = ("\x1b[200~", "\x1b[201~")  # what a terminal sends around a paste


class SlowStreamServer(ScriptedOpenAIServer):
    """The scripted server, but replies whose model is "slow" trickle out chunk by chunk."""

    def stream_chunks(self, reply: Reply, include_usage: bool) -> Any:
        chunks = super().stream_chunks(reply, include_usage)
        if reply.model != "slow":
            return chunks

        def trickle() -> Iterator[dict[str, Any]]:
            for chunk in chunks:
                time.sleep(0.04)
                yield chunk

        return trickle()


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Project:
    return make_project(tmp_path_factory.mktemp("proj"))


def spawn(project: Project, cache: Path, *args: str, **env: str) -> Any:
    full_env = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "HOME": str(cache / "home"),
        "XDG_CACHE_HOME": str(cache),
        "TERM": "xterm",
        "NO_COLOR": "1",
        "LANG": "C.UTF-8",
        "PYTHONDONTWRITEBYTECODE": "1",
        **env,
    }
    child = pexpect.spawn(
        sys.executable,
        ["-m", "debugai", "chat", "--repo", str(project.root), *args],
        env=full_env,
        cwd=str(project.root),
        dimensions=(60, 220),
        encoding="utf-8",
        codec_errors="replace",
        timeout=TIMEOUT,
    )
    child.logfile_read = io.StringIO()  # the whole screen, shown when a test fails
    return child


def screen(child: Any) -> str:
    return _ANSI.sub("", child.logfile_read.getvalue())


def until_prompt(child: Any) -> str:
    """Everything printed up to the next prompt, without terminal escapes."""
    try:
        child.expect_exact(PROMPT)
    except (pexpect.TIMEOUT, pexpect.EOF):
        pytest.fail(f"no prompt; the terminal showed:\n{screen(child)[-3000:]}")
    return _ANSI.sub("", child.before)


def command(child: Any, line: str) -> str:
    child.sendline(line)
    return until_prompt(child)


def leave(child: Any) -> None:
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0, screen(child)[-2000:]


@pytest.mark.slow
def test_offline_session_every_command_works_without_a_model(
    project: Project, tmp_path: Path
) -> None:
    child = spawn(project, tmp_path)
    banner = until_prompt(child)
    assert "model: none (slash commands only)" in banner
    none_line = project.line_of("app/users.py", "return None")
    raise_line = project.line_of("app/billing.py", "user.email.lower()")

    # Pasted as typed lines (no bracketed paste): gathered whole, then diagnosed.
    child.send(project.trace)
    out = until_prompt(child)
    assert f"Root cause (none-propagation): app/users.py:{none_line}" in out
    assert "engine: static" in out

    tree = command(child, "/graph")
    assert re.search(rf"└── root cause app/users.py:{none_line}\s+app.users.get_user", tree), tree
    assert f"app/billing.py:{raise_line}" in tree.split("root cause", 1)[1]
    callers = command(child, "/callers get_user")
    assert re.search(
        r"app\.billing\.invoice_address\s+app/billing\.py:\d+\s+app/billing\.py:\d+", callers
    )
    callees = command(child, "/callees app.billing.invoice_address")
    assert "app.users.get_user" in callees and "app.billing.format_address" in callees
    code = command(child, f"/open app/users.py:{none_line}")
    assert re.search(rf"❱\s*{none_line}\s+return None", code), code
    context = command(child, "/context")
    assert (
        "Model: none configured" in context
        and "app/users.py:" in context
        and "read_span" in context
    )
    fix = command(child, "/fix")
    assert "Suggested fix:" in fix and "get_user" in fix
    question = command(child, "why is user None here?")
    assert "no model configured" in question and "OPENAI_API_KEY" in question
    assert "slash commands" in command(child, "/model")
    assert "unknown command /nope" in command(child, "/nope")

    # Tab completes commands and symbols.
    child.send("/gr\t")
    child.expect_exact("/graph")
    child.send("\r")
    assert "root cause" in until_prompt(child)
    child.send("/callers get_us\t")
    child.expect_exact("get_user")
    child.send("\r")
    assert "app.billing.invoice_address" in until_prompt(child)

    # Ctrl-C at the prompt does not end the session.
    child.sendintr()
    child.expect_exact("Ctrl-D or /quit leaves")
    until_prompt(child)
    transcript = tmp_path / "offline.md"
    assert f"saved the conversation (0 question(s)) to {transcript}" in command(
        child, f"/save {transcript}"
    )
    child.sendline("/graph")
    until_prompt(child)
    child.sendeof()
    leave(child)
    md = transcript.read_text()
    assert "## Traceback" in md and "**Root cause**" in md and "## `/callers get_user`" in md
    history = (tmp_path / "debugai" / "chat_history").read_text()
    assert "/callers get_user" in history and "Traceback (most recent call last)" not in history

    # The next session starts from a file and recalls the last line with the Up arrow.
    trace_file = tmp_path / "trace.txt"
    trace_file.write_text(project.trace)
    child = spawn(project, tmp_path, str(trace_file))
    assert f"app/users.py:{none_line}" in until_prompt(child)
    child.send("\x1b[A")
    child.expect_exact("/graph")
    child.send("\r")
    assert "└── root cause" in until_prompt(child)
    child.sendline("/quit")
    leave(child)


@pytest.mark.slow
def test_model_session_paste_follow_ups_ctrl_c_error_and_save(
    project: Project, tmp_path: Path
) -> None:
    none_line = project.line_of("app/users.py", "return None")
    raise_line = project.line_of("app/billing.py", "user.email.lower()")
    call_line = project.line_of("app/billing.py", "user = get_user")
    n = project.n_lines("app/users.py")
    diagnosis = {
        "root_cause": {
            "file": "app/users.py",
            "line": none_line,
            "symbol": "app.users.get_user",
            "category": "none-propagation",
            "explanation": "get_user returns None for an unknown id",
        },
        "chain": [
            {"file": "app/users.py", "line": none_line, "explanation": "returns None"},
            {"file": "app/billing.py", "line": raise_line, "explanation": "reads .email from None"},
        ],
        "fix": {"summary": "raise a clear error for unknown ids", "diff": ""},
    }
    with SlowStreamServer() as srv:
        srv.push(
            Reply(content=json.dumps(diagnosis)),
            # Follow-up 1: read the helper, then answer (one citation real, one not).
            Reply(
                tool_calls=[ToolCall("read_span", {"file": "app/users.py", "start": 1, "end": n})]
            ),
            Reply(
                content=f"USERS has no id 2, so get_user returns None at app/users.py:{none_line} (and app/users.py:{n + 50})."
            ),
            # Follow-up 2: ask the graph who calls get_user.
            Reply(tool_calls=[ToolCall("callers", {"symbol": "app.users.get_user"})]),
            Reply(content=f"Only invoice_address calls it, at app/billing.py:{call_line}."),
            # Follow-up 3 is stopped with Ctrl-C while it streams.
            Reply(content="slowly " * 200, model="slow"),
            Error(400, "scripted failure"),
            Reply(content="Still here."),
        )
        child = spawn(
            project,
            tmp_path,
            OPENAI_BASE_URL=srv.base_url,
            OPENAI_API_KEY="sk-test-not-a-real-key",
            DEBUGAI_MODEL="test-model",
        )
        assert "model: test-model" in until_prompt(child)
        child.send(BRACKETED[0] + project.trace + BRACKETED[1] + "\r")
        out = until_prompt(child)
        assert f"Root cause (none-propagation): app/users.py:{none_line}" in out
        assert "get_user returns None for an unknown id" in out and "engine: llm:test-model" in out

        out = command(child, "why is user None here?")
        assert "⚙ read_span(file='app/users.py'" in out
        assert f"get_user returns None at app/users.py:{none_line}" in out
        assert f"unverified citation app/users.py:{n + 50}: app/users.py has {n} lines" in out
        out = command(child, "who else calls get_user?")
        assert "⚙ callers(symbol='app.users.get_user')" in out
        assert "✓ 1 citation(s) checked against the repository" in out

        child.sendline("tell me everything")
        child.expect_exact("slowly slowly slowly")
        child.sendintr()
        child.expect_exact("(stopped)")
        stopped = until_prompt(child)
        assert stopped.count("slowly") < 200
        assert "model error: the server answered 400: scripted failure" in command(
            child, "and then?"
        )
        assert "Still here." in command(child, "still there?")

        transcript = tmp_path / "chat.md"
        assert "saved the conversation (5 question(s))" in command(child, f"/save {transcript}")
        child.sendline("/quit")
        leave(child)
        requests = [r.body for r in srv.chat_requests]

    assert len(requests) == 8
    assert "stream" not in requests[0] and all(r["stream"] for r in requests[1:])
    tool_results = [m for r in requests for m in r["messages"] if m["role"] == "tool"]
    assert any(f"{none_line:>5} |         return None" in m["content"] for m in tool_results)
    assert any("app.billing.invoice_address" in m["content"] for m in tool_results)
    last = requests[-1]["messages"]
    assert any(
        m["role"] == "assistant" and "[stopped by the user]" in (m["content"] or "") for m in last
    )
    assert "sk-test-not-a-real-key" not in json.dumps(requests)
    md = transcript.read_text()
    for part in (
        "## You: why is user None here?",
        "read_span(file='app/users.py'",
        f"unverified citation `app/users.py:{n + 50}`",
        "*(stopped by the user)*",
        "> model error: the server answered 400: scripted failure",
        "Still here.",
    ):
        assert part in md, part
