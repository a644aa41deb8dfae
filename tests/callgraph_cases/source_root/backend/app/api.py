from app.users import get_user


def handler(uid):
    return get_user(uid)
