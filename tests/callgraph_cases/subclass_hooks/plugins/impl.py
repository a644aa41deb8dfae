from plugins.base import Dynamic, Mapping, Plugin


class Csv(Plugin):
    def __init__(self):
        self.handler = self.parse

    def setup(self):
        return None

    def parse(self):
        return []


class Json(Plugin):
    def setup(self):
        return None

    def handler(self):
        return {}


class Strict(Json):
    pass


class Lazy(Dynamic):
    def setup(self):
        return None


class Table(Mapping):
    def setup(self):
        return None
