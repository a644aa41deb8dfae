def get_db():
    yield "db"


class Settings:
    def __init__(self):
        self.debug = False


def get_user(db=None):
    return {"db": db}
