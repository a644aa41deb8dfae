class Handler:
    def handle_get(self):
        return "get"

    def handle_post(self):
        return "post"

    def handle(self, method):
        return getattr(self, "handle_" + method.lower())()
