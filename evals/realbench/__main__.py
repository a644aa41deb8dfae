"""python -m debugai.evals.realbench build CASE_DIR... | rederive ... | score ... | mine ..."""

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


def _mine(args: argparse.Namespace) -> int:
    from debugai.evals.realbench.case import RealCase, mirror_of
    from debugai.evals.realbench.mine import Era, candidates, write_cases

    eras = []
    for text in args.era:
        since, python, *reqs = text.split()
        eras.append(Era(since, python, tuple(reqs)))
    probe = RealCase(Path(), "", "", "", args.repo, "", "", "", [], [], [])
    found = candidates(mirror_of(probe), args.package, since=args.since, until=args.until)
    made = write_cases(
        found, out=Path(args.out), project=args.project or args.repo.split("/")[1].lower(),
        repo=args.repo, eras=eras, pythonpath=args.pythonpath, start=args.start,
    )  # fmt: skip
    for case in made:
        print(f"{case.dir}  {case.source}")
    return 0


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
    m = sub.add_parser("mine", help="write unbuilt cases for a mirror's fix commits")
    m.add_argument("repo", help="owner/name (its mirror must be fetched)")
    m.add_argument("--package", required=True, help="the library folder, e.g. src/werkzeug/")
    m.add_argument("--project", help="case id prefix (default: the repository name)")
    m.add_argument(
        "--era", action="append", required=True, metavar="'SINCE PYTHON REQ...'",
        help="environment for fixes committed on or after SINCE, e.g. "
        "'2022-09-01 3.11 pytest==7.4.0'; repeat for several eras",
    )  # fmt: skip
    m.add_argument("--pythonpath", nargs="*", default=["."])
    m.add_argument("--since", help="only fixes committed since this date")
    m.add_argument("--until", help="only fixes committed until this date")
    m.add_argument("--start", type=int, default=1, help="number of the first case")
    m.add_argument("--out", required=True, help="folder to write the case folders into")
    args = parser.parse_args(argv)
    if args.cmd == "mine":
        return _mine(args)
    if args.cmd in ("build", "rederive"):
        return _build(args)
    from debugai.evals.realbench.score import run

    return run(args)


if __name__ == "__main__":
    sys.exit(main())
