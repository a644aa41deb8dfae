"""The terminal rendering of a Diagnosis (rich): root cause, numbered chain, code, links."""

from __future__ import annotations

from pathlib import Path

from rich.syntax import Syntax
from rich.text import Text

from debugai.agent.diagnosis import Diagnosis
from debugai.cli_app import console


def _link(repo: Path, file: str, line: int) -> Text:
    path = (repo / file).resolve()
    return Text(f"{file}:{line}", style=f"bold cyan link file://{path}")


def _code(repo: Path, file: str, start: int, end: int, focus: int) -> Syntax | None:
    path = repo / file
    try:
        code = path.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return None
    return Syntax(
        code,
        "python",
        line_numbers=True,
        line_range=(start, end),
        highlight_lines={focus},
        word_wrap=False,
        theme="ansi_dark",
    )


def print_text(diag: Diagnosis, repo: Path, *, show_context: bool = False) -> None:
    err = diag.error
    first = err.message.strip().splitlines()[0] if err.message.strip() else ""
    console.print(Text.assemble((err.type, "bold red"), ": ", first))
    rc = diag.root_cause
    if rc is None:
        console.print("No root cause could be located in the repository.")
    else:
        head = Text.assemble(
            ("Root cause", "bold green"), f" ({rc.category}): ", _link(repo, rc.file, rc.line)
        )
        if rc.symbol:
            head.append(f"  {rc.symbol}")
        top = diag.candidates[0] if diag.candidates else None
        if top is not None and top.commit and (top.file, top.line) == (rc.file, rc.line):
            head.append(f"  (last changed in {top.commit})", style="yellow")
        console.print()
        console.print(head)
        console.print(f"  {rc.explanation}", markup=False)
        end = rc.end_line or rc.line
        code = _code(repo, rc.file, max(1, rc.line - 3), end + 3, rc.line)
        if code is not None:
            console.print(code)
    if diag.chain:
        console.print()
        console.print(Text("Chain (root cause first)", style="bold"))
        for i, hop in enumerate(diag.chain, 1):
            line = Text(f" {i}. ")
            line.append_text(_link(repo, hop.file, hop.line))
            if hop.symbol:
                line.append(f"  {hop.symbol}", style="magenta")
            line.append(f" — {hop.explanation}")
            console.print(line)
    if diag.fix and diag.fix.summary:
        console.print()
        console.print(Text.assemble(("Fix: ", "bold"), diag.fix.summary))
    if len(diag.candidates) > 1:
        console.print()
        console.print(Text("Other candidates", style="bold"))
        for c in diag.candidates[1:5]:
            line = Text("  - ")
            line.append_text(_link(repo, c.file, c.line))
            commit = f" [{c.commit}]" if c.commit else ""
            line.append(f"  {c.symbol or ''} ({c.score:.2f}){commit} {c.why}")
            console.print(line)
    if show_context:
        console.print()
        console.print(Text(f"Context ({diag.context.tokens} tokens)", style="bold"))
        for s in diag.context.spans:
            console.print(Text(f"  {s.file}:{s.start}-{s.end}  {s.symbol or ''}  — {s.reason}"))
    for note in diag.notes:
        console.print(Text(f"note: {note}", style="yellow"))
    console.print()
    console.print(Text(_engine_line(diag), style="dim"))


def _engine_line(diag: Diagnosis) -> str:
    if diag.engine == "static":
        return (
            "engine: static (built in, offline). For an LLM, set DEBUGAI_MODEL and "
            "OPENAI_API_KEY/OPENAI_BASE_URL, or use --engine local."
        )
    return f"engine: {diag.engine}"
