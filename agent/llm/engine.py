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
from pathlib import Path
from typing import TYPE_CHECKING, Any

from debugai.agent import runlog
from debugai.agent.context import Context, estimate_tokens
from debugai.agent.diagnosis import Diagnosis, DiagnosisAnswer, Usage
from debugai.agent.llm.answer import (
    AnswerError,
    Grounder,
    bounded_answer_schema,
    coerce_answer,
    extract_json,
    plain_loop_schema,
    salvage_truncated,
)
from debugai.agent.llm.brief import system_prompt, user_prompt
from debugai.agent.llm.client import (
    ChatModel,
    ChatReply,
    ChatRequest,
    LLMClient,
    ModelCallError,
    RequestDumped,
    ToolsUnsupported,
)
from debugai.agent.llm.merge import RunState, merge
from debugai.agent.llm.prompts import load_prompt, prompt_version
from debugai.agent.llm.toolloop import ToolLoop, assistant_message
from debugai.agent.llm.tools import ToolBox
from debugai.agent.redact import Redactor
from debugai.config import Config
from debugai.errors import ModelError

if TYPE_CHECKING:
    from debugai.agent.traceback import Trace
    from debugai.indexers import CodeIndex

DEFAULT_REMOTE_MODEL = "gpt-4o-mini"
# Small local models: a 4k window shared by the prompt and the answer.
LOCAL_LIMITS = {
    "context_budget": 1500,
    "max_output_tokens": 300,
    "max_tokens_per_run": 12000,
    "max_steps": 3,
}


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
        self._model = model
        if local_gguf is not None:
            self.config = config.model_copy(
                update={k: min(getattr(config, k), v) for k, v in LOCAL_LIMITS.items()}
            )

    @classmethod
    def from_config(cls, config: Config, *, local: bool = False, forced: bool = False) -> LLMEngine:
        """The engine the config describes: a remote endpoint, or a local GGUF when local/only local."""
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
        run = RunState(Redactor(enabled=cfg.redact), ToolBox(index), record)
        try:
            with self._session(run) as model:
                record.model = model.model
                answer = self._loop(model, run, trace, index, context, static)
            diag = merge(
                static,
                answer,
                run,
                model.model,
                local=self.local_gguf is not None,
                authority=self.authority,
            )
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
    def _session(self, run: RunState) -> Iterator[ChatModel]:
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
        run: RunState,
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
        prompt, shown = user_prompt(
            trace,
            index,
            context,
            static,
            max_candidates=cfg.max_candidates,
            budget=cfg.context_budget,
        )
        messages = [
            {"role": "system", "content": system_prompt(run.tool_mode, cfg.max_steps, run.tools)},
            {"role": "user", "content": prompt},
        ]
        run.shown_files = shown
        format_retries = 1
        loop = ToolLoop(run.tools, cfg.max_steps)
        for step, final in loop.steps():
            if final and step and run.tool_mode != "off" and messages[-1]["role"] != "assistant":
                reason = "No more tool calls are available."
                messages.append(
                    {"role": "user", "content": load_prompt("llm_final").render(reason=reason)}
                )
            reply = self._call(model, run, messages, final=final)
            if reply is None:  # the server lacks tools: same step, plain loop
                messages[0] = {
                    "role": "system",
                    "content": system_prompt(run.tool_mode, cfg.max_steps, run.tools),
                }
                reply = self._call(model, run, messages, final=final)
                assert reply is not None
            messages.append(assistant_message(reply.content, reply.tool_calls))
            if reply.tool_calls and run.tool_mode == "native" and not final:
                loop.answer(reply.tool_calls, messages)
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
        self, model: ChatModel, run: RunState, messages: list[dict[str, Any]], *, final: bool
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
            run.notes.extend(n for n in model.notes if n not in run.notes)
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
        run: RunState,
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
                    messages.append(assistant_message(reply.content, reply.tool_calls))
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

    def _usage(self, static: Diagnosis, run: RunState, t0: float) -> Usage:
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
