"""Resolver edge cases: import cycles, self-referential names, and order independence."""

from __future__ import annotations

import textwrap
from pathlib import Path

from debugai.indexers import IndexOptions, build_index
from debugai.indexers.extract import extract
from debugai.indexers.files import assign_modules
from debugai.indexers.link import link_file
from debugai.indexers.resolve import Resolver, split_chain, strip_annotation

CYCLIC = {
    "a.py": """
        from b import *
        from b import helper as h2

        def f():
            return g() + h2()

        class Base(Base2):
            def run(self):
                return self.go()
    """,
    "b.py": """
        from a import *
        from a import Base as Base2

        def g():
            return f()

        def helper():
            return g()

        class Base2(Base):
            def go(self):
                return self.run()
    """,
    "c.py": """
        from a import Base

        class Base(Base):
            def more(self):
                return self.run()

        x = x
        y = y.z()
    """,
}


def link_in_order(files: dict[str, str], order: list[str]) -> dict[str, tuple]:
    recs = {p: extract(textwrap.dedent(t).encode()) for p, t in files.items()}
    modules, _ = assign_modules(sorted(recs))
    resolver = Resolver(modules, recs.get)
    return {p: link_file(resolver, modules[p]) for p in order}


def test_cycles_terminate_and_results_do_not_depend_on_link_order() -> None:
    forward = link_in_order(CYCLIC, ["a.py", "b.py", "c.py"])
    for order in (["c.py", "b.py", "a.py"], ["b.py", "c.py", "a.py"]):
        assert link_in_order(CYCLIC, order) == forward
    calls = {(c[0], c[1]) for link in forward.values() for c in link[1]}
    assert ("a.f", "b.g") in calls and ("b.g", "a.f") in calls and ("a.f", "b.helper") in calls


def test_corpus_is_order_independent() -> None:
    root = Path(__file__).parent.parent / "callgraph_cases" / "package_reexport"
    files = {p.relative_to(root).as_posix(): p.read_text() for p in root.rglob("*.py")}
    names = sorted(files)
    assert link_in_order(files, names) == link_in_order(files, names[::-1])


def test_index_of_a_cyclic_repo(tmp_path: Path) -> None:
    for rel, text in CYCLIC.items():
        (tmp_path / rel).write_text(textwrap.dedent(text))
    idx = build_index(tmp_path, IndexOptions(cache=False))
    assert idx.stats.files == 3 and idx.stats.errors == 0


def test_split_chain() -> None:
    assert split_chain("a.b.c") == (("a", False), ("b", False), ("c", False))
    assert split_chain("super().save") == (("super", True), ("save", False))
    assert split_chain('db.query(User, "a.b(").filter') == (
        ("db", False),
        ("query", True),
        ("filter", False),
    )
    assert split_chain("handlers[kind]") is None
    assert split_chain("(lambda: 1)") is None


def test_strip_annotation() -> None:
    assert strip_annotation("Optional[Repo]") == "Repo"
    assert strip_annotation('"Repo"') == "Repo"
    assert strip_annotation("Repo | None") == "Repo"
    assert strip_annotation("models.Repo") == "models.Repo"
    assert strip_annotation("list[Repo]") == "list"
    assert strip_annotation("dict[str, int | None] | None") == "dict"
    assert strip_annotation("typing.List[int]") == "list"
    assert strip_annotation("Repo[int]") == "Repo"
    assert strip_annotation("A | B") is None
