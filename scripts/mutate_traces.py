"""Mutation run: mangle the eval cases' real tracebacks and check debugai never crashes, hangs or
cites a line that does not exist.

    python scripts/mutate_traces.py                   # 400 mutated traces, seed 0, 20 s each
    python scripts/mutate_traces.py -n 1000 --seed 3 --timeout 30 --json report.json

Each case's project is copied to a temporary folder and indexed once; every mutated trace is
then diagnosed (`explain`, engine auto with no model configured: the offline default) in a
forked child with a hard timeout, and its JSON, Markdown and SARIF renderings are checked:

- crash:   anything but a DebugaiError (those are the one-line messages users see) escaped;
- hang:    the child was still running at the timeout and was killed;
- invalid: a root cause, candidate, chain hop, context span or in-repo frame names a file the
           index lacks or a line outside it, or the Markdown/SARIF cite such a line.

Exit status 1 when any of the three is not zero. The mutations are what pasted tracebacks
suffer: stale or absurd line numbers, paths from another machine, lines lost, repeated or
reordered, truncation, huge or binary messages, CRLF and tabs, chains, two traces mixed.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import os
import random
import re
import shutil
import sys
import tempfile
import time
import traceback
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
CASE_DIRS = ("evals/cases", "evals/holdout", "evals/holdout2", "evals/holdout3", "evals/holdout4")
_FRAME = re.compile(r'^(\s*File ")([^"]*)(", line )(\d+)(.*)$', re.M)
_CITE = re.compile(r"(?<![\w/.-])((?:[\w.-]+/)*[\w.-]+\.\w+):(-?\d+)")

Mutation = Callable[[str, random.Random, list[str]], str]


# -- mutations ---------------------------------------------------------------------------------
def _frames(text: str) -> list[re.Match[str]]:
    return list(_FRAME.finditer(text))


def _edit_frame(text: str, rng: random.Random, edit: Callable[[re.Match[str]], str]) -> str:
    frames = _frames(text)
    if not frames:
        return text
    m = rng.choice(frames)
    return text[: m.start()] + edit(m) + text[m.end() :]


def line_number(text: str, rng: random.Random, _others: list[str]) -> str:
    value = rng.choice(["0", "-1", "999999", "1", str(rng.randint(2, 400)), "9" * 40, "", "x"])
    return _edit_frame(
        text, rng, lambda m: m.group(1) + m.group(2) + m.group(3) + value + m.group(5)
    )


def all_lines_past_the_end(text: str, rng: random.Random, _others: list[str]) -> str:
    return _FRAME.sub(lambda m: m.group(1) + m.group(2) + m.group(3) + "999999" + m.group(5), text)


def stale_without_source(text: str, rng: random.Random, _others: list[str]) -> str:
    """A trace from an older checkout whose source lines were lost (logs often drop them):
    nothing tells locate where the line went."""
    kept = []
    for ln in text.splitlines():
        if kept and _FRAME.match(kept[-1]) and ln.startswith("    ") and not _FRAME.match(ln):
            continue
        kept.append(ln)
    out = "\n".join(kept) + "\n"
    value = rng.choice(["999999", "100000", "5000"])
    return _FRAME.sub(lambda m: m.group(1) + m.group(2) + m.group(3) + value + m.group(5), out)


def other_path(text: str, rng: random.Random, _others: list[str]) -> str:
    def edit(m: re.Match[str]) -> str:
        path = m.group(2)
        tail = path.replace("\\", "/").split("/")[-2:]
        new = rng.choice(
            [
                "/srv/app/" + "/".join(tail),
                "C:\\Users\\dev\\proj\\" + "\\".join(tail),
                "/nonexistent/" + "x" * rng.randint(1, 300) + ".py",
                "/".join(tail),
                "<frozen importlib._bootstrap>",
                "<string>",
                "",
                "../../../etc/passwd",
                path + "c",
                path.upper(),
            ]
        )
        return m.group(1) + new + m.group(3) + m.group(4) + m.group(5)

    return _edit_frame(text, rng, edit)


def drop_lines(text: str, rng: random.Random, _others: list[str]) -> str:
    lines = text.splitlines(keepends=True)
    for _ in range(rng.randint(1, max(1, len(lines) // 3))):
        if lines:
            del lines[rng.randrange(len(lines))]
    return "".join(lines)


def repeat_lines(text: str, rng: random.Random, _others: list[str]) -> str:
    lines = text.splitlines(keepends=True)
    if not lines:
        return text
    i = rng.randrange(len(lines))
    return "".join(lines[:i] + lines[i : i + 2] * rng.choice([2, 50, 3000]) + lines[i:])


def shuffle_lines(text: str, rng: random.Random, _others: list[str]) -> str:
    lines = text.splitlines(keepends=True)
    start = rng.randrange(max(1, len(lines)))
    part = lines[start : start + rng.randint(2, 12)]
    rng.shuffle(part)
    return "".join(lines[:start] + part + lines[start + len(part) :])


def truncate(text: str, rng: random.Random, _others: list[str]) -> str:
    return text[: rng.randrange(max(1, len(text)))]


def message(text: str, rng: random.Random, _others: list[str]) -> str:
    lines = text.rstrip("\n").splitlines()
    if not lines:
        return text
    junk = rng.choice(
        [
            "x" * 200_000,
            "".join(chr(rng.randrange(0x20, 0x2FFF)) for _ in range(300)),
            "\x00\x01\x1b[31mred\x1b[0m\ufeff",
            'line one\nline two\n  File "nowhere.py", line 3\n',
            "KeyError: " + "'" * 5000,
            "",
        ]
    )
    head, _, _msg = lines[-1].partition(": ")
    lines[-1] = f"{head}: {junk}" if rng.random() < 0.7 else junk
    return "\n".join(lines) + "\n"


def whitespace(text: str, rng: random.Random, _others: list[str]) -> str:
    return rng.choice(
        [
            text.replace("\n", "\r\n"),
            text.replace("    ", "\t"),
            text.replace("  ", " "),
            "\n".join("    " + ln for ln in text.splitlines()),
            "\n".join(ln.strip() for ln in text.splitlines()),
            text.replace("\n", "\r"),
        ]
    )


def chain(text: str, rng: random.Random, _others: list[str]) -> str:
    glue = rng.choice(
        [
            "\nDuring handling of the above exception, another exception occurred:\n\n",
            "\nThe above exception was the direct cause of the following exception:\n\n",
        ]
    )
    return glue.join([text.strip("\n")] * rng.choice([2, 5, 60])) + "\n"


def mix(text: str, rng: random.Random, others: list[str]) -> str:
    other = rng.choice(others) if others else text
    cut = rng.randrange(max(1, len(text)))
    return text[:cut] + other[rng.randrange(max(1, len(other))) :]


def byte_noise(text: str, rng: random.Random, _others: list[str]) -> str:
    chars = list(text)
    for _ in range(rng.randint(1, 20)):
        if chars:
            chars[rng.randrange(len(chars))] = chr(rng.choice([0, 7, 0x85, 0x2028, 0xFFFD, 0x7F]))
    return "".join(chars)


def function_names(text: str, rng: random.Random, _others: list[str]) -> str:
    return re.sub(
        r", in (\S+)", lambda m: ", in " + rng.choice(["", "<lambda>", "x" * 900, "é"]), text
    )


def no_header(text: str, rng: random.Random, _others: list[str]) -> str:
    return text.replace("Traceback (most recent call last):", rng.choice(["", "Traceback:"]))


MUTATIONS: dict[str, Mutation] = {
    f.__name__: f
    for f in (
        line_number,
        all_lines_past_the_end,
        stale_without_source,
        other_path,
        drop_lines,
        repeat_lines,
        shuffle_lines,
        truncate,
        message,
        whitespace,
        chain,
        mix,
        byte_noise,
        function_names,
        no_header,
    )
}


# -- one diagnosis, in a child process -------------------------------------------------------------
@dataclass
class Case:
    name: str
    root: Path
    trace: str


@dataclass
class Outcome:
    case: str
    mutations: list[str]
    status: str  # ok | error (a DebugaiError: one clear line) | crash | hang | invalid
    detail: str = ""
    seconds: float = 0.0
    invalid: list[str] = field(default_factory=list)


def _check(diag: Any, index: Any) -> list[str]:
    from debugai.agent.render import render_json, render_markdown, render_sarif

    root = Path(index.root).resolve()

    def n_lines(file: str) -> int:
        info = index.files.get(file)
        if info is not None:
            return info.n_lines or len(index.lines(file))
        path = (root / file).resolve()
        if not path.is_relative_to(root) or not path.is_file():
            return 0
        return len(path.read_bytes().decode("utf-8", "replace").splitlines())

    bad = []
    data = json.loads(render_json(diag))
    places = [("root_cause", data.get("root_cause"))]
    places += [("candidate", c) for c in data["candidates"]]
    places += [("chain", h) for h in data["chain"]]
    for kind, p in places:
        if p and not 1 <= p["line"] <= n_lines(p["file"]):
            bad.append(f"{kind} {p['file']}:{p['line']}")
        if p and p.get("end_line") and not p["line"] <= p["end_line"] <= n_lines(p["file"]):
            bad.append(f"{kind} {p['file']}:{p['line']}-{p['end_line']}")
    for s in data["context"]["spans"]:
        if not 1 <= s["start"] <= s["end"] <= n_lines(s["file"]):
            bad.append(f"span {s['file']}:{s['start']}-{s['end']}")
    for f in data["error"]["frames"]:
        if f["in_repo"] and not 1 <= f["line"] <= n_lines(f["file"]):
            bad.append(f"frame {f['file']}:{f['line']}")
    # Every file:line the Markdown shows (notes included), and SARIF regions.
    for ln in render_markdown(diag).splitlines():
        for m in _CITE.finditer(ln):
            if n_lines(m.group(1)) and not 1 <= int(m.group(2)) <= n_lines(m.group(1)):
                bad.append(f"markdown {m.group(0)}")
    for run in render_sarif([diag]).get("runs", []):
        for result in run.get("results", []):
            for loc in result.get("locations", []):
                phys = loc.get("physicalLocation", {})
                uri = phys.get("artifactLocation", {}).get("uri", "")
                line = phys.get("region", {}).get("startLine", 1)
                if n_lines(uri) and not 1 <= line <= n_lines(uri):
                    bad.append(f"sarif {uri}:{line}")
    return bad


def _child(conn: Any, case: Case, trace: str, index: Any) -> None:
    from debugai.api import explain
    from debugai.config import load_config
    from debugai.errors import DebugaiError

    try:
        config = load_config(case.root, env={"XDG_CACHE_HOME": str(case.root.parent / "cache")})
        diag = explain(trace, case.root, config=config, index=index)
        bad = _check(diag, index)
        conn.send(("invalid", "; ".join(bad[:5]), bad) if bad else ("ok", "", []))
    except DebugaiError as exc:
        first = str(exc).splitlines()[0] if str(exc) else ""
        conn.send(("error", f"{type(exc).__name__}: {first[:200]}", []))
    except BaseException as exc:
        tb = traceback.extract_tb(exc.__traceback__)[-1]
        where = f"{Path(tb.filename).name}:{tb.lineno}"
        conn.send(("crash", f"{type(exc).__name__}: {str(exc)[:200]} at {where}", []))
    finally:
        conn.close()


def run_one(
    ctx: Any, case: Case, trace: str, index: Any, mutations: list[str], timeout: float
) -> Outcome:
    parent, child = ctx.Pipe(duplex=False)
    t0 = time.monotonic()
    proc = ctx.Process(target=_child, args=(child, case, trace, index), daemon=True)
    proc.start()
    child.close()
    status, detail, invalid = "hang", f"killed after {timeout:g}s", []
    if parent.poll(timeout):
        try:
            status, detail, invalid = parent.recv()
        except EOFError:
            status, detail = "crash", f"the child died (exit {proc.exitcode})"
    proc.join(1)
    if proc.is_alive():
        proc.kill()
        proc.join()
    elif status == "hang" and proc.exitcode not in (0, None):
        status, detail = "crash", f"the child died (exit {proc.exitcode})"
    parent.close()
    return Outcome(case.name, mutations, status, detail, round(time.monotonic() - t0, 2), invalid)


# -- the run -------------------------------------------------------------------------------------
def load_cases(work: Path, only: int | None = None) -> list[Case]:
    cases = []
    for folder in CASE_DIRS:
        base = ROOT / folder
        for case_dir in sorted(p for p in base.glob("*") if (p / "output.txt").is_file()):
            if not (case_dir / "project").is_dir():
                continue
            root = work / f"{folder.replace('/', '_')}-{case_dir.name}" / "project"
            shutil.copytree(case_dir / "project", root, ignore=shutil.ignore_patterns(".debugai"))
            # The captured output names the case's own paths: point them at the copy.
            text = (case_dir / "output.txt").read_text(encoding="utf-8", errors="replace")
            text = text.replace(str(case_dir / "project"), str(root))
            cases.append(Case(f"{folder}/{case_dir.name}", root, text))
            if only is not None and len(cases) >= only:
                return cases
    return cases


def mutation_run(
    n: int = 400,
    seed: int = 0,
    timeout: float = 20.0,
    cases: int | None = None,
    progress: Callable[[int, Outcome], None] | None = None,
) -> list[Outcome]:
    import debugai.api  # noqa: F401 - loaded once here, so every forked child runs the same code
    from debugai.agent.pipeline import open_index

    rng = random.Random(seed)
    ctx = multiprocessing.get_context("fork")
    outcomes: list[Outcome] = []
    with tempfile.TemporaryDirectory(prefix="debugai-mutate-") as tmp:
        loaded = load_cases(Path(tmp), cases)
        if not loaded:
            raise SystemExit("no eval cases found under evals/")
        others = [c.trace for c in loaded]
        indexes = {}
        per_case = [n // len(loaded) + (i < n % len(loaded)) for i in range(len(loaded))]
        for case, count in zip(loaded, per_case, strict=True):
            if count == 0:
                continue
            index = indexes.get(case.name) or open_index(case.root)
            indexes[case.name] = index
            for _ in range(count):
                names = rng.sample(sorted(MUTATIONS), k=rng.choice([1, 1, 2, 3]))
                trace = case.trace
                for name in names:
                    trace = MUTATIONS[name](trace, rng, others)
                out = run_one(ctx, case, trace, index, names, timeout)
                outcomes.append(out)
                if progress is not None:
                    progress(len(outcomes), out)
    return outcomes


def summary(outcomes: list[Outcome]) -> dict[str, Any]:
    counts = Counter(o.status for o in outcomes)
    return {
        "traces": len(outcomes),
        "cases": len({o.case for o in outcomes}),
        "ok": counts["ok"],
        "clean_errors": counts["error"],
        "crashes": counts["crash"],
        "hangs": counts["hang"],
        "invalid_citations": counts["invalid"],
        "slowest_seconds": max((o.seconds for o in outcomes), default=0.0),
        "errors_by_kind": dict(
            Counter(o.detail.split(":")[0] for o in outcomes if o.status == "error")
        ),
        "failures": [o.__dict__ for o in outcomes if o.status in ("crash", "hang", "invalid")],
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", type=int, default=400, help="mutated traces in all (default 400)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--timeout", type=float, default=20.0, help="hard limit per trace (s)")
    parser.add_argument("--cases", type=int, default=None, help="use only the first N cases")
    parser.add_argument("--json", type=Path, default=None, help="write the full report here")
    args = parser.parse_args(argv)
    os.environ.pop("OPENAI_API_KEY", None)  # the offline default: no model, whatever is set

    def show(i: int, out: Outcome) -> None:
        if out.status in ("crash", "hang", "invalid"):
            print(f"[{i}] {out.status}: {out.case} {'+'.join(out.mutations)}: {out.detail}")
        elif i % 50 == 0:
            print(f"[{i}] ...", flush=True)

    t0 = time.monotonic()
    outcomes = mutation_run(args.n, args.seed, args.timeout, args.cases, show)
    report = summary(outcomes)
    report["seconds"] = round(time.monotonic() - t0, 1)
    if args.json is not None:
        args.json.write_text(json.dumps(report, indent=2) + "\n")
    print(
        f"{report['traces']} mutated traces over {report['cases']} cases in {report['seconds']}s: "
        f"{report['crashes']} crashes, {report['hangs']} hangs, "
        f"{report['invalid_citations']} invalid citations "
        f"({report['ok']} diagnosed, {report['clean_errors']} clean one-line errors; "
        f"slowest {report['slowest_seconds']}s)"
    )
    bad = report["crashes"] + report["hangs"] + report["invalid_citations"]
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
