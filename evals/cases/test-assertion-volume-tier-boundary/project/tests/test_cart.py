from decimal import Decimal

from pricing.cart import Cart


def test_small_orders_pay_list_price():
    cart = Cart()
    cart.add("PEN-BLK", "1.20", 9)
    assert cart.total == Decimal("10.80")


def test_ten_units_get_five_percent_off():
    cart = Cart()
    cart.add("PEN-BLK", "1.20", 10)
    assert cart.total == Decimal("11.40")


def test_mixed_cart():
    cart = Cart()
    cart.add("PEN-BLK", "1.20", 60)
    cart.add("PAD-A4", "3.00", 2)
    assert cart.total == Decimal("70.80")
