import logging

from mailer.dispatch import dispatch
from mailer.queue import pending

logging.basicConfig(level=logging.INFO, format="%(levelname)s %(name)s: %(message)s")

if __name__ == "__main__":
    print("dispatched", dispatch(pending()))
