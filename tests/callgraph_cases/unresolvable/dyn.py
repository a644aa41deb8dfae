import importlib


def a():
    return 1


def b():
    return 2


HANDLERS = {"a": a, "b": b}
HANDLERS.update(c=print)


def dispatch(kind, obj, callback):
    HANDLERS[kind]()
    HANDLERS["a"]()
    getattr(obj, "run")()
    callback()
    obj.method()
    importlib.import_module("x").f()


def shadow():
    a = b  # noqa: F841
    a = lambda: 0  # noqa: E731
    return a()


def loops(items):
    for b in items:
        b()


def rebinding():
    f = a
    f = b
    return f()
