"""The LLM engine: the static diagnosis confirmed, reordered or rejected by a model, grounded.

    engine = LLMEngine.from_config(config, local=False, forced=False)
    diag = engine.diagnose(trace, index, context, static=static_diagnosis)

The model gets the packed context and the static engine's top candidates; it may call read-only
tools within a step and token budget (natively, or through a plain prompt loop on servers
without tool calls). Every citation is grounded against the index with one repair round. Any
failure returns the static diagnosis with a note saying why — or raises ModelError when the
user forced the model (`--engine llm|local`).
"""

from __future__ import annotations

import contextlib
import json
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from debugai.agent import runlog
from debugai.agent.context import Context, Span, estimate_tokens
from debugai.agent.diagnosis import Candidate, Diagnosis, DiagnosisAnswer, Usage
from debugai.agent.llm.answer import (
    AnswerError,
    Grounder,
    bounded_answer_schema,
    coerce_answer,
    extract_json,
    plain_loop_schema,
    salvage_truncated,
)
from debugai.agent.llm.client import (
    ChatModel,
    ChatReply,
    ChatRequest,
    LLMClient,
    ModelCallError,
    RequestDumped,
    ToolsUnsupported,
)
from debugai.agent.llm.prompts import load_prompt, prompt_version
from debugai.agent.llm.tools import ToolBox
from debugai.agent.redact import Redactor, is_secret_file
from debugai.config import Config, load_config
from debugai.errors import ModelError

if TYPE_CHECKING:
    from debugai.agent.traceback import Trace
    from debugai.indexers import CodeIndex

DEFAULT_REMOTE_MODEL = "gpt-4o-mini"
CATEGORIES = (
    "none-propagation, env-config, signature-drift, data-shape, dependency-driver, circular-import, "
    "async-trap, sqlalchemy-session, fastapi-depends, pydantic-drift, test-assertion, logic, unknown"
)
ANSWER_EXAMPLE = {
    "root_cause": {
        "file": "<path>",
        "line": 1,
        "end_line": 2,
        "symbol": "<qualified.name>",
        "category": "<category>",
        "explanation": "<why this code produces the failing value>",
    },
    "chain": [
        {
            "file": "<path>",
            "line": 3,
            "symbol": "<qualified.name>",
            "explanation": "<how the value travels>",
        }
    ],
    "fix": {"summary": "<the fix in one sentence>", "diff": ""},
}
# Small local models: a 4k window shared by the prompt and the answer.
LOCAL_LIMITS = {
    "context_budget": 1500,
    "max_output_tokens": 300,
    "max_tokens_per_run": 12000,
    "max_steps": 3,
}
MAX_FRAMES_SHOWN = 12


@dataclass
class _Run:
    """Mutable state of one diagnose() call."""

    redactor: Redactor
    tools: ToolBox
    record: runlog.RunRecord
    notes: list[str] = field(default_factory=list)
    tool_mode: str = "native"  # native | plain | off
    prompt_tokens: int = 0
    completion_tokens: int = 0
    cached: int = 0
    calls: int = 0
    dropped: int = 0
    billable: tuple[int, int] = (
        0,
        0,
    )  # prompt/completion tokens actually sent (cache hits cost nothing)
    shown_files: tuple[str, ...] = ()  # files the prompt showed the model
    deadline: float | None = None  # time.monotonic() by which every step must be done


class LLMEngine:
    """Diagnoses with a chat model over an OpenAI-compatible endpoint (or a local llama.cpp)."""

    def __init__(
        self,
        model: ChatModel | None,
        config: Config,
        *,
        forced: bool = False,
        local_gguf: str | None = None,
    ) -> None:
        self.config = config
        self.forced = forced
        self.local_gguf = local_gguf  # a known name or .gguf path, served on demand
        self._shown: tuple[str, ...] = ()
        self._model = model
        if local_gguf is not None:
            self.config = config.model_copy(
                update={k: min(getattr(config, k), v) for k, v in LOCAL_LIMITS.items()}
            )

    @classmethod
    def from_config(
        cls, config: Config | None = None, *, local: bool = False, forced: bool = False
    ) -> LLMEngine:
        """The engine the config describes: a remote endpoint, or a local GGUF when local/only local."""
        config = config if config is not None else load_config()
        remote = bool(config.api_key or config.base_url)
        if local or config.engine == "local" or (not remote and config.local_model):
            from debugai.agent.llm.local import DEFAULT_LOCAL_MODEL

            return cls(
                None, config, forced=forced, local_gguf=config.local_model or DEFAULT_LOCAL_MODEL
            )
        if not remote and forced:
            raise ModelError(
                "no model configured: set OPENAI_API_KEY (and OPENAI_BASE_URL / DEBUGAI_MODEL for other "
                "servers), or use --engine local"
            )
        model = LLMClient.from_config(
            config,
            model=config.model or DEFAULT_REMOTE_MODEL,
            base_url=config.base_url,
            api_key=config.key,
        )
        return cls(model, config, forced=forced)

    @property
    def context_budget(self) -> int:
        """Tokens of code worth selecting for this model (small for local models)."""
        return self.config.context_budget

    @property
    def authority(self) -> str:
        """ "full" or "confirm" (see Config.model_authority): small local models only confirm.

        Measured with Qwen2.5-Coder-1.5B on the 43 eval cases: it moved another candidate above
        the static engine's first in 24 of 44 answers, nearly always wrongly (func@1 0.33 against
        the static engine's 0.98 on the same cases).
        """
        chosen = self.config.model_authority
        if chosen == "auto":
            return "confirm" if self.local_gguf is not None else "full"
        return chosen

    @property
    def label(self) -> str:
        if self._model is not None:
            return self._model.model
        return Path(self.local_gguf or "local").name.removesuffix(".gguf")

    # -- the run ---------------------------------------------------------------------------------

    def diagnose(
        self, trace: Trace, index: CodeIndex, context: Context, static: Diagnosis
    ) -> Diagnosis:
        """The static diagnosis refined by the model, or static with a note when the model fails."""
        t0 = time.monotonic()
        cfg = self.config
        record = runlog.RunRecord(
            engine="local" if self.local_gguf else "llm",
            model=self.label,
            repo=str(index.root),
            trace=_safe_dict(trace),
            trace_text=_safe_trace_text(trace, Path(index.root)),
            prompt_version=prompt_version(),
        )
        run = _Run(Redactor(enabled=cfg.redact), ToolBox(index), record)
        try:
            with self._session(run) as model:
                record.model = model.model
                answer = self._loop(model, run, trace, index, context, static)
            diag = self._merge(static, answer, run, model.model)
            record.outcome = "ok"
        except RequestDumped as dumped:
            diag = static.model_copy(deep=True)
            diag.notes.append(f"--dump-request: {dumped}")
            record.outcome = "dumped"
        except (ModelCallError, AnswerError, ModelError) as exc:
            record.outcome = "failed" if self.forced else "degraded"
            record.notes = [*run.notes, str(exc)]
            self._log(record, None, run.redactor)
            if self.forced:
                raise ModelError(f"the model ({self.label}) failed: {exc}") from None
            diag = static.model_copy(deep=True)
            diag.notes.append(f"model not used ({self.label}): {exc}; showing the static diagnosis")
            diag.usage = self._usage(static, run, t0)
            return diag
        diag.usage = self._usage(static, run, t0)
        record.notes = run.notes
        self._log(record, diag, run.redactor)
        return diag

    @contextlib.contextmanager
    def _session(self, run: _Run) -> Iterator[ChatModel]:
        if self._model is not None:
            yield self._model
            return
        from debugai.agent.llm.local import LocalServer, resolve_gguf

        cfg = self.config
        gguf = resolve_gguf(self.local_gguf or "", cfg.cache_dir)
        server = LocalServer.ensure(
            gguf, cfg.cache_dir, port=cfg.local_port, threads=cfg.local_threads
        )
        run.record.base_url = server.base_url
        # A small model on a shared CPU is slow but local: it gets its own, longer timeout.
        local_cfg = cfg.model_copy(
            update={"timeout": cfg.local_timeout, "max_retries": min(cfg.max_retries, 1)}
        )
        client = LLMClient.from_config(
            local_cfg, model=gguf.stem, base_url=server.base_url, api_key=None
        )
        try:
            yield client
        finally:
            client.close()
            server.close()

    def _loop(
        self,
        model: ChatModel,
        run: _Run,
        trace: Trace,
        index: CodeIndex,
        context: Context,
        static: Diagnosis,
    ) -> DiagnosisAnswer:
        cfg = self.config
        # One deadline over every step, retry and the repair round; a local model on a shared
        # CPU may take its per-request timeout for each step.
        limit = cfg.deadline if self.local_gguf is None else cfg.local_timeout * cfg.max_steps
        run.deadline = time.monotonic() + max(cfg.deadline, limit)
        run.tool_mode = (
            "off" if cfg.tools == "off" or (cfg.tools == "auto" and self.local_gguf) else "native"
        )
        messages = [
            {"role": "system", "content": self._system_prompt(run)},
            {"role": "user", "content": self._user_prompt(trace, index, context, static)},
        ]
        run.shown_files = self._shown
        format_retries = 1
        for step in range(cfg.max_steps):
            final = step == cfg.max_steps - 1
            if final and step and run.tool_mode != "off" and messages[-1]["role"] != "assistant":
                reason = "No more tool calls are available."
                messages.append(
                    {"role": "user", "content": load_prompt("llm_final").render(reason=reason)}
                )
            reply = self._call(model, run, messages, final=final)
            if reply is None:  # the server lacks tools: same step, plain loop
                messages[0] = {"role": "system", "content": self._system_prompt(run)}
                reply = self._call(model, run, messages, final=final)
                assert reply is not None
            messages.append(_assistant_message(reply))
            if reply.tool_calls and run.tool_mode == "native" and not final:
                for tc in reply.tool_calls:
                    result = run.tools.call(tc.name, tc.arguments)
                    messages.append({"role": "tool", "tool_call_id": tc.id, "content": result.text})
                continue
            try:
                obj = extract_json(reply.content)
                if (
                    run.tool_mode == "plain"
                    and "tool" in obj
                    and "root_cause" not in obj
                    and not final
                ):
                    result = run.tools.call(str(obj.get("tool")), obj.get("arguments") or {})
                    messages.append(
                        {"role": "user", "content": f"Result of {result.name}:\n{result.text}"}
                    )
                    continue
                answer = coerce_answer(obj)
            except AnswerError as exc:
                if reply.finish_reason == "length":
                    kept = _salvaged(reply.content)
                    if kept is not None:
                        run.notes.append(
                            f"the answer was cut at the output limit ({cfg.max_output_tokens}"
                            " tokens); its complete part was used"
                        )
                        return self._ground(model, run, index, messages, kept)
                    exc = AnswerError(
                        f"the answer was cut at the output limit ({cfg.max_output_tokens} tokens): {exc}"
                    )
                if format_retries and not final:
                    format_retries -= 1
                    run.notes.append(
                        f"the model's first answer was unreadable ({exc}); asked again"
                    )
                    messages.append(
                        {
                            "role": "user",
                            "content": load_prompt("llm_format_retry").render(error=str(exc)),
                        }
                    )
                    continue
                raise AnswerError(f"the model's answer could not be read: {exc}") from None
            return self._ground(model, run, index, messages, answer)
        raise AnswerError(f"no answer within {cfg.max_steps} model turns")

    def _call(
        self, model: ChatModel, run: _Run, messages: list[dict[str, Any]], *, final: bool
    ) -> ChatReply | None:
        """One model turn within the token cap; None when tools turned out unsupported."""
        cfg = self.config
        offer_tools = run.tool_mode == "native" and not final
        # Small models get tight limits: every output token is slow on a CPU.
        answer = bounded_answer_schema(120, 3, 0) if self.local_gguf else bounded_answer_schema()
        schema = plain_loop_schema(answer) if run.tool_mode == "plain" and not final else answer
        if run.deadline is not None and time.monotonic() > run.deadline:
            raise ModelCallError(
                f"the run's deadline ({cfg.deadline:g}s, the deadline setting) passed"
            )
        spent = run.prompt_tokens + run.completion_tokens
        needed = estimate_tokens(json.dumps(messages)) + cfg.max_output_tokens
        if spent + needed > cfg.max_tokens_per_run:
            raise AnswerError(
                f"the token cap per run ({cfg.max_tokens_per_run}) would be exceeded "
                f"(spent {spent}, next turn needs ~{needed})"
            )
        req = ChatRequest(
            messages=messages,
            schema=schema,
            tools=run.tools.specs() if offer_tools else None,
            max_tokens=cfg.max_output_tokens,
            temperature=cfg.temperature,
            deadline=run.deadline,
        )
        try:
            reply = model.chat(req, run.redactor)
        except ToolsUnsupported as exc:
            run.tool_mode = "plain"
            run.notes.append(f"{exc}; used a plain prompt loop instead")
            return None
        finally:
            notes = getattr(getattr(model, "stats", None), "notes", None)
            if notes:
                run.notes.extend(n for n in notes if n not in run.notes)
        run.calls += 1
        run.cached += reply.cached
        run.prompt_tokens += reply.prompt_tokens
        run.completion_tokens += reply.completion_tokens
        if not reply.cached:
            run.billable = (
                run.billable[0] + reply.prompt_tokens,
                run.billable[1] + reply.completion_tokens,
            )
        run.record.exchanges.append(
            {
                "request": reply.request,
                "response": reply.response,
                "seconds": round(reply.seconds, 3),
                "cached": reply.cached,
                "output_mode": reply.output_mode,
            }
        )
        return reply

    def _ground(
        self,
        model: ChatModel,
        run: _Run,
        index: CodeIndex,
        messages: list[dict[str, Any]],
        answer: DiagnosisAnswer,
    ) -> DiagnosisAnswer:
        grounder = Grounder(index)
        problems = grounder.check(answer)
        if problems:
            # Name only files whose code was shown: a list of every file invites a guess.
            hint = (
                "Files shown to you: " + ", ".join(run.shown_files) + "." if run.shown_files else ""
            )
            repair = load_prompt("llm_repair").render(
                problems="\n".join(p.line() for p in problems), valid_hint=hint
            )
            messages.append({"role": "user", "content": repair})
            run.notes.append(
                f"{len(problems)} invalid citation(s) sent back to the model for repair"
            )
            try:
                reply = self._call(model, run, messages, final=True)
                if reply is not None:
                    messages.append(_assistant_message(reply))
                    answer = coerce_answer(extract_json(reply.content))
            except (AnswerError, ModelCallError) as exc:
                run.notes.append(f"the repair round failed ({exc}); kept the first answer")
        grounded, dropped = grounder.finalize(answer)
        run.dropped = dropped
        if grounded is None:
            rc = answer.root_cause
            raise AnswerError(
                f"the model's root cause {rc.file}:{rc.line} is not a real location in the repository"
            )
        return grounded

    # -- prompts ---------------------------------------------------------------------------------

    def _system_prompt(self, run: _Run) -> str:
        calls = max(1, self.config.max_steps - 1)
        if run.tool_mode == "native":
            tools = load_prompt("llm_tools_native").render(max_calls=calls)
        elif run.tool_mode == "plain":
            tools = load_prompt("llm_tools_plain").render(
                tool_list=run.tools.describe(), max_calls=calls
            )
        else:
            tools = ""
        return load_prompt("llm_system").render(tools_section=tools, categories=CATEGORIES)

    def _user_prompt(
        self, trace: Trace, index: CodeIndex, context: Context, static: Diagnosis
    ) -> str:
        cfg = self.config
        cands = static.candidates[: cfg.max_candidates]
        candidates = (
            "\n".join(
                f"{i}. {c.file}:{c.line}"
                + (f"-{c.end_line}" if c.end_line and c.end_line != c.line else "")
                + (f" {c.symbol}" if c.symbol else "")
                + f" (score {c.score:.2f}): {c.why}"
                for i, c in enumerate(cands, start=1)
            )
            or "(none: static analysis found no candidate)"
        )
        return load_prompt("llm_user").render(
            error=_error_text(trace, static),
            frames=_frames_text(trace, static),
            candidates=candidates,
            context=self._context_text(context, index),
            answer_format=load_prompt("llm_answer_format").render(
                example=json.dumps(ANSWER_EXAMPLE)
            ),
        )

    def _context_text(self, context: Context, index: CodeIndex) -> str:
        """The spans that fit this model's budget, best first, with line numbers; no secret files."""
        budget = self.config.context_budget
        chosen: list[tuple[Span, str]] = []
        used = 0
        for span in sorted(context.spans, key=lambda s: -s.score):
            if is_secret_file(span.file) or any(
                s.file == span.file and s.start <= span.start and span.end <= s.end
                for s, _ in chosen
            ):
                continue  # never a secret file; never the same lines twice
            text = span.text or "\n".join(index.lines(span.file)[span.start - 1 : span.end])
            numbered = "\n".join(
                f"{n:>5} | {ln}" for n, ln in enumerate(text.splitlines(), start=span.start)
            )
            cost = span.tokens or estimate_tokens(numbered)
            if used + cost > budget and chosen:
                continue
            used += cost
            chosen.append((span, numbered))
        chosen.sort(key=lambda p: (p[0].file, p[0].start))
        self._shown = tuple(sorted({s.file for s, _ in chosen}))
        parts = [
            f"### {s.file}:{s.start}-{s.end}"
            + (f" ({s.symbol})" if s.symbol else "")
            + f" — {s.reason}\n{text}"
            for s, text in chosen
        ]
        return "\n\n".join(parts) or "(no code selected)"

    # -- result ----------------------------------------------------------------------------------

    def _merge(
        self, static: Diagnosis, answer: DiagnosisAnswer, run: _Run, model_name: str
    ) -> Diagnosis:
        diag = static.model_copy(deep=True)
        diag.engine = f"{'local' if self.local_gguf else 'llm'}:{model_name}"
        rc = answer.root_cause
        matched = next(
            (c for c in static.candidates if _same_place(c, rc.file, rc.line, rc.symbol)), None
        )
        if (
            self.authority == "confirm"
            and static.candidates
            and static.root_cause is not None
            and matched is not static.candidates[0]
        ):
            return self._second_opinion(diag, static, answer, matched, run)
        if matched is not None and rc.category in ("", "unknown") and static.root_cause is not None:
            rc.category = static.root_cause.category
        top_score = max((c.score for c in static.candidates), default=1.0)
        first = Candidate(
            file=rc.file,
            line=rc.line,
            end_line=rc.end_line or (matched.end_line if matched else None),
            symbol=rc.symbol,
            score=top_score,
            why=rc.explanation or (matched.why if matched else ""),
            commit=matched.commit if matched else None,
        )
        diag.candidates = [first, *(c for c in static.candidates if c is not matched)]
        diag.root_cause = rc
        if matched is None:
            run.notes.append("the model chose a root cause that static analysis had not ranked")
        elif static.candidates and matched is not static.candidates[0]:
            run.notes.append(
                f"the model reordered the static candidates (picked #{static.candidates.index(matched) + 1})"
            )
        diag.chain = answer.chain or static.chain
        diag.fix = (
            answer.fix if answer.fix and (answer.fix.summary or answer.fix.diff) else static.fix
        )
        return self._finish(diag, run)

    def _second_opinion(
        self,
        diag: Diagnosis,
        static: Diagnosis,
        answer: DiagnosisAnswer,
        matched: Candidate | None,
        run: _Run,
    ) -> Diagnosis:
        """The static diagnosis kept whole, with the model's disagreeing pick listed second."""
        rc = answer.root_cause
        top = static.candidates[0]
        pick = matched or Candidate(
            file=rc.file,
            line=rc.line,
            end_line=rc.end_line,
            symbol=rc.symbol,
            score=round(top.score * 0.99, 4),
            why=rc.explanation,
        )
        rest = [c for c in static.candidates[1:] if c is not matched]
        diag.candidates = [top, pick, *rest]
        place = f"{rc.file}:{rc.line}" + (f" {rc.symbol}" if rc.symbol else "")
        run.notes.append(
            f"the model suggested {place} instead; it is listed second because this model only "
            "confirms the static engine's first suspect (model_authority = confirm)"
        )
        return self._finish(diag, run)

    def _finish(self, diag: Diagnosis, run: _Run) -> Diagnosis:
        diag.dropped_citations = run.dropped
        if diag.dropped_citations:
            run.notes.append(
                f"{diag.dropped_citations} citation(s) not found in the repository were dropped"
            )
        if run.tools.refused:
            run.notes.append(
                f"{run.tools.refused} tool call(s) outside the repository were refused"
            )
        if run.redactor.count:
            run.notes.append(f"{run.redactor.count} secret(s) redacted before sending")
        if run.cached:
            run.notes.append(f"{run.cached} of {run.calls} model answer(s) came from the cache")
        diag.notes.extend(run.notes)
        diag.prompt_version = prompt_version()
        return diag

    def _usage(self, static: Diagnosis, run: _Run, t0: float) -> Usage:
        price = self.config.price_for(self.label)
        cost = None
        if price is not None:
            cost = round((run.billable[0] * price.input + run.billable[1] * price.output) / 1e6, 6)
        elif self.local_gguf:
            cost = 0.0
        return Usage(
            prompt_tokens=run.prompt_tokens,
            completion_tokens=run.completion_tokens,
            seconds=round(static.usage.seconds + time.monotonic() - t0, 3),
            cost_usd=cost,
        )

    def _log(self, record: runlog.RunRecord, diag: Diagnosis | None, redactor: Redactor) -> None:
        if not self.config.run_log:
            return
        record.diagnosis = diag.to_json_dict() if diag is not None else None
        with contextlib.suppress(OSError):
            runlog.append_run(self.config.cache_dir, record, redactor)


def _salvaged(content: str | None) -> DiagnosisAnswer | None:
    """The answer in a reply cut at the output limit, when its root cause made it out whole."""
    obj = salvage_truncated(content)
    if obj is None or "root_cause" not in obj:
        return None
    try:
        return coerce_answer(obj)
    except AnswerError:
        return None


def _same_place(c: Candidate, file: str, line: int, symbol: str | None) -> bool:
    if c.file != file:
        return False
    if symbol and c.symbol:
        return c.symbol == symbol
    return c.line <= line <= (c.end_line or c.line)


def _assistant_message(reply: ChatReply) -> dict[str, Any]:
    msg: dict[str, Any] = {"role": "assistant", "content": reply.content or ""}
    if reply.tool_calls:
        msg["tool_calls"] = [
            {
                "id": tc.id,
                "type": "function",
                "function": {"name": tc.name, "arguments": tc.arguments},
            }
            for tc in reply.tool_calls
        ]
    return msg


def _error_text(trace: Trace, static: Diagnosis) -> str:
    try:
        lines = []
        for exc in trace.chain:
            if exc.relation:
                lines.append(
                    f"(which {'directly caused' if exc.relation == 'cause' else 'was raised while handling'} …)"
                )
            lines.append(f"{exc.type}: {exc.message}".strip())
        return "\n".join(lines)
    except AttributeError:
        return f"{static.error.type}: {static.error.message}"


def _frames_text(trace: Trace, static: Diagnosis) -> str:
    try:
        frames = list(trace.final.frames)
        rows = [
            f"- [{f.kind}] {f.repo_path or f.file}:{f.repo_line or f.line} in {f.function}"
            + (f": {f.source.strip()}" if f.source else "")
            for f in frames
        ]
    except AttributeError:
        rows = [
            f"- [{'repo' if f.in_repo else 'other'}] {f.file}:{f.line} in {f.function}"
            for f in static.error.frames
        ]
    if len(rows) > MAX_FRAMES_SHOWN:
        rows = [
            rows[0],
            f"- … {len(rows) - MAX_FRAMES_SHOWN + 1} frames not shown",
            *rows[-(MAX_FRAMES_SHOWN - 1) :],
        ]
    return "\n".join(rows) or "(no frames)"


def _safe_dict(trace: Trace) -> dict[str, Any]:
    try:
        return trace.to_dict()
    except (AttributeError, TypeError):
        return {}


def _safe_trace_text(trace: Trace, root: Path) -> str:
    try:
        return runlog.trace_text(trace, root)
    except (AttributeError, TypeError):
        return ""
