import functools


def logged(fn):
    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        return fn(*args, **kwargs)

    return wrapper


def retry(times):
    def deco(fn):
        return fn

    return deco


@logged
def save(x):
    return x


@retry(3)
def load(x):
    return save(x)


def main():
    return load(1)
