"""The CodeIndex query API that the engine and the CLI read."""

from __future__ import annotations

import textwrap
from pathlib import Path

import networkx as nx
import pytest
import tree_sitter

import debugai.indexers as ix
from debugai.indexers import CodeIndex, IndexOptions, build_index
from debugai.indexers.index import build_graph

APP = {
    "app/__init__.py": '"""The app."""\n',
    "app/users.py": '''
        import os


        def get_user(uid: int) -> "User | None":
            """Load a user."""
            if uid:
                return lookup(uid)


        def lookup(uid):
            return os.environ.get("USERS", {}).get(uid)


        class User:
            @property
            def name(self):
                return "x"

            @staticmethod
            def build(
                uid,
            ):
                return get_user(
                    uid,
                )
    ''',
    "app/billing.py": """
        from app.users import get_user


        def charge(uid):
            user = get_user(uid)
            return user.name
    """,
}


@pytest.fixture(scope="module")
def idx(tmp_path_factory) -> CodeIndex:
    root = tmp_path_factory.mktemp("repo")
    for rel, text in APP.items():
        p = root / rel
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
    return build_index(root, IndexOptions(cache=False))


def line_of(idx: CodeIndex, file: str, needle: str) -> int:
    return next(n for n, text in enumerate(idx.lines(file), 1) if needle in text)


def test_public_names() -> None:
    assert isinstance(ix.PY_LANGUAGE, tree_sitter.Language)
    tree = ix.parse_source(b"def f(:\n")
    assert isinstance(tree, tree_sitter.Tree) and tree.root_node.has_error
    for name in ("build_index", "IndexOptions", "CodeIndex", "Symbol", "FileInfo", "NonePath"):
        assert hasattr(ix, name)


def test_symbols_carry_spans_signatures_docs_and_none_paths(idx: CodeIndex) -> None:
    s = idx.symbols["app.users.get_user"]
    assert (s.kind, s.file, s.line) == (
        "function",
        "app/users.py",
        line_of(idx, "app/users.py", "def get_user"),
    )
    assert s.signature == '(uid: int) -> "User | None"'
    assert s.doc == "Load a user."
    assert [p.reason for p in s.none_paths] == ["fall-through"]
    assert [p.reason for p in idx.symbols["app.users.lookup"].none_paths] == [".get()"]
    prop = idx.symbols["app.users.User.name"]
    assert prop.decorators == ("property",) and prop.decorated_line == prop.line - 1
    assert idx.symbols["app"].kind == "module" and idx.symbols["app"].doc == "The app."


def test_files_and_modules(idx: CodeIndex) -> None:
    assert idx.root.is_absolute()
    info = idx.files["app/users.py"]
    assert (info.module, info.error, len(info.sha256)) == ("app.users", None, 64)
    assert info.n_lines == len(idx.lines("app/users.py"))
    assert idx.module_of("app/users.py") == "app.users"
    assert idx.module_of(str(idx.root / "app/users.py")) == "app.users"
    assert idx.file_of("app.billing") == "app/billing.py"
    assert idx.file_of("nope") is None


def test_symbol_at_prefers_the_innermost_span_and_counts_decorator_lines(idx: CodeIndex) -> None:
    deco = line_of(idx, "app/users.py", "@property")
    assert idx.symbol_at("app/users.py", deco).id == "app.users.User.name"
    assert idx.symbol_at("app/users.py", deco + 2).id == "app.users.User.name"
    assert (
        idx.symbol_at("app/users.py", line_of(idx, "app/users.py", "@staticmethod") - 1).id
        == "app.users.User"
    )
    assert idx.symbol_at("app/users.py", 1).id == "app.users"
    assert idx.symbol_at("missing.py", 1) is None


def test_callers_callees_and_calls_at(idx: CodeIndex) -> None:
    charge_call = line_of(idx, "app/billing.py", "user = get_user")
    build_call = line_of(idx, "app/users.py", "return get_user(")
    assert idx.callers("app.users.get_user") == sorted(
        [("app.billing.charge", charge_call), ("app.users.User.build", build_call)]
    )
    assert idx.callees("app.billing.charge") == [("app.users.get_user", charge_call)]
    assert idx.calls_at("app/billing.py", charge_call) == [("app.users.get_user", "get_user")]
    # A call spread over lines is found from any of its lines.
    assert idx.calls_at("app/users.py", build_call + 1) == [("app.users.get_user", "get_user")]
    assert idx.calls_at("app/users.py", build_call + 3) == []


def test_path_and_neighbourhood(idx: CodeIndex) -> None:
    assert idx.path("app.users.User.build", "app.users.lookup") == [
        "app.users.User.build",
        "app.users.get_user",
        "app.users.lookup",
    ]
    assert idx.path("app.users.lookup", "app.billing.charge") is None
    near = idx.neighbourhood(["app.users.get_user"], hops=1, kinds={"calls"}, direction="in")
    assert near == {"app.users.get_user", "app.billing.charge", "app.users.User.build"}
    both = idx.neighbourhood(["app.users.get_user"], hops=1)
    assert "app.users" in both and "app.users.lookup" in both
    assert idx.neighbourhood(["app.users.lookup"], hops=2, kinds={"reads_env"}) == {
        "app.users.lookup",
        "env:USERS",
    }


def test_graph_nodes_and_edges(idx: CodeIndex) -> None:
    g = idx.graph
    assert g.nodes["app.users.User"] == {
        "kind": "class",
        "file": "app/users.py",
        "line": g.nodes["app.users.User"]["line"],
        "end_line": g.nodes["app.users.User"]["end_line"],
    }
    assert g.nodes["ext:os"]["kind"] == "external"
    kinds = {d["kind"] for _u, _v, d in g.edges(data=True)}
    assert kinds == {"contains", "imports", "calls", "reads_env"}
    call = next(
        d for u, v, d in g.edges(data=True) if d["kind"] == "calls" and u == "app.billing.charge"
    )
    assert call["text"] == "get_user" and call["line"] == line_of(
        idx, "app/billing.py", "user = get_user"
    )
    assert idx.stats.edges == g.number_of_edges()


def test_fast_graph_equals_networkx_public_construction(idx: CodeIndex) -> None:
    nodes = [(n, dict(d)) for n, d in idx.graph.nodes(data=True) if "file" in d]
    edges = [(u, v, dict(d)) for u, v, d in idx.graph.edges(data=True)]
    fast = build_graph(nodes, edges)
    slow = nx.MultiDiGraph()
    slow.add_nodes_from(nodes)
    for u, v, d in edges:
        for n in (u, v):
            if n not in slow:
                slow.add_node(n, kind=idx.graph.nodes[n]["kind"])
        slow.add_edge(u, v, **d)
    assert nx.utils.graphs_equal(fast, slow)
    assert list(fast.edges(keys=True)) == list(slow.edges(keys=True))


def test_names(idx: CodeIndex) -> None:
    assert idx.resolve_name("app.users.get_user") == ["app.users.get_user"]
    assert idx.resolve_name("get_user") == ["app.users.get_user"]
    assert idx.resolve_name("users.get_user") == ["app.users.get_user"]
    assert idx.resolve_name("nothing_like_it") == []
    assert "app.users.get_user" in idx.close_matches("get_usr")


def test_parse_gives_a_fresh_tree(idx: CodeIndex, tmp_path: Path) -> None:
    tree = idx.parse("app/billing.py")
    assert tree.root_node.type == "module" and not tree.root_node.has_error


def test_env_reads_and_assignments(idx: CodeIndex) -> None:
    assert [(e.symbol, e.var, e.how, e.default) for e in idx.env_reads] == [
        ("app.users.lookup", "USERS", "environ.get", "{}")
    ]
    assert idx.assignments == []


def test_neighbourhood_agrees_with_the_networkx_graph(idx: CodeIndex) -> None:
    g = idx.graph

    def nx_hood(roots: list[str], hops: int, kinds: set[str] | None, direction: str) -> set[str]:
        seen = set(roots)
        frontier = set(roots)
        for _ in range(hops):
            nxt = set()
            for n in frontier:
                if direction in ("out", "both"):
                    nxt |= {
                        v for _u, v, k in g.out_edges(n, data="kind") if kinds is None or k in kinds
                    }
                if direction in ("in", "both"):
                    nxt |= {
                        u for u, _v, k in g.in_edges(n, data="kind") if kinds is None or k in kinds
                    }
            frontier = nxt - seen
            seen |= frontier
        return seen

    for root in ("app.users.get_user", "app.billing", "app.users.User"):
        for kinds in (None, {"calls"}, {"contains", "imports"}):
            for direction in ("in", "out", "both"):
                for hops in (1, 3):
                    assert idx.neighbourhood([root], hops, kinds, direction) == nx_hood(
                        [root], hops, kinds, direction
                    )
    with pytest.raises(ValueError):
        idx.neighbourhood(["app"], direction="sideways")
