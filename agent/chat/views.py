"""What the chat's commands and answers return: plain data, each able to write itself as Markdown.

The terminal front end draws these with rich; `/save` writes their Markdown. Nothing here prints.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from debugai.agent.diagnosis import Diagnosis, Hop
from debugai.agent.render import mermaid, render_markdown

Level = Literal["info", "warn", "error"]


@dataclass
class Message:
    """A line or two of text for the user."""

    text: str
    level: Level = "info"

    def to_markdown(self) -> str:
        return f"> {self.text}" if self.level != "info" else self.text


@dataclass
class DiagnosisView:
    diagnosis: Diagnosis

    def to_markdown(self) -> str:
        return render_markdown(self.diagnosis, heading="###")


@dataclass
class CodeView:
    """Lines start..end of a repository file, with the line of interest."""

    file: str
    start: int
    end: int
    focus: int
    code: str  # exactly lines start..end
    symbol: str | None = None

    def to_markdown(self) -> str:
        title = f"`{self.file}:{self.start}-{self.end}`" + (
            f" (`{self.symbol}`)" if self.symbol else ""
        )
        numbered = "\n".join(
            f"{n:>5}{'>' if n == self.focus else ' '} {text}"
            for n, text in enumerate(self.code.splitlines(), start=self.start)
        )
        return f"{title}\n\n```text\n{numbered}\n```"


@dataclass
class EdgeRow:
    """One caller or callee: the other symbol, where it is defined and where the call is."""

    symbol: str
    file: str | None  # None when outside the repository
    line: int | None
    site_file: str | None
    site_line: int


@dataclass
class EdgeGroup:
    symbol: str
    file: str
    line: int
    rows: list[EdgeRow] = field(default_factory=list)


@dataclass
class EdgesView:
    """`/callers` or `/callees` of one name (several groups when the name is ambiguous)."""

    verb: Literal["callers", "callees"]
    query: str
    groups: list[EdgeGroup] = field(default_factory=list)

    def to_markdown(self) -> str:
        out = []
        for g in self.groups:
            title = "called by" if self.verb == "callers" else "calls"
            out.append(f"`{g.symbol}` ({g.file}:{g.line}) {title}:")
            if not g.rows:
                out.append("- nothing known")
            for r in g.rows:
                where = f"{r.file}:{r.line}" if r.file else "outside the repository"
                site = f"{r.site_file}:{r.site_line}" if r.site_file else f"line {r.site_line}"
                out.append(f"- `{r.symbol}` ({where}), call at `{site}`")
        return "\n".join(out)


@dataclass
class SpanRow:
    file: str
    start: int
    end: int
    symbol: str | None
    reason: str
    tokens: int


@dataclass
class ContextView:
    """`/context`: what the model is sent before the questions, and what it may call."""

    model: str | None
    spans: list[SpanRow]
    code_tokens: int
    prompt_tokens: int  # system prompt + crash context, estimated locally
    history_messages: int
    tools: list[str]
    text: str = ""  # the context message itself, for `/context full`

    def to_markdown(self) -> str:
        out = [
            f"Model: {self.model or 'none configured'} · prompt ≈ {self.prompt_tokens} tokens "
            f"(code {self.code_tokens}) · {self.history_messages} message(s) of conversation · "
            f"tools: {', '.join(self.tools)}",
            "",
        ]
        out += [
            f"- `{s.file}:{s.start}-{s.end}`"
            + (f" `{s.symbol}`" if s.symbol else "")
            + f" — {s.reason} ({s.tokens} tokens)"
            for s in self.spans
        ]
        if self.text:
            out += ["", "```text", self.text.rstrip(), "```"]
        return "\n".join(out)


@dataclass
class ChainView:
    """`/graph`: the chain from the root cause to the line that raised."""

    error: str
    hops: list[Hop]
    diagnosis: Diagnosis

    def to_markdown(self) -> str:
        out = [f"Chain to `{self.error}` (root cause first):", ""]
        out += [
            f"{'  ' * i}- `{h.file}:{h.line}`"
            + (f" `{h.symbol}`" if h.symbol else "")
            + (f" — {h.explanation}" if h.explanation else "")
            for i, h in enumerate(self.hops)
        ]
        if len(self.hops) > 1:
            out += [
                "",
                "```mermaid",
                mermaid(self.diagnosis.model_copy(update={"chain": self.hops})),
                "```",
            ]
        return "\n".join(out)


@dataclass
class FixView:
    """`/fix` without a model: the diagnosis' fix and the code it applies to."""

    summary: str
    diff: str
    code: CodeView | None = None

    def to_markdown(self) -> str:
        out = [f"**Suggested fix:** {self.summary or '(none proposed)'}"]
        if self.diff:
            out += ["", "```diff", self.diff.rstrip(), "```"]
        if self.code is not None:
            out += ["", self.code.to_markdown()]
        return "\n".join(out)


@dataclass
class HelpView:
    rows: list[tuple[str, str]]  # (usage, what it does)
    model: str | None

    def to_markdown(self) -> str:
        return "\n".join(f"- `{usage}` — {text}" for usage, text in self.rows)


@dataclass
class Ask:
    """A command that is a question to the model (`/fix` with a model); the front end streams it."""

    question: str
    label: str

    def to_markdown(self) -> str:
        return f"(asked the model: {self.label})"


@dataclass
class Quit:
    def to_markdown(self) -> str:
        return ""


View = (
    Message
    | DiagnosisView
    | CodeView
    | EdgesView
    | ContextView
    | ChainView
    | FixView
    | HelpView
    | Ask
    | Quit
)


# -- answers ---------------------------------------------------------------------------------


@dataclass
class ToolUse:
    """A tool the model called while answering, and the first line of what it got back."""

    name: str
    arguments: dict[str, object]
    summary: str
    ok: bool = True

    def label(self) -> str:
        args = ", ".join(f"{k}={v!r}" for k, v in self.arguments.items())
        return f"{self.name}({args})"


@dataclass
class Citation:
    """A `file:line` the answer cites, checked against the index."""

    cited: str  # as written
    file: str  # normalised repo path, or as written when unknown
    line: int
    ok: bool
    reason: str = ""


@dataclass
class Answer:
    question: str
    text: str = ""
    tools: list[ToolUse] = field(default_factory=list)
    citations: list[Citation] = field(default_factory=list)
    interrupted: bool = False
    error: str | None = None
    notes: list[str] = field(default_factory=list)
    prompt_tokens: int = 0
    completion_tokens: int = 0
    seconds: float = 0.0

    @property
    def bad_citations(self) -> list[Citation]:
        return [c for c in self.citations if not c.ok]

    def to_markdown(self) -> str:
        out = [self.text.rstrip() or "(no answer)"]
        if self.interrupted:
            out.append("\n*(stopped by the user)*")
        if self.error:
            out.append(f"\n> model error: {self.error}")
        if self.tools:
            out += ["", "<details><summary>Tools used</summary>", ""]
            out += [f"- `{t.label()}` → {t.summary}" for t in self.tools]
            out += ["", "</details>"]
        bad = self.bad_citations
        if bad:
            out.append("")
            out += [f"> unverified citation `{c.cited}`: {c.reason}" for c in bad]
        elif self.citations:
            out += [
                "",
                f"<sub>{len(self.citations)} citation(s) checked against the repository</sub>",
            ]
        return "\n".join(out)


# -- transcript ------------------------------------------------------------------------------

EntryKind = Literal["trace", "diagnosis", "question", "answer", "command"]


@dataclass
class Entry:
    kind: EntryKind
    text: str  # the trace, the question, or the command line
    view: View | None = None
    answer: Answer | None = None


def transcript_markdown(entries: list[Entry], *, repo: str, model: str | None, when: str) -> str:
    """The session as a Markdown document, in order."""
    out = [
        "# debugai chat",
        "",
        f"Repository `{repo}` · model: {model or 'none (static engine only)'} · {when}",
        "",
    ]
    for e in entries:
        if e.kind == "trace":
            out += ["## Traceback", "", "```text", e.text.rstrip(), "```", ""]
        elif e.kind == "diagnosis" and e.view is not None:
            out += ["## Diagnosis", "", e.view.to_markdown().rstrip(), ""]
        elif e.kind == "question":
            out += [f"## You: {_one_line(e.text)}", ""]
            if "\n" in e.text.strip():
                out += ["```text", e.text.rstrip(), "```", ""]
        elif e.kind == "answer" and e.answer is not None:
            out += ["**debugai:**", "", e.answer.to_markdown().rstrip(), ""]
        elif e.kind == "command":
            out += [f"## `{e.text}`", ""]
            body = e.view.to_markdown().rstrip() if e.view is not None else ""
            if body:
                out += [body, ""]
    return "\n".join(out).rstrip() + "\n"


def _one_line(text: str, limit: int = 100) -> str:
    first = text.strip().splitlines()[0] if text.strip() else ""
    return first if len(first) <= limit else first[: limit - 1] + "…"
