import pytest

from shop.cart import Cart
from shop.pricing import checkout_total  # noqa: F401  (re-exported for the tests' convenience)


@pytest.fixture
def cart() -> Cart:
    return Cart(zone="domestic").add("mug", 1800, quantity=2).add("poster", 2000)
