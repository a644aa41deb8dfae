from app.services import Job, Mailer, Service, drain, forward, pick
from app.stream import Chunks


def log(value):
    return value


def make_log():
    return log


def main():
    service = Service(Mailer())
    service.notify("ops")
    forward(log, 1)
    drain(Chunks())
    pick(make_log())(2)
    Job().start()
