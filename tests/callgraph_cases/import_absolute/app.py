import pkg.tools
from pkg.tools import shout


def main(text):
    a = pkg.tools.clean(text)
    return shout(a)
