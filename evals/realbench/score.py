"""Scoring on the real-bug benchmark (filled in next)."""

from __future__ import annotations

import argparse


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--engine", default="static")


def run(args: argparse.Namespace) -> int:
    raise SystemExit("score: not written yet")
