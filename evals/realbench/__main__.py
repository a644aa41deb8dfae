"""python -m debugai.evals.realbench build CASE_DIR... | score ..."""

from __future__ import annotations

import argparse
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path


def _build(args: argparse.Namespace) -> int:
    from debugai.evals.realbench.build import BuildRefused, build, rederive
    from debugai.evals.realbench.case import CaseFormatError, load

    def one(d: str) -> tuple[bool, str]:
        try:
            case = load(d)
            if args.cmd == "rederive":
                return True, rederive(case)
            return True, build(case, keep_fixed=args.keep_fixed)
        except (BuildRefused, CaseFormatError) as exc:
            return False, f"refused {Path(d).name}: {exc}"

    bad = 0
    with ThreadPoolExecutor(max_workers=max(1, args.jobs)) as pool:
        for ok, line in pool.map(one, args.dirs):
            print(line, flush=True)
            bad += not ok
    return 1 if bad else 0


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["fit"]:  # its own parser: the options are the fitter's
        from debugai.evals.realbench.fit import main as fit_main

        return fit_main(argv[1:])
    parser = argparse.ArgumentParser(prog="python -m debugai.evals.realbench")
    sub = parser.add_subparsers(dest="cmd", required=True)
    b = sub.add_parser("build", help="recreate cases, run their tests, derive their truth")
    b.add_argument("dirs", nargs="+", help="evals/real/<id> folders")
    b.add_argument("--jobs", type=int, default=1)
    b.add_argument("--keep-fixed", action="store_true", help="keep the fixed checkout")
    r = sub.add_parser("rederive", help="re-derive truth and trace facts of built cases")
    r.add_argument("dirs", nargs="+")
    r.add_argument("--jobs", type=int, default=1)
    r.set_defaults(keep_fixed=False)
    sub.add_parser("fit", help="fit the static engine's ranking (leave-one-project-out)")
    s = sub.add_parser("score", help="score an engine and the baselines on the built cases")
    from debugai.evals.realbench.score import add_arguments

    add_arguments(s)
    args = parser.parse_args(argv)
    if args.cmd in ("build", "rederive"):
        return _build(args)
    from debugai.evals.realbench.score import run

    return run(args)


if __name__ == "__main__":
    sys.exit(main())
