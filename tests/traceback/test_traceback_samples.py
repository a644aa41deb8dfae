"""Formats this machine cannot produce, from the hand-written samples in tests/samples/."""

from __future__ import annotations

from pathlib import Path

from debugai.agent.locate import locate
from debugai.agent.traceback import parse, parse_all, read_input

SAMPLES = Path(__file__).parent.parent / "samples"


def sample(name: str) -> str:
    return read_input(str(SAMPLES / name))


def test_windows_paths() -> None:
    trace = parse(sample("windows_cpython.txt"))
    assert trace.final.type == "statistics.StatisticsError"
    assert trace.final.frames[0].file == r"C:\Users\dev\shop\main.py"
    assert [f.line for f in trace.final.frames] == [12, 9, 31, 430]
    repo = ["main.py", "shop/cart.py", "shop/__init__.py"]
    report = locate(trace, Path("/nonexistent-repo"), repo, read_lines=lambda p: [])
    kinds = [(f.kind, f.repo_path) for f in trace.final.frames]
    assert kinds == [
        ("repo", "main.py"),
        ("repo", "main.py"),
        ("repo", "shop/cart.py"),
        ("stdlib", None),
    ]
    assert report.mapped == 3


def test_python313_multiline_span_keeps_first_line() -> None:
    trace = parse(sample("py313_multiline.txt"))
    first, second = trace.final.frames
    assert first.source == "build("
    assert second.source is not None and second.col is not None
    assert second.source[second.col[0] : second.col[1]] == "limit + 1"


def test_python38_syntax_error_raised_by_import() -> None:
    exc = parse(sample("py38_syntax_in_import.txt")).final
    assert exc.type == "SyntaxError"
    assert [f.file for f in exc.frames] == ["/opt/app/run.py"]
    assert exc.syntax is not None and (exc.syntax.file, exc.syntax.line) == (
        "/opt/app/settings.py",
        4,
    )
    assert exc.syntax.text is not None and exc.syntax.col is not None
    assert exc.syntax.text[exc.syntax.col[0]] == "e"  # the second `else`


def test_jupyter_ipython8() -> None:
    trace = parse(sample("jupyter_ipython8.txt"))
    assert trace.format == "jupyter"
    assert (trace.final.type, trace.final.message) == ("KeyError", "'pear'")
    assert [(f.file, f.line, f.function) for f in trace.final.frames] == [
        ("Cell In[3]", 7, "<module>"),
        ("Cell In[3]", 4, "total"),
    ]
    assert trace.final.frames[1].source == "return prices[sku] * qty"


def test_jupyter_ipython7_with_file_frame() -> None:
    trace = parse(sample("jupyter_ipython7.txt"))
    assert [(f.line, f.function) for f in trace.final.frames] == [
        (1, "<module>"),
        (2, "ratio"),
        (5, "safe_div"),
    ]
    assert trace.final.frames[-1].file == "~/work/nb/helpers.py"


def test_sentry_event_export_maps_onto_repo(tmp_path: Path) -> None:
    trace = parse(sample("sentry_event.json"))
    assert trace.format == "sentry"
    assert [r.type for r in trace.chain] == ["KeyError", "app.errors.NoSuchUser"]
    assert trace.chain[0].relation == "cause"
    (tmp_path / "app").mkdir()
    session = ["import x"] * 30
    session[17] = '    return data["user_id"]'
    session[24] = '        raise NoSuchUser("no user for this session") from exc'
    (tmp_path / "app" / "session.py").write_text("\n".join(session) + "\n")
    (tmp_path / "app" / "views.py").write_text("\n" * 41 + "    user = current_user(request)\n")
    report = locate(trace, tmp_path, ["app/session.py", "app/views.py"])
    assert [f.repo_path for f in trace.final.frames] == [None, "app/views.py", "app/session.py"]
    assert trace.final.frames[0].kind == "third_party"
    assert report.stale == []


def test_structlog_dict_tracebacks() -> None:
    traces = parse_all(sample("structlog_dict.jsonl"))
    assert len(traces) == 1
    trace = traces[0]
    assert (trace.format, trace.start_line) == ("json-log", 2)
    assert [f.function for f in trace.final.frames] == ["run", "charge"]


def test_server_logs_are_named_by_their_banner() -> None:
    for name, fmt in (
        ("gunicorn.log", "gunicorn"),
        ("django.log", "django"),
        ("celery.log", "celery"),
    ):
        text = sample(name)
        traces = parse_all(text)
        assert len(traces) == 1, name
        trace = traces[0]
        assert trace.format == fmt
        assert trace.final.message.count("\n") == 0, (
            "the next log record is not part of the message"
        )
        assert trace.final.frames[-1].file.startswith("/app/")


def test_django_copy_and_paste_view() -> None:
    trace = parse(sample("django_copy_paste.txt"))
    assert trace.format == "django" and not trace.truncated
    cause, final = trace.chain
    assert (final.type, final.message) == ("OperationalError", "no such table: orders_order")
    assert cause.relation == "cause" and cause.message == "no such table: orders_order"
    assert final.frames[-1].file == "/app/orders/views.py"
    assert [f.function for f in cause.frames] == ["_execute", "execute"]
