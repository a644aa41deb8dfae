"""Drawing the chat's views and answers in the terminal with rich."""

from __future__ import annotations

from pathlib import Path

from rich.console import Console
from rich.syntax import Syntax
from rich.table import Table
from rich.text import Text
from rich.tree import Tree

from debugai.agent.chat.views import (
    Answer,
    ChainView,
    CodeView,
    ContextView,
    DiagnosisView,
    EdgesView,
    FixView,
    HelpView,
    Message,
    ToolUse,
    View,
)

STYLES = {"info": "", "warn": "yellow", "error": "red"}


def show(console: Console, view: View, repo: Path) -> None:
    """Print one command result."""
    if isinstance(view, Message):
        if view.text:
            console.print(Text(view.text, style=STYLES[view.level]))
    elif isinstance(view, DiagnosisView):
        from debugai.commands.explain_text import print_text

        print_text(view.diagnosis, repo)
    elif isinstance(view, CodeView):
        show_code(console, view)
    elif isinstance(view, EdgesView):
        show_edges(console, view)
    elif isinstance(view, ContextView):
        show_context(console, view)
    elif isinstance(view, ChainView):
        console.print(chain_tree(view))
    elif isinstance(view, FixView):
        console.print(Text.assemble(("Suggested fix: ", "bold"), view.summary or "(none proposed)"))
        if view.diff:
            console.print(Syntax(view.diff, "diff", theme="ansi_dark", word_wrap=False))
        if view.code is not None:
            show_code(console, view.code)
        console.print(
            Text("(with a model configured, /fix asks it for a diff)", style="dim"),
        )
    elif isinstance(view, HelpView):
        table = Table(show_header=False, box=None, pad_edge=False)
        for usage, text in view.rows:
            table.add_row(Text(usage, style="bold cyan"), Text(text))
        console.print(table)
        console.print(
            Text(
                "Anything else is a question for the model"
                + (f" ({view.model})." if view.model else " (none configured: see /model).")
                + " Paste a traceback to load it. Tab completes commands and symbols.",
                style="dim",
            )
        )


def show_code(console: Console, view: CodeView) -> None:
    title = Text(f"{view.file}:{view.start}-{view.end}", style="bold cyan")
    if view.symbol:
        title.append(f"  {view.symbol}", style="magenta")
    console.print(title)
    console.print(
        Syntax(
            view.code,
            "python",
            line_numbers=True,
            start_line=view.start,
            highlight_lines={view.focus},
            theme="ansi_dark",
            word_wrap=False,
        )
    )


def show_edges(console: Console, view: EdgesView) -> None:
    for group in view.groups:
        verb = "is called by" if view.verb == "callers" else "calls"
        head = Text.assemble((group.symbol, "bold magenta"), f" ({group.file}:{group.line}) {verb}")
        console.print(head)
        if not group.rows:
            console.print(Text("  nothing known", style="dim"))
            continue
        table = Table(box=None, pad_edge=False, show_header=True, header_style="dim")
        table.add_column("  " + ("caller" if view.verb == "callers" else "callee"))
        table.add_column("defined at")
        table.add_column("call at")
        for r in group.rows:
            table.add_row(
                Text("  " + r.symbol),
                Text(f"{r.file}:{r.line}" if r.file else "outside the repository", style="cyan"),
                Text(f"{r.site_file}:{r.site_line}" if r.site_file else str(r.site_line)),
            )
        console.print(table)


def show_context(console: Console, view: ContextView) -> None:
    console.print(
        Text.assemble(
            ("Model: ", "bold"),
            view.model or "none configured",
            f" · prompt ≈ {view.prompt_tokens} tokens (code {view.code_tokens})",
            f" · {view.history_messages} message(s) of conversation",
        )
    )
    table = Table(box=None, pad_edge=False, header_style="dim")
    table.add_column("span")
    table.add_column("symbol")
    table.add_column("tokens", justify="right")
    table.add_column("why")
    for s in view.spans:
        table.add_row(
            Text(f"{s.file}:{s.start}-{s.end}", style="cyan"),
            Text(s.symbol or ""),
            str(s.tokens),
            Text(s.reason),
        )
    if view.spans:
        console.print(table)
    else:
        console.print(Text("no code selected yet (load a traceback)", style="dim"))
    console.print(Text(f"tools: {', '.join(view.tools)}", style="dim"))
    if view.text:
        console.print(Text(view.text))


def chain_tree(view: ChainView) -> Tree:
    """The chain as nested branches: root cause at the top, the line that raised at the tip."""
    tree = Tree(Text(view.error, style="bold red"))
    node = tree
    for i, hop in enumerate(view.hops):
        label = Text()
        if i == 0:
            label.append("root cause ", style="bold green")
        label.append(f"{hop.file}:{hop.line}", style="bold cyan")
        if hop.symbol:
            label.append(f"  {hop.symbol}", style="magenta")
        if hop.explanation:
            label.append(f" — {hop.explanation}")
        node = node.add(label)
    return tree


def tool_line(use: ToolUse) -> Text:
    return Text(f"  ⚙ {use.label()} → {use.summary}", style="dim" if use.ok else "yellow")


def answer_footer(console: Console, answer: Answer) -> None:
    """What follows a streamed answer: stopped/error, citation check, notes."""
    if answer.interrupted:
        console.print(Text("(stopped)", style="yellow"))
    if answer.error:
        console.print(Text(f"model error: {answer.error}", style="red"))
    for note in answer.notes:
        console.print(Text(f"note: {note}", style="dim"))
    bad = answer.bad_citations
    for c in bad:
        console.print(Text(f"unverified citation {c.cited}: {c.reason}", style="yellow"))
    if answer.citations and not bad:
        console.print(
            Text(
                f"✓ {len(answer.citations)} citation(s) checked against the repository", style="dim"
            )
        )
