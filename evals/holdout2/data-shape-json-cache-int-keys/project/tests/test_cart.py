import pytest

from prices.cache import JsonFileCache
from prices.cart import Item, cart_total


@pytest.fixture
def cache(tmp_path):
    return JsonFileCache(tmp_path / "cache", ttl=60)


CART = [Item(17, 2), Item(31)]


def test_cart_total_eu(cache):
    assert cart_total(CART, "eu", cache) == {"net": 6430, "vat": 1350, "gross": 7780}


def test_cart_total_is_the_same_from_the_cache(cache):
    first = cart_total(CART, "uk", cache)
    second = cart_total(CART, "uk", cache)
    assert first == second
