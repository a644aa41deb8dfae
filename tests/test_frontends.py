"""The front ends as a user meets them: the real `debugai` process, in pipes and in a real
pseudo-terminal (pexpect), on a copy of the shipped example and small projects written here."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from llm_fixtures import make_repo
from openai_server import Delay, Reply, ScriptedOpenAIServer

from debugai.errors import ExitCode

REPO = Path(__file__).resolve().parents[1]
EXAMPLE = REPO / "examples" / "shop"
TIMEOUT = 180
_ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\r")


def clean_env(tmp: Path, **extra: str) -> dict[str, str]:
    """The user's environment without any model, CI or debugai setting; home, cache and state
    in tmp. COLUMNS=80: output must not wrap even when a width is announced."""
    drop = ("OPENAI_", "DEBUGAI_", "GITHUB_", "GITLAB_", "CI_", "PYTEST_")
    env = {k: v for k, v in os.environ.items() if not k.startswith(drop) and k != "CI"}
    env.update(
        HOME=str(tmp / "home"),
        XDG_CACHE_HOME=str(tmp / "cache"),
        XDG_STATE_HOME=str(tmp / "state"),
        COLUMNS="80",
        PYTHONDONTWRITEBYTECODE="1",
        **extra,
    )
    return env


def debugai(
    *args: str | Path, cwd: Path, env: dict[str, str], input: str | None = None
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "debugai", *map(str, args)],
        cwd=cwd,
        env=env,
        input=input,
        capture_output=True,
        text=True,
        timeout=TIMEOUT,
    )


def one_line_error(res: subprocess.CompletedProcess[str]) -> str:
    assert "Traceback" not in res.stderr and "internal error" not in res.stderr, res.stderr
    lines = [ln for ln in res.stderr.splitlines() if ln.strip()]
    assert len(lines) == 1, res.stderr
    return lines[0]


@pytest.fixture
def shop(tmp_path: Path) -> Path:
    """A copy of the shipped example (its own project: it has a pyproject.toml)."""
    dest = tmp_path / "work" / "shop"
    shutil.copytree(EXAMPLE, dest, ignore=shutil.ignore_patterns(".debugai", "__pycache__"))
    return dest


def spawn(args: list[str], cwd: Path, env: dict[str, str]) -> Any:
    pexpect = pytest.importorskip("pexpect")
    child = pexpect.spawn(
        sys.executable,
        ["-m", "debugai", *args],
        cwd=str(cwd),
        env={**env, "TERM": "xterm-256color"},
        dimensions=(50, 120),
        encoding="utf-8",
        codec_errors="replace",
        timeout=TIMEOUT,
    )
    child.expect(pexpect.EOF)
    child.close()
    return child


# -- exit codes ----------------------------------------------------------------------------------


def test_every_exit_code_is_in_the_readme_table() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    section = readme.split("### Exit codes", 1)[1].split("\n#", 1)[0]
    documented = {int(m) for m in re.findall(r"^\| (\d+) \|", section, re.M)}
    assert documented == {int(c) for c in ExitCode}
    assert len(set(ExitCode)) == len(list(ExitCode.__members__)), "two names, one code"


def test_no_such_path_is_a_usage_error_not_a_bug(shop: Path, tmp_path: Path) -> None:
    env = clean_env(tmp_path)
    res = debugai("explain", shop / "trace.txt", "--repo", tmp_path / "nope", cwd=tmp_path, env=env)
    assert res.returncode == ExitCode.USAGE
    assert "no such directory" in one_line_error(res)
    res = debugai("explain", tmp_path / "missing.txt", "--repo", shop, cwd=tmp_path, env=env)
    assert res.returncode == ExitCode.USAGE and "missing.txt" in one_line_error(res)


def test_graph_path_between_unlinked_symbols_has_its_own_code(tmp_path: Path) -> None:
    proj = tmp_path / "proj"
    (proj / "pkg").mkdir(parents=True)
    (proj / "pyproject.toml").write_text("[project]\nname = 'p'\n")
    (proj / "pkg" / "a.py").write_text("def alpha():\n    return 1\n")
    (proj / "pkg" / "b.py").write_text("def beta():\n    return 2\n")
    res = debugai("graph", "path", "alpha", "beta", cwd=proj, env=clean_env(tmp_path))
    assert res.returncode == ExitCode.NOT_FOUND != ExitCode.INTERNAL
    assert "no call/import path" in one_line_error(res)


@pytest.mark.parametrize(
    "args", [["explain", "trace.txt"], ["graph", "export"]], ids=["explain", "graph-export"]
)
def test_a_closed_pipe_is_not_an_internal_error(
    shop: Path, tmp_path: Path, args: list[str]
) -> None:
    # `debugai explain ... | head -0`: the reader is gone before the first line is written.
    proc = subprocess.Popen(
        [sys.executable, "-m", "debugai", *args],
        cwd=shop,
        env=clean_env(tmp_path),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert proc.stdout is not None and proc.stderr is not None
    proc.stdout.close()
    err = proc.stderr.read().decode()
    assert proc.wait(timeout=TIMEOUT) == ExitCode.BROKEN_PIPE, err
    assert "internal error" not in err and "Traceback" not in err and "Exception" not in err


# -- the repository root -------------------------------------------------------------------------


@pytest.mark.parametrize("marker", ["pyproject.toml", ".git", "setup.cfg"])
def test_run_from_a_subfolder_uses_the_project_root_and_says_so(
    shop: Path, tmp_path: Path, marker: str
) -> None:
    (shop / "pyproject.toml").unlink()
    (shop / marker).mkdir() if marker == ".git" else (shop / marker).write_text("")
    inner = shop / "shop"
    res = debugai("explain", "../trace.txt", cwd=inner, env=clean_env(tmp_path))
    assert res.returncode == 0, res.stderr
    assert f"repository root: {shop} (found {marker}" in res.stderr
    assert "Root cause (none-propagation): shop/users.py:12" in res.stdout
    assert (shop / ".debugai").is_dir() and not (inner / ".debugai").exists()


def test_index_and_graph_from_a_subfolder(shop: Path, tmp_path: Path) -> None:
    inner, env = shop / "shop", clean_env(tmp_path)
    res = debugai("index", cwd=inner, env=env)
    assert res.returncode == 0 and f"indexed {shop}" in res.stdout, res.stderr
    assert "repository root:" in res.stderr
    # FILE may be given from where the user stands.
    res = debugai("graph", "show", "users.py:12", cwd=inner, env=env)
    assert res.returncode == 0 and "shop.users.get_user" in res.stdout, res.stderr


def test_debugai_cache_dir_moves_the_cache_key_too(shop: Path, tmp_path: Path) -> None:
    # Everything debugai keeps for the user lives where DEBUGAI_CACHE_DIR says, the key that
    # signs the index records included (it used to stay in ~/.cache whatever the setting).
    moved = tmp_path / "elsewhere"
    env = clean_env(tmp_path, DEBUGAI_CACHE_DIR=str(moved))
    res = debugai("index", cwd=shop, env=env)
    assert res.returncode == 0, res.stderr
    key = moved / "cache.key"
    assert len(key.read_bytes()) == 32 and key.stat().st_mode & 0o077 == 0
    assert not list((tmp_path / "home").rglob("cache.key"))
    assert not list((tmp_path / "cache").rglob("cache.key"))
    # The records it signed are reused: the second run parses nothing.
    res = debugai("index", cwd=shop, env=env)
    assert res.returncode == 0 and "0 parsed" in res.stdout, res.stdout + res.stderr


# -- text shown literally ------------------------------------------------------------------------

MARKUP_TRACE = """\
Traceback (most recent call last):
  File "{root}/rows.py", line 8, in <module>
    print(total([1, None]))
  File "{root}/rows.py", line 5, in total
    return [g(r) for r in rows]  # type: ignore[attr-defined]
  File "{root}/rows.py", line 2, in g
    return r.value  # [bold]not bold[/]
AttributeError: 'NoneType' object has no attribute 'value' [red]x[/red]
"""


def test_trace_show_prints_code_and_messages_literally(tmp_path: Path) -> None:
    trace = tmp_path / "t.txt"
    trace.write_text(MARKUP_TRACE.format(root="/app"))
    res = debugai("trace", "show", trace, cwd=tmp_path, env=clean_env(tmp_path))
    assert res.returncode == 0, res.stderr
    out = res.stdout
    assert "return [g(r) for r in rows]  # type: ignore[attr-defined]" in out
    assert "return r.value  # [bold]not bold[/]" in out
    assert "has no attribute 'value' [red]x[/red]" in out


EVIL = (
    "falls through \x1b]0;pwned\x07\x1b[2J\x1b[31m[bold]returns None[/bold]\x1b[0m "
    "\x1b]8;;http://evil.example\x07click\x1b]8;;\x07"
)


def test_a_models_answer_is_escaped_and_its_escape_sequences_stripped(tmp_path: Path) -> None:
    crash = make_repo(tmp_path / "crash")
    (crash.root / "pyproject.toml").write_text("[project]\nname = 'app'\n")
    trace = tmp_path / "trace.txt"
    trace.write_text(crash.trace)
    answer = (
        '{"root_cause": {"file": "app/users.py", "line": 8, "symbol": "app.users.get_user", '
        '"category": "none-propagation", "explanation": ' + _json(EVIL) + "}, "
        '"chain": [], "fix": {"summary": ' + _json("guard [it] \x1b[5m") + ', "diff": ""}}'
    )
    with ScriptedOpenAIServer() as srv:
        srv.push(Reply(content=answer), Reply(content=answer))
        env = clean_env(
            tmp_path, OPENAI_BASE_URL=srv.base_url, OPENAI_API_KEY="k", DEBUGAI_MODEL="m"
        )
        for fmt in ("text", "markdown"):
            res = debugai("explain", trace, "-f", fmt, cwd=crash.root, env=env)
            assert res.returncode == 0, res.stderr
            assert "\x1b" not in res.stdout and "\x07" not in res.stdout
            assert "[bold]returns None[/bold]" in res.stdout and "guard [it]" in res.stdout
            assert "engine: llm:" in res.stdout


def _json(text: str) -> str:
    import json

    return json.dumps(text)


# -- pipes, CI logs and terminals ------------------------------------------------------------------


def test_off_a_tty_nothing_wraps_and_paths_open_from_the_current_dir(
    shop: Path, tmp_path: Path
) -> None:
    work = shop.parent
    res = debugai(
        "explain",
        "shop/trace.txt",
        "--repo",
        "shop",
        "--show-context",
        cwd=work,
        env=clean_env(tmp_path),
    )
    assert res.returncode == 0, res.stderr
    out = res.stdout
    assert "\x1b" not in out  # no colour, no links in a pipe
    # Paths from the current directory, `path:line` whole, long lines not cut at 80 columns.
    assert "Root cause (none-propagation): shop/shop/users.py:12" in out
    assert re.search(r"^ 1\. shop/shop/users\.py:12  shop\.users\.get_user — .{30,}$", out, re.M)
    explanation = next(ln for ln in out.splitlines() if "can return None" in ln)
    assert len(explanation) > 80 and explanation.rstrip().endswith("from it.")
    # --show-context prints the code of each span, not only where it is.
    assert "Context (" in out
    assert "return session.scalars(stmt).first()" in out.split("Context (", 1)[1]


def test_on_a_tty_locations_are_osc8_links_carrying_the_line(shop: Path, tmp_path: Path) -> None:
    child = spawn(["explain", "trace.txt"], shop, clean_env(tmp_path))
    raw = child.before
    assert child.exitstatus == 0, raw
    users = (shop / "shop" / "users.py").resolve().as_posix()
    link = re.search(
        r"\x1b\]8;[^;]*;(file://[^\x1b\x07]*)(?:\x1b\\|\x07)(?:\x1b\[[0-9;]*m)*shop/users\.py:12",
        raw,
    )
    assert link, raw
    assert link.group(1).endswith(f"{users}#12")


def test_the_model_hint_is_shown_once_and_remembered_outside_the_repo(
    shop: Path, tmp_path: Path
) -> None:
    env = clean_env(tmp_path)
    first = debugai("explain", "trace.txt", cwd=shop, env=env)
    second = debugai("explain", "trace.txt", cwd=shop, env=env)
    assert first.returncode == second.returncode == 0, first.stderr + second.stderr
    assert "set DEBUGAI_MODEL" in first.stdout
    assert "set DEBUGAI_MODEL" not in second.stdout and "engine: static" in second.stdout
    assert list((tmp_path / "state" / "debugai" / "hints").iterdir())
    assert not list(shop.rglob("*hint*"))


# -- progress ------------------------------------------------------------------------------------


def big_project(root: Path, files: int = 150) -> Path:
    """The shop example plus enough modules that indexing takes a moment."""
    for i in range(files):
        mod = root / "shop" / f"extra_{i:03d}.py"
        mod.write_text("".join(f"def f{j}(x):\n    return x + {j}\n\n\n" for j in range(40)))
    return root


def test_progress_on_a_tty_for_indexing_and_the_model_nothing_in_a_pipe(
    shop: Path, tmp_path: Path
) -> None:
    big_project(shop)
    answer = (
        '{"root_cause": {"file": "shop/users.py", "line": 12, "symbol": "shop.users.get_user", '
        '"category": "none-propagation", "explanation": "returns None"}, "chain": [], '
        '"fix": {"summary": "guard it", "diff": ""}}'
    )
    with ScriptedOpenAIServer() as srv:
        srv.push(Delay(2.5, Reply(content=answer)), Delay(0.1, Reply(content=answer)))
        env = clean_env(
            tmp_path, OPENAI_BASE_URL=srv.base_url, OPENAI_API_KEY="k", DEBUGAI_MODEL="slowmodel"
        )
        child = spawn(["explain", "trace.txt", "--no-cache"], shop, env)
        screen = _ANSI.sub("", child.before)
        assert child.exitstatus == 0, screen
        assert "indexing: parsing files" in screen
        assert re.search(r"waiting for the model \(slowmodel\)\s+0:00:0[1-9]", screen), screen
        shutil.rmtree(shop / ".debugai")
        piped = debugai("explain", "trace.txt", "--no-cache", cwd=shop, env=env)
    assert piped.returncode == 0, piped.stderr
    assert "indexing" not in piped.stderr and "waiting" not in piped.stderr
    assert "\x1b" not in piped.stderr + piped.stdout


# -- the small points ----------------------------------------------------------------------------


def test_version_and_help_without_type_noise(tmp_path: Path) -> None:
    env = clean_env(tmp_path)
    from debugai import __version__

    res = debugai("--version", cwd=tmp_path, env=env)
    assert res.returncode == 0 and res.stdout.strip() == f"debugai {__version__}"
    for cmd in (["--help"], ["explain", "--help"], ["ci", "--help"], ["graph", "show", "--help"]):
        res = debugai(*cmd, cwd=tmp_path, env=env)
        assert res.returncode == 0, res.stderr
        assert not re.search(r"<(bool|str|int|path|list\[str\])>", res.stdout), res.stdout
    res = debugai("explain", "--help", cwd=tmp_path, env=env)
    assert re.search(r"--repo\s+PATH", res.stdout) and re.search(r"--budget\s+N", res.stdout)


def test_dump_request_without_a_model_says_why(shop: Path, tmp_path: Path) -> None:
    dump = tmp_path / "req.json"
    res = debugai("explain", "trace.txt", "--dump-request", dump, cwd=shop, env=clean_env(tmp_path))
    assert res.returncode == ExitCode.USAGE
    assert "no model is used here" in one_line_error(res) and "DEBUGAI_MODEL" in res.stderr
    assert not dump.exists()


def test_pytest_tb_no_output_asks_for_a_traceback(tmp_path: Path) -> None:
    proj = tmp_path / "proj"
    (proj / "pkg").mkdir(parents=True)
    (proj / "pyproject.toml").write_text("[project]\nname = 'p'\n")
    (proj / "pkg" / "__init__.py").write_text("")
    (proj / "pkg" / "a.py").write_text("def f(d):\n    return d['k']\n")
    (proj / "test_a.py").write_text("from pkg.a import f\n\n\ndef test_a():\n    assert f({})\n")
    run = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "--tb=no", "-p", "no:cacheprovider"],
        cwd=proj,
        capture_output=True,
        text=True,
        env=clean_env(tmp_path),
        timeout=TIMEOUT,
    )
    assert run.returncode == 1 and "FAILED test_a.py::test_a" in run.stdout
    res = debugai("explain", "-", cwd=proj, env=clean_env(tmp_path), input=run.stdout)
    assert res.returncode == ExitCode.USAGE
    line = one_line_error(res)
    assert "no traceback in this output" in line and "re-run pytest with --tb=auto" in line
    assert "--repo" not in line


def test_graph_show_past_the_end_of_the_file_is_an_error(shop: Path, tmp_path: Path) -> None:
    env = clean_env(tmp_path)
    res = debugai("graph", "show", "shop/users.py:999", cwd=shop, env=env)
    assert res.returncode == ExitCode.USAGE
    assert "past the end of the file" in one_line_error(res)
    ok = debugai("graph", "show", "shop/users.py:12", cwd=shop, env=env)
    assert ok.returncode == 0 and "shop.users.get_user" in ok.stdout
