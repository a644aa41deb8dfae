"""Call sites that pass different values for one parameter: no value is assumed for it."""


class A:
    def go(self):
        return "a"


class B:
    def go(self):
        return "b"


def run(obj):
    return obj.go()


class Holder:
    def __init__(self, item):
        self.item = item

    def call(self):
        return self.item.go()


def use():
    run(A())
    run(B())
    Holder(A()).call()
    Holder(B())
