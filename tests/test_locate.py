"""Mapping frames onto a repo: kinds, container paths, ambiguity, --path-map, stale traces."""

from __future__ import annotations

import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from debugai.agent.locate import PathMap, is_stdlib, locate, parse_path_map
from debugai.agent.traceback import parse
from debugai.errors import UsageError

USERS = """
    import json

    def load_users(text):
        return json.loads(text)

    def get_user(users, uid):
        return users.get(uid)

    def email_of(text, uid):
        user = get_user(load_users(text), uid)
        return user["email"].lower()
"""
MAIN = """
    import sys
    sys.path.insert(0, "src")
    from app.users import email_of

    print(email_of('{"1": null}', "1"))
"""


def make_repo(root: Path) -> list[str]:
    files = {"src/app/__init__.py": "", "src/app/users.py": USERS, "main.py": MAIN}
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text))
    return sorted(files)


def run_in(where: Path, *args: str) -> str:
    proc = subprocess.run([sys.executable, *args], capture_output=True, text=True, cwd=where)
    assert proc.returncode != 0
    return proc.stderr


def test_container_paths_map_by_longest_suffix(tmp_path: Path) -> None:
    # The "container": the same code checked out under another root, where the crash happened.
    container = tmp_path / "container" / "app"
    files = make_repo(container)
    repo = tmp_path / "repo"
    shutil.copytree(container, repo)
    trace = parse(run_in(container, "main.py"))
    report = locate(trace, repo, files)
    frames = trace.final.frames
    assert [(f.kind, f.repo_path) for f in frames] == [
        ("repo", "main.py"),
        ("repo", "src/app/users.py"),
    ]
    assert all(f.repo_line == f.line and not f.stale for f in frames)
    assert report.mapped == 2 and report.ambiguous == [] and report.stale == []


def test_kinds_of_frames(tmp_path: Path) -> None:
    files = make_repo(tmp_path)
    code = "import json, sys; sys.path.insert(0, 'src'); from app.users import load_users; load_users('{')"
    trace = parse(run_in(tmp_path, "-c", code))
    locate(trace, tmp_path, files)
    kinds = {f.file: f.kind for f in trace.final.frames}
    assert kinds["<string>"] == "unknown"
    assert kinds[str(tmp_path / "src/app/users.py")] == "repo"
    stdlib = [f for f in trace.final.frames if f.file.endswith("json/decoder.py")]
    assert stdlib and all(f.kind == "stdlib" for f in stdlib)
    pytest_file = Path(pytest.__file__).resolve()
    fake = parse(
        f'Traceback (most recent call last):\n  File "{pytest_file}", line 1, in f\n'
        '  File "<frozen importlib._bootstrap>", line 1, in g\n'
        '  File "/elsewhere/tool.py", line 3, in h\nValueError: x\n'
    )
    locate(fake, tmp_path, files)
    assert [f.kind for f in fake.final.frames] == ["third_party", "stdlib", "unknown"]


def test_foreign_interpreter_paths() -> None:
    for path in (
        "/usr/lib/python3.12/json/decoder.py",
        "/usr/local/lib/python3.9/asyncio/base_events.py",
        r"C:\Python311\Lib\json\decoder.py",
        r"C:\Users\me\AppData\Local\Programs\Python\Python312\Lib\asyncio\runners.py",
        "/opt/conda/lib/python3.10/threading.py",
        "<frozen runpy>",
    ):
        assert is_stdlib(path), path
    for path in ("/usr/lib/python3/dist-packages/requests/api.py", "/srv/app/lib/users.py"):
        assert not is_stdlib(path), path


def _trace_at(path: str, line: int, source: str) -> str:
    return (
        "Traceback (most recent call last):\n"
        f"  File \"{path}\", line {line}, in f\n    {source}\nKeyError: 'x'\n"
    )


def test_ambiguous_suffix_is_reported_then_resolved(tmp_path: Path) -> None:
    files = ["a/utils.py", "b/utils.py"]
    for name, body in (("a/utils.py", "x = 1\n"), ("b/utils.py", "y = 2\n")):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(body)
    trace = parse(_trace_at("/srv/x/utils.py", 1, "z = 3"))
    report = locate(trace, tmp_path, files)
    assert report.ambiguous == [("/srv/x/utils.py", ["a/utils.py", "b/utils.py"])]
    assert trace.final.frames[0].kind == "unknown"
    assert any("--path-map" in w for w in report.warnings)
    # The printed source picks the one file that holds it.
    trace = parse(_trace_at("/srv/x/utils.py", 1, "y = 2"))
    report = locate(trace, tmp_path, files)
    assert trace.final.frames[0].repo_path == "b/utils.py" and report.ambiguous == []
    # An explicit --path-map wins.
    trace = parse(_trace_at("/srv/x/utils.py", 1, "z = 3"))
    report = locate(trace, tmp_path, files, PathMap.parse(["/srv/x=a"]).pairs)
    assert trace.final.frames[0].repo_path == "a/utils.py"
    assert trace.final.frames[0].stale


def test_longest_suffix_wins_and_relative_paths(tmp_path: Path) -> None:
    files = ["users.py", "app/users.py", "backend/tests/test_users.py"]
    trace = parse(_trace_at("/srv/app/users.py", 1, "pass"))
    locate(trace, tmp_path, files, read_lines=lambda p: [])
    assert trace.final.frames[0].repo_path == "app/users.py"
    # pytest run from backend/ prints paths relative to it.
    trace = parse(_trace_at("tests/test_users.py", 1, "pass"))
    locate(trace, tmp_path, files, read_lines=lambda p: [])
    assert trace.final.frames[0].repo_path == "backend/tests/test_users.py"
    # Only the file name agrees, and the trace's path says otherwise: not claimed.
    trace = parse(_trace_at("/home/u/other/project/users.py", 1, "pass"))
    locate(trace, tmp_path, ["lib/users.py"], read_lines=lambda p: [])
    assert trace.final.frames[0].kind == "unknown"


def test_installed_copy_of_the_repo_maps_back(tmp_path: Path) -> None:
    trace = parse(_trace_at("/venv/lib/python3.11/site-packages/shop/cart.py", 1, "pass"))
    report = locate(trace, tmp_path, ["shop/cart.py"], read_lines=lambda p: ["pass"])
    assert (trace.final.frames[0].kind, trace.final.frames[0].repo_path) == ("repo", "shop/cart.py")
    assert any("installed copy" in w for w in report.warnings)


def test_stale_trace_relocates_moved_lines(tmp_path: Path) -> None:
    files = make_repo(tmp_path)
    trace = parse(run_in(tmp_path, "main.py"))
    users = tmp_path / "src/app/users.py"
    lines = users.read_text().splitlines()
    # The code moved down three lines after the crash, and one printed line was rewritten.
    users.write_text("\n".join(["# new header", "# more", "", *lines]) + "\n")
    main = tmp_path / "main.py"
    main.write_text(main.read_text().replace("print(email_of(", "print(  email_of("))
    report = locate(trace, tmp_path, files)
    main_frame, users_frame = trace.final.frames
    assert users_frame.stale and users_frame.repo_line == users_frame.line + 3  # type: ignore[operator]
    new_lines = users.read_text().splitlines()
    assert new_lines[users_frame.repo_line - 1].strip() == users_frame.source  # type: ignore[operator]
    assert main_frame.stale and main_frame.repo_line == main_frame.line
    assert set(map(id, report.stale)) == {id(main_frame), id(users_frame)}
    assert any("line is now" in w for w in report.warnings)
    assert any("no longer in it" in w for w in report.warnings)


def test_syntax_error_location_is_mapped(tmp_path: Path) -> None:
    (tmp_path / "pkg").mkdir()
    (tmp_path / "pkg/bad.py").write_text("x = (1,\n")
    (tmp_path / "run.py").write_text("import pkg.bad\n")
    trace = parse(run_in(tmp_path, "run.py"))
    locate(trace, tmp_path, ["run.py", "pkg/bad.py"])
    assert trace.final.syntax is not None and trace.final.syntax.repo_path == "pkg/bad.py"
    assert [f.repo_path for f in trace.final.frames if f.kind == "repo"] == ["run.py"]


def test_parse_path_map() -> None:
    assert parse_path_map("/app=.") == ("/app", ".")
    assert parse_path_map(r"C:\build\src=src") == (r"C:\build\src", "src")
    assert parse_path_map("/app=") == ("/app", ".")
    for bad in ("/app", "=src", ""):
        with pytest.raises(UsageError) as info:
            parse_path_map(bad)
        assert "FROM=TO" in str(info.value)


def test_classify_without_a_repo(tmp_path: Path) -> None:
    from debugai.agent.locate import classify

    code = "import json; json.loads('{')"
    trace = parse(run_in(tmp_path, "-c", code))
    classify(trace)
    assert trace.final.frames[0].kind == "unknown"  # <string>
    assert {f.kind for f in trace.final.frames[1:]} == {"stdlib"}
    assert all(f.repo_path is None for f in trace.final.frames)


def test_no_output_cites_a_line_past_the_end_of_a_file(tmp_path: Path) -> None:
    import json as _json

    from llm_fixtures import make_repo

    from debugai.agent.render import render_json, render_markdown, render_sarif
    from debugai.api import explain

    crash = make_repo(tmp_path / "repo")
    stale = (
        "Traceback (most recent call last):\n"
        f'  File "{crash.root}/main.py", line 4, in <module>\n'
        f'  File "{crash.root}/app/billing.py", line 999999, in charge\n'
        "TypeError: 'NoneType' object is not subscriptable\n"
    )
    diag = explain(stale, crash.root, engine="static")
    n = len((crash.root / "app" / "billing.py").read_text().splitlines())
    assert "billing.py:999999" not in render_markdown(diag)  # not even in the notes' prose
    assert "999999" not in _json.dumps(render_sarif([diag]))
    data = _json.loads(render_json(diag))
    # The trace's own frame is quoted as it was, and marked as not a line of the repository.
    assert [f["in_repo"] for f in data["error"]["frames"] if f["line"] == 999999] == [False]
    cited = [data["root_cause"], *data["candidates"], *data["chain"]]
    assert all(c["line"] >= 1 for c in cited)
    assert all(c["line"] <= n for c in cited if c["file"] == "app/billing.py")
    assert any("past the end of the file" in note for note in diag.notes)
