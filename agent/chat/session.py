"""The chat session: state, slash commands and the model conversation. No terminal I/O.

    session = ChatSession(repo, config)           # opens the index
    session.load_trace(text)                      # -> DiagnosisView (the first answer)
    session.handle("/callers get_user")           # -> a view (chat.views), or DebugaiError
    session.ask("why is user None?", on_text=...) # -> Answer, text streamed to on_text

Every slash command works without a model. Free-form questions need one; they stream through
the same read-only tools as the LLM engine (llm.tools.ToolBox) and the answer's `file:line`
citations are checked against the index afterwards, as `explain` checks its own. Ctrl-C
(KeyboardInterrupt) during an answer stops that answer only; a model failure is an Answer with
`error` set, and the conversation goes on as if the question had not been asked.
"""

from __future__ import annotations

import contextlib
import json
import re
import time
from collections.abc import Callable, Sequence
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from debugai.agent import runlog
from debugai.agent.chat import commands
from debugai.agent.chat.commands import NO_MODEL
from debugai.agent.chat.views import (
    Answer,
    Citation,
    DiagnosisView,
    Entry,
    ToolUse,
    View,
    transcript_markdown,
)
from debugai.agent.context import estimate_tokens
from debugai.agent.diagnosis import Diagnosis
from debugai.agent.llm.answer import Grounder
from debugai.agent.llm.client import LLMClient, ModelCallError
from debugai.agent.llm.engine import DEFAULT_REMOTE_MODEL
from debugai.agent.llm.prompts import load_prompt
from debugai.agent.llm.stream import StreamedTurn, StreamingModel
from debugai.agent.llm.toolloop import ToolLoop, assistant_message
from debugai.agent.llm.tools import ToolBox, ToolResult
from debugai.agent.redact import Redactor, is_secret_file
from debugai.errors import ModelError

if TYPE_CHECKING:
    from debugai.agent.traceback import Trace
    from debugai.config import Config, EngineName
    from debugai.indexers import CodeIndex

_CITATION = re.compile(r"(?<![\w/.-])((?:[\w.-]+/)*[\w.-]+\.py):(\d+)(?:-(\d+))?")
_DIFF_FILE = re.compile(r"^\+\+\+ (?:b/)?(\S+)", re.M)
_DIFF_HUNK = re.compile(r"^@@ -(\d+)")

OnText = Callable[[str], None]
OnTool = Callable[[ToolUse], None]


class NoModelConfigured(ModelError):
    """A free-form question with no model to answer it."""


class ChatSession:
    """One conversation about one repository (and, once loaded, one traceback)."""

    def __init__(
        self,
        repo: str | Path,
        config: Config,
        *,
        index: CodeIndex | None = None,
        model: StreamingModel | None = None,
        path_map: Sequence[tuple[str, str]] = (),
        budget: int | None = None,
    ) -> None:
        from debugai.agent.pipeline import open_index

        self.repo = Path(repo).expanduser().resolve()
        self.config = config
        self.index: CodeIndex = index if index is not None else open_index(self.repo, config=config)
        self.path_map = tuple(path_map)
        self.budget = budget or config.context_budget
        self.tools = ToolBox(self.index)
        self.redactor = Redactor(enabled=config.redact)
        self.trace: Trace | None = None
        self.trace_text: str | None = None
        self.diagnosis: Diagnosis | None = None
        self.entries: list[Entry] = []
        self.messages: list[dict[str, Any]] = []  # the conversation after the pinned prompt
        self.started = datetime.now().astimezone()
        self._model = model
        self._owns_model = model is None
        self._local_server: Any = None
        self.symbol_words: list[str] | None = None  # completion pool, built on first Tab

    # -- model ---------------------------------------------------------------------------------

    @property
    def model_configured(self) -> bool:
        return self._model is not None or (
            self.config.engine != "static" and self.config.model_configured
        )

    @property
    def model_name(self) -> str | None:
        """The model the next question goes to, or None when there is none."""
        if self._model is not None:
            return self._model.model
        if not self.model_configured:
            return None
        cfg = self.config
        if cfg.engine != "local" and (cfg.api_key or cfg.base_url):
            return cfg.model or DEFAULT_REMOTE_MODEL
        from debugai.agent.llm.local import DEFAULT_LOCAL_MODEL

        return Path(cfg.local_model or DEFAULT_LOCAL_MODEL).name.removesuffix(".gguf")

    def model(self) -> StreamingModel:
        """The streaming model, created on first use (a local GGUF is served on demand)."""
        if self._model is not None:
            return self._model
        if not self.model_configured:
            raise NoModelConfigured(NO_MODEL)
        cfg = self.config
        if cfg.engine != "local" and (cfg.api_key or cfg.base_url):
            self._model = LLMClient.from_config(
                cfg, model=cfg.model or DEFAULT_REMOTE_MODEL, base_url=cfg.base_url, api_key=cfg.key
            )
            return self._model
        from debugai.agent.llm.local import DEFAULT_LOCAL_MODEL, LocalServer, resolve_gguf

        gguf = resolve_gguf(cfg.local_model or DEFAULT_LOCAL_MODEL, cfg.cache_dir)
        self._local_server = LocalServer.ensure(
            gguf, cfg.cache_dir, port=cfg.local_port, threads=cfg.local_threads
        )
        self._model = LLMClient.from_config(
            cfg, model=gguf.stem, base_url=self._local_server.base_url, api_key=None
        )
        return self._model

    def close(self) -> None:
        """Release the model connection and any local model server this session started."""
        if self._model is not None and self._owns_model:
            with contextlib.suppress(Exception):
                self._model.close()
            self._model = None
        if self._local_server is not None:
            with contextlib.suppress(Exception):
                self._local_server.close()
            self._local_server = None

    # -- the traceback -------------------------------------------------------------------------

    @staticmethod
    def looks_like_trace(text: str) -> bool:
        """Whether pasted text holds a traceback (the front end then waits for all of it)."""
        from debugai.agent.traceback import parse_all

        if "Traceback (most recent call last)" in text or re.search(
            r'^\s*File ".+", line \d+', text, re.M
        ):
            return True
        return any(t.complete and t.final.frames for t in parse_all(text))

    @staticmethod
    def trace_complete(text: str) -> bool:
        """Whether text ends with a whole traceback (its exception line has arrived)."""
        from debugai.agent.traceback import parse_all

        traces = parse_all(text)
        return bool(traces) and traces[-1].complete

    def load_trace(self, text: str, engine: EngineName | None = None) -> DiagnosisView:
        """Read a traceback, diagnose it, and start a new conversation about it."""
        from debugai.agent.pipeline import explain, read_trace

        trace = read_trace(text, self.index, self.path_map, debug=self.config.debug)
        diag = explain(
            text,
            self.repo,
            engine=engine or self.config.engine,
            budget=self.budget,
            path_map=self.path_map,
            config=self.config,
            index=self.index,
        )
        self.trace, self.trace_text, self.diagnosis = trace, text, diag
        self.messages = []
        view = DiagnosisView(diag)
        self.entries.append(Entry("trace", text))
        self.entries.append(Entry("diagnosis", "", view=view))
        return view

    def load_trace_file(self, path: str) -> DiagnosisView:
        from debugai.agent.traceback import read_input

        return self.load_trace(read_input(str(Path(path).expanduser())))

    def error_line(self) -> str:
        """The loaded exception in one line ("" when none is loaded)."""
        return _error_line(self.trace) if self.trace is not None else ""

    def handle(self, line: str) -> View:
        """Run one slash command; DebugaiError for bad input (the front end shows one line)."""
        return commands.run(self, line)

    def complete(self, line: str, word: str) -> list[str]:
        """Completions for `word`, the last word of `line` (commands, symbols, files)."""
        return commands.complete(self, line, word)

    # -- slash commands ------------------------------------------------------------------------

    # -- questions -----------------------------------------------------------------------------

    def ask(
        self,
        question: str,
        on_text: OnText | None = None,
        on_tool: OnTool | None = None,
        *,
        label: str | None = None,
    ) -> Answer:
        """Ask the model; text streams to on_text, tool calls are reported to on_tool."""
        model = self.model()  # NoModelConfigured before anything is recorded
        t0 = time.monotonic()
        answer = Answer(question=label or question)
        self.entries.append(Entry("question", label or question))
        parts: list[str] = []

        def emit(text: str) -> None:
            parts.append(text)
            if on_text is not None:
                on_text(text)

        def reported(result: ToolResult) -> None:
            use = ToolUse(result.name, dict(result.arguments), _first_line(result.text), result.ok)
            answer.tools.append(use)
            if on_tool is not None:
                on_tool(use)

        before = len(self.messages)
        self.messages.append({"role": "user", "content": question})
        cfg = self.config
        loop = ToolLoop(self.tools, max(2, cfg.max_steps))
        exchanges: list[dict[str, Any]] = []
        try:
            for _step, final in loop.steps():
                outgoing = self._outgoing()
                offered = None if final else self.tools.specs()
                t1 = time.monotonic()
                turn = model.stream(
                    outgoing,
                    offered,
                    emit,
                    max_tokens=cfg.max_output_tokens,
                    temperature=cfg.temperature,
                    deadline=t0 + cfg.deadline,  # one question, all its turns
                )
                exchanges.append(_exchange(model.model, outgoing, offered, cfg, turn, t1))
                answer.prompt_tokens += turn.prompt_tokens
                answer.completion_tokens += turn.completion_tokens
                if not (turn.tool_calls and not final):
                    self.messages.append({"role": "assistant", "content": turn.text})
                    break
                self.messages.append(assistant_message(turn.text, turn.tool_calls, empty=None))
                if turn.text and not turn.text.endswith("\n"):
                    emit("\n")
                loop.answer(turn.tool_calls, self.messages, reported)
        except KeyboardInterrupt:
            answer.interrupted = True
            # Keep what was said, drop half-done tool rounds: the history stays a valid chat.
            del self.messages[before:]
            partial = "".join(parts).strip()
            self.messages.append({"role": "user", "content": question})
            self.messages.append(
                {
                    "role": "assistant",
                    "content": (partial + "\n\n" if partial else "") + "[stopped by the user]",
                }
            )
        except ModelCallError as exc:
            answer.error = str(exc)
            del self.messages[before:]
        answer.text = "".join(parts)
        answer.notes.extend(n for n in model.notes if n not in answer.notes)
        answer.citations = self.check_citations(answer.text)
        answer.seconds = round(time.monotonic() - t0, 3)
        self.entries.append(Entry("answer", "", answer=answer))
        self._log_turn(model.model, answer, exchanges)
        return answer

    def _log_turn(self, model: str, answer: Answer, exchanges: list[dict[str, Any]]) -> None:
        """The question's model turns as one run-log record (engine "chat"), replayable."""
        if not self.config.run_log:
            return
        outcome = "failed" if answer.error else "interrupted" if answer.interrupted else "ok"
        record = runlog.RunRecord(
            engine="chat",
            model=model,
            repo=str(self.repo),
            outcome=outcome,
            trace=self.trace.to_dict() if self.trace is not None else {},
            trace_text=self.trace_text or "",
            exchanges=exchanges,
            notes=[*answer.notes, *([answer.error] if answer.error else [])],
        )
        with contextlib.suppress(OSError):
            runlog.append_run(self.config.cache_dir, record, self.redactor)

    def check_citations(self, text: str) -> list[Citation]:
        """Every `file.py:LINE` and diff header in text, checked against the repository."""
        grounder = Grounder(self.index)
        found: dict[tuple[str, int], Citation] = {}
        cites = [(m.group(0), m.group(1), int(m.group(2))) for m in _CITATION.finditer(text)]
        for m in _DIFF_FILE.finditer(text):
            rest = text[m.end() :]
            hunk = next(
                (_DIFF_HUNK.match(ln) for ln in rest.splitlines() if _DIFF_HUNK.match(ln)), None
            )
            line = max(1, int(hunk.group(1))) if hunk else 1
            cites.append((f"{m.group(1)} (diff)", m.group(1), line))
        for cited, raw, line in cites:
            if raw in ("/dev/null",):
                continue
            file = grounder.normalize_file(raw)
            if file is None:
                c = Citation(cited, raw, line, False, "no such file in the repository")
            else:
                n = grounder.n_lines(file)
                ok = 1 <= line <= n
                c = Citation(cited, file, line, ok, "" if ok else f"{file} has {n} lines")
            found.setdefault((c.file, c.line), c)
        return list(found.values())

    # -- transcript and completion -------------------------------------------------------------

    def transcript(self) -> str:
        return transcript_markdown(
            self.entries,
            repo=str(self.repo),
            model=self.model_name,
            when=self.started.strftime("%Y-%m-%d %H:%M %Z").strip(),
        )

    def _context_spans(self) -> list[tuple[Any, str, int]]:
        """(span, numbered text, tokens) of the diagnosis' context that fit the model's budget."""
        if self.diagnosis is None:
            return []
        out: list[tuple[Any, str, int]] = []
        used = 0
        seen: set[tuple[str, int, int]] = set()
        for span in self.diagnosis.context.spans:
            if is_secret_file(span.file) or (span.file, span.start, span.end) in seen:
                continue
            seen.add((span.file, span.start, span.end))
            lines = self.index.lines(span.file)[span.start - 1 : span.end]
            numbered = "\n".join(f"{n:>5} | {ln}" for n, ln in enumerate(lines, start=span.start))
            cost = estimate_tokens(numbered) + 12
            if used + cost > self.config.context_budget and out:
                continue
            used += cost
            out.append((span, numbered, cost))
        return out

    def _context_message(self) -> str:
        if self.trace is None or self.diagnosis is None:
            files = sorted(self.index.files)
            shown = "\n".join(f"- {f}" for f in files[:40])
            more = f"\n- … and {len(files) - 40} more" if len(files) > 40 else ""
            return load_prompt("chat_no_trace").render(files=shown + more)
        code = "\n\n".join(
            f"### {s.file}:{s.start}-{s.end}"
            + (f" ({s.symbol})" if s.symbol else "")
            + f" — {s.reason}\n{text}"
            for s, text, _tokens in self._context_spans()
        )
        return load_prompt("chat_context").render(
            error=_error_line(self.trace),
            frames=_frames_text(self.trace),
            diagnosis=_diagnosis_text(self.diagnosis),
            context=code or "(no code selected)",
        )

    def _system_prompt(self) -> str:
        tools = load_prompt("chat_tools").render(max_calls=max(1, self.config.max_steps - 1))
        return load_prompt("chat_system").render(repo_name=self.repo.name, tools_section=tools)

    def _outgoing(self) -> list[dict[str, Any]]:
        """The pinned prompt plus as much recent conversation as the token cap allows, redacted."""
        pinned = [
            {"role": "system", "content": self._system_prompt()},
            {"role": "user", "content": self._context_message()},
            {"role": "assistant", "content": "Understood. What would you like to know?"},
        ]
        history = list(self.messages)
        cap = max(2000, self.config.max_tokens_per_run - self.config.max_output_tokens)
        while _user_starts(history)[1:] and estimate_tokens(json.dumps(pinned + history)) > cap:
            # Drop the oldest whole exchange: a tool result without its call is an invalid chat.
            history = history[_user_starts(history)[1] :]
        return list(self.redactor.redact_obj(pinned + history))


# -- helpers ---------------------------------------------------------------------------------


def _user_starts(messages: list[dict[str, Any]]) -> list[int]:
    return [i for i, m in enumerate(messages) if m.get("role") == "user"]


def _exchange(
    model: str,
    messages: list[dict[str, Any]],
    tools: list[dict[str, Any]] | None,
    cfg: Config,
    turn: StreamedTurn,
    t1: float,
) -> dict[str, Any]:
    """One streamed turn in the run log's exchange form (as the engine's are logged)."""
    request: dict[str, Any] = {
        "model": model,
        "messages": messages,
        "stream": True,
        "max_tokens": cfg.max_output_tokens,
        "temperature": cfg.temperature,
    }
    if tools:
        request["tools"] = tools
    message = assistant_message(turn.text, turn.tool_calls, empty=None)
    response = {
        "choices": [{"message": message, "finish_reason": turn.finish_reason}],
        "usage": {
            "prompt_tokens": turn.prompt_tokens,
            "completion_tokens": turn.completion_tokens,
        },
    }
    return {
        "request": request,
        "response": response,
        "seconds": round(time.monotonic() - t1, 3),
        "cached": False,
        "output_mode": "text",
    }


def _first_line(text: str) -> str:
    lines = text.strip().splitlines()
    first = lines[0] if lines else ""
    extra = f" (+{len(lines) - 1} lines)" if len(lines) > 1 else ""
    return (first[:100] + "…" if len(first) > 100 else first) + extra


def _error_line(trace: Trace) -> str:
    final = trace.final
    message = final.message.strip().splitlines()[0] if final.message.strip() else ""
    return f"{final.type}: {message}" if message else final.type


def _frames_text(trace: Trace) -> str:
    rows = [
        f"- [{f.kind}] {f.repo_path or f.file}:{f.repo_line or f.line} in {f.function}"
        + (f": {f.source.strip()}" if f.source else "")
        for f in trace.final.frames
    ]
    if len(rows) > 12:
        rows = [rows[0], f"- … {len(rows) - 11} frames not shown", *rows[-10:]]
    return "\n".join(rows) or "(no frames)"


def _diagnosis_text(diag: Diagnosis) -> str:
    out = [f"Engine: {diag.engine}"]
    rc = diag.root_cause
    if rc is None:
        out.append("No root cause was located.")
    else:
        out.append(
            f"Root cause ({rc.category}): {rc.file}:{rc.line}"
            + (f" in {rc.symbol}" if rc.symbol else "")
            + (f" — {rc.explanation}" if rc.explanation else "")
        )
    for i, hop in enumerate(diag.chain, 1):
        out.append(f"{i}. {hop.file}:{hop.line} {hop.symbol or ''} — {hop.explanation}")
    if diag.fix and diag.fix.summary:
        out.append(f"Suggested fix: {diag.fix.summary}")
    others = diag.candidates[1:4]
    if others:
        out.append(
            "Other candidates: "
            + "; ".join(f"{c.file}:{c.line} {c.symbol or ''}".strip() for c in others)
        )
    return "\n".join(out)
