"""Value-origin tracing inside one function body (tree-sitter only)."""

from __future__ import annotations

import textwrap

import pytest
import tree_sitter as ts
import tree_sitter_python as tsp

from debugai.agent.static import flow

PARSER = ts.Parser(ts.Language(tsp.language()))

SRC = textwrap.dedent(
    """
    import os

    TIMEOUT = os.getenv("TIMEOUT")


    async def charge(user_id, amount, *, repo=None):
        user = await repo.get_user(user_id)
        if amount > 10:
            user = lookup(user_id)
        plan, seats = load_plan(user)
        for item in items_of(plan):
            pass
        with open_session() as session:
            row = session.first()
        total = None
        return user.stripe_id, session, row, total, TIMEOUT, amount, item
    """
)


@pytest.fixture(scope="module")
def tree() -> ts.Tree:
    return PARSER.parse(SRC.encode())


def line_of(text: str) -> int:
    return next(i for i, ln in enumerate(SRC.splitlines(), 1) if text in ln)


def receiver(tree: ts.Tree, name: str) -> ts.Node:
    ret = line_of("return user.stripe_id")
    func = flow.enclosing_function(tree, ret)
    assert func is not None
    node = next(
        n
        for n in flow.walk(func)
        if n.type == "identifier" and flow.text(n) == name and n.start_point[0] == ret - 1
    )
    return node


def origin(tree: ts.Tree, name: str) -> flow.Origin:
    ret = line_of("return user.stripe_id")
    return flow.origin_of(
        flow.enclosing_function(tree, ret), receiver(tree, name), ret, tree.root_node
    )


def test_enclosing_function_and_parameters(tree: ts.Tree) -> None:
    func = flow.enclosing_function(tree, line_of("plan, seats"))
    assert func is not None and flow.text(func.child_by_field_name("name")) == "charge"
    assert flow.parameters(func) == ["user_id", "amount", "repo"]
    assert flow.is_async(func)
    assert flow.enclosing_function(tree, line_of("TIMEOUT = os")) is None


def test_receiver_of_attribute_on_a_line(tree: ts.Tree) -> None:
    func = flow.enclosing_function(tree, line_of("return user"))
    assert func is not None
    got = flow.receivers(func, line_of("return user"), "stripe_id", "attribute")
    assert [flow.text(n) for n in got] == ["user"]


def test_last_binding_wins_over_earlier_ones(tree: ts.Tree) -> None:
    o = origin(tree, "user")
    assert o.kind == "call" and o.callee == "lookup" and o.line == line_of("user = lookup")


def test_await_is_seen_through(tree: ts.Tree) -> None:
    func = flow.enclosing_function(tree, line_of("user = await"))
    assert func is not None
    binding = flow.last_binding(func, "user", line_of("user = await") + 1)
    assert binding is not None and binding[1] is not None
    o = flow.origin_of(func, binding[1], line_of("user = await"))
    assert o.kind == "call" and o.awaited and o.callee == "repo.get_user"


def test_with_as_for_target_tuple_and_literal(tree: ts.Tree) -> None:
    assert origin(tree, "session").callee == "open_session"
    assert origin(tree, "item").callee == "items_of"
    assert origin(tree, "row").callee == "session.first"
    total = origin(tree, "total")
    assert total.kind == "literal" and total.text == "None"


def test_parameters_and_globals(tree: ts.Tree) -> None:
    amount = origin(tree, "amount")
    assert amount.kind == "param" and amount.param_index == 1
    glob = origin(tree, "TIMEOUT")
    assert glob.kind == "global" and glob.line == line_of("TIMEOUT = os")


def test_call_argument_by_keyword_and_position() -> None:
    t = PARSER.parse(b"f(a, b, key=c)\n")
    call = next(n for n in flow.walk(t.root_node) if n.type == "call")
    assert flow.text(flow.call_argument(call, 1, None)) == "b"
    assert flow.text(flow.call_argument(call, 5, "key")) == "c"
    assert flow.call_argument(call, 5, "nope") is None


def test_dict_keys_finds_literal_subscript_and_dict_call() -> None:
    t = PARSER.parse(
        b'def build():\n    d = {"userId": 1}\n    d["name"] = 2\n    return dict(age=3)\n'
    )
    func = flow.enclosing_function(t, 2)
    assert func is not None
    assert flow.dict_keys(func) == [("userId", 2), ("name", 3), ("age", 4)]


def test_nested_functions_are_not_entered() -> None:
    t = PARSER.parse(b"def outer():\n    def inner():\n        return 1\n    return 2\n")
    func = flow.enclosing_function(t, 1)
    assert func is not None
    assert [flow.text(r) for r in flow.returns(func)] == ["return 2"]


def test_pattern_templates_leave_out_optional_variables() -> None:
    from debugai.agent.static.patterns import MissingVariable, fill

    text = fill("`{var}` is not set. {similar}", {"var": "DB_URL"})
    assert text == "`DB_URL` is not set."
    # An essential variable without a value takes its sentence with it, never a `?`.
    assert fill("Read it. It is made at {producer_site} ({reason}).", {}) == "Read it."
    with pytest.raises(MissingVariable):
        fill("at {producer_site}.", {}, strict=True)


def test_a_name_rebound_from_itself_reads_its_previous_value() -> None:
    """`xs = [x for x in xs if ...]` reads the earlier xs (this looped until RecursionError)."""
    src = textwrap.dedent(
        """
        def cheapest(quotes, limit=None):
            candidates = list(quotes)
            if limit is not None:
                candidates = [q for q in candidates if q.days <= limit]
                candidates = candidates or fallback(candidates)
            return min(candidates, key=lambda q: q.amount)
        """
    )
    t = PARSER.parse(src.encode())
    ret = src.splitlines().index("    return min(candidates, key=lambda q: q.amount)") + 1
    func = flow.enclosing_function(t, ret)
    assert func is not None
    bound = flow.last_binding(func, "candidates", ret)
    assert bound is not None and bound[1] is not None
    o = flow.origin_of(func, bound[1], bound[0].start_point[0] + 1)
    # `candidates or fallback(...)` is not followed further; what matters is that it ends.
    assert o.kind in ("call", "unknown")
    comp = src.splitlines().index("        candidates = [q for q in candidates if q.days <= limit]")
    bound = flow.last_binding(func, "candidates", comp + 1)  # rows are 0-based, lines not
    assert bound is not None and bound[1] is not None and bound[1].type == "list_comprehension"
    o = flow.origin_of(func, bound[1], comp + 1)
    assert o.kind == "call" and o.callee == "list"  # through q, back to `list(quotes)`
