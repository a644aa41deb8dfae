class Model:
    @classmethod
    def create(cls, **kw):
        obj = cls()
        obj.validate()
        return cls.build(obj)

    @classmethod
    def build(cls, obj):
        return obj

    @staticmethod
    def helper(x):
        return x

    def validate(self):
        return Model.helper(self)


def make():
    return Model.create()
