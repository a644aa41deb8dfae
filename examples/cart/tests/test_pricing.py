from cart.pricing import total

BASKET = [{"price": 50, "qty": 3}]


def test_no_coupon():
    assert total(BASKET) == 150


def test_big_coupon():
    assert total(BASKET, "BIG") == 120


def test_ten_coupon():
    assert total(BASKET, "TEN") == 135
