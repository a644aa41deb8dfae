"""Render a Diagnosis as Markdown, JSON or SARIF (text for terminals is built by the CLI)."""

from __future__ import annotations

import json
import re
from collections.abc import Callable

from debugai.agent.diagnosis import Diagnosis

Link = Callable[[str, int], str]


def render_json(diag: Diagnosis) -> str:
    return json.dumps(diag.to_json_dict(), indent=2, ensure_ascii=False)


def _loc(file: str, line: int, link: Link | None) -> str:
    label = f"{file}:{line}"
    return f"[`{label}`]({link(file, line)})" if link else f"`{label}`"


def render_markdown(
    diag: Diagnosis, link: Link | None = None, *, heading: str = "##", timing: bool = True
) -> str:
    """Markdown for humans (PR comments, reports): root cause, chain, mermaid diagram, fix.

    timing=False leaves the run time out, so that the same diagnosis renders the same text
    (the CI bot edits its comment only when that text changes)."""
    err = diag.error
    first = err.message.strip().splitlines()[0] if err.message.strip() else ""
    out = [f"{heading} `{err.type}`: {_md_escape(first)}", ""]
    rc = diag.root_cause
    if rc is None:
        out += ["No root cause could be located in the repository.", ""]
    else:
        sym = f" in `{rc.symbol}`" if rc.symbol else ""
        out += [
            f"**Root cause** ({rc.category}): {_loc(rc.file, rc.line, link)}{sym}",
            "",
            _md_escape(rc.explanation),
            "",
        ]
        top = diag.candidates[0] if diag.candidates else None
        if top is not None and top.observed and (top.file, top.line) == (rc.file, rc.line):
            out += [f"*Observed in the re-run:* {_md_escape('; '.join(top.observed))}", ""]
    if diag.chain:
        out.append("**Chain** (root cause first):")
        out.append("")
        for i, hop in enumerate(diag.chain, 1):
            sym = f" `{hop.symbol}`" if hop.symbol else ""
            out.append(
                f"{i}. {_loc(hop.file, hop.line, link)}{sym} — {_md_escape(hop.explanation)}"
            )
        out.append("")
        if len(diag.chain) > 1:
            out += ["```mermaid", mermaid(diag), "```", ""]
    if diag.fix and diag.fix.summary:
        out += [f"**Suggested fix:** {_md_escape(diag.fix.summary)}", ""]
        if diag.fix.diff:
            out += ["```diff", diag.fix.diff.rstrip(), "```", ""]
    if len(diag.candidates) > 1:
        out.append("<details><summary>Other candidates</summary>")
        out.append("")
        for c in diag.candidates[1:6]:
            sym = f" `{c.symbol}`" if c.symbol else ""
            out.append(f"- {_loc(c.file, c.line, link)}{sym} ({c.score:.2f}) — {_md_escape(c.why)}")
        out += ["", "</details>", ""]
    for note in diag.notes:
        out.append(f"> {_md_escape(note)}")
    out.append(
        f"<sub>engine: {diag.engine} · context: {diag.context.tokens} tokens in "
        f"{len(diag.context.spans)} spans"
        + (f" · {diag.usage.seconds:.2f}s</sub>" if timing else "</sub>")
    )
    return "\n".join(out).rstrip() + "\n"


def mermaid(diag: Diagnosis) -> str:
    """A left-to-right flowchart of the chain, one box per hop, grouped by file."""
    lines = ["flowchart LR"]
    by_file: dict[str, list[int]] = {}
    for i, hop in enumerate(diag.chain):
        by_file.setdefault(hop.file, []).append(i)
    for f_index, (file, hops) in enumerate(by_file.items()):
        lines.append(f'  subgraph f{f_index}["{_mm(file)}"]')
        for i in hops:
            hop = diag.chain[i]
            label = _mm(f"{hop.symbol or hop.file}:{hop.line}")
            lines.append(f'    h{i}["{label}"]')
        lines.append("  end")
    for i in range(len(diag.chain) - 1):
        lines.append(f"  h{i} --> h{i + 1}")
    return "\n".join(lines)


def _mm(text: str) -> str:
    return re.sub(r'["<>\[\]{}|]', "'", text)


def _md_escape(text: str) -> str:
    # Tracebacks carry <...> reprs that Markdown would swallow as HTML.
    return text.replace("<", "&lt;").replace(">", "&gt;")


def render_sarif(diags: list[Diagnosis], tool_version: str = "0.1.0") -> dict[str, object]:
    """SARIF 2.1.0: one result per diagnosis, the root cause as its primary location."""
    rules: dict[str, dict[str, object]] = {}
    results = []
    for d in diags:
        rc = d.root_cause
        if rc is None:
            continue
        rule_id = f"debugai/{rc.category}"
        rules.setdefault(
            rule_id,
            {
                "id": rule_id,
                "name": rc.category,
                "shortDescription": {"text": f"Root cause: {rc.category}"},
            },
        )
        first = d.error.message.strip().splitlines()[0] if d.error.message.strip() else ""
        results.append(
            {
                "ruleId": rule_id,
                "level": "error",
                "message": {"text": f"{d.error.type}: {first} — {rc.explanation}"},
                "locations": [_sarif_loc(rc.file, rc.line, rc.end_line)],
                "relatedLocations": [
                    {
                        **_sarif_loc(h.file, h.line, None),
                        "id": i,
                        "message": {"text": h.explanation},
                    }
                    for i, h in enumerate(d.chain)
                ],
                "codeFlows": [
                    {
                        "threadFlows": [
                            {
                                "locations": [
                                    {
                                        "location": {
                                            **_sarif_loc(h.file, h.line, None),
                                            "message": {"text": h.explanation},
                                        }
                                    }
                                    for h in d.chain
                                ]
                            }
                        ]
                    }
                ]
                if d.chain
                else [],
            }
        )
    return {
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "debugai",
                        "version": tool_version,
                        "informationUri": "https://pypi.org/project/debugai/",
                        "rules": list(rules.values()),
                    }
                },
                "results": results,
            }
        ],
    }


def _sarif_loc(file: str, line: int, end_line: int | None) -> dict[str, object]:
    region: dict[str, int] = {"startLine": line}
    if end_line and end_line >= line:
        region["endLine"] = end_line
    return {
        "physicalLocation": {
            "artifactLocation": {"uri": file, "uriBaseId": "%SRCROOT%"},
            "region": region,
        }
    }
