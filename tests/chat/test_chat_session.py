"""ChatSession on a project that really crashed, with a scripted streaming model (no terminal)."""

from __future__ import annotations

import json
import secrets
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from chat_project import Project, make_project
from openai_server import Raw, Reply, ScriptedOpenAIServer

from debugai.agent.chat.commands import COMMANDS, NO_MODEL
from debugai.agent.chat.session import ChatSession, NoModelConfigured
from debugai.agent.chat.views import (
    Ask,
    ChainView,
    CodeView,
    ContextView,
    DiagnosisView,
    EdgesView,
    FixView,
    HelpView,
    Message,
    Quit,
)
from debugai.agent.llm.client import ModelCallError, ToolCallOut
from debugai.agent.llm.stream import StreamedTurn
from debugai.config import load_config
from debugai.errors import SymbolNotFound, TraceParseError, UsageError

Step = StreamedTurn | Exception | Callable[[Callable[[str], None]], StreamedTurn]


class ScriptedStreamer:
    """A StreamingModel playing scripted turns; text goes out in small chunks like a server's."""

    def __init__(self, *steps: Step) -> None:
        self.model = "scripted"
        self.steps = list(steps)
        self.requests: list[dict[str, Any]] = []
        self.notes: list[str] = []
        self.deadlines: list[float | None] = []
        self.closed = False

    def stream(
        self, messages, tools, on_text, *, max_tokens, temperature, deadline=None
    ) -> StreamedTurn:
        self.deadlines.append(deadline)
        self.requests.append({"messages": json.loads(json.dumps(messages)), "tools": tools})
        step = self.steps.pop(0)
        if isinstance(step, Exception):
            raise step
        if callable(step):
            return step(on_text)
        for i in range(0, len(step.text), 5):
            on_text(step.text[i : i + 5])
        return step

    def close(self) -> None:
        self.closed = True


def call(tool: str, **args: Any) -> ToolCallOut:
    return ToolCallOut(id=f"id_{tool}", name=tool, arguments=json.dumps(args))


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Project:
    return make_project(tmp_path_factory.mktemp("proj"))


def session(
    project: Project, tmp_path: Path, model: ScriptedStreamer | None = None, **env: str
) -> ChatSession:
    config = load_config(project.root, env={"DEBUGAI_CACHE_DIR": str(tmp_path / "cache"), **env})
    return ChatSession(project.root, config, model=model)


def test_pasted_trace_is_diagnosed_and_offline_commands_answer_from_the_index(
    project: Project, tmp_path: Path
) -> None:
    s = session(project, tmp_path)
    assert s.looks_like_trace(project.trace) and s.trace_complete(project.trace)
    assert not s.trace_complete(project.trace.rsplit("\n", 2)[0])  # exception line not yet pasted
    view = s.load_trace(project.trace)
    assert isinstance(view, DiagnosisView)
    rc = view.diagnosis.root_cause
    assert rc is not None and rc.file == "app/users.py"
    assert rc.line == project.line_of("app/users.py", "return None")

    graph = s.handle("/graph")
    assert isinstance(graph, ChainView)
    assert (graph.hops[0].file, graph.hops[0].line) == (rc.file, rc.line)
    assert graph.hops[-1].file == "app/billing.py"
    assert graph.hops[-1].line == project.line_of("app/billing.py", "user.email.lower()")

    callers = s.handle("/callers get_user")
    assert isinstance(callers, EdgesView) and [g.symbol for g in callers.groups] == [
        "app.users.get_user"
    ]
    row = callers.groups[0].rows[0]
    assert row.symbol == "app.billing.invoice_address"
    assert (row.site_file, row.site_line) == (
        "app/billing.py",
        project.line_of("app/billing.py", "user = get_user"),
    )

    callees = s.handle("/callees app.billing.invoice_address")
    assert isinstance(callees, EdgesView)
    assert {r.symbol for r in callees.groups[0].rows} >= {
        "app.users.get_user",
        "app.billing.format_address",
    }

    line = project.line_of("app/users.py", "return None")
    code = s.handle(f"/open app/users.py:{line}")
    assert isinstance(code, CodeView) and code.focus == line and code.symbol == "app.users.get_user"
    assert code.code.splitlines()[line - code.start].strip() == "return None"
    by_name = s.handle("/open get_user")
    assert isinstance(by_name, CodeView)
    assert by_name.start == project.line_of("app/users.py", "def get_user")

    ctx = s.handle("/context")
    assert isinstance(ctx, ContextView) and ctx.model is None
    assert any(sp.file == "app/users.py" for sp in ctx.spans) and "read_span" in ctx.tools
    assert ctx.code_tokens > 0 and ctx.text == ""
    full = s.handle("/context full")
    assert isinstance(full, ContextView) and "return None" in full.text

    fix = s.handle("/fix")
    assert isinstance(fix, FixView) and fix.summary and fix.code is not None
    assert fix.code.file == "app/users.py"

    help_view = s.handle("/help")
    assert isinstance(help_view, HelpView) and len(help_view.rows) == len(COMMANDS)
    model = s.handle("/model")
    assert isinstance(model, Message) and model.level == "warn" and "OPENAI_API_KEY" in model.text
    assert isinstance(s.handle("/quit"), Quit)


def test_bad_commands_are_one_line_errors(project: Project, tmp_path: Path) -> None:
    s = session(project, tmp_path)
    with pytest.raises(UsageError, match="no traceback loaded"):
        s.handle("/graph")
    explain = s.handle("/explain")
    assert isinstance(explain, Message) and explain.level == "warn"
    with pytest.raises(UsageError, match="did you mean /callers or /callees"):
        s.handle("/call x")
    with pytest.raises(UsageError, match="unknown command /frobnicate"):
        s.handle("/frobnicate")
    with pytest.raises(UsageError, match=r"'\.\.' is not allowed"):
        s.handle("/open ../../etc/passwd")
    with pytest.raises(UsageError, match="absolute paths"):
        s.handle("/open /etc/passwd:1")
    n = project.n_lines("app/users.py")
    with pytest.raises(UsageError, match=f"has {n} lines"):
        s.handle("/open app/users.py:999")
    with pytest.raises(SymbolNotFound, match="did you mean"):
        s.handle("/callers get_usr")
    with pytest.raises(UsageError):
        s.handle(f"/trace {tmp_path / 'missing.txt'}")
    notes = tmp_path / "notes.txt"
    notes.write_text("no traceback in here\n")
    with pytest.raises(TraceParseError):
        s.handle(f"/trace {notes}")
    assert s.trace is None and s.entries == []


def test_questions_without_a_model_say_how_to_configure_one(
    project: Project, tmp_path: Path
) -> None:
    s = session(project, tmp_path)
    s.load_trace(project.trace)
    with pytest.raises(NoModelConfigured) as err:
        s.ask("why is user None?")
    assert str(err.value) == NO_MODEL and "OPENAI_API_KEY" in NO_MODEL
    assert [e.kind for e in s.entries] == ["trace", "diagnosis"]
    assert s.model_name is None
    # Naming a model is not enough without an endpoint, and says so.
    switched = s.handle("/model gpt-4o")
    assert isinstance(switched, Message) and switched.level == "warn"
    # With an endpoint the same session has a model for the next question.
    s.config = s.config.with_overrides(base_url="http://127.0.0.1:9/v1")
    assert s.model_configured and s.model_name == "gpt-4o"


def test_follow_ups_use_the_tools_and_citations_are_checked(
    project: Project, tmp_path: Path
) -> None:
    n = project.n_lines("app/users.py")
    none_line = project.line_of("app/users.py", "return None")
    model = ScriptedStreamer(
        StreamedTurn(
            text="Let me read it.",
            tool_calls=[
                call("read_span", file="app/users.py", start=1, end=n),
                call("callers", symbol="app.users.get_user"),
            ],
        ),
        StreamedTurn(
            text=f"`get_user` returns None at app/users.py:{none_line} for unknown ids (see app/users.py:{n + 40} and app/ghost.py:3)."
        ),
        StreamedTurn(text="Only app/billing.py:5 calls it."),
    )
    s = session(project, tmp_path, model)
    s.load_trace(project.trace)
    chunks: list[str] = []
    tools: list[str] = []
    a = s.ask("why is user None here?", chunks.append, lambda t: tools.append(t.name))
    assert "".join(chunks) == a.text and len(chunks) > 3
    assert a.text.startswith("Let me read it.") and not a.interrupted and a.error is None
    assert tools == ["read_span", "callers"] and all(t.ok for t in a.tools)
    # The second request carries the tool results: real code and the real caller.
    sent = model.requests[1]["messages"]
    results = {m["tool_call_id"]: m["content"] for m in sent if m["role"] == "tool"}
    assert "return None" in results["id_read_span"]
    assert "app.billing.invoice_address" in results["id_callers"]
    assert model.requests[0]["tools"] and {
        t["function"]["name"] for t in model.requests[0]["tools"]
    } >= {"read_span", "callers"}
    assert "app/users.py" in sent[1]["content"]  # the crash context is pinned before the questions
    good = [c for c in a.citations if c.ok]
    assert [(c.file, c.line) for c in good] == [("app/users.py", none_line)]
    assert {c.reason for c in a.bad_citations} == {
        f"app/users.py has {n} lines",
        "no such file in the repository",
    }

    b = s.ask("who else calls get_user?")
    assert (
        b.text == "Only app/billing.py:5 calls it."
        and b.bad_citations == []
        and len(b.citations) == 1
    )
    history = model.requests[2]["messages"]
    assert [m["role"] for m in history[-3:]] == ["tool", "assistant", "user"]
    assert history[-1]["content"] == "who else calls get_user?"


def test_ctrl_c_stops_the_answer_and_the_history_stays_valid(
    project: Project, tmp_path: Path
) -> None:
    def interrupted(on_text: Callable[[str], None]) -> StreamedTurn:
        on_text("The value comes from ")
        raise KeyboardInterrupt

    model = ScriptedStreamer(
        StreamedTurn(tool_calls=[call("find_symbol", name="get_user")]),
        interrupted,
        StreamedTurn(text="Still here."),
    )
    s = session(project, tmp_path, model)
    a = s.ask("where does it come from?")
    assert a.interrupted and a.text == "The value comes from " and a.error is None
    assert [m["role"] for m in s.messages] == ["user", "assistant"]
    assert s.messages[1]["content"].endswith("[stopped by the user]")
    b = s.ask("go on")
    assert b.text == "Still here." and not b.interrupted
    roles = [m["role"] for m in model.requests[-1]["messages"]]
    assert "tool" not in roles  # the half-done tool round was dropped with the interruption


def test_a_model_error_is_one_answer_and_the_session_goes_on(
    project: Project, tmp_path: Path
) -> None:
    model = ScriptedStreamer(ModelCallError("cannot reach http://x"), StreamedTurn(text="ok"))
    s = session(project, tmp_path, model)
    a = s.ask("first")
    assert a.error == "cannot reach http://x" and s.messages == []
    assert s.ask("second").text == "ok"
    assert [m["content"] for m in model.requests[-1]["messages"] if m["role"] == "user"][
        -1
    ] == "second"


def test_a_stalling_server_ends_the_question_at_the_deadline(
    project: Project, tmp_path: Path
) -> None:
    # The real client over the wire: a server that sends one byte every 0.3 s never trips the
    # read timeout, and the question's deadline (all its turns) must end it with one error.
    event = {"choices": [{"index": 0, "delta": {"content": "thinking " * 30}}]}
    body = f"data: {json.dumps(event)}\n\ndata: [DONE]\n\n".encode()
    with ScriptedOpenAIServer() as srv:
        srv.push(Raw(body, content_type="text/event-stream", trickle=0.3), Reply(content="ok"))
        env = {"OPENAI_BASE_URL": srv.base_url, "OPENAI_API_KEY": "k", "DEBUGAI_MODEL": "m"}
        config = load_config(
            project.root, env={"DEBUGAI_CACHE_DIR": str(tmp_path / "cache"), **env}
        ).model_copy(update={"deadline": 1.5, "tools": "off"})
        s = ChatSession(project.root, config)
        a = s.ask("why?")
        assert a.error is not None and "deadline" in a.error and a.seconds < 5, a
        assert s.messages == []
        assert s.ask("again?").text == "ok"


def test_the_question_s_deadline_reaches_every_turn(project: Project, tmp_path: Path) -> None:
    model = ScriptedStreamer(StreamedTurn(text="one"))
    s = session(project, tmp_path, model)
    s.ask("q")
    (deadline,) = model.deadlines
    assert deadline is not None and 0 < deadline - time.monotonic() <= s.config.deadline


def test_fix_with_a_model_asks_it_for_a_diff_and_checks_the_files(
    project: Project, tmp_path: Path
) -> None:
    line = project.line_of("app/users.py", "def get_user")
    diff = (
        "Raise instead of returning None.\n```diff\n--- a/app/users.py\n+++ b/app/users.py\n"
        f"@@ -{line},5 +{line},5 @@\n-        return None\n+        raise KeyError(user_id)\n"
        "--- a/app/nothere.py\n+++ b/app/nothere.py\n@@ -1,1 +1,1 @@\n```\n"
    )
    model = ScriptedStreamer(StreamedTurn(text=diff))
    s = session(project, tmp_path, model)
    s.load_trace(project.trace)
    view = s.handle("/fix")
    assert (
        isinstance(view, Ask)
        and "unified diff" in view.question
        and "app/users.py" in view.question
    )
    a = s.ask(view.question, label=view.label)
    assert {(c.file, c.line, c.ok) for c in a.citations} == {
        ("app/users.py", line, True),
        ("app/nothere.py", 1, False),
    }
    assert s.entries[-2].text == "/fix"


def test_save_writes_the_conversation_as_markdown(project: Project, tmp_path: Path) -> None:
    model = ScriptedStreamer(
        StreamedTurn(tool_calls=[call("search_code", text="USERS.get")]),
        StreamedTurn(text="See app/users.py:999."),
    )
    s = session(project, tmp_path, model)
    s.load_trace(project.trace)
    s.handle("/callers get_user")
    s.ask("why is user None?")
    out = tmp_path / "notes" / "chat.md"
    saved = s.handle(f"/save {out}")
    assert isinstance(saved, Message) and str(out) in saved.text
    md = out.read_text()
    for part in (
        "## Traceback",
        "AttributeError: 'NoneType' object has no attribute 'email'",
        "## Diagnosis",
        "**Root cause**",
        "## `/callers get_user`",
        "app.billing.invoice_address",
        "## You: why is user None?",
        "search_code(text='USERS.get')",
        "unverified citation `app/users.py:999`",
    ):
        assert part in md, part
    assert md.index("## Traceback") < md.index("## `/callers") < md.index("## You:")
    with pytest.raises(UsageError, match="cannot write"):
        s.handle(f"/save {tmp_path / 'notes' / 'chat.md' / 'x.md'}")


def test_completion_of_commands_symbols_files_and_paths(project: Project, tmp_path: Path) -> None:
    s = session(project, tmp_path)
    assert s.complete("/ca", "/ca") == ["/callers", "/callees"]
    assert s.complete("/he", "/he") == ["/help"]
    assert "get_user" in s.complete("/callers get_u", "get_u")
    assert "app.users.get_user" in s.complete("/callees app.users.g", "app.users.g")
    assert s.complete("/open app/us", "app/us") == ["app/users.py"]
    (tmp_path / "trace-one.txt").write_text("x")
    assert s.complete(f"/trace {tmp_path}/trace-", f"{tmp_path}/trace-") == [
        f"{tmp_path}/trace-one.txt"
    ]
    assert s.complete("/explain st", "st") == ["static"]


def test_old_exchanges_are_dropped_whole_when_the_history_outgrows_the_cap(
    project: Project, tmp_path: Path
) -> None:
    long = "x " * 3000
    model = ScriptedStreamer(*[StreamedTurn(text=f"answer {i} {long}") for i in range(4)])
    s = session(project, tmp_path, model)
    s.config = s.config.with_overrides(max_tokens_per_run=4000, max_output_tokens=256)
    for i in range(4):
        s.ask(f"question {i}")
    last = model.requests[-1]["messages"]
    assert [m["role"] for m in last[:3]] == ["system", "user", "assistant"]
    assert last[3]["role"] == "user" and last[-1]["content"] == "question 3"
    assert "question 0" not in [m["content"] for m in last]


def test_secrets_read_by_a_tool_are_redacted_before_they_are_sent(tmp_path: Path) -> None:
    project = make_project(tmp_path / "proj")
    key = "sk-proj-" + secrets.token_hex(16)
    (project.root / "app" / "settings.py").write_text(f'BILLING_KEY = "{key}"\nTIMEOUT = 3\n')
    model = ScriptedStreamer(
        StreamedTurn(tool_calls=[call("read_span", file="app/settings.py", start=1, end=2)]),
        StreamedTurn(text="The key is set at app/settings.py:1."),
    )
    s = session(project, tmp_path, model)
    answer = s.ask(f"is {key} the right key?")
    sent = json.dumps(model.requests)
    assert key not in sent and "<redacted:" in sent
    assert key in json.dumps(s.messages)  # only what leaves the machine is redacted
    assert answer.citations[0].ok


def test_save_stores_only_redacted_text_readable_by_its_owner(
    project: Project, tmp_path: Path
) -> None:
    import stat

    key = "sk-proj-" + secrets.token_hex(24)
    password = secrets.token_hex(8)
    model = ScriptedStreamer(StreamedTurn(text=f"Try DB_PASS={password} with {key}."))
    s = session(project, tmp_path, model)
    s.load_trace(project.trace)
    s.ask(f"is OPENAI_API_KEY={key} the problem?")
    out = tmp_path / "chat.md"
    s.handle(f"/save {out}")
    md = out.read_text()
    assert key not in md and password not in md and "<redacted:" in md
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
