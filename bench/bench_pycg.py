"""Benchmark: debugai's call graph against PyCG on PyCG's own micro-benchmark.

    python bench/bench_pycg.py /path/to/PyCG/micro-benchmark [--pycg PYTHON] [--show]

Fetches nothing: the benchmark folder (`snippets/<category>/<case>/` with `main.py` and
`callgraph.json`) is given. Each snippet is scored on the edges between things the snippet itself
defines (its modules, functions, methods, classes and lambdas, named the way PyCG names them:
`main.f`, `main.C.__init__`, `main.<lambda1>`); edges to builtins and to modules the snippet does
not contain are left out for both tools. Prints precision, recall and exact snippets per category
for debugai and, when `--pycg PYTHON` names an interpreter that can import PyCG, for PyCG measured
in the same run. Target: recall >= 0.95 at precision >= 0.99.
"""

from __future__ import annotations

import argparse
import ast
import json
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from debugai.indexers import CALLS, IndexOptions, build_index

TARGET_RECALL = 0.95
TARGET_PRECISION = 0.99
Edges = set[tuple[str, str]]

# Run inside the PyCG interpreter: reads snippet folders on stdin, prints one JSON graph a line.
# The PyPI wheel installs the package as `PyCG` while its code imports `pycg`: alias it.
PYCG_DRIVER = r"""
import json, os, sys
try:
    import pycg
except ImportError:
    import PyCG
    sys.modules["pycg"] = PyCG
from pycg.pycg import CallGraphGenerator
from pycg import utils
for line in sys.stdin:
    folder = line.strip()
    os.chdir(folder)
    try:
        cg = CallGraphGenerator([os.path.join(folder, "main.py")], folder, -1,
                                utils.constants.CALL_GRAPH_OP)
        cg.analyze()
        print(json.dumps({"ok": {k: sorted(v) for k, v in cg.output().items()}}), flush=True)
    except Exception as e:
        print(json.dumps({"error": f"{type(e).__name__}: {e}"}), flush=True)
"""


def module_name(folder: Path, path: Path) -> str:
    parts = list(path.relative_to(folder).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def defined_names(folder: Path) -> tuple[set[str], set[str]]:
    """(callers, callees) the snippet defines, in PyCG's naming: callers are its modules,
    functions and lambdas; callees its functions and lambdas (a class is not a function: a call
    to a class counts through its __init__)."""
    names: set[str] = set()
    modules: set[str] = set()
    for path in sorted(folder.rglob("*.py")):
        mod = module_name(folder, path)
        try:
            tree = ast.parse(path.read_text(encoding="utf-8"))
        except (SyntaxError, UnicodeDecodeError):
            continue
        modules.add(mod)
        _walk(tree, mod, names, {})
    return names | modules, names


def _walk(node: ast.AST, scope: str, names: set[str], lambdas: dict[str, int]) -> None:
    for child in ast.iter_child_nodes(node):
        if isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            for d in child.decorator_list:
                _walk(d, scope, names, lambdas)
            qid = f"{scope}.{child.name}"
            if not isinstance(child, ast.ClassDef):
                names.add(qid)
            _walk(child, qid, names, lambdas)
        elif isinstance(child, ast.Lambda):
            lambdas[scope] = lambdas.get(scope, 0) + 1
            qid = f"{scope}.<lambda{lambdas[scope]}>"
            names.add(qid)
            _walk(child, qid, names, lambdas)
        else:
            _walk(child, scope, names, lambdas)


def graph_edges(graph: dict[str, list[str]]) -> Edges:
    return {(u, v) for u, vs in graph.items() for v in vs}


def debugai_edges(folder: Path) -> Edges:
    idx = build_index(folder, IndexOptions(cache=False, jobs=1))
    return {(u, v) for u, v, k in idx.graph.edges(data="kind") if k == CALLS}


@dataclass
class Tally:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    exact: int = 0
    cases: int = 0
    failed: int = 0

    def add(self, expected: Edges, predicted: Edges | None) -> None:
        self.cases += 1
        if predicted is None:
            self.failed += 1
            self.fn += len(expected)
            return
        self.tp += len(expected & predicted)
        self.fp += len(predicted - expected)
        self.fn += len(expected - predicted)
        self.exact += expected == predicted

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    def row(self) -> str:
        failed = f" ({self.failed} failed)" if self.failed else ""
        return f"{self.precision:5.3f} {self.recall:5.3f} {self.exact:3d}/{self.cases:<3d}{failed}"


class PyCG:
    """One long-lived PyCG process fed snippet folders; None when it cannot be run."""

    def __init__(self, python: str) -> None:
        self.proc = subprocess.Popen(
            [python, "-c", PYCG_DRIVER],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )

    def edges(self, folder: Path) -> Edges | None:
        assert self.proc.stdin is not None and self.proc.stdout is not None
        self.proc.stdin.write(f"{folder}\n")
        self.proc.stdin.flush()
        line = self.proc.stdout.readline()
        if not line:
            err = self.proc.stderr.read() if self.proc.stderr is not None else ""
            raise RuntimeError((err.strip().splitlines() or ["no output"])[-1])
        out = json.loads(line)
        return graph_edges(out["ok"]) if "ok" in out else None

    def close(self) -> None:
        if self.proc.stdin is not None:
            self.proc.stdin.close()
        self.proc.wait(timeout=30)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("benchmark", type=Path, help="PyCG's micro-benchmark folder")
    ap.add_argument("--pycg", metavar="PYTHON", help="an interpreter that can import PyCG")
    ap.add_argument("--show", action="store_true", help="list debugai's missing and wrong edges")
    args = ap.parse_args()
    snippets = args.benchmark / "snippets"
    if not snippets.is_dir():
        print(f"error: {snippets} is not a folder (give the micro-benchmark path)", file=sys.stderr)
        return 2
    cases = sorted(p.parent for p in snippets.glob("*/*/callgraph.json"))
    pycg: PyCG | None = None
    pycg_note = "PyCG: not run (no --pycg PYTHON given)"
    if args.pycg:
        try:
            pycg = PyCG(args.pycg)
        except OSError as e:
            pycg_note = f"PyCG: cannot be run here ({e}); debugai alone"
    ours: dict[str, Tally] = {}
    theirs: dict[str, Tally] = {}
    for case in cases:
        cat = case.parent.name
        callers, callees = defined_names(case)
        expected = {
            (u, v)
            for u, v in graph_edges(json.loads((case / "callgraph.json").read_text()))
            if u in callers and v in callees
        }
        got = {(u, v) for u, v in debugai_edges(case) if u in callers and v in callees}
        ours.setdefault(cat, Tally()).add(expected, got)
        if args.show and got != expected:
            label = f"{cat}/{case.name}"
            for u, v in sorted(expected - got):
                print(f"  missing {label}: {u} -> {v}")
            for u, v in sorted(got - expected):
                print(f"  WRONG   {label}: {u} -> {v}")
        if pycg is not None:
            try:
                theirs_edges = pycg.edges(case)
            except (RuntimeError, OSError, ValueError) as e:
                pycg_note = f"PyCG: cannot be run here ({e}); debugai alone"
                pycg = None
                theirs.clear()
                continue
            if theirs_edges is not None:
                theirs_edges = {(u, v) for u, v in theirs_edges if u in callers and v in callees}
            theirs.setdefault(cat, Tally()).add(expected, theirs_edges)
    if pycg is not None:
        pycg.close()
        pycg_note = f"PyCG: measured in this run with {args.pycg}"
    head = f"{'category':<14} {'debugai  P     R     exact':<28}"
    if theirs:
        head += "  PyCG  P     R     exact"
    print(head)
    total_ours, total_theirs = Tally(), Tally()
    for cat in sorted(ours):
        line = f"{cat:<14} {ours[cat].row():<28}"
        _merge(total_ours, ours[cat])
        if cat in theirs:
            line += f"  {theirs[cat].row()}"
            _merge(total_theirs, theirs[cat])
        print(line)
    line = f"{'ALL':<14} {total_ours.row():<28}"
    if theirs:
        line += f"  {total_theirs.row()}"
    print(line)
    print(pycg_note)
    ok = total_ours.recall >= TARGET_RECALL and total_ours.precision >= TARGET_PRECISION
    verdict = "met" if ok else "NOT met"
    print(
        f"target recall >= {TARGET_RECALL} at precision >= {TARGET_PRECISION}: {verdict} "
        f"(debugai {total_ours.recall:.3f} / {total_ours.precision:.3f})"
    )
    return 0


def _merge(into: Tally, other: Tally) -> None:
    for f in ("tp", "fp", "fn", "exact", "cases", "failed"):
        setattr(into, f, getattr(into, f) + getattr(other, f))


if __name__ == "__main__":
    sys.exit(main())
