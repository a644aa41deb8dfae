class A:
    def run(self):
        return "a"


class B:
    def run(self):
        return "b"


def both():
    x = A()
    x.run()
    x = B()
    x.run()
