import lib.strings as S
from lib.strings import title as make_title


def name(s):
    return S.slug(s) + make_title(s)
