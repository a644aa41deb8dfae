class Repo:
    def fetch(self):
        return 1


class Service:
    repo = None

    def get(self):
        return self.repo.fetch()


def wire():
    s = Service()
    s.repo = Repo()
    return s
