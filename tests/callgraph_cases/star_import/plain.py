def alpha():
    return 1


def _beta():
    return 2
