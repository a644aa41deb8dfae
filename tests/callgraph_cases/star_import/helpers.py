__all__ = ["public"]


def public():
    return 1


def hidden():
    return 2


def _private():
    return 3
