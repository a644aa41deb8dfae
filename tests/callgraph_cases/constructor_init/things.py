class Base:
    def __init__(self, name):
        self.name = name


class Child(Base):
    pass


class Plain:
    pass


class Own(Base):
    def __init__(self):
        super().__init__("own")


def build():
    return Base("a"), Child("b"), Plain(), Own()
