"""Objects and callbacks handed in by the caller (dependency injection), used through the parameter."""


class Mailer:
    def send(self, to):
        return to


class Service:
    def __init__(self, mailer):
        self.mailer = mailer

    def notify(self, to):
        return self.mailer.send(to)


def forward(cb, value):
    return run_once(cb, value)


def run_once(fn, value):
    return fn(value)


def drain(source):
    total = 0
    for chunk in source:
        total += chunk
    return total


def pick(factory):
    return factory


class Job:
    def step(self):
        return 1

    def run(self, then):
        return self.later(then)

    def later(self, fn):
        return fn()

    def start(self):
        return self.run(self.step)
