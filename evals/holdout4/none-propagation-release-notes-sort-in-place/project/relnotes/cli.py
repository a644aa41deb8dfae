import argparse
from datetime import date
from pathlib import Path

from relnotes.commits import load_commits
from relnotes.grouping import breaking_changes, group_by_section
from relnotes.render import render_release


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="relnotes", description="Release notes from commit logs.")
    parser.add_argument("commits", type=Path, help="JSON export of `git log` since the last tag")
    parser.add_argument("--version", required=True)
    parser.add_argument("--date", type=date.fromisoformat, default=date.today())
    parser.add_argument("-o", "--output", type=Path, help="write here instead of stdout")
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    commits = load_commits(args.commits)
    if not commits:
        print("no conventional commits found")
        return 1
    notes = render_release(
        args.version,
        args.date,
        group_by_section(commits),
        breaking_changes(commits),
    )
    if args.output:
        args.output.write_text(notes, encoding="utf-8")
    else:
        print(notes, end="")
    return 0
