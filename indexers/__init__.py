"""Index a Python repository into symbols and a call/import graph (tree-sitter + networkx)."""

from debugai.indexers.build import IndexOptions, build_index
from debugai.indexers.index import CodeIndex
from debugai.indexers.model import (
    CALLS,
    CONTAINS,
    IMPORTS,
    INHERITS,
    READS_ENV,
    Assignment,
    EnvRead,
    FileInfo,
    IndexStats,
    NonePath,
    Symbol,
    Unresolved,
)
from debugai.indexers.parser import PY_LANGUAGE, parse_source

__all__ = [
    "CALLS",
    "CONTAINS",
    "IMPORTS",
    "INHERITS",
    "PY_LANGUAGE",
    "READS_ENV",
    "Assignment",
    "CodeIndex",
    "EnvRead",
    "FileInfo",
    "IndexOptions",
    "IndexStats",
    "NonePath",
    "Symbol",
    "Unresolved",
    "build_index",
    "parse_source",
]
