"""`debugai explain` as a user runs it: formats, the JSON contract, and bad input."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

import debugai.cli  # noqa: F401  (registers the commands)
from debugai.cli_app import app

ROOT = Path(__file__).resolve().parent.parent
SHOP = ROOT / "examples" / "shop"
runner = CliRunner()


def run(*args: str, input: str | None = None):  # type: ignore[no-untyped-def]
    return runner.invoke(app, list(args), input=input)


@pytest.fixture()
def shop(tmp_path: Path) -> Path:
    """A private copy of the example, so the index cache never lands in the repo."""
    dest = tmp_path / "shop"
    shutil.copytree(SHOP, dest)
    return dest


def test_json_follows_the_contract(shop: Path) -> None:
    res = run("explain", str(shop / "trace.txt"), "--repo", str(shop), "--format", "json")
    assert res.exit_code == 0, res.output
    data = json.loads(res.output)
    assert set(data) >= {
        "version",
        "engine",
        "error",
        "root_cause",
        "candidates",
        "chain",
        "fix",
        "context",
        "usage",
    }
    assert data["version"] == 1 and data["engine"] == "static"
    assert data["root_cause"]["file"] == "shop/users.py"
    assert data["root_cause"]["symbol"] == "shop.users.get_user"
    assert data["candidates"][0]["file"] == data["root_cause"]["file"]
    assert data["candidates"][0]["line"] == data["root_cause"]["line"]
    assert data["chain"][0]["file"] == "shop/users.py"
    assert data["chain"][-1]["file"] == "shop/billing.py"
    assert data["context"]["tokens"] > 0 and data["context"]["spans"]
    for c in data["candidates"]:  # every citation is a real line of the repo
        lines = (shop / c["file"]).read_text().splitlines()
        assert 1 <= c["line"] <= len(lines)
    repo_frames = [f for f in data["error"]["frames"] if f["in_repo"]]
    assert repo_frames and all(not f["file"].startswith("/") for f in repo_frames)


def test_text_names_root_cause_chain_and_engine(shop: Path) -> None:
    res = run("explain", str(shop / "trace.txt"), "--repo", str(shop))
    assert res.exit_code == 0, res.output
    out = res.output
    assert "Root cause" in out and "shop/users.py:12" in out
    assert "Chain" in out and "engine: static" in out
    assert out.index("Root cause") < out.index("Chain")


def test_markdown_has_a_mermaid_chain(shop: Path) -> None:
    res = run("explain", str(shop / "trace.txt"), "--repo", str(shop), "-f", "markdown")
    assert res.exit_code == 0
    assert "```mermaid" in res.output and "flowchart LR" in res.output
    assert "**Root cause**" in res.output


def test_sarif_has_the_root_cause_as_primary_location(shop: Path) -> None:
    res = run("explain", str(shop / "trace.txt"), "--repo", str(shop), "-f", "sarif")
    assert res.exit_code == 0
    sarif = json.loads(res.output)
    assert sarif["version"] == "2.1.0"
    result = sarif["runs"][0]["results"][0]
    loc = result["locations"][0]["physicalLocation"]
    assert loc["artifactLocation"]["uri"] == "shop/users.py"
    assert loc["region"]["startLine"] == 12
    assert result["ruleId"] == "debugai/none-propagation"


def test_stdin_is_read_with_dash(shop: Path) -> None:
    trace = (shop / "trace.txt").read_text()
    res = run("explain", "-", "--repo", str(shop), "-f", "json", input=trace)
    assert res.exit_code == 0, res.output
    assert json.loads(res.output)["root_cause"]["file"] == "shop/users.py"


@pytest.mark.parametrize(
    ("setup", "code", "words"),
    [
        ("missing", 2, "no such file"),
        ("empty", 2, "empty"),
        ("prose", 2, "no python traceback"),
        ("norepo", 2, "no such directory"),
        ("foreign", 3, "no frame"),
        ("badformat", 2, "unknown format"),
        ("badengine", 2, "unknown engine"),
    ],
)
def test_bad_input_is_one_line_and_a_documented_code(
    shop: Path, tmp_path: Path, setup: str, code: int, words: str
) -> None:
    trace = tmp_path / "t.txt"
    args = [str(trace), "--repo", str(shop)]
    if setup == "empty":
        trace.write_text("")
    elif setup == "prose":
        trace.write_text("all good here, nothing crashed\n")
    elif setup == "norepo":
        trace.write_text((shop / "trace.txt").read_text())
        args = [str(trace), "--repo", str(tmp_path / "nope")]
    elif setup == "foreign":
        other = tmp_path / "other"
        other.mkdir()
        (other / "lib.py").write_text("x = 1\n")
        trace.write_text((shop / "trace.txt").read_text())
        args = [str(trace), "--repo", str(other)]
    elif setup in ("badformat", "badengine"):
        trace.write_text((shop / "trace.txt").read_text())
        args += ["--format", "yaml"] if setup == "badformat" else ["--engine", "gpt"]
    res = subprocess.run(
        [sys.executable, "-m", "debugai", "explain", *args],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert res.returncode == code, res.stderr
    err = res.stderr.strip()
    assert "Traceback (most recent call last):\n" not in res.stderr
    assert len(err.splitlines()) == 1, err
    assert err.startswith("debugai: error:")
    assert words in err.lower()
