"""What the LLM engine tells the model: the system prompt, and the user prompt that carries the
error, the frames, the static candidates and the packed code (only what fits the model's
budget, never a secret file). The wording lives in prompts/; this module fills it in."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from debugai.agent.context import Context, Span, estimate_tokens
from debugai.agent.diagnosis import Diagnosis
from debugai.agent.llm.prompts import load_prompt
from debugai.agent.redact import is_secret_file

if TYPE_CHECKING:
    from debugai.agent.llm.tools import ToolBox
    from debugai.agent.traceback import Trace
    from debugai.indexers import CodeIndex

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
MAX_FRAMES_SHOWN = 12


def system_prompt(tool_mode: str, max_steps: int, tools: ToolBox) -> str:
    """The system prompt for a tool mode: native tool calls, a plain prompt loop, or none."""
    calls = max(1, max_steps - 1)
    if tool_mode == "native":
        section = load_prompt("llm_tools_native").render(max_calls=calls)
    elif tool_mode == "plain":
        section = load_prompt("llm_tools_plain").render(tool_list=tools.describe(), max_calls=calls)
    else:
        section = ""
    return load_prompt("llm_system").render(tools_section=section, categories=CATEGORIES)


def user_prompt(
    trace: Trace,
    index: CodeIndex,
    context: Context,
    static: Diagnosis,
    *,
    max_candidates: int,
    budget: int,
) -> tuple[str, tuple[str, ...]]:
    """The user prompt, and the files whose code it shows (named again in a repair round)."""
    cands = static.candidates[:max_candidates]
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
    if static.run is not None:  # what the re-run saw is evidence, not a guess: say so
        candidates += f"\n(re-run `{static.run.command}`: {static.run.note})"
    code, shown = context_text(context, index, budget)
    prompt = load_prompt("llm_user").render(
        error=error_text(trace, static),
        frames=frames_text(trace, static),
        candidates=candidates,
        context=code,
        answer_format=load_prompt("llm_answer_format").render(example=json.dumps(ANSWER_EXAMPLE)),
    )
    return prompt, shown


def context_text(context: Context, index: CodeIndex, budget: int) -> tuple[str, tuple[str, ...]]:
    """The spans that fit the budget, best first, with line numbers; no secret files."""
    chosen: list[tuple[Span, str]] = []
    used = 0
    for span in sorted(context.spans, key=lambda s: -s.score):
        if is_secret_file(span.file) or any(
            s.file == span.file and s.start <= span.start and span.end <= s.end for s, _ in chosen
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
    shown = tuple(sorted({s.file for s, _ in chosen}))
    parts = [
        f"### {s.file}:{s.start}-{s.end}"
        + (f" ({s.symbol})" if s.symbol else "")
        + f" — {s.reason}\n{text}"
        for s, text in chosen
    ]
    return "\n\n".join(parts) or "(no code selected)", shown


def error_text(trace: Trace, static: Diagnosis) -> str:
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


def frames_text(trace: Trace, static: Diagnosis) -> str:
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
