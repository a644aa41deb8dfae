"""The terminal rendering of a Diagnosis (rich): root cause, numbered chain, code, links.

Everything that comes from the trace, the code or a model goes in as rich Text (never parsed
as markup) with terminal escape sequences stripped; paths stay whole and clickable."""

from __future__ import annotations

from pathlib import Path

from rich.syntax import Syntax
from rich.text import Text

from debugai.agent.diagnosis import Diagnosis
from debugai.cli_app import console
from debugai.terminal import first_time, location, shown_path, strip_control

MODEL_HINT = "model-setup"
CONTEXT_LINES = 3  # shown around the root cause


def _t(text: str | None, style: str = "") -> Text:
    return Text(strip_control(text or ""), style=style)


def _code(repo: Path, file: str, start: int, end: int, focus: int | None) -> Syntax | None:
    path = repo / file
    try:
        code = path.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return None
    # Without colour (a pipe, a CI log) highlighting shows nothing, and Python's lexer costs
    # 60 ms of regex compiling: the plain lexer lays out the same lines.
    return Syntax(
        strip_control(code),
        "python" if console.color_system else "text",
        line_numbers=True,
        line_range=(start, end),
        highlight_lines={focus} if focus else set(),
        word_wrap=False,
        theme="ansi_dark",
    )


def print_text(diag: Diagnosis, repo: Path, *, show_context: bool = False) -> None:
    tty = console.is_terminal

    def loc(file: str, line: int) -> Text:
        return location(repo, file, line, tty=tty)

    err = diag.error
    first = err.message.strip().splitlines()[0] if err.message.strip() else ""
    console.print(Text.assemble(_t(err.type, "bold red"), ": ", _t(first)))
    rc = diag.root_cause
    if rc is None:
        console.print(Text("No root cause could be located in the repository."))
    else:
        head = Text.assemble(
            ("Root cause", "bold green"), " (", _t(rc.category), "): ", loc(rc.file, rc.line)
        )
        if rc.symbol:
            head.append_text(_t(f"  {rc.symbol}"))
        top = diag.candidates[0] if diag.candidates else None
        if top is not None and top.commit and (top.file, top.line) == (rc.file, rc.line):
            head.append_text(_t(f"  (last changed in {top.commit})", "yellow"))
        console.print()
        console.print(head)
        console.print(_t(f"  {rc.explanation}"))
        if top is not None and top.observed and (top.file, top.line) == (rc.file, rc.line):
            console.print(_t(f"  Observed in the re-run: {'; '.join(top.observed)}", "cyan"))
        end = rc.end_line or rc.line
        code = _code(repo, rc.file, max(1, rc.line - CONTEXT_LINES), end + CONTEXT_LINES, rc.line)
        if code is not None:
            console.print(code)
    if diag.chain:
        console.print()
        console.print(Text("Chain (root cause first)", style="bold"))
        for i, hop in enumerate(diag.chain, 1):
            line = Text(f" {i}. ")
            line.append_text(loc(hop.file, hop.line))
            if hop.symbol:
                line.append_text(_t(f"  {hop.symbol}", "magenta"))
            line.append_text(_t(f" — {hop.explanation}"))
            console.print(line)
    if diag.fix and diag.fix.summary:
        console.print()
        console.print(Text.assemble(("Fix: ", "bold"), _t(diag.fix.summary)))
    if len(diag.candidates) > 1:
        console.print()
        console.print(Text("Other candidates", style="bold"))
        for c in diag.candidates[1:5]:
            line = Text("  - ")
            line.append_text(loc(c.file, c.line))
            commit = f" [{c.commit}]" if c.commit else ""
            line.append_text(_t(f"  {c.symbol or ''} ({c.score:.2f}){commit} {c.why}"))
            console.print(line)
    if show_context:
        print_context(diag, repo)
    for note in diag.notes:
        console.print(_t(f"note: {note}", "yellow"))
    console.print()
    console.print(Text(_engine_line(diag), style="dim"))


def print_context(diag: Diagnosis, repo: Path) -> None:
    """Each span the engine read, with its code."""
    console.print()
    console.print(Text(f"Context ({diag.context.tokens} tokens)", style="bold"))
    for s in diag.context.spans:
        label = f"{shown_path(repo, s.file)}:{s.start}-{s.end}"
        console.print(
            Text.assemble(
                "  ", (label, "bold cyan"), _t(f"  {s.symbol or ''}  — {s.reason}"), no_wrap=True
            )
        )
        code = _code(repo, s.file, s.start, s.end, None)
        if code is not None:
            console.print(code)


def _engine_line(diag: Diagnosis) -> str:
    if diag.engine != "static":
        return f"engine: {strip_control(diag.engine)}"
    line = "engine: static (built in, offline)."
    if first_time(MODEL_HINT):
        line += (
            " For an LLM, set DEBUGAI_MODEL and OPENAI_API_KEY/OPENAI_BASE_URL, "
            "or use --engine local."
        )
    return line
