"""`debugai ci`: explain a failing CI run in one sticky pull-request comment."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Annotated

import typer

from debugai.cli_app import app, err_console, guard, repo_root
from debugai.errors import CiFailure, UsageError


def _warn(message: str, github: bool) -> None:
    err_console.print(f"debugai: warning: {message}", markup=False, soft_wrap=True)
    if github:
        # A workflow command makes the warning visible on the run page, not only in the log.
        typer.echo(f"::warning title=debugai::{message}")


@app.command()
@guard
def ci(
    reports: Annotated[
        list[Path] | None,
        typer.Argument(
            help="pytest JUnit XML (--junitxml), a pytest log, or any log with tracebacks; "
            "'-' or nothing reads stdin.",
            show_default=False,
        ),
    ] = None,
    repo: Annotated[
        Path | None,
        typer.Option(
            help="The repository the tests ran in [default: the project root at or above the "
            "current directory]",
            show_default=False,
        ),
    ] = None,
    engine: Annotated[
        str, typer.Option(help="auto (LLM when configured, else static), static, llm or local.")
    ] = "auto",
    max_failures: Annotated[
        int, typer.Option(min=1, help="Root causes explained; further failures are only listed.")
    ] = 5,
    budget: Annotated[int, typer.Option(min=500, help="Context token budget per failure.")] = 8000,
    fail_on_error: Annotated[
        bool,
        typer.Option(
            help="Exit 6 when the run cannot be fully reported: no test report or result read, "
            "a failure with no traceback, or the comment/summary could not be written."
        ),
    ] = False,
    sarif: Annotated[
        Path | None, typer.Option(help="Also write a SARIF file for code scanning upload.")
    ] = None,
    dry_run: Annotated[
        bool, typer.Option(help="Print the comment and annotations; post and write nothing.")
    ] = False,
    rerun: Annotated[
        str | None,
        typer.Option(
            "--rerun",
            help="Re-run each explained failure's tests with this command under a tracer of "
            "repo code (runtime evidence): {tests} is replaced by their node ids, {files} by "
            "their files; with neither, the node ids are appended. Nothing runs without it.",
            show_default=False,
        ),
    ] = None,
    rerun_timeout: Annotated[
        float, typer.Option("--rerun-timeout", help="Seconds before a re-run is killed.")
    ] = 300.0,
) -> None:
    """Explain a failing CI run in one sticky pull-request comment (GitHub, GitLab).

    Also writes the job summary and ::error annotations at each root cause.
    Never fails the job by itself unless --fail-on-error is given. Input with no test
    result (empty, a build error, pytest stopped before collecting) is never reported green.
    """
    from debugai.agent.ci.bot import CiOptions, run_ci
    from debugai.config import engine_name, load_config

    chosen = engine_name(engine)
    paths = list(reports or [])
    if not paths:
        if sys.stdin.isatty():
            raise UsageError("give a JUnit XML or log file (or pipe a log into stdin)")
        paths = [Path("-")]
    if rerun is not None and not rerun.strip():
        raise UsageError("--rerun needs a command, e.g. --rerun 'python -m pytest {tests}'")
    if rerun_timeout <= 0:
        raise UsageError(f"--rerun-timeout {rerun_timeout:g}: give a number of seconds above 0")
    root = repo_root(repo)
    options = CiOptions(
        config=load_config(root),
        repo=root,
        engine=chosen,
        budget=budget,
        max_failures=max_failures,
        dry_run=dry_run,
        sarif=sarif,
        rerun=rerun,
        rerun_timeout=rerun_timeout,
    )
    result = run_ci(paths, options, os.environ)
    github = result.platform == "github"

    # GitLab has no job summary: the job log is where a push pipeline's report can be read.
    unread = not result.passing and not result.outcome.failed
    if result.body and (dry_run or unread or result.platform in ("local", "gitlab")):
        typer.echo(result.body)
    for line in result.annotations:
        typer.echo(line)
    for message in result.warnings:
        _warn(message, github)
    if result.comment:
        where = f" (id {result.comment_id})" if result.comment_id else ""
        err_console.print(f"debugai: comment {result.comment}{where}", markup=False)
    if result.sarif_path:
        err_console.print(f"debugai: SARIF written to {result.sarif_path}", markup=False)
    for message in result.notes:
        err_console.print(f"debugai: {message}", markup=False, soft_wrap=True)
    for message in result.errors:
        if not fail_on_error:
            _warn(message, github)
    if fail_on_error and not result.body:
        # No input could be opened at all: a wrong path (2), not a run that went wrong (6).
        raise UsageError("no test report could be read (" + "; ".join(result.warnings) + ")")
    if fail_on_error and result.errors:
        raise CiFailure("; ".join(result.errors))
