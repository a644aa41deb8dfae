"""`debugai eval`: score an engine on the curated cases, next to the two baselines."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from debugai.cli_app import app, console, err_console, guard
from debugai.errors import EvalFailure, UsageError


@app.command("eval")
@guard
def eval_(
    engine: Annotated[str, typer.Option(help="static|llm|local")] = "static",
    set_: Annotated[
        str,
        typer.Option(
            "--set", help="cases (the curated set) or real (the real-bug benchmark, evals/real)"
        ),
    ] = "cases",
    cases: Annotated[str, typer.Option(help="Glob(s) over case ids, comma-separated.")] = "*",
    cases_dir: Annotated[Path | None, typer.Option(help="Folder of cases.")] = None,
    jobs: Annotated[int, typer.Option(help="Cases run in parallel.")] = 2,
    report: Annotated[
        Path | None, typer.Option(help="Write report.json and report.md here.")
    ] = None,
    compare: Annotated[
        Path | None, typer.Option(help="A previous report.json to flag regressions against.")
    ] = None,
    floor: Annotated[
        Path | None, typer.Option(help="TOML of minimum scores; fail (exit 5) below them.")
    ] = None,
    check: Annotated[
        bool, typer.Option("--check", help="Re-run every case; fail if its output drifted.")
    ] = False,
    model: Annotated[
        str | None,
        typer.Option(help="Model for --engine llm, or GGUF name/path for --engine local."),
    ] = None,
    label: Annotated[str | None, typer.Option(help="Title of the report.")] = None,
) -> None:
    """Score an engine on the eval cases (or, with --check, verify the cases themselves)."""
    from debugai.config import engine_name
    from debugai.evals import capture, harness
    from debugai.evals import report as rep
    from debugai.evals.case import CASES_DIR, discover

    if engine not in ("static", "llm", "local"):
        raise UsageError(f"unknown engine {engine!r}: choose static, llm or local")
    if set_ not in ("cases", "real"):
        raise UsageError(f"unknown --set {set_!r}: choose cases or real")
    if set_ == "real":
        from debugai.evals.realbench.score import REPORT_DIR, headline, score_real

        try:
            result = score_real(engine, jobs=jobs, out=report or REPORT_DIR, echo=print)
        except LookupError as exc:
            raise UsageError(str(exc)) from None
        console.print(headline(result), markup=False, highlight=False)
        return
    root = cases_dir or CASES_DIR
    selected = sorted(
        {c.id: c for g in cases.split(",") for c in discover(root, g.strip())}.values(),
        key=lambda c: c.id,
    )
    if not selected:
        raise UsageError(f"no case matches {cases!r}")
    if check:
        outcomes = [capture.process(c, check=True) for c in selected]
        for o in outcomes:
            mark = "[green]ok[/]  " if o.ok else "[red]FAIL[/]"
            console.print(f"{mark} {o.case_id}: {o.message}", highlight=False)
            for d in o.details:
                console.print(f"       {d}", markup=False)
        failed = [o.case_id for o in outcomes if not o.ok]
        console.print(f"{len(outcomes) - len(failed)}/{len(outcomes)} cases reproduce")
        if failed:
            raise EvalFailure(f"{len(failed)} case(s) drifted or broke: {' '.join(failed)}")
        return
    config = None
    if engine != "static":
        from debugai.config import load_config

        key = "local_model" if engine == "local" else "model"
        config = load_config(None, flags={key: model, "engine": engine})

    def progress(done: int, total: int, result: harness.CaseResult) -> None:
        if engine != "static":  # model runs take minutes: say how far along they are
            err_console.print(
                f"[{done}/{total}] {result.case_id}: {result.top or result.error}",
                markup=False,
                highlight=False,
            )

    chosen = engine_name(engine)  # one of static, llm, local: checked above
    results = harness.run_all(selected, chosen, jobs, config=config, progress=progress)
    name = engine if model is None else f"{engine}:{model}"
    data = harness.report_dict(results, name, label=label or f"{name} on {len(results)} cases")
    _print_scoreboard(data)
    errors = [r for r in results if r.error]
    for r in errors:
        console.print(f"[yellow]case {r.case_id} failed:[/] {r.error}", highlight=False)
    previous = (
        rep.load(compare) if compare else (rep.load(report / "report.json") if report else None)
    )
    regs = rep.regressions(previous, data) if previous else []
    if report is not None:
        rep.write(data, report, previous)
        console.print(f"report written to {report}/report.md and report.json")
    for reg in regs:
        console.print(f"[red]REGRESSION[/] {reg}", highlight=False)
    if floor is not None:
        low = rep.below_floor(data, floor)
        if low:
            raise EvalFailure("scores under the committed floor: " + "; ".join(low))
        console.print(f"all scores at or above the floor in {floor}")


SHORT = {
    "file_at1": "file@1",
    "file_at3": "file@3",
    "func_at1": "fn@1",
    "func_at3": "fn@3",
    "line_hit": "line",
    "chain_recall": "chain",
    "context_recall": "ctx",
    "invalid_citations": "bad cite",
    "context_tokens": "tokens",
    "seconds": "time",
}
SYSTEM = {"engine": "engine", "innermost_frame": "1 frame", "all_frames": "frames"}


def _print_scoreboard(data: dict[str, object]) -> None:
    from rich import box
    from rich.console import Console
    from rich.table import Table

    from debugai.evals.report import HEADLINE, fmt

    summary = data["summary"]
    assert isinstance(summary, dict)
    table = Table(title=f"debugai eval — {data['label']}", box=box.SIMPLE_HEAD, pad_edge=False)
    table.add_column("group")
    table.add_column("system")
    for m in HEADLINE:
        table.add_column(SHORT.get(m, m), justify="right")
    for group, systems in summary.items():
        for system, metrics in systems.items():
            if group != "overall" and system != "engine":
                continue
            table.add_row(
                group, SYSTEM.get(system, system), *[fmt(metrics.get(m), m) for m in HEADLINE]
            )
    # A scoreboard is read in CI logs too, where the terminal width is unknown.
    Console(width=max(console.width, 130), highlight=False).print(table)
