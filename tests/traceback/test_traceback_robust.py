"""The reader never breaks: arbitrary and mutated text, bad bytes, unusable files, huge logs."""

from __future__ import annotations

import codecs
import os
import time
import tracemalloc
from pathlib import Path

import pytest
from fuzz.fuzz_traceback import TOKENS
from fuzz.tb_corpus import SCRIPTS, run_script
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from debugai.agent.traceback import (
    Trace,
    iter_traces,
    open_lines,
    parse,
    parse_all,
    parse_all_strict,
    read_input,
)
from debugai.errors import UsageError


@pytest.fixture(scope="module")
def real_texts(tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    tmp = tmp_path_factory.mktemp("real")
    names = ["chain_context_three", "group_nested", "syntax_via_compile", "recursion"]
    return [run_script(tmp / n, SCRIPTS[n]).stderr for n in names]


def _check(result: list[Trace]) -> None:
    assert isinstance(result, list)
    for t in result:
        assert t.chain
        assert t.final is t.chain[-1]
        assert isinstance(t.all_frames, list)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=3000))
def test_arbitrary_text_never_raises(text: str) -> None:
    _check(parse_all_strict(text))


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(TOKENS), st.text(max_size=80)), max_size=80))
def test_traceback_shaped_token_soup_never_raises(lines: list[str]) -> None:
    _check(parse_all_strict("\n".join(lines)))


@settings(
    max_examples=200,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(data=st.data())
def test_mutated_real_tracebacks_never_raise(real_texts: list[str], data: st.DataObject) -> None:
    text = data.draw(st.sampled_from(real_texts))
    lines = text.split("\n")
    for _ in range(data.draw(st.integers(1, 5))):
        i = data.draw(st.integers(0, max(len(lines) - 1, 0)))
        op = data.draw(st.sampled_from(["drop", "dup", "cut", "insert", "indent"]))
        if op == "drop" and lines:
            del lines[i]
        elif op == "dup" and lines:
            lines.insert(i, lines[i])
        elif op == "cut" and lines:
            lines[i] = lines[i][: data.draw(st.integers(0, len(lines[i])))]
        elif op == "insert":
            lines.insert(i, data.draw(st.one_of(st.sampled_from(TOKENS), st.text(max_size=40))))
        elif op == "indent" and lines:
            lines[i] = " " * data.draw(st.integers(0, 8)) + lines[i].lstrip()
    _check(parse_all_strict("\n".join(lines)))


@settings(max_examples=150, deadline=None)
@given(st.binary(max_size=2000))
def test_binary_garbage_through_read_input(
    tmp_path_factory: pytest.TempPathFactory, data: bytes
) -> None:
    path = tmp_path_factory.mktemp("bin") / "blob"
    path.write_bytes(data)
    try:
        text = read_input(str(path))
    except UsageError as exc:
        assert "\n" not in str(exc)
        return
    _check(parse_all(text))


def test_read_input_errors_are_one_line(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    blank = tmp_path / "blank.txt"
    blank.write_bytes(b"\x00\x00\n \r\n")
    cases = [str(tmp_path / "missing.txt"), str(tmp_path), str(empty), str(blank)]
    if os.geteuid() != 0:
        locked = tmp_path / "locked.txt"
        locked.write_text("x")
        locked.chmod(0)
        cases.append(str(locked))
    for path in cases:
        with pytest.raises(UsageError) as info:
            read_input(path)
        assert "\n" not in str(info.value) and str(info.value)


def test_read_input_decodes_what_editors_and_shells_write(tmp_path: Path) -> None:
    text = run_script(tmp_path, SCRIPTS["chain_cause"]).stderr + "caf\u00e9 \u2603\n"
    base = parse(text)
    variants = {
        "utf8-bom": codecs.BOM_UTF8 + text.encode("utf-8"),
        "crlf": text.replace("\n", "\r\n").encode("utf-8"),
        "utf16-powershell": codecs.BOM_UTF16_LE + text.replace("\n", "\r\n").encode("utf-16-le"),
        "utf16-no-bom": text.encode("utf-16-le"),
        "nul-bytes": text.encode("utf-8").replace(b"\n", b"\x00\n"),
        "invalid-utf8": b"\xc3\x28 \xa0\xa1 log\n" + text.encode("utf-8") + b"\xf0\x28\x8c\xbc\n",
        "latin1": text.encode("latin-1", "replace"),
    }
    for name, data in variants.items():
        path = tmp_path / name
        path.write_bytes(data)
        got = parse(read_input(str(path)))
        assert [r.type for r in got.chain] == [r.type for r in base.chain], name
        assert [f.line for f in got.all_frames] == [f.line for f in base.all_frames], name
        streamed = list(iter_traces(open_lines(str(path))))
        assert [r.type for r in streamed[-1].chain] == [r.type for r in base.chain], name


def test_truncated_traceback_is_flagged_not_dropped(tmp_path: Path) -> None:
    text = run_script(tmp_path, SCRIPTS["attribute_none"]).stderr
    lines = text.rstrip("\n").split("\n")
    trace = parse("\n".join(lines[:-1]))
    assert trace.truncated
    assert trace.final.frames and trace.final.type == ""
    assert any("cut off" in w for w in trace.warnings)


def _big_log(path: Path, trace_text: str, megabytes: int) -> int:
    """A log of INFO noise with a traceback every ~200 lines; returns how many it holds."""
    noise = "2024-05-01 10:00:00,123 INFO     app.http: GET /health 200 0.4ms user=anonymous\n"
    block = noise * 200 + "2024-05-01 10:00:00,124 ERROR    app.http: request failed\n" + trace_text
    count = 0
    with open(path, "w", encoding="utf-8") as fh:
        while fh.tell() < megabytes << 20:
            fh.write(block)
            count += 1
    return count


@pytest.mark.slow
def test_large_log_streams_in_bounded_memory(tmp_path: Path) -> None:
    trace_text = run_script(tmp_path, SCRIPTS["chain_cause"]).stderr
    path = tmp_path / "big.log"
    expected = _big_log(path, trace_text, 24)
    size = path.stat().st_size
    tracemalloc.start()
    t0 = time.perf_counter()
    found = 0
    for t in iter_traces(open_lines(str(path))):
        found += 1
        assert t.final.type == "RuntimeError"
    elapsed = time.perf_counter() - t0
    _current, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert found == expected
    # Bounded: the peak is a small fraction of the file, not proportional to it.
    assert peak < 16 << 20, peak
    print(
        f"\nstreamed {size / 1e6:.1f} MB in {elapsed:.2f}s under tracemalloc, peak {peak / 1e6:.1f} MB"
    )


def test_one_huge_line_and_a_huge_traceback() -> None:
    _check(parse_all_strict("x" * 3_000_000))
    frames = "".join(
        f'  File "/app/m{i}.py", line {i + 1}, in f{i}\n    call()\n' for i in range(90_000)
    )
    trace = parse("Traceback (most recent call last):\n" + frames + "ValueError: deep\n")
    assert trace.final.type == "ValueError"
    assert trace.truncated and any("skipped" in w for w in trace.warnings)
