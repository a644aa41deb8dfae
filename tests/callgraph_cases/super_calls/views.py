class View:
    def render(self):
        return "view"

    def setup(self):
        return None


class Page(View):
    def render(self):
        return super().render() + "page"


class Home(Page):
    def render(self):
        return super(Home, self).render()

    def setup(self):
        return super().setup()
