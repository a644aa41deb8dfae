"""Evidence every diagnosis uses, whatever the failure: frames, graph rank, shared state, git."""

from __future__ import annotations

import re
import subprocess
import time
from pathlib import Path
from typing import TYPE_CHECKING

from debugai.agent.static import flow
from debugai.agent.static.analysis import Analyzer, Step
from debugai.agent.static.suspects import Suspect, from_trail

if TYPE_CHECKING:
    from debugai.indexers import CodeIndex

MUTABLE_DEFAULT = ("list", "dictionary", "set")
MUTATORS = re.compile(r"\.(append|extend|update|add|setdefault|insert|pop|clear)\(|\[[^\]]+\]\s*=")


def frame_suspects(an: Analyzer) -> list[Suspect]:
    """The traceback's own repo frames: the innermost is the classic baseline guess."""
    out = []
    n = len(an.frames)
    for i, site in enumerate(reversed(an.frames)):
        score = 0.35 if i == 0 else max(0.1, 0.25 - 0.04 * i)
        sym = an.symbol(site.symbol)
        why = "raises here" if i == 0 else f"frame {n - i} of {n} in the traceback"
        step = Step(site.file, site.line, site.symbol, why, kind="frame")
        s = from_trail(an, [step], score, {})
        if sym is not None and sym.kind == "function":
            s.end_line = site.line
        out.append(s)
    return out


def shared_state_suspects(an: Analyzer, _match: object = None) -> list[Suspect]:
    """Mutable defaults, class-level containers and module state mutated by the code involved."""
    out: list[Suspect] = []
    seeds = [s.symbol for s in an.frames if s.symbol]
    near = call_neighbourhood(an.index, seeds, hops=3, direction="out")
    involved = sorted(s for s in near if s in an.index.symbols)
    for sym_id in involved:
        kind = an.index.symbols[sym_id].kind
        if kind == "function":
            out.extend(_mutable_defaults(an, sym_id))
        elif kind == "class":
            out.extend(_class_containers(an, sym_id))
    classes = {i.rsplit(".", 1)[0] for i in involved if an.index.symbols[i].kind == "function"}
    for cls in sorted(classes - set(involved)):
        if cls in an.index.symbols and an.index.symbols[cls].kind == "class":
            out.extend(_class_containers(an, cls))
    modules = {an.index.module_of(s.file) for s in an.frames}
    for a in an.index.assignments:
        if a.module not in modules or not CONTAINER.match(a.value):
            continue
        for sym_id in involved:
            sym = an.symbol(sym_id)
            if sym is None or sym.file != a.file:
                continue
            lines = an.index.lines(sym.file)[sym.line - 1 : sym.end_line]
            if any(a.name in ln and MUTATORS.search(ln) for ln in lines):
                step = Step(
                    a.file,
                    a.line,
                    a.module,
                    f"module-level `{a.name}` is mutated by `{sym.id}`",
                    root=True,
                    reason="shared module state",
                    kind="shared",
                )
                out.append(from_trail(an, [step], 0.55, {}))
                break
    key = _missing_key(an)
    if key:
        out.extend(_key_removers(an, key))
    out.extend(_cached_results_mutated(an, involved))
    return out


def _cached_results_mutated(an: Analyzer, involved: list[str]) -> list[Suspect]:
    """A caller changes the list/dict an `@lru_cache`d function returns: every caller shares it.

    Only the functions near the failure are read (their callees, not the repo's callers table)."""
    out = []
    for caller in involved:
        for callee, line in an.index.callees(caller):
            sym = an.symbol(callee)
            if (
                sym is None
                or sym.kind != "function"
                or not any("cache" in d for d in sym.decorators)
            ):
                continue
            csym = an.symbol(caller)
            text = an.line_text(csym.file, line) if csym is not None else ""
            bound = re.match(r"\s*(\w+)\s*(:[^=]+)?=[^=]", text)
            if csym is None or not bound:
                continue
            name = bound.group(1)
            body = an.index.lines(csym.file)[line : csym.end_line]
            for offset, ln in enumerate(body):
                if re.search(
                    rf"\b{name}\s*(\.(append|extend|insert|update|pop|remove|clear|"
                    rf"setdefault|sort)\(|\[[^\]]*\]\s*=|\+=)",
                    ln,
                ):
                    step = Step(
                        csym.file,
                        line + 1 + offset,
                        csym.id,
                        f"`{csym.id}` changes `{name}`, the cached result of "
                        f"`{sym.id}` that every caller shares",
                        root=True,
                        reason="mutates a cached result",
                        kind="shared",
                    )
                    out.append(from_trail(an, [step], 0.8, {}))
                    break
    return out


CONTAINER = re.compile(r"^(\{|\[|dict\(|list\(|set\(|defaultdict)")


def _mutable_defaults(an: Analyzer, sym_id: str) -> list[Suspect]:
    sym = an.index.symbols[sym_id]
    fn = an.func_node(sym)
    params = fn.child_by_field_name("parameters") if fn is not None else None
    out = []
    for p in params.named_children if params is not None else []:
        value = p.child_by_field_name("value")
        if p.type not in ("default_parameter", "typed_default_parameter") or value is None:
            continue
        is_call = value.type == "call" and flow.text(value).split("(")[0] in (
            "list",
            "dict",
            "set",
            "defaultdict",
        )
        if value.type in MUTABLE_DEFAULT or is_call:
            step = Step(
                sym.file,
                p.start_point[0] + 1,
                sym.id,
                f"mutable default `{flow.text(p)}` is shared between calls",
                root=True,
                reason="mutable default argument",
                kind="shared",
            )
            out.append(from_trail(an, [step], 0.7, {}))
    return out


def _class_containers(an: Analyzer, cls_id: str) -> list[Suspect]:
    """`rows: list = []` in a class body, appended to through `self.rows`: shared by instances."""
    cls = an.index.symbols[cls_id]
    lines = an.index.lines(cls.file)
    body = lines[cls.line : cls.end_line]
    out = []
    for offset, text in enumerate(body):
        m = re.match(r"^(\s+)(\w+)\s*(:[^=]+)?=\s*(\[|\{|dict\(|list\(|set\()", text)
        if not m or len(m.group(1)) > 8:
            continue
        name = m.group(2)
        if any(
            re.search(rf"self\.{name}\s*(\.\w+\(|\[[^\]]*\]\s*=)", ln) and MUTATORS.search(ln)
            for ln in body
        ):
            line = cls.line + 1 + offset
            step = Step(
                cls.file,
                line,
                cls.id,
                f"class attribute `{name}` is one object shared by every instance",
                root=True,
                reason="class-level mutable attribute",
                kind="shared",
            )
            out.append(from_trail(an, [step], 0.72, {}))
    return out


def _missing_key(an: Analyzer) -> str | None:
    final = an.trace.final
    if final.type.rsplit(".", 1)[-1] != "KeyError":
        return None
    m = re.fullmatch(r"'([^']+)'", final.message.strip())
    return m.group(1) if m else None


def _key_removers(an: Analyzer, key: str) -> list[Suspect]:
    """Code that deletes the missing key from a dict: it may be a shared one."""
    quoted = (f'"{key}"', f"'{key}'")
    out = []
    for file in an.index.files:
        lines = an.index.lines(file)
        if not any(q in ln for ln in lines for q in quoted):
            continue
        for i, text in enumerate(lines):
            if re.search(r"\.pop\(|\bdel\s+\w+\[|\.popitem\(|\.clear\(\)", text):
                sym = an.index.symbol_at(file, i + 1)
                if sym is None or sym.kind != "function":
                    continue
                step = Step(
                    file,
                    i + 1,
                    sym.id,
                    f"`{sym.id}` removes keys such as `{key}` from a dict it was given",
                    root=True,
                    reason="mutates a shared dict",
                    kind="shared",
                )
                out.append(from_trail(an, [step], 0.75, {}))
    return out


def call_neighbourhood(
    index: CodeIndex, seeds: list[str], hops: int, direction: str = "both"
) -> set[str]:
    """Symbols within `hops` calls of the seeds, from the index's call lists.

    The index's networkx graph is built lazily and costs seconds on a large repo; the call lists
    are already in memory, and calls are all the engine walks."""
    seen = {s for s in seeds if s in index.symbols}
    frontier = set(seen)
    for _ in range(hops):
        nxt: set[str] = set()
        for node in frontier:
            if direction in ("out", "both"):
                nxt.update(c for c, _ in index.callees(node))
            if direction in ("in", "both"):
                nxt.update(c for c, _ in index.callers(node))
        frontier = nxt - seen
        seen |= frontier
        if not frontier:
            break
    return seen


def pagerank(index: CodeIndex, seeds: list[str], limit: int = 400) -> dict[str, float]:
    """Personalised PageRank from the frames over their call neighbourhood (kept small)."""
    seeds = [s for s in seeds if s in index.symbols]
    if not seeds:
        return {}
    # Callees only: the callers that matter are the traceback's outer frames, already seeds,
    # and the repo-wide callers table costs more than the rest of a diagnosis on a large repo.
    nodes = call_neighbourhood(index, seeds, hops=2, direction="out")
    if len(nodes) > limit:
        nodes = set(sorted(nodes)[:limit]) | set(seeds)
    adj: dict[str, set[str]] = {}
    for u in nodes:
        for v, _ in index.callees(u):
            if v in nodes and v != u:
                adj.setdefault(u, set()).add(v)
                adj.setdefault(v, set()).add(u)  # values flow both ways along a call
    return personalized_pagerank(adj, set(seeds) & adj.keys())


def personalized_pagerank(
    adj: dict[str, set[str]], seeds: set[str], alpha: float = 0.85, iters: int = 50
) -> dict[str, float]:
    """Power iteration on a small undirected graph; networkx's version needs numpy and scipy."""
    if not seeds:
        return {}
    teleport = {n: (1.0 / len(seeds) if n in seeds else 0.0) for n in adj}
    rank = dict(teleport)
    for _ in range(iters):
        nxt = {n: (1 - alpha) * teleport[n] for n in adj}
        for n, r in rank.items():
            if r:
                share = alpha * r / len(adj[n])
                for m in adj[n]:
                    nxt[m] += share
        delta = sum(abs(nxt[n] - rank[n]) for n in adj)
        rank = nxt
        if delta < 1e-9:
            break
    return rank


def blame(root: Path, file: str, start: int, end: int) -> tuple[str, int] | None:
    """(short sha, commit time) of the newest commit touching the lines, if a git checkout."""
    if not (root / ".git").exists():
        return None
    try:
        out = subprocess.run(
            [
                "git",
                "-C",
                str(root),
                "blame",
                "--line-porcelain",
                "-L",
                f"{start},{end}",
                "--",
                file,
            ],
            capture_output=True,
            text=True,
            timeout=10,
            check=False,
        )
    except (OSError, subprocess.TimeoutExpired):
        return None
    if out.returncode != 0:
        return None
    best: tuple[str, int] | None = None
    sha = ""
    for line in out.stdout.splitlines():
        if re.match(r"^[0-9a-f]{40} ", line):
            sha = line[:40]
        elif line.startswith("committer-time ") and not sha.startswith("0000000"):
            t = int(line.split()[1])
            if best is None or t > best[1]:
                best = (sha[:10], t)
    return best


def now() -> float:
    return time.perf_counter()
