"""Eval reports: Markdown with a per-category chart, regressions against a previous report, floors."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

HEADLINE = (
    "file_at1",
    "file_at3",
    "func_at1",
    "func_at3",
    "line_hit",
    "chain_recall",
    "context_recall",
    "invalid_citations",
    "context_tokens",
    "seconds",
)
LOWER_IS_BETTER = {"invalid_citations", "context_tokens", "seconds"}
# Regressions are flagged on quality metrics only: time and tokens vary run to run.
QUALITY = (
    "file_at1",
    "file_at3",
    "func_at1",
    "func_at3",
    "line_hit",
    "chain_recall",
    "context_recall",
    "invalid_citations",
)


def fmt(value: float | None, metric: str) -> str:
    if value is None:
        return "–"
    if metric == "context_tokens":
        return f"{value:.0f}"
    if metric == "seconds":
        return f"{value:.2f}s"
    return f"{value:.2f}"


def markdown(report: dict[str, Any], regressions: list[str] | None = None) -> str:
    summary = report["summary"]
    lines = [
        f"# debugai eval — {report['label']}",
        "",
        f"engine `{report['engine']}`, {report['cases']} cases.",
        "",
    ]
    lines += [
        "## Overall",
        "",
        "| system | " + " | ".join(HEADLINE) + " |",
        "|---|" + "---|" * len(HEADLINE),
    ]
    for system, metrics in summary["overall"].items():
        cells = [fmt(metrics.get(m), m) for m in HEADLINE]
        lines.append(f"| {system} | " + " | ".join(cells) + " |")
    lines += [
        "",
        "## Per category (engine vs innermost-frame baseline)",
        "",
        "| category | cases | func@1 | func@3 | file@1 | line | chain | context | "
        "baseline func@1 |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    cats = [c for c in summary if c != "overall"]
    for cat in cats:
        e, b = summary[cat]["engine"], summary[cat]["innermost_frame"]
        lines.append(
            f"| {cat} | {e['cases']:.0f} | {fmt(e['func_at1'], '')} | {fmt(e['func_at3'], '')} | "
            f"{fmt(e['file_at1'], '')} | {fmt(e['line_hit'], '')} | "
            f"{fmt(e['chain_recall'], '')} | {fmt(e['context_recall'], '')} | "
            f"{fmt(b['func_at1'], '')} |"
        )
    names = [c for c in cats if not c.startswith("root-")]
    if names:
        lines += [
            "",
            "## Chart: function-level Acc@1 per category",
            "",
            "```mermaid",
            "xychart-beta",
            '  title "func@1 per category (bars: engine, line: baseline)"',
            "  x-axis [" + ", ".join(f'"{c}"' for c in names) + "]",
            '  y-axis "func@1" 0 --> 1',
            "  bar ["
            + ", ".join(f"{summary[c]['engine']['func_at1'] or 0:.2f}" for c in names)
            + "]",
            "  line ["
            + ", ".join(f"{summary[c]['innermost_frame']['func_at1'] or 0:.2f}" for c in names)
            + "]",
            "```",
        ]
    lines += [
        "",
        "## Cases",
        "",
        "| case | category | func@1 | line | answer |",
        "|---|---|---|---|---|",
    ]
    for r in report["results"]:
        e = r["systems"].get("engine", {})
        answer = r.get("error") or r.get("top") or ""
        lines.append(
            f"| {r['case_id']} | {r['category']} | {fmt(e.get('func_at1'), '')} | "
            f"{fmt(e.get('line_hit'), '')} | `{answer}` |"
        )
    if regressions is not None:
        lines += ["", "## Compared with the previous report", ""]
        lines += [f"- REGRESSION {r}" for r in regressions] or ["No regressions."]
    return "\n".join(lines) + "\n"


def regressions(old: dict[str, Any], new: dict[str, Any], tolerance: float = 0.005) -> list[str]:
    """Quality metrics of the engine that got worse, overall and per category."""
    found = []
    for group, systems in new["summary"].items():
        before = old.get("summary", {}).get(group, {}).get("engine")
        if before is None:
            continue
        for m in QUALITY:
            a, b = before.get(m), systems["engine"].get(m)
            if a is None or b is None:
                continue
            worse = b > a + tolerance if m in LOWER_IS_BETTER else b < a - tolerance
            if worse:
                found.append(f"{group}: {m} {a:.3f} -> {b:.3f}")
    return found


def below_floor(report: dict[str, Any], floor_path: Path) -> list[str]:
    """Overall engine metrics under the committed floor ([engine] table of metric minima)."""
    data = tomllib.loads(floor_path.read_text(encoding="utf-8"))
    floors = data.get(report["engine"].split(":")[0], {})
    overall = report["summary"]["overall"]["engine"]
    out = []
    for metric, minimum in floors.items():
        value = overall.get(metric)
        if metric in LOWER_IS_BETTER:
            if value is None or value > minimum:
                out.append(f"{metric} = {value} is above the ceiling {minimum}")
        elif value is None or value < minimum:
            out.append(f"{metric} = {value} is below the floor {minimum}")
    return out


def write(report: dict[str, Any], folder: Path, previous: dict[str, Any] | None) -> list[str]:
    folder.mkdir(parents=True, exist_ok=True)
    regs = regressions(previous, report) if previous is not None else None
    (folder / "report.json").write_text(json.dumps(report, indent=1) + "\n", encoding="utf-8")
    (folder / "report.md").write_text(markdown(report, regs), encoding="utf-8")
    return regs or []


def load(path: Path) -> dict[str, Any] | None:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) and "summary" in data else None
