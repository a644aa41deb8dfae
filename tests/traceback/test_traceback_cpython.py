"""CPython tracebacks produced by running real scripts, checked against the live exception."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from fuzz.tb_corpus import SCRIPTS, SYNTAX_SOURCES, run_script

from debugai.agent.traceback import ExceptionRecord, Trace, parse, parse_all
from debugai.errors import TraceParseError


def assert_record(rec: ExceptionRecord, truth: dict[str, Any]) -> None:
    """One parsed exception agrees with what Python knew about it."""
    assert rec.type == truth["type"]
    assert rec.message == truth["message"]
    assert rec.relation == truth["relation"]
    printed = [(f.file, f.line, f.function) for f in rec.frames for _ in range(f.repeated + 1)]
    assert printed == [(f["file"], f["line"], f["function"]) for f in truth["frames"]]
    by_pos = {(f["file"], f["line"]): f for f in truth["frames"]}
    for frame in rec.frames:
        want = by_pos[(frame.file, frame.line)]
        assert frame.source == (want["source"] or None)
        if frame.col is not None:
            assert list(frame.col) == want["col"], frame
    if truth["syntax"] is not None:
        assert rec.syntax is not None
        assert (rec.syntax.file, rec.syntax.line) == (
            truth["syntax"]["file"],
            truth["syntax"]["line"],
        )
        assert rec.syntax.text == truth["syntax"]["text"]
    assert len(rec.group) + (1 if rec.group_more else 0) <= len(truth["group"]) + 1
    for sub, sub_truth in zip(rec.group, truth["group"], strict=False):
        assert_chain([*sub.chain_before, sub], sub_truth)


def assert_chain(chain: list[ExceptionRecord], truth: list[dict[str, Any]]) -> None:
    assert [r.type for r in chain] == [t["type"] for t in truth]
    for rec, want in zip(chain, truth, strict=True):
        assert_record(rec, want)


def only_trace(text: str) -> Trace:
    traces = parse_all(text)
    assert len(traces) == 1, [t.final.type for t in traces]
    return traces[0]


@pytest.mark.parametrize("name", sorted(SCRIPTS))
def test_script_traceback_matches_live_exception(tmp_path: Path, name: str) -> None:
    run = run_script(tmp_path, SCRIPTS[name])
    assert run.truth is not None, run.stderr
    trace = only_trace(run.stderr)
    assert trace.format == "cpython"
    assert not trace.truncated
    assert_chain(trace.chain, run.truth)
    assert parse(run.stderr) is not None


def test_carets_give_the_failing_subexpression(tmp_path: Path) -> None:
    run = run_script(tmp_path, SCRIPTS["nested_keyerror"])
    frame = only_trace(run.stderr).final.frames[-1]
    assert frame.source is not None and frame.col is not None
    assert frame.source[frame.col[0] : frame.col[1]] == 'd[k]["inner"]'


def test_no_debug_ranges_drops_carets_only(tmp_path: Path) -> None:
    run = run_script(tmp_path, SCRIPTS["attribute_none"], py_args=("-X", "no_debug_ranges"))
    trace = only_trace(run.stderr)
    assert run.truth is not None
    assert all(f.col is None for f in trace.all_frames)
    assert [f.line for f in trace.final.frames] == [f["line"] for f in run.truth[-1]["frames"]]


def test_recursion_counts_collapsed_frames(tmp_path: Path) -> None:
    run = run_script(tmp_path, SCRIPTS["recursion"])
    trace = only_trace(run.stderr)
    assert "[Previous line repeated" in run.stderr
    assert trace.final.type == "RecursionError"
    assert max(f.repeated for f in trace.final.frames) > 900


def test_group_more_exceptions_reported(tmp_path: Path) -> None:
    run = run_script(tmp_path, SCRIPTS["group_many"])
    exc = only_trace(run.stderr).final
    assert exc.type == "ExceptionGroup"
    assert len(exc.group) + exc.group_more == 19
    assert exc.group_more > 0


def test_group_sub_chain_kept(tmp_path: Path) -> None:
    exc = only_trace(run_script(tmp_path, SCRIPTS["group_nested"]).stderr).final
    oserror = next(s for s in exc.group if s.type == "OSError")
    assert [b.type for b in oserror.chain_before] == ["KeyError"]
    assert oserror.chain_before[0].relation == "cause"
    inner = next(s for s in exc.group if s.type == "ExceptionGroup")
    assert [s.type for s in inner.group] == ["RuntimeError", "ZeroDivisionError"]


@pytest.mark.parametrize("name", sorted(SYNTAX_SOURCES))
def test_syntax_errors_from_the_compiler(tmp_path: Path, name: str) -> None:
    src = SYNTAX_SOURCES[name]
    path = tmp_path / "bad.py"
    path.write_text(src)
    with pytest.raises(SyntaxError) as info:
        compile(src, str(path), "exec")
    proc = subprocess.run([sys.executable, str(path)], capture_output=True, text=True)
    trace = only_trace(proc.stderr)
    exc = trace.final
    assert exc.type == type(info.value).__name__
    assert exc.frames == []
    assert exc.syntax is not None
    assert (exc.syntax.file, exc.syntax.line) == (str(path), info.value.lineno)
    assert not trace.truncated


def test_string_stdin_and_frozen_frames(tmp_path: Path) -> None:
    code = "def f():\n    raise ValueError('from -c')\nf()\n"
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert {f.file for f in parse(proc.stderr).all_frames} == {"<string>"}
    proc = subprocess.run([sys.executable, "-"], input=code, capture_output=True, text=True)
    assert {f.file for f in parse(proc.stderr).all_frames} == {"<stdin>"}
    (tmp_path / "modboom.py").write_text(code)
    proc = subprocess.run(
        [sys.executable, "-X", "frozen_modules=on", "-m", "modboom"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
    )
    trace = parse(proc.stderr)
    assert any(f.file.startswith("<frozen") for f in trace.all_frames)
    assert trace.final.frames[-1].file.endswith("modboom.py")


def test_faulthandler_dump(tmp_path: Path) -> None:
    code = "import faulthandler\ndef crash():\n    faulthandler._sigsegv()\ncrash()\n"
    (tmp_path / "seg.py").write_text(code)
    proc = subprocess.run(
        [sys.executable, "-X", "faulthandler", str(tmp_path / "seg.py")],
        capture_output=True,
        text=True,
    )
    assert "most recent call first" in proc.stderr
    trace = parse(proc.stderr)
    assert trace.format == "faulthandler"
    assert trace.final.type == "Fatal Python error"
    # faulthandler prints innermost first; the reader turns it outermost first.
    assert [(f.function, f.line) for f in trace.final.frames] == [("<module>", 4), ("crash", 3)]


def test_thread_and_unraisable_hooks(tmp_path: Path) -> None:
    code = """
        import threading
        def work():
            raise ConnectionError("worker died")
        t = threading.Thread(target=work, name="w1"); t.start(); t.join()
        class Leaky:
            def __del__(self):
                raise OSError("in __del__")
        Leaky()
        print("done")
    """
    run = run_script(tmp_path, code, preamble=False)
    traces = parse_all(run.stderr)
    assert [t.final.type for t in traces] == ["ConnectionError", "OSError"]
    assert traces[0].context is not None and "Exception in thread w1" in traces[0].context


def test_several_traces_last_complete_is_primary(tmp_path: Path) -> None:
    first = run_script(tmp_path / "a", SCRIPTS["chain_cause"]).stderr
    second = run_script(tmp_path / "b", SCRIPTS["attribute_none"]).stderr
    cut = second.splitlines()[:-1]  # no exception line: incomplete
    text = first + "\nsome other output\n" + second + "\n" + "\n".join(cut) + "\n"
    traces = parse_all(text)
    assert len(traces) == 3
    assert traces[2].truncated and not traces[1].truncated
    assert parse(text) is traces[1] or parse(text).start_line == traces[1].start_line
    assert parse(text).final.type == "AttributeError"


def test_truncated_head_is_flagged(tmp_path: Path) -> None:
    text = run_script(tmp_path, SCRIPTS["nested_keyerror"]).stderr
    lines = text.splitlines()
    trace = only_trace("\n".join(lines[3:]))
    assert trace.truncated
    assert trace.final.type == "KeyError"
    assert any("missing" in w for w in trace.warnings)


def test_no_traceback_raises_one_line_error() -> None:
    with pytest.raises(TraceParseError) as info:
        parse("all good here\nnothing crashed\n")
    assert "\n" not in str(info.value)
    assert parse_all("") == []


def test_crlf_bom_and_colours_read_the_same(tmp_path: Path) -> None:
    text = run_script(tmp_path, SCRIPTS["chain_context_three"]).stderr
    base = parse(text)
    crlf = parse("\ufeff" + text.replace("\n", "\r\n"))
    # Colour every token the way 3.13's _colorize does (this machine's 3.11 prints no colour).
    coloured = "\n".join(f"\x1b[35m{ln}\x1b[0m" if ln.strip() else ln for ln in text.splitlines())
    coloured = coloured.replace("Error", "\x1b[1;35mError\x1b[0m")
    for other in (crlf, parse(coloured)):
        assert [r.type for r in other.chain] == [r.type for r in base.chain]
        assert [(f.file, f.line, f.function) for f in other.all_frames] == [
            (f.file, f.line, f.function) for f in base.all_frames
        ]


def test_line_span_covers_exactly_the_trace(tmp_path: Path) -> None:
    err = run_script(tmp_path, SCRIPTS["chain_cause"]).stderr
    text = "starting job\n\n" + err + "\nINFO: retrying in 5s\n"
    trace = parse(text)
    lines = text.split("\n")
    assert lines[trace.start_line - 1] == "Traceback (most recent call last):"
    assert lines[trace.end_line - 1] == err.rstrip("\n").split("\n")[-1]


def test_process_pool_remote_traceback_is_the_cause(tmp_path: Path) -> None:
    code = """
        from concurrent.futures import ProcessPoolExecutor
        def work(x):
            return {}[x]
        if __name__ == "__main__":
            with ProcessPoolExecutor(1) as ex:
                ex.submit(work, "k").result()
    """
    run = run_script(tmp_path, code, preamble=False)
    trace = parse(run.stderr)
    remote, local = trace.chain
    assert (remote.type, remote.message, remote.relation) == ("KeyError", "'k'", "cause")
    assert remote.frames[-1].function == "work"
    assert local.frames[0].function == "<module>"
    assert any("worker process" in w for w in trace.warnings)


def test_paste_that_lost_its_indentation(tmp_path: Path) -> None:
    err = run_script(tmp_path, SCRIPTS["chain_context_three"]).stderr
    base = parse(err)
    flat = "\n".join(ln.strip() for ln in err.splitlines())
    got = parse("Here is my error:\n```\n" + flat + "\n```\nany ideas?\n")
    assert [(r.type, r.message, r.relation) for r in got.chain] == [
        (r.type, r.message, r.relation) for r in base.chain
    ]
    assert [(f.file, f.line, f.function, f.source) for f in got.all_frames] == [
        (f.file, f.line, f.function, f.source) for f in base.all_frames
    ]
    assert all(f.col is None for f in got.all_frames)
