"""A base class calling hooks that only its subclasses define (template method, no stub)."""

from collections import UserDict


class Plugin:
    def run(self):
        self.setup()
        return self.handler()


class Dynamic:
    def __getattr__(self, name):
        return print

    def run(self):
        return self.setup()


class Mapping(UserDict):
    def run(self):
        return self.setup()
