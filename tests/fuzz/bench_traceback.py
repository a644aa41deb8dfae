"""Measure the reader on a large log (on demand): throughput in MB/s and peak memory.

python tests/fuzz/bench_traceback.py --megabytes 100
"""

from __future__ import annotations

import argparse
import json
import resource
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from tb_corpus import SCRIPTS, run_script

from debugai.agent.traceback import iter_traces, open_lines


def build_log(path: Path, trace_text: str, megabytes: int) -> int:
    """INFO noise with a real traceback every ~200 lines (a busy service's log)."""
    noise = "2024-05-01 10:00:00,123 INFO     app.http: GET /health 200 0.4ms user=anonymous\n"
    block = noise * 200 + "2024-05-01 10:00:00,124 ERROR    app.http: request failed\n" + trace_text
    count = 0
    with open(path, "w", encoding="utf-8") as fh:
        while fh.tell() < megabytes << 20:
            fh.write(block)
            count += 1
    return count


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--megabytes", type=int, default=100)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory(prefix="tbbench-") as tmp:
        trace_text = run_script(Path(tmp), SCRIPTS["chain_cause"]).stderr
        log = Path(tmp) / "big.log"
        expected = build_log(log, trace_text, args.megabytes)
        size = log.stat().st_size
        rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        t0 = time.perf_counter()
        found = sum(1 for _ in iter_traces(open_lines(str(log))))
        elapsed = time.perf_counter() - t0
        rss_after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    result = {
        "megabytes": round(size / 1e6, 1),
        "traces": found,
        "expected": expected,
        "seconds": round(elapsed, 2),
        "mb_per_s": round(size / 1e6 / elapsed, 1),
        "peak_rss_mb_before": round(rss_before / 1024, 1),
        "peak_rss_mb_after": round(rss_after / 1024, 1),
    }
    print(json.dumps(result))
    return 0 if found == expected else 1


if __name__ == "__main__":
    sys.exit(main())
