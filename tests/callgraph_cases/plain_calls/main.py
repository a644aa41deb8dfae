def helper():
    return 1


def outer():
    def inner():
        return helper()

    return inner()


def run():
    value = outer()
    print(value)
    return helper() + len([value])


run()
