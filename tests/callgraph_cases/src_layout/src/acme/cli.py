from acme.core import compute
from acme import core


def main():
    return compute() + core.compute()
