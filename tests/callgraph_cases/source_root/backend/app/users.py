def get_user(uid):
    return uid
