"""The tree-sitter Python grammar, a parser, and the compiled queries shipped in queries/*.scm."""

from __future__ import annotations

import threading
from functools import cache
from importlib import resources

import tree_sitter
import tree_sitter_python

PY_LANGUAGE = tree_sitter.Language(tree_sitter_python.language())

# Parsers are not thread-safe; one per thread keeps parse_source usable from worker threads.
_local = threading.local()


def _parser() -> tree_sitter.Parser:
    parser = getattr(_local, "parser", None)
    if parser is None:
        parser = _local.parser = tree_sitter.Parser(PY_LANGUAGE)
    return parser


def parse_source(src: bytes) -> tree_sitter.Tree:
    """Parse Python source bytes into a tree-sitter tree (never raises on bad syntax)."""
    return _parser().parse(src)


@cache
def query(name: str) -> tree_sitter.Query:
    """The compiled query `queries/<name>.scm`."""
    text = (
        resources.files("debugai.indexers")
        .joinpath("queries")
        .joinpath(f"{name}.scm")
        .read_text("utf-8")
    )
    compiled: tree_sitter.Query = tree_sitter.Query(PY_LANGUAGE, text)
    return compiled
