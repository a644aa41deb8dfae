def on_create():
    return "created"


def on_delete():
    return "deleted"


HANDLERS = {"create": on_create, "delete": on_delete}


def dispatch(kind):
    return HANDLERS[kind]()
