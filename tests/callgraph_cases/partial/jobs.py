import functools
from functools import partial


def send(to, body):
    return (to, body)


def schedule():
    notify = functools.partial(send, "ops")
    later = partial(send, body="hi")
    return notify, later
