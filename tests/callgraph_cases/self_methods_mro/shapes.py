class Shape:
    def name(self):
        return "shape"

    def area(self):
        raise NotImplementedError

    def describe(self):
        return f"{self.name()} {self.area()}"


class Named:
    def label(self):
        return self.name()

    def name(self):
        return "named"


class Square(Shape, Named):
    def area(self):
        return 4

    def show(self):
        return self.describe() + self.label()

    def nested(self):
        def inner():
            return self.area()

        return inner()
