"""`debugai index` and `debugai graph ...` through the real typer app."""

from __future__ import annotations

import json
import textwrap
from pathlib import Path

import networkx as nx
import pytest
from typer.testing import CliRunner

import debugai.cli  # noqa: F401  (registers the commands)
from debugai.cli_app import app
from debugai.errors import ExitCode

runner = CliRunner()


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    files = {
        "app/__init__.py": "",
        "app/users.py": "def get_user(uid):\n    return None\n\n\ndef get_users():\n    return [get_user(1)]\n",
        "app/billing.py": "from app.users import get_user\n\n\ndef charge(uid):\n    user = get_user(uid)\n    return user.email\n",
    }
    for rel, text in files.items():
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text(textwrap.dedent(text), encoding="utf-8")
    return tmp_path


def run(*args: str):
    return runner.invoke(app, list(args))


def test_index_prints_a_summary(repo: Path) -> None:
    r = run("index", str(repo))
    assert r.exit_code == 0, r.output
    assert "files: 3 (3 parsed, 0 from cache)" in r.output
    assert "100% of in-repo calls resolved" in r.output
    r = run("index", str(repo))
    assert "(0 parsed, 3 from cache)" in r.output


def test_index_missing_path_is_one_line_and_exit_2(tmp_path: Path) -> None:
    r = run("index", str(tmp_path / "nope"))
    assert r.exit_code == 2  # no such path: bad input
    assert "nope: no such directory" in r.output and "Traceback" not in r.output


def test_callers_and_callees(repo: Path) -> None:
    r = run("graph", "callers", "get_user", "--repo", str(repo))
    assert r.exit_code == 0, r.output
    assert "app.billing.charge  app/billing.py:5" in r.output
    assert "app.users.get_users  app/users.py:6" in r.output
    r = run("graph", "callees", "app.billing.charge", "--repo", str(repo))
    assert "app/billing.py:5  -> app.users.get_user" in r.output


def test_unknown_symbol_exits_2_with_close_matches(repo: Path) -> None:
    r = run("graph", "callers", "get_usr", "--repo", str(repo))
    assert r.exit_code == 2
    assert "unknown symbol 'get_usr'" in r.output and "app.users.get_user" in r.output


def test_ambiguous_symbol_exits_2(repo: Path) -> None:
    (repo / "app/admin.py").write_text("def get_user():\n    pass\n")
    r = run("graph", "callees", "get_user", "--repo", str(repo))
    assert r.exit_code == 2 and "ambiguous" in r.output


def test_path_and_show(repo: Path) -> None:
    r = run("graph", "path", "charge", "get_user", "--repo", str(repo))
    assert (
        r.exit_code == 0 and "app.billing.charge" in r.output and "app.users.get_user" in r.output
    )
    r = run("graph", "path", "get_user", "charge", "--repo", str(repo))
    assert r.exit_code == ExitCode.NOT_FOUND and "no call/import path" in r.output
    r = run("graph", "show", "app/users.py:2", "--repo", str(repo))
    assert r.exit_code == 0
    assert "app.users.get_user  [function]  app/users.py:1-2" in r.output
    assert "may return None: line 2 (return None)" in r.output
    assert "called from app.billing.charge at line 5" in r.output
    assert run("graph", "show", "nowhere.py:3", "--repo", str(repo)).exit_code == 2
    assert run("graph", "show", "app/users.py", "--repo", str(repo)).exit_code == 2


@pytest.mark.parametrize("fmt", ["json", "graphml", "dot"])
def test_export(repo: Path, tmp_path_factory, fmt: str) -> None:
    out = tmp_path_factory.mktemp("out") / f"graph.{fmt}"
    r = run("graph", "export", "--format", fmt, "--output", str(out), "--repo", str(repo))
    assert r.exit_code == 0, r.output
    if fmt == "json":
        g = nx.node_link_graph(json.loads(out.read_text()), edges="edges")
    elif fmt == "graphml":
        g = nx.read_graphml(out)
    else:
        text = out.read_text()
        assert text.startswith("digraph debugai {")
        assert '"app.billing.charge" -> "app.users.get_user" [kind="calls", line=5];' in text
        return
    assert g.has_edge("app.billing.charge", "app.users.get_user")
    assert g.nodes["app.users.get_user"]["kind"] == "function"


def test_export_unknown_format(repo: Path) -> None:
    r = run("graph", "export", "--format", "xml", "--repo", str(repo))
    assert r.exit_code == 2 and "unknown format" in r.output
