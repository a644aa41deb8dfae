"""Who is calling: the user id from the session token."""

import time

from api.tokens import read_claims


class Expired(PermissionError):
    pass


def current_user_id(token: str) -> int:
    claims = read_claims(token)
    if int(claims["exp"]) < time.time():
        raise Expired(token)
    return int(claims["sub"])
