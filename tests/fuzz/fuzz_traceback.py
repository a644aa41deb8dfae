"""Fuzz the traceback reader on demand (not in CI): real tracebacks, mutated, a million times.

    python tests/fuzz/fuzz_traceback.py --count 1000000 [--seed 1] [--report fuzz.json]

Every input goes through parse_all_strict (parse_all without its safety net) and must come back
as a list of Trace objects without raising. Inputs are real tracebacks produced by running
scripts and pytest at start-up, plus the hand-written samples, then mutated: lines dropped,
duplicated, swapped, truncated, re-indented, prefixed, spliced across documents, bytes flipped,
binary garbage, control characters, CRLF, huge lines. A failing input is saved beside the report.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sys
import tempfile
import time
import traceback
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from tb_corpus import corpus

from debugai.agent.traceback import parse_all_strict
from debugai.agent.traceback.model import Trace

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
TOKENS = [
    "Traceback (most recent call last):",
    "  + Exception Group Traceback (most recent call last):",
    '  File "x.py", line 1, in f',
    '  File "x.py", line 1',
    "    ^^^^^",
    "    ~~~^^^",
    "  [Previous line repeated 5 more times]",
    "The above exception was the direct cause of the following exception:",
    "During handling of the above exception, another exception occurred:",
    "  +-+---------------- 1 ----------------",
    "    | ValueError: x",
    "    +---------------- ... ----------------",
    "    | and 3 more exceptions",
    "    +------------------------------------",
    "  | ExceptionGroup:  (2 sub-exceptions)",
    "=================================== FAILURES ===================================",
    "___________________________________ test_x ___________________________________",
    "=========================== short test summary info ============================",
    "FAILED t.py::test_x - KeyError: 'k'",
    "========================== 1 failed in 0.1s ==========================",
    "E       assert 1 == 2",
    ">       x()",
    "t.py:3: in f",
    "t.py:3: KeyError",
    "_ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _",
    "--------------------------- Captured stdout call ---------------------------",
    "KeyError                                  Traceback (most recent call last)",
    "Cell In[3], line 5, in f(x)",
    "----> 5 f(0)",
    "{",
    "}",
    '{"exception": {"values": [{"type": "E", "stacktrace": {"frames": [{"lineno": 1}]}}]}}',
    '{"exc_info": "Traceback (most recent call last):\\n  File \\"a.py\\", line 1, in f\\nE: x"}',
    '{"exception": [{"exc_type": "E", "frames": [{"filename": 3}]}]}',
    "Current thread 0x00007f (most recent call first):",
    "Fatal Python error: Segmentation fault",
    "\x1b[31mKeyError\x1b[0m: 'k'",
    "Exception Type: OperationalError at /x/",
    "Exception Value: no such table",
    "The above exception (boom) was the direct cause of the following exception:",
    "During handling of the above exception (boom), another exception occurred:",
    'File "x.py", line 3, in <module>',
    "foo()",
    "```",
    '"""',
    "concurrent.futures.process._RemoteTraceback: ",
    "file /t/test_x.py, line 7",
    "E       fixture 'x' not found",
    "/t/test_x.py:7",
    "[Previous line repeated 99999999999999999999 more times]",
    "KeyError",
    "ERROR:    Exception in ASGI application",
    "",
    " ",
    "\t",
    "\x00",
    "\ufeff",
    "\r",
]


def mutate(rng: random.Random, docs: list[str]) -> str:
    """One fuzz input: a real document with a few random mutations."""
    text = rng.choice(docs)
    lines = text.split("\n")
    for _ in range(rng.randint(1, 6)):
        op = rng.randrange(14)
        n = len(lines)
        i = rng.randrange(n) if n else 0
        if op == 0 and n:
            del lines[i : i + rng.randint(1, 5)]
        elif op == 1 and n:
            lines.insert(i, lines[rng.randrange(n)])
        elif op == 2 and n > 1:
            j = rng.randrange(n)
            lines[i], lines[j] = lines[j], lines[i]
        elif op == 3 and n:
            lines[i] = lines[i][: rng.randint(0, len(lines[i]))]
        elif op == 4 and n:
            lines[i] = " " * rng.randint(0, 6) + lines[i].lstrip()
        elif op == 5:
            lines.insert(i, rng.choice(TOKENS))
        elif op == 6:
            prefix = rng.choice(
                ["web-1  | ", "2024-01-01 00:00:00,000 ERROR x: ", "> ", "    ", "|"]
            )
            lines = [prefix + ln for ln in lines]
        elif op == 7:
            other = rng.choice(docs).split("\n")
            k = rng.randrange(len(other) + 1)
            lines = lines[:i] + other[k:] + lines[i:]
        elif op == 8 and n:
            raw = bytearray(lines[i].encode("utf-8", "surrogatepass"))
            for _ in range(rng.randint(1, 4)):
                if raw:
                    raw[rng.randrange(len(raw))] = rng.randrange(256)
            lines[i] = raw.decode("utf-8", "replace")
        elif op == 9:
            garbage = bytes(rng.randrange(256) for _ in range(rng.randint(1, 200)))
            lines.insert(i, garbage.decode(rng.choice(["latin-1", "utf-8"]), "replace"))
        elif op == 10 and n:
            lines[i] = lines[i] + "\r"
        elif op == 11:
            lines = lines[: rng.randint(0, n)]
        elif op == 12 and n:
            lines[i] = lines[i] * rng.randint(2, 50)
        elif op == 13:
            chars = "".join(chr(rng.randrange(0x20, 0x3000)) for _ in range(rng.randint(1, 40)))
            lines.insert(i, chars)
    return "\n".join(lines)


def run(count: int, seed: int, report: Path | None) -> int:
    with tempfile.TemporaryDirectory(prefix="tbfuzz-") as tmp:
        docs = corpus(Path(tmp))
    docs += [p.read_text(encoding="utf-8") for p in sorted(SAMPLES.iterdir()) if p.suffix != ".md"]
    docs += TOKENS
    rng = random.Random(seed)
    start = time.time()
    failures: list[dict[str, str]] = []
    traces_seen = 0
    chars = 0
    for n in range(1, count + 1):
        text = (
            mutate(rng, docs)
            if rng.random() < 0.97
            else "\n".join(rng.choices(TOKENS, k=rng.randint(1, 60)))
        )
        chars += len(text)
        try:
            result = parse_all_strict(text)
            assert isinstance(result, list) and all(isinstance(t, Trace) for t in result)
            for t in result:
                assert t.chain, "a trace with an empty chain"
                _ = t.final, t.all_frames
            traces_seen += len(result)
        except Exception:
            failures.append({"input": text, "error": traceback.format_exc()})
            if len(failures) >= 20:
                break
        if n % 50_000 == 0:
            rate = n / (time.time() - start)
            print(f"{n} inputs, {len(failures)} failures, {rate:.0f} inputs/s", flush=True)
    elapsed = time.time() - start
    summary = {
        "inputs": n,
        "failures": len(failures),
        "traces_found": traces_seen,
        "chars": chars,
        "seconds": round(elapsed, 1),
        "seed": seed,
        "corpus_documents": len(docs),
    }
    print(json.dumps(summary))
    if report is not None:
        report.write_text(json.dumps({**summary, "failing_inputs": failures[:20]}, indent=2))
    return 1 if failures else 0


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--count", type=int, default=1_000_000)
    ap.add_argument("--seed", type=int, default=int(os.environ.get("FUZZ_SEED", "1")))
    ap.add_argument("--report", type=Path, default=None)
    args = ap.parse_args()
    return run(args.count, args.seed, args.report)


if __name__ == "__main__":
    sys.exit(main())
