"""`debugai trace show`: text and JSON output, exit codes, one-line errors."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import typer.testing

import debugai.cli  # noqa: F401  (registers the commands)
from debugai.cli_app import app

runner = typer.testing.CliRunner()

CODE = """
    def total(prices, sku):
        return prices[sku] * 2

    def checkout():
        try:
            return total({}, "pear")
        except KeyError as exc:
            raise RuntimeError("checkout failed") from exc

    checkout()
"""


def crash_log(tmp: Path) -> tuple[Path, Path]:
    """Run the shop in a 'container' dir; return (repo copy, log file holding its traceback)."""
    container = tmp / "container"
    container.mkdir()
    (container / "shop.py").write_text(textwrap.dedent(CODE))
    proc = subprocess.run(
        [sys.executable, "shop.py"], capture_output=True, text=True, cwd=container
    )
    repo = tmp / "repo"
    shutil.copytree(container, repo)
    log = tmp / "crash.log"
    log.write_text("INFO starting\n" + proc.stderr + "INFO exiting\n")
    return repo, log


def test_show_text(tmp_path: Path) -> None:
    repo, log = crash_log(tmp_path)
    result = runner.invoke(app, ["trace", "show", str(log), "--repo", str(repo)])
    assert result.exit_code == 0, result.output
    out = result.output
    assert "KeyError" in out and "RuntimeError: checkout failed" in out
    assert "direct cause" in out
    assert "shop.py:3" in out and "total" in out
    assert "4 frame(s) mapped onto the repo" in out


def test_show_json_with_path_map(tmp_path: Path) -> None:
    repo, log = crash_log(tmp_path)
    container = tmp_path / "container"
    result = runner.invoke(
        app,
        [
            "trace",
            "show",
            str(log),
            "--repo",
            str(repo),
            "--path-map",
            f"{container}=.",
            "-f",
            "json",
        ],
    )
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    primary = data["traces"][data["primary"]]
    assert [e["type"] for e in primary["chain"]] == ["KeyError", "RuntimeError"]
    assert primary["chain"][0]["relation"] == "cause"
    frames = primary["chain"][0]["frames"]
    assert [(f["repo_path"], f["function"]) for f in frames] == [
        ("shop.py", "checkout"),
        ("shop.py", "total"),
    ]
    assert frames[-1]["col"] is not None
    assert data["locate"]["mapped"] == 4 and data["locate"]["ambiguous"] == []


def test_stdin_and_errors(tmp_path: Path) -> None:
    _repo, log = crash_log(tmp_path)
    result = runner.invoke(app, ["trace", "show", "-"], input=log.read_text())
    assert result.exit_code == 0 and "RuntimeError" in result.output
    cases = [
        (["trace", "show", "-"], "nothing to see here\n", "no Python traceback"),
        (["trace", "show", str(tmp_path / "nope.txt")], None, "no such file"),
        (["trace", "show", str(tmp_path)], None, "is a directory"),
        (["trace", "show", str(log), "-f", "xml"], None, "unknown format"),
        (["trace", "show", str(log), "--path-map", "nonsense"], None, "FROM=TO"),
    ]
    for args, stdin, needle in cases:
        result = runner.invoke(app, args, input=stdin)
        assert result.exit_code == 2, (args, result.output)
        assert needle in result.output
        assert "Traceback" not in result.output
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    result = runner.invoke(app, ["trace", "show", str(empty)])
    assert result.exit_code == 2 and "empty" in result.output
    result = runner.invoke(app, ["trace", "show", str(log), "--repo", str(tmp_path / "missing")])
    assert result.exit_code == 2 and "no such directory" in result.output  # no such path: usage


def test_binary_garbage_exits_cleanly(tmp_path: Path) -> None:
    blob = tmp_path / "blob.bin"
    blob.write_bytes(bytes(range(256)) * 40 + b"\x00\xff\xfe" * 100)
    result = runner.invoke(app, ["trace", "show", str(blob)])
    assert result.exit_code == 2
    assert result.output.count("\n") == 1


def test_path_map_from_pyproject(tmp_path: Path) -> None:
    repo, log = crash_log(tmp_path)
    # Move the file so that only an explicit map can place it.
    (repo / "src").mkdir()
    (repo / "shop.py").rename(repo / "src" / "shop.py")
    container = tmp_path / "container"
    (repo / "pyproject.toml").write_text(f'[tool.debugai]\npath_map = ["{container}=src"]\n')
    result = runner.invoke(app, ["trace", "show", str(log), "--repo", str(repo), "-f", "json"])
    assert result.exit_code == 0, result.output
    frames = json.loads(result.stdout)["traces"][0]["chain"][0]["frames"]
    assert {f["repo_path"] for f in frames} == {"src/shop.py"}
    # The flag wins over the config for the same prefix.
    (repo / "other").mkdir()
    (repo / "src" / "shop.py").rename(repo / "other" / "shop.py")
    result = runner.invoke(
        app,
        [
            "trace",
            "show",
            str(log),
            "--repo",
            str(repo),
            "-f",
            "json",
            "--path-map",
            f"{container}=other",
        ],
    )
    frames = json.loads(result.stdout)["traces"][0]["chain"][0]["frames"]
    assert {f["repo_path"] for f in frames} == {"other/shop.py"}
    (repo / "pyproject.toml").write_text("[tool.debugai]\npath_map = 3\n")
    result = runner.invoke(app, ["trace", "show", str(log), "--repo", str(repo)])
    assert result.exit_code == 2 and "path_map" in result.output
