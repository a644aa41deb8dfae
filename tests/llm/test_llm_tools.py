"""The model's tools: useful inside the repository, refused outside it."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from llm_fixtures import CrashRepo, make_repo

from debugai.agent.llm.tools import ToolBox
from debugai.api import open_index


@pytest.fixture(scope="module")
def repo(tmp_path_factory: pytest.TempPathFactory) -> CrashRepo:
    base = tmp_path_factory.mktemp("tools")
    crash = make_repo(base / "repo")
    outside = base / "outside"
    outside.mkdir()
    (outside / "secret.txt").write_text("TOP SECRET OUTSIDE\n")
    os.symlink(outside, crash.root / "linked_dir")
    os.symlink(outside / "secret.txt", crash.root / "app" / "linked.txt")
    (crash.root / "notes.txt").write_text("inside note\n")
    return crash


@pytest.fixture(scope="module")
def tools(repo: CrashRepo) -> ToolBox:
    return ToolBox(open_index(repo.root, cache=False))


@pytest.mark.parametrize(
    "path",
    [
        "../outside/secret.txt",
        "app/../../outside/secret.txt",
        "/etc/passwd",
        "~/.ssh/id_rsa",
        "C:/Windows/win.ini",
        "..\\outside\\secret.txt",
        "linked_dir/secret.txt",
        "app/linked.txt",
        ".env",
        "app/\x00users.py",
    ],
)
def test_escapes_are_refused(tools: ToolBox, path: str) -> None:
    result = tools.call("read_span", {"file": path, "start": 1, "end": 5})
    assert result.refused and result.text.startswith("refused:")
    assert "TOP SECRET" not in result.text and "STRIPE" not in result.text


def test_read_span_inside(tools: ToolBox) -> None:
    result = tools.call("read_span", '{"file": "./app/users.py", "start": 8, "end": 9}')
    assert result.ok and "8 | def get_user(user_id):" in result.text and "10 |" not in result.text
    assert tools.call("read_span", {"file": "notes.txt", "start": 1, "end": 1}).text.endswith(
        "inside note"
    )


def test_search_and_symbols(tools: ToolBox) -> None:
    assert "app/billing.py:9:" in tools.call("search_code", {"text": 'user["name"]'}).text
    assert "app/users.py:8" in tools.call("find_symbol", {"name": "get_user"}).text
    callers = tools.call("callers", {"symbol": "app.users.get_user"}).text
    assert "app.billing.charge" in callers
    assert "app.users.get_user" in tools.call("callees", {"symbol": "app.billing.charge"}).text
    assert "no symbol" in tools.call("callers", {"symbol": "nope.nothing"}).text


def test_bad_calls_are_error_text(tools: ToolBox) -> None:
    assert tools.call("run_shell", {"cmd": "rm -rf /"}).text.startswith("error: no tool")
    assert tools.call("read_span", "{not json").text.startswith("error:")
    assert tools.call("read_span", {"path": "x"}).text.startswith("error: bad arguments")
    assert tools.call("search_code", {"text": "x"}).text.startswith("error:")


def test_no_tool_writes_executes_or_reaches_the_network(tools: ToolBox) -> None:
    names = {spec["function"]["name"] for spec in tools.specs()}
    assert names == {"read_span", "find_symbol", "callers", "callees", "search_code", "env_reads"}
    assert not any(n.startswith(("write", "exec", "run", "fetch", "http")) for n in names)


def test_tool_output_is_capped(tmp_path: Path) -> None:
    crash = make_repo(tmp_path / "r")
    box = ToolBox(open_index(crash.root, cache=False), max_chars=200)
    assert box.call("search_code", {"text": "er"}).text.endswith("(truncated)")


@pytest.mark.parametrize(
    ("name", "args"),
    [
        ("env_reads", {"var": 5}),
        ("env_reads", {"var": ["a"]}),
        ("read_span", {"file": 3, "start": 1, "end": 2}),
        ("read_span", {"file": "app/users.py", "start": "one", "end": 2}),
        ("read_span", {"file": "app/users.py", "start": 1e300, "end": 2}),
        ("read_span", {"file": "app/users.py", "start": True, "end": 2}),
        ("read_span", {"file": "app/users.py", "start": None}),
        ("find_symbol", {"name": {"x": 1}}),
        ("callers", {"symbol": None}),
        ("callees", {"symbol": 7}),
        ("search_code", {"text": 12345}),
    ],
)
def test_wrong_typed_arguments_come_back_as_errors(
    tools: ToolBox, name: str, args: dict[str, object]
) -> None:
    result = tools.call(name, args)
    assert not result.ok and result.text.startswith("error:"), result.text


@pytest.mark.parametrize(
    "rel",
    [
        ".pgpass",
        ".docker/config.json",
        "infra/prod.tfvars",
        ".htpasswd",
        "deploy/secrets.yaml",
        "settings.ini",
        ".envs/.production/.django",
        ".git-credentials",
        ".git/config",
        "config/credentials.json",
        "docker-compose.yml",
        "app/data.json",
    ],
)
def test_tools_read_no_secret_bearing_or_data_file(tmp_path: Path, rel: str) -> None:
    crash = make_repo(tmp_path / "r")
    path = crash.root / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("password: hunter2-hunter2\n")
    box = ToolBox(open_index(crash.root, cache=False))
    result = box.call("read_span", {"file": rel, "start": 1, "end": 5})
    assert result.refused and "hunter2" not in result.text, result.text
    (crash.root / "docs").mkdir()
    (crash.root / "docs" / "README.md").write_text("# how to run\n")
    assert box.call("read_span", {"file": "docs/README.md", "start": 1, "end": 1}).ok
