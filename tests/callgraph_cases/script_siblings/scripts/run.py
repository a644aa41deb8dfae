import helpers
from helpers import load


def main():
    return helpers.load() + load()
