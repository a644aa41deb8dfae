"""The chat's slash commands: each takes the session and its arguments and returns a view.

They all work without a model (`/fix` hands its question to the model when there is one), and
bad input is a DebugaiError whose message the front end prints as one line.
"""

from __future__ import annotations

import contextlib
import glob
import os
import re
import shlex
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from debugai.agent.chat.views import (
    Ask,
    ChainView,
    CodeView,
    ContextView,
    EdgeGroup,
    EdgeRow,
    EdgesView,
    Entry,
    FixView,
    HelpView,
    Message,
    Quit,
    SpanRow,
    View,
)
from debugai.agent.context import estimate_tokens
from debugai.agent.diagnosis import Diagnosis, Hop
from debugai.agent.files import atomic_write_text
from debugai.agent.llm.answer import Grounder
from debugai.agent.llm.prompts import load_prompt
from debugai.agent.llm.tools import PathRefused
from debugai.agent.redact import Redactor
from debugai.config import engine_name
from debugai.errors import SymbolNotFound, UsageError

if TYPE_CHECKING:
    from debugai.agent.chat.session import ChatSession
    from debugai.indexers import CodeIndex

NO_MODEL = (
    "no model configured, so only slash commands work (/help). To ask questions, set "
    "OPENAI_API_KEY (and DEBUGAI_MODEL), or OPENAI_BASE_URL for a local server such as Ollama, "
    "or DEBUGAI_LOCAL_MODEL for a local GGUF; or pick one here with /model NAME."
)
NO_TRACE = "no traceback loaded yet: paste one, or load a file with /trace FILE"
OPEN_WINDOW = 12  # lines shown either side of /open FILE:LINE
MAX_SPAN_LINES = 60

# name -> (usage, what it does); the order is the order of /help.
COMMANDS: dict[str, tuple[str, str]] = {
    "/explain": ("/explain [static]", "diagnose the loaded traceback again (static: no model)"),
    "/trace": ("/trace FILE", "load a traceback from a file and diagnose it"),
    "/context": ("/context [full]", "what the model is sent: code spans, tokens, tools"),
    "/open": ("/open FILE:LINE | SYMBOL", "show code from the repository, highlighted"),
    "/callers": ("/callers SYMBOL", "who calls this function"),
    "/callees": ("/callees SYMBOL", "what this function calls"),
    "/graph": ("/graph", "the chain from the root cause to the crash, as a tree"),
    "/fix": ("/fix", "the suggested fix (a diff written by the model when there is one)"),
    "/save": ("/save FILE", "write this conversation as Markdown"),
    "/model": ("/model [NAME]", "show or change the model for the next questions"),
    "/help": ("/help", "this list"),
    "/quit": ("/quit", "leave (Ctrl-D works too)"),
}


def run(s: ChatSession, line: str) -> View:
    """Run one slash command; DebugaiError for bad input (the front end shows one line)."""
    try:
        words = shlex.split(line.strip())
    except ValueError:
        words = line.strip().split()
    if not words:
        return Message("")
    name, args = words[0].lower(), words[1:]
    if name not in COMMANDS:
        near = [c for c in COMMANDS if c.startswith(name)]
        hint = f" — did you mean {' or '.join(near)}?" if near else " (see /help)"
        raise UsageError(f"unknown command {name}{hint}")
    view = HANDLERS[name](s, args)
    if not isinstance(view, (Quit, Ask)) and name not in ("/trace", "/explain", "/save"):
        s.entries.append(Entry("command", line.strip(), view=view))
    return view


def cmd_help(s: ChatSession, args: list[str]) -> View:
    return HelpView(list(COMMANDS.values()), s.model_name)


def cmd_quit(s: ChatSession, args: list[str]) -> View:
    return Quit()


def cmd_trace(s: ChatSession, args: list[str]) -> View:
    if not args:
        if s.trace is None:
            raise UsageError("usage: /trace FILE (a file holding the traceback)")
        return Message(f"loaded: {s.error_line()}")
    view = s.load_trace_file(" ".join(args))
    return view


def cmd_explain(s: ChatSession, args: list[str]) -> View:
    if s.trace_text is None:
        return Message(NO_TRACE, "warn")
    if not args:
        return s.load_trace(s.trace_text)
    try:
        engine = engine_name(args[0])
    except UsageError:
        raise UsageError("usage: /explain [static]") from None
    return s.load_trace(s.trace_text, engine=engine)


def cmd_context(s: ChatSession, args: list[str]) -> View:
    system = s._system_prompt()
    ctx = s._context_message()
    spans = [
        SpanRow(s.file, s.start, s.end, s.symbol, s.reason, tokens)
        for s, _text, tokens in s._context_spans()
    ]
    return ContextView(
        model=s.model_name,
        spans=spans,
        code_tokens=sum(sp.tokens for sp in spans),
        prompt_tokens=estimate_tokens(system) + estimate_tokens(ctx),
        history_messages=len(s.messages),
        tools=[spec["function"]["name"] for spec in s.tools.specs()],
        text=ctx if args[:1] == ["full"] else "",
    )


def cmd_open(s: ChatSession, args: list[str]) -> View:
    if not args:
        raise UsageError("usage: /open FILE:LINE or /open SYMBOL")
    target = " ".join(args)
    m = re.fullmatch(r"(.+?)(?::(\d+))?(?:-(\d+))?", target)
    assert m is not None
    file, line = m.group(1), int(m.group(2)) if m.group(2) else None
    sym = None
    if line is None and "/" not in file and not file.endswith(".py"):
        sym = _resolve_one(s, file)
        file, line = sym.file, sym.line
    rel = _safe_file(s, file)
    lines = s.index.lines(rel) if rel in s.index.files else s.tools._lines(rel)
    if not lines:
        raise UsageError(f"{rel} is empty")
    focus = min(max(1, line or 1), len(lines))
    if line is not None and line > len(lines):
        raise UsageError(f"{rel} has {len(lines)} lines")
    if sym is not None and sym.end_line - sym.line < MAX_SPAN_LINES:
        start, end = sym.decorated_line or sym.line, sym.end_line
    else:
        start, end = max(1, focus - OPEN_WINDOW), min(len(lines), focus + OPEN_WINDOW)
    enclosing = sym or s.index.symbol_at(rel, focus)
    return CodeView(
        rel,
        start,
        end,
        focus,
        "\n".join(lines[start - 1 : end]),
        enclosing.id if enclosing and enclosing.kind != "module" else None,
    )


def cmd_callers(s: ChatSession, args: list[str]) -> View:
    return _edges(s, "callers", args)


def cmd_callees(s: ChatSession, args: list[str]) -> View:
    return _edges(s, "callees", args)


def cmd_graph(s: ChatSession, args: list[str]) -> View:
    diag = need_diagnosis(s)
    hops = list(diag.chain)
    rc = diag.root_cause
    if not hops and rc is not None:
        hops = [Hop(file=rc.file, line=rc.line, symbol=rc.symbol, explanation=rc.explanation)]
    raised = next((f for f in reversed(diag.error.frames) if f.in_repo), None)
    if raised is not None and not any(
        h.file == raised.file and h.line == raised.line for h in hops
    ):
        hops.append(
            Hop(
                file=raised.file,
                line=raised.line,
                symbol=_symbol_id(s.index, raised.file, raised.line),
                explanation=f"raises {diag.error.type}",
            )
        )
    if not hops:
        return Message("the diagnosis has no chain to draw", "warn")
    return ChainView(_error_head(diag), hops, diag)


def cmd_fix(s: ChatSession, args: list[str]) -> View:
    diag = need_diagnosis(s)
    rc = diag.root_cause
    if s.model_configured and rc is not None:
        where = f"{rc.file}:{rc.line}" + (f" in {rc.symbol}" if rc.symbol else "")
        return Ask(load_prompt("chat_fix").render(root_cause=where), "/fix")
    fix = diag.fix
    code = None
    if rc is not None:
        with contextlib.suppress(UsageError, SymbolNotFound):
            code = cmd_open(s, [f"{rc.file}:{rc.line}"])
    assert code is None or isinstance(code, CodeView)
    return FixView(fix.summary if fix else "", fix.diff if fix else "", code)


def cmd_save(s: ChatSession, args: list[str]) -> View:
    if not args:
        raise UsageError("usage: /save FILE")
    path = Path(" ".join(args)).expanduser()
    # The transcript quotes the trace, code and answers: stored redacted, readable by its owner.
    text = (s.redactor if s.redactor.enabled else Redactor()).redact(s.transcript())
    try:
        atomic_write_text(path, text)
    except OSError as exc:
        raise UsageError(f"cannot write {path}: {exc.strerror or exc}") from None
    turns = sum(e.kind == "question" for e in s.entries)
    return Message(f"saved the conversation ({turns} question(s)) to {path}")


def cmd_model(s: ChatSession, args: list[str]) -> View:
    if not args:
        if not s.model_configured:
            return Message(NO_MODEL, "warn")
        where = s.config.base_url or ("local" if s.config.local_model else "OpenAI")
        return Message(f"model: {s.model_name} ({where})")
    from debugai.agent.llm.local import MODELS

    name = args[0]
    if name in MODELS or name.endswith(".gguf"):
        s.config = s.config.with_overrides(local_model=name, engine="local")
    else:
        engine = "auto" if s.config.engine in ("local", "static") else None
        s.config = s.config.with_overrides(model=name, engine=engine)
    if s._owns_model:
        s.close()
    elif s._model is not None:
        s._model.model = name
    if not s.model_configured:
        return Message(f"model set to {name}, but {NO_MODEL}", "warn")
    return Message(f"model: {s.model_name}")


def complete(s: ChatSession, line: str, word: str) -> list[str]:
    """Completions for `word`, the last word of `line` (commands, symbols, files)."""
    stripped = line.lstrip()
    if stripped.startswith("/") and " " not in stripped:
        return [c for c in COMMANDS if c.startswith(word)]
    command = stripped.split(" ", 1)[0] if stripped.startswith("/") else ""
    if command in ("/trace", "/save"):
        return _complete_path(word)
    if command == "/model":
        from debugai.agent.llm.local import MODELS

        names = sorted({*MODELS, *(n for n in [s.model_name] if n)})
        return [n for n in names if n.startswith(word)]
    if command in ("/explain", "/context"):
        return [w for w in ("static", "full") if w.startswith(word)]
    if len(word) < 1 and not command:
        return []
    pool = _symbol_pool(s)
    if command == "/open":
        pool = sorted({*pool, *s.index.files})
    return [w for w in pool if w.startswith(word)][:200]


def _symbol_pool(s: ChatSession) -> list[str]:
    if s.symbol_words is None:
        words: set[str] = set()
        for sym in s.index.symbols.values():
            if sym.kind == "module":
                continue
            words.add(sym.id)
            words.add(sym.name)
        s.symbol_words = sorted(words)
    return s.symbol_words


# -- internals -----------------------------------------------------------------------------


def need_diagnosis(s: ChatSession) -> Diagnosis:
    if s.diagnosis is None:
        raise UsageError(NO_TRACE)
    return s.diagnosis


def _safe_file(s: ChatSession, file: str) -> str:
    try:
        rel = s.tools.safe_path(file)
    except PathRefused as exc:
        raise UsageError(str(exc)) from None
    if rel not in s.index.files:
        fixed = Grounder(s.index).normalize_file(rel)
        if fixed is not None:
            return fixed
        if not (s.repo / rel).is_file():
            raise UsageError(f"{file}: no such file in the repository {s.repo}")
    return rel


def _resolve_one(s: ChatSession, name: str) -> Any:
    ids = [i for i in s.index.resolve_name(name) if i in s.index.symbols]
    if not ids:
        near = s.index.close_matches(name, n=5)
        raise SymbolNotFound(
            f"no symbol {name!r} in the index"
            + (f"; did you mean {', '.join(near)}?" if near else "")
        )
    if len(ids) > 1:
        raise SymbolNotFound(f"{name!r} is ambiguous: {', '.join(ids[:6])}")
    return s.index.symbols[ids[0]]


def _edges(s: ChatSession, verb: str, args: list[str]) -> View:
    if not args:
        raise UsageError(f"usage: /{verb} SYMBOL")
    name = args[0]
    ids = [i for i in s.index.resolve_name(name) if i in s.index.symbols]
    if not ids:
        _resolve_one(s, name)  # raises with close matches
    view = EdgesView("callers" if verb == "callers" else "callees", name)
    for sid in ids[:8]:
        sym = s.index.symbols[sid]
        group = EdgeGroup(sid, sym.file, sym.line)
        edges = s.index.callers(sid) if verb == "callers" else s.index.callees(sid)
        for other, site in edges:
            o = s.index.symbols.get(other)
            site_file = (o.file if o else None) if verb == "callers" else sym.file
            group.rows.append(
                EdgeRow(other, o.file if o else None, o.line if o else None, site_file, site)
            )
        view.groups.append(group)
    return view


def _error_head(diag: Diagnosis) -> str:
    msg = diag.error.message.strip().splitlines()[0] if diag.error.message.strip() else ""
    return f"{diag.error.type}: {msg}" if msg else diag.error.type


def _symbol_id(index: CodeIndex, file: str, line: int) -> str | None:
    sym = index.symbol_at(file, line) if file in index.files else None
    return sym.id if sym is not None and sym.kind != "module" else None


def _complete_path(word: str) -> list[str]:
    expanded = os.path.expanduser(word)
    out = []
    for path in sorted(glob.glob(glob.escape(expanded) + "*"))[:200]:
        shown = word + path[len(expanded) :]  # keep the user's spelling (`~/`)
        out.append(shown + ("/" if os.path.isdir(path) else ""))
    return out


HANDLERS: dict[str, Callable[[ChatSession, list[str]], View]] = {
    "/explain": cmd_explain,
    "/trace": cmd_trace,
    "/context": cmd_context,
    "/open": cmd_open,
    "/callers": cmd_callers,
    "/callees": cmd_callees,
    "/graph": cmd_graph,
    "/fix": cmd_fix,
    "/save": cmd_save,
    "/model": cmd_model,
    "/help": cmd_help,
    "/quit": cmd_quit,
}
