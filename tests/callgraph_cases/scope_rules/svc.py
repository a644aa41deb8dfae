def save(obj):
    return obj


def get_user(uid):
    return uid


fetch = get_user


class Repo:
    def load(self):
        return 1


repo = Repo()


class Model:
    def save(self):
        # `save` here is the module function: a class body is not an enclosing scope.
        return save(self)

    def go(self):
        return fetch(1) + repo.load()


def counter():
    global fetch
    return fetch(2)
