"""Value flow in the call graph: lambdas, returned functions, function references passed as
arguments, literal dispatch tables, unpacking, raised classes and the iterator protocol.
Each shape also has its precise negative: where the value is not certain, there is no edge."""

from __future__ import annotations

import textwrap

from debugai.indexers.extract import extract
from debugai.indexers.files import assign_modules
from debugai.indexers.link import link_file
from debugai.indexers.resolve import Resolver, split_chain


def edges(files: dict[str, str]) -> set[tuple[str, str]]:
    recs = {p: extract(textwrap.dedent(t).encode()) for p, t in files.items()}
    modules, _ = assign_modules(sorted(recs))
    resolver = Resolver(modules, recs.get)
    out: set[tuple[str, str]] = set()
    for p in sorted(recs):
        out |= {(c[0], c[1]) for c in link_file(resolver, modules[p])[1]}
    return out


def one(src: str) -> set[tuple[str, str]]:
    return edges({"app.py": src})


def test_lambdas_are_functions_named_per_scope() -> None:
    got = one("""
        def ping():
            pass

        square = lambda n: n * n
        square(3)
        invoke = lambda cb: cb()
        invoke(ping)

        def outer():
            inc = lambda v: v + 1
            return inc(1)
    """)
    assert ("app", "app.<lambda1>") in got
    assert ("app", "app.<lambda2>") in got
    assert ("app.<lambda2>", "app.ping") in got  # the lambda calls its parameter
    assert ("app.outer", "app.outer.<lambda1>") in got


def test_returned_functions_are_called_when_the_returns_agree() -> None:
    got = one("""
        def target():
            pass

        def picker():
            return target

        def maker():
            def made():
                pass
            return made

        def unsure(flag):
            if flag:
                return target
            return maker

        def echo(x):
            return x

        picked = picker()
        picked()
        maker()()
        unsure(1)()
        echo(target)()
    """)
    assert ("app", "app.target") in got
    assert ("app", "app.maker.made") in got
    # Disagreeing returns, and a returned parameter, give no edge rather than a guess.
    assert {v for u, v in got if u == "app"} == {
        "app.picker",
        "app.target",
        "app.maker",
        "app.maker.made",
        "app.unsure",
        "app.echo",
    }


def test_a_method_result_is_inferred_from_its_returns() -> None:
    got = one("""
        class Conn:
            def send(self):
                pass

        class Pool:
            def get(self):
                return Conn()

        def use(pool: Pool):
            pool.get().send()
    """)
    assert ("app.use", "app.Conn.send") in got


def test_function_references_passed_to_a_caller_of_that_parameter() -> None:
    got = edges(
        {
            "runner.py": """
                def run(job, *, after=None):
                    job()
                    if after:
                        after()

                def ignore(job):
                    return job

                def rebinds(job):
                    job = print
                    job()
            """,
            "main.py": """
                from runner import run, ignore, rebinds

                def build():
                    pass

                def report():
                    pass

                alias = report
                run(build, after=alias)
                ignore(report)
                rebinds(build)
            """,
        }
    )
    assert ("runner.run", "main.build") in got
    assert ("runner.run", "main.report") in got  # through the keyword and the alias
    assert not {e for e in got if e[0] in ("runner.ignore", "runner.rebinds")}


def test_bound_methods_and_constructors_skip_the_instance_parameter() -> None:
    got = one("""
        def on_save():
            pass

        def on_load():
            pass

        class Bus:
            def __init__(self, first):
                first()

            def emit(self, handler):
                handler()

        bus = Bus(on_load)
        bus.emit(on_save)
    """)
    assert ("app.Bus.__init__", "app.on_load") in got
    assert ("app.Bus.emit", "app.on_save") in got
    assert ("app.Bus.emit", "app.on_load") not in got


def test_a_wrapper_calls_the_function_it_decorates() -> None:
    got = one("""
        def traced(fn):
            def inner(*a):
                return fn(*a)
            return inner

        def factory(n):
            def apply(fn):
                fn()
                return fn
            return apply

        @traced
        def handler():
            pass

        @factory(2)
        def job():
            pass
    """)
    assert ("app.traced.inner", "app.handler") in got
    assert ("app", "app.factory.apply") in got  # applying the decorator the factory returned
    assert ("app.factory.apply", "app.job") in got


def test_an_outer_decorator_receives_what_the_inner_one_returns() -> None:
    # inner returns its parameter: outer is given task itself, and calls it.
    got = one("""
        def outer(fn):
            fn()
            return fn

        def inner(fn):
            return fn

        @outer
        @inner
        def task():
            pass
    """)
    assert ("app.outer", "app.task") in got


def test_an_outer_decorator_given_an_unknown_value_calls_nothing_known() -> None:
    # inner returns what an external call made: what outer is given is not known.
    got = one("""
        import contextlib

        def outer(fn):
            fn()
            return fn

        def inner(fn):
            return contextlib.nullcontext(fn)

        @outer
        @inner
        def task():
            pass
    """)
    assert ("app.outer", "app.task") not in got
    assert not [e for e in got if e[0] == "app.outer"]


def test_a_wrapper_returned_by_the_decorator_is_what_calls_land_in() -> None:
    # Without functools.wraps the decorated name is the wrapper; the wrapper calls the function.
    # Nested decorators: the outer wrapper calls the inner wrapper.
    got = one("""
        def dec1(f):
            def inner():
                return f()
            return inner

        def dec2(f):
            def inner():
                return f()
            return inner

        @dec1
        @dec2
        def func():
            pass

        def main():
            func()
    """)
    assert ("app.main", "app.dec1.inner") in got
    assert ("app.main", "app.func") not in got
    assert ("app.dec1.inner", "app.dec2.inner") in got
    assert ("app.dec2.inner", "app.func") in got
    assert ("app.dec1.inner", "app.func") not in got


def test_a_functools_wraps_wrapper_stands_for_the_decorated_function() -> None:
    got = one("""
        import functools

        def logged(f):
            @functools.wraps(f)
            def wrapper(*a):
                return f(*a)
            return wrapper

        @logged
        def func():
            pass

        def main():
            func()
    """)
    assert ("app.main", "app.func") in got
    assert ("app.main", "app.logged.wrapper") not in got


def test_literal_tables_subscripted_then_called() -> None:
    got = one("""
        def start():
            pass

        def stop():
            pass

        ACTIONS = {"start": start, "stop": stop}
        STEPS = [start, stop]
        NESTED = {"x": {"y": stop}}

        def act(name):
            ACTIONS["start"]()
            STEPS[1]()
            NESTED["x"]["y"]()
            ACTIONS[name]()

        def step(i):
            STEPS[i]()
    """)
    assert ("app.act", "app.start") in got
    assert ("app.act", "app.stop") in got
    # A computed key reaches every entry of a string-keyed dict; a list index is not guessed.
    assert not {e for e in got if e[0] == "app.step"}


def test_tables_that_may_change_give_no_edge() -> None:
    got = one("""
        def first():
            pass

        def second():
            pass

        MUTATED = {"k": first}
        MUTATED.update(k=second)
        WRITTEN = {"k": first}

        def put(key):
            WRITTEN[key] = second

        def local_shadow():
            MAPPING = make()
            MAPPING["k"]()

        MAPPING = {"k": first}

        def use():
            MUTATED["k"]()
            WRITTEN["k"]()
    """)
    assert not {e for e in got if e[0] in ("app.use", "app.local_shadow")}


def test_unpacking_and_chained_assignment() -> None:
    got = one("""
        def one_():
            pass

        def two():
            pass

        def three():
            pass

        x, (y, z) = one_, (two, three)
        head, *rest = one_, two, three
        p = q = three
        x(); y(); z(); rest[1](); q()
    """)
    assert {v for u, v in got if u == "app"} == {"app.one_", "app.two", "app.three"}
    got = one("""
        def one_():
            pass

        head, *rest = one_, print
        rest[0]()
    """)
    assert ("app", "app.one_") not in got  # rest[0] is print, not the head


def test_raise_of_a_class_reaches_its_init() -> None:
    got = one("""
        class Boom(Exception):
            def __init__(self):
                super().__init__("boom")

        Alias = Boom

        def fail():
            raise Alias

        def reraise(err: Boom):
            raise err
    """)
    assert ("app.fail", "app.Boom.__init__") in got
    assert not {e for e in got if e[0] == "app.reraise"}  # raising an instance makes no call


def test_iteration_calls_the_iterator_protocol_and_types_the_loop_variable() -> None:
    got = one("""
        def visit():
            pass

        class Walk:
            def __iter__(self):
                return self

            def __next__(self):
                return visit

        def items():
            yield visit

        def loop():
            for fn in Walk():
                fn()

        def gen_loop():
            for fn in items():
                fn()
    """)
    assert ("app.loop", "app.Walk.__iter__") in got
    assert ("app.loop", "app.Walk.__next__") in got
    assert ("app.loop", "app.visit") in got
    assert ("app.gen_loop", "app.visit") in got


def test_builtins_that_call_their_argument() -> None:
    got = one("""
        def double(v):
            return v * 2

        def rank(v):
            return -v

        def collect(vals):
            list(map(double, vals))
            return sorted(vals, key=rank)

        def count(vals):
            return len(vals, double)
    """)
    assert ("app.collect", "app.double") in got
    assert ("app.collect", "app.rank") in got
    assert ("app.count", "app.double") not in got


def test_split_chain_reads_calls_of_call_results() -> None:
    assert split_chain("make()()") == (("make", True), ("", True))
    assert split_chain("a.b(1)(2).c") == (("a", False), ("b", True), ("", True), ("c", False))
    assert split_chain("f()(") is None


def test_interface_hash_follows_returns_and_called_parameters() -> None:
    base = extract(b"def f(cb):\n    cb()\n    return g\n")
    body = extract(b"def f(cb):\n    x = 1\n    cb()\n    return g\n")
    other_return = extract(b"def f(cb):\n    cb()\n    return h\n")
    no_call = extract(b"def f(cb):\n    return g\n")
    assert base.iface == body.iface
    assert base.iface != other_return.iface
    assert base.iface != no_call.iface


def test_a_called_parameter_default_is_an_edge() -> None:
    got = one("""
        def fallback():
            pass

        def retry(action=fallback, on_fail=None):
            action()

        def later(action=fallback):
            return action
    """)
    assert ("app.retry", "app.fallback") in got
    assert ("app.later", "app.fallback") not in got  # never called there


def test_lambdas_are_lambda_nodes_that_symbol_at_looks_through(tmp_path) -> None:
    from debugai.indexers import IndexOptions, build_index

    (tmp_path / "app.py").write_text("def order(xs):\n    return sorted(xs, key=lambda x: -x)\n")
    idx = build_index(tmp_path, IndexOptions(cache=False, jobs=1))
    lam = idx.symbols["app.order.<lambda1>"]
    assert lam.kind == "lambda"
    assert idx.symbol_at("app.py", 2).id == "app.order"
    assert ("app.order", "app.order.<lambda1>") in {
        (u, v) for u, v, k in idx.graph.edges(data="kind") if k == "calls"
    }
