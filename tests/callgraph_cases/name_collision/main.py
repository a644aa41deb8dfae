from pkg.util import tool


def run():
    return tool()
