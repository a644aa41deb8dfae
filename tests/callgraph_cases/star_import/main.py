from helpers import *
from plain import *


def run():
    public()
    alpha()
    hidden()
    _beta()
