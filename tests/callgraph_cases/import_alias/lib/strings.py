def slug(s):
    return s.lower()


def title(s):
    return s.title()
