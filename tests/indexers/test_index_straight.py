"""Straight-line rebinding in the call graph (indexers/straight.py): the binding that ran last
before a call decides it, only where the scope body runs top to bottom; and extraction rows that
must not depend on capture order."""

from __future__ import annotations

import textwrap

from test_index_valueflow import one

from debugai.indexers.extract import extract


def test_the_binding_that_ran_last_decides_a_straight_line_call() -> None:
    got = one("""
        def func1():
            pass

        def func2():
            pass

        a = b = func1
        b()
        a = b = func2
        a()

        def run(cb):
            cb = func1
            cb()
    """)
    assert ("app", "app.func1") in got
    assert ("app", "app.func2") in got
    assert ("app.run", "app.func1") in got


def test_a_table_entry_rewritten_in_the_same_scope_is_the_one_called() -> None:
    got = one("""
        def func1():
            pass

        def func2():
            pass

        d = {
            "a": func1,
        }
        d["a"] = func2
        d["a"]()
    """)
    assert ("app", "app.func2") in got
    assert ("app", "app.func1") not in got


def test_bindings_in_branches_loops_or_rebound_elsewhere_decide_nothing() -> None:
    got = one("""
        import os

        def func1():
            pass

        def func2():
            pass

        a = func1
        if os.environ:
            a = func2
        a()

        b = func1
        for _ in range(3):
            b()
            b = func2

        c = func1

        def swap():
            global c
            c = func2

        swap()
        c()
    """)
    assert not [e for e in got if e[0] == "app" and e[1] in ("app.func1", "app.func2")]


def test_a_call_before_any_local_binding_is_left_to_the_usual_rules() -> None:
    # The call's statement spans lines: its own later line is not straight after the binding.
    got = one("""
        def func1():
            pass

        def func2():
            pass

        def go(f):
            return f

        h = func1
        h = go(
            h(),
        )
    """)
    assert ("app", "app.func1") not in got
    assert ("app", "app.func2") not in got


def test_arguments_of_a_call_sharing_its_start_with_an_inner_call_are_always_recorded() -> None:
    # `super(C, self).__init__(cb=cb)`: the inner super(...) call starts at the same byte as the
    # outer one; which of the two the capture list gives first varies, the rows must not.
    src = textwrap.dedent("""
        def handler():
            pass

        cb = handler

        class C(Base):
            def __init__(self):
                super(C, self).__init__(cb=cb)
                super(C, self).setup(cb)
    """).encode()
    for _ in range(20):
        rows = {(r[2], r[3], r[4]) for r in extract(src).args}
        assert ("super(C,self).__init__", "cb", "cb") in rows
        assert ("super(C,self).setup", 0, "cb") in rows
