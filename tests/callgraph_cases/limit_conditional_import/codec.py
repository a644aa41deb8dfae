try:
    from fast import dumps
except ImportError:
    from slow import dumps


def encode(obj):
    return dumps(obj)
