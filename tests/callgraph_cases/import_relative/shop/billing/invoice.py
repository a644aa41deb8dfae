from ..util import money
from . import tax
from .tax import rate as tax_rate


def total(cents):
    return money(cents) * (1 + tax.rate()) + tax_rate()
