"""Real tracebacks for the tests and the fuzzer: run small scripts, record what Python printed
and, through sys.excepthook, what the exception really was (the ground truth to compare with)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from dataclasses import dataclass
from pathlib import Path
from typing import Any

# Installed at the top of every script: dumps the uncaught exception as JSON, then prints it as usual.
PREAMBLE = textwrap.dedent(
    """\
    import sys as _s, os as _o, json as _j, traceback as _t
    def _truth_type(e):
        c = type(e); m = c.__module__
        return c.__qualname__ if m in ("__main__", "builtins") else m + "." + c.__qualname__
    def _truth_col(fs):
        if getattr(fs, "colno", None) is None or fs.end_colno is None or fs.lineno != fs.end_lineno:
            return None
        raw = fs._original_line
        b = raw.encode()
        start = len(b[: fs.colno].decode(errors="replace"))
        end = len(b[: fs.end_colno].decode(errors="replace"))
        ind = len(raw) - len(raw.lstrip())
        return [start - ind, end - ind]
    def _truth(e, seen):
        if e is None or id(e) in seen:
            return []
        seen.add(id(e))
        before, rel = [], None
        if e.__cause__ is not None:
            before, rel = _truth(e.__cause__, seen), "cause"
        elif e.__context__ is not None and not e.__suppress_context__:
            before, rel = _truth(e.__context__, seen), "context"
        if before:
            before[-1]["relation"] = rel
        frames = [dict(file=f.filename, line=f.lineno, function=f.name, source=f.line,
                       col=_truth_col(f)) for f in _t.extract_tb(e.__traceback__)]
        msg = str(e) if not isinstance(e, SyntaxError) else (e.msg or "")
        notes = getattr(e, "__notes__", None) or []
        rec = dict(type=_truth_type(e), message="\\n".join([msg, *map(str, notes)]) if notes else msg,
                   frames=frames, relation=None,
                   group=[_truth(x, set()) for x in getattr(e, "exceptions", None) or []]
                   if isinstance(e, BaseExceptionGroup) else [],
                   syntax=dict(file=e.filename, line=e.lineno, text=(e.text or "").strip())
                   if isinstance(e, SyntaxError) else None)
        return before + [rec]
    def _hook(t, v, tb):
        with open(_o.environ["TB_TRUTH"], "w") as fh:
            _j.dump(_truth(v, set()), fh)
        _s.__excepthook__(t, v, tb)
    _s.excepthook = _hook
    """
)


@dataclass
class Run:
    """What one script run printed, and what its uncaught exception really was."""

    stdout: str
    stderr: str
    truth: list[dict[str, Any]] | None
    returncode: int


def run_script(
    tmp: Path,
    code: str,
    *,
    name: str = "script.py",
    args: tuple[str, ...] = (),
    py_args: tuple[str, ...] = (),
    cwd: Path | None = None,
    preamble: bool = True,
    timeout: float = 60,
) -> Run:
    """Write `code` (with the truth hook on top) to tmp/name and run it with this Python."""
    path = tmp / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text((PREAMBLE if preamble else "") + textwrap.dedent(code), encoding="utf-8")
    truth_file = tmp / f".{path.name}.truth.json"
    truth_file.unlink(missing_ok=True)
    env = {**os.environ, "TB_TRUTH": str(truth_file), "PYTHONIOENCODING": "utf-8"}
    env.pop("PYTHONWARNINGS", None)
    proc = subprocess.run(
        [sys.executable, *py_args, str(path), *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        errors="replace",
        env=env,
        cwd=cwd or tmp,
        timeout=timeout,
    )
    truth = json.loads(truth_file.read_text()) if truth_file.exists() else None
    return Run(proc.stdout, proc.stderr, truth, proc.returncode)


# Scripts whose uncaught exception is compared with what the reader parsed.
SCRIPTS: dict[str, str] = {
    "nested_keyerror": """
        def lookup(d, k):
            return d[k]["inner"]
        def handler(payload):
            return lookup(payload, "user")
        handler({"user": {}})
    """,
    "attribute_none": """
        class Repo:
            def get(self, uid):
                return None
        def charge(uid):
            user = Repo().get(uid)
            return user.email.lower()
        charge(7)
    """,
    "chain_cause": """
        import json
        def load(text):
            try:
                return json.loads(text)
            except json.JSONDecodeError as exc:
                raise RuntimeError("config is not JSON") from exc
        load("{nope")
    """,
    "chain_context_three": """
        def a():
            return 1 / 0
        def b():
            try:
                a()
            except ZeroDivisionError:
                return int("x")
        try:
            b()
        except ValueError:
            [][3]
    """,
    "suppressed_context": """
        try:
            {}["k"]
        except KeyError:
            raise LookupError("clean") from None
    """,
    "multiline_message_and_notes": """
        e = ValueError("first line\\nsecond line\\n  indented third")
        e.add_note("note: while loading settings")
        raise e
    """,
    "local_class": """
        def make():
            class Boom(Exception):
                pass
            raise Boom("local")
        make()
    """,
    "keyboard_interrupt": """
        def spin():
            raise KeyboardInterrupt
        spin()
    """,
    "recursion": """
        def down(n):
            return down(n + 1)
        down(0)
    """,
    "mutual_recursion": """
        import sys
        sys.setrecursionlimit(120)
        def ping(n):
            return pong(n + 1)
        def pong(n):
            return ping(n + 1)
        ping(0)
    """,
    "group_nested": """
        def fail(kind, msg):
            raise kind(msg)
        def collect():
            errs = []
            for kind, msg in [(ValueError, "v"), (TypeError, "t")]:
                try:
                    fail(kind, msg)
                except Exception as exc:
                    errs.append(exc)
            try:
                {}["cause"]
            except KeyError as ke:
                try:
                    raise OSError("disk") from ke
                except OSError as oe:
                    errs.append(oe)
            inner = ExceptionGroup("inner", [RuntimeError("r"), ZeroDivisionError("z")])
            raise ExceptionGroup("outer", [*errs, inner])
        collect()
    """,
    "group_many": """
        errs = []
        for i in range(19):
            try:
                raise ValueError(f"item {i}")
            except ValueError as exc:
                errs.append(exc)
        raise ExceptionGroup("batch", errs)
    """,
    "group_then_context": """
        try:
            raise BaseExceptionGroup("bg", [KeyError("a"), ValueError("b")])
        except* KeyError:
            raise TypeError("while handling the group")
    """,
    "syntax_via_compile": """
        def build(src):
            return compile(src, "generated.py", "exec")
        build("x = (1,\\n")
    """,
    "unicode_carets": """
        def f(données):
            return données["clé"] + données["ñ"]
        f({"clé": 1})
    """,
    "json_decoder": """
        import json
        json.loads('{"a": }')
    """,
}

# Scripts that do not compile: no excepthook runs; the truth comes from compile() in the test.
SYNTAX_SOURCES: dict[str, str] = {
    "unclosed": "x = 1\ny = (1,\n",
    "bad_indent": "def f():\n    x = 1\n      y = 2\n",
    "tab_error": "if True:\n\tx = 1\n        y = 2\n",
    "invalid": "a = 1 +* 2\n",
    "fstring": "x = f'{'\n",
}


def corpus(tmp: Path) -> list[str]:
    """Real tracebacks of many shapes, for the fuzzer to mutate."""
    out: list[str] = []
    for i, code in enumerate(SCRIPTS.values()):
        out.append(run_script(tmp / f"c{i}", code).stderr)
    for i, src in enumerate(SYNTAX_SOURCES.values()):
        d = tmp / f"s{i}"
        d.mkdir(parents=True, exist_ok=True)
        (d / "bad.py").write_text(src)
        proc = subprocess.run([sys.executable, str(d / "bad.py")], capture_output=True, text=True)
        out.append(proc.stderr)
    proj = tmp / "pytest_proj"
    proj.mkdir(parents=True, exist_ok=True)
    (proj / "test_x.py").write_text(
        textwrap.dedent(
            """
            import pytest
            def helper(d):
                return d["k"]
            def test_key():
                helper({})
            def test_assert():
                assert [1, 2] == [1, 3]
            def test_chain():
                try:
                    helper({})
                except KeyError as e:
                    raise RuntimeError("wrapped") from e
            """
        )
    )
    for style in ("auto", "long", "short", "line", "native"):
        proc = subprocess.run(
            [sys.executable, "-m", "pytest", "-p", "no:cacheprovider", f"--tb={style}", "-q"],
            capture_output=True,
            text=True,
            cwd=proj,
        )
        out.append(proc.stdout)
    return [o for o in out if o]
