class Client:
    def send(self):
        return True


def make_client():
    return Client()


def main():
    make_client().send()
