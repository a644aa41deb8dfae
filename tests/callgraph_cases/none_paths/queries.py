import re


def explicit(x):
    if x:
        return x
    return None


def bare(x):
    if not x:
        return
    return x


def fall_through(x):
    if x > 0:
        return x


def always_returns(x):
    if x:
        return 1
    else:
        return 2


def raises_at_end(x):
    if x:
        return 1
    raise ValueError(x)


def orm(session, model):
    return session.query(model).first()


def orm2(session, stmt):
    return session.execute(stmt).scalar_one_or_none()


def dict_get(d, k):
    return d.get(k)


def dict_default(d, k):
    return d.get(k, 0)


def by_getattr(o):
    return getattr(o, "name", None)


def by_next(items):
    return next(iter(items), None)


def by_regex(s):
    return re.match(r"\d+", s)


def generator(x):
    if x:
        return x
    yield 1


def procedure(x):
    print(x)


def loop_forever(q):
    while True:
        item = q.get()
        if item:
            return item
