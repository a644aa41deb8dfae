"""The terminal side of `debugai chat`: reads lines (history and tab completion through the
standard `readline`, pasted tracebacks gathered whole) and draws with rich. Imported only when
chat runs, so that registering the command costs no rich import."""

from __future__ import annotations

import contextlib
import functools
import os
import select
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from rich.text import Text

from debugai.cli_app import console
from debugai.config import debug_enabled
from debugai.errors import DebugaiError
from debugai.terminal import strip_control

if TYPE_CHECKING:
    from debugai.agent.chat.session import ChatSession

PROMPT = "debugai> "
MORE = "....... "
PASTE_WAIT = 0.08  # seconds: lines arriving faster than this after Enter are one paste
HISTORY_LENGTH = 2000


class ChatTerminal:
    """The read-draw loop over one ChatSession."""

    def __init__(self, session: ChatSession, history: Path) -> None:
        self.session = session
        self.history = history
        self.tty = sys.stdin.isatty()
        self._readline: Any = None

    # -- loop ----------------------------------------------------------------------------------

    def run(self, trace_text: str | None) -> None:
        self._setup_readline()
        try:
            self._banner()
            if trace_text is not None:
                # Not guarded: a traceback given on the command line must be usable, or we exit.
                self._diagnose(lambda: self.session.load_trace(trace_text))
            while True:
                try:
                    block = self._read_block()
                except KeyboardInterrupt:
                    console.print(Text("\n(Ctrl-D or /quit leaves)", style="dim"))
                    continue
                if block is None:
                    console.print(Text("bye", style="dim"))
                    return
                if not block.strip():
                    continue
                if self._guarded(functools.partial(self._dispatch, block)) == "quit":
                    return
        finally:
            self._save_history()

    def _dispatch(self, block: str) -> str | None:
        from debugai.agent.chat.views import Ask, Quit

        text = block.strip()
        if text.startswith("/") and "\n" not in text:
            if text.split()[0].lower() in ("/trace", "/explain"):
                self._diagnose(lambda: self.session.handle(text))
                return None
            view = self.session.handle(text)
            if isinstance(view, Quit):
                console.print(Text("bye", style="dim"))
                return "quit"
            if isinstance(view, Ask):
                self._ask(view.question, label=view.label)
                return None
            from debugai.commands.chat_render import show

            show(console, view, self.session.repo)
            return None
        s = self.session
        if s.looks_like_trace(text) and (s.trace_complete(text) or not s.model_configured):
            self._diagnose(lambda: s.load_trace(text))
            return None
        self._ask(text)
        return None

    def _guarded(self, fn: Callable[[], str | None]) -> str | None:
        """Run one step; a user error or a model error is one line, and the session goes on."""
        from debugai.agent.llm.client import ModelCallError

        try:
            return fn()
        except KeyboardInterrupt:
            console.print(Text("\n(stopped)", style="yellow"))
        except (DebugaiError, ModelCallError) as exc:
            console.print(Text(f"error: {exc}", style="red"))
        except Exception as exc:
            if debug_enabled():
                raise
            console.print(
                Text(
                    f"internal error: {type(exc).__name__}: {exc} "
                    "(set DEBUGAI_DEBUG=1 for the traceback, and please report it)",
                    style="red",
                )
            )
        return None

    def _diagnose(self, load: Callable[[], Any]) -> None:
        from debugai.commands.chat_render import show

        label = self.session.model_name
        with console.status(f"diagnosing{f' with {label}' if label else ''}…"):
            view = load()
        console.print()
        show(console, view, self.session.repo)

    def _ask(self, question: str, label: str | None = None) -> None:
        from debugai.commands.chat_render import answer_footer, tool_line

        out = console.file
        ended_with_newline = [True]

        def on_text(chunk: str) -> None:
            # A model's answer may hold terminal escape sequences: they must not reach the tty.
            chunk = strip_control(chunk)
            out.write(chunk)
            out.flush()
            ended_with_newline[0] = chunk.endswith("\n")

        def on_tool(use: Any) -> None:
            console.print(tool_line(use))
            ended_with_newline[0] = True

        from debugai.agent.chat.session import NoModelConfigured

        try:
            answer = self.session.ask(question, on_text, on_tool, label=label)
        except NoModelConfigured as exc:
            console.print(Text(str(exc), style="yellow"))
            return
        if not ended_with_newline[0]:
            out.write("\n")
        answer_footer(console, answer)

    def _banner(self) -> None:
        s = self.session
        idx = s.index
        model = s.model_name
        console.print(
            Text.assemble(
                ("debugai chat", "bold"),
                f" · {s.repo.name}: {len(idx.files)} files, {len(idx.symbols)} symbols · model: ",
                (model, "green") if model else ("none (slash commands only)", "yellow"),
            )
        )
        console.print(
            Text(
                "Paste a traceback or /trace FILE, then ask. /help lists commands; "
                "Ctrl-C stops an answer, Ctrl-D leaves.",
                style="dim",
            )
        )

    # -- input ---------------------------------------------------------------------------------

    def _read_block(self) -> str | None:
        """One user input: a line, or a whole pasted block (a traceback arrives as many lines)."""
        try:
            lines = [input(PROMPT)]
        except EOFError:
            console.print()
            return None
        lines += self._pending_lines()
        text = "\n".join(lines)
        if not text.lstrip().startswith("/") and self.session.looks_like_trace(text):
            # Typed slowly or cut mid-paste: keep reading until the exception line arrives.
            while not self.session.trace_complete(text):
                try:
                    more = [input(MORE), *self._pending_lines()]
                except EOFError:
                    break
                if more == [""]:
                    break
                text += "\n" + "\n".join(more)
            return text  # a traceback is no line worth recalling
        self._remember(lines)
        return text

    def _pending_lines(self) -> list[str]:
        """Lines already waiting on a terminal: the rest of a paste."""
        out: list[str] = []
        if not self.tty:
            return out
        fd = sys.stdin.fileno()
        while select.select([fd], [], [], PASTE_WAIT)[0]:
            try:
                out.append(input(""))
            except EOFError:
                break
        return out

    # -- readline ------------------------------------------------------------------------------

    def _setup_readline(self) -> None:
        if not self.tty:
            return
        try:
            import readline
        except ImportError:  # pragma: no cover - Windows without pyreadline
            return
        self._readline = readline
        readline.set_completer_delims(" \t\n")
        if "libedit" in (readline.__doc__ or ""):  # pragma: no cover - macOS system Python
            readline.parse_and_bind("bind ^I rl_complete")
        else:
            readline.parse_and_bind("tab: complete")
        readline.set_completer(self._complete)
        readline.set_history_length(HISTORY_LENGTH)
        readline.set_auto_history(False)
        with contextlib.suppress(OSError):
            readline.read_history_file(str(self.history))

    def _complete(self, word: str, state: int) -> str | None:
        rl = self._readline
        if state == 0:
            try:
                self._matches = self.session.complete(rl.get_line_buffer(), word)
            except Exception:  # readline swallows errors silently; never break the prompt
                self._matches = []
        return self._matches[state] if state < len(self._matches) else None

    def _remember(self, lines: list[str]) -> None:
        """Add typed lines to the history (auto-history is off so pasted traces stay out)."""
        rl = self._readline
        if rl is None:
            return
        for line in lines:
            n = rl.get_current_history_length()
            if line.strip() and (n == 0 or rl.get_history_item(n) != line):
                rl.add_history(line)

    def _save_history(self) -> None:
        if self._readline is None:
            return
        with contextlib.suppress(OSError):
            self.history.parent.mkdir(parents=True, exist_ok=True)
            self._readline.write_history_file(str(self.history))
            os.chmod(self.history, 0o600)  # questions may quote private code
