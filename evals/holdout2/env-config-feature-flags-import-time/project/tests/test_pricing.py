from shop.pricing import checkout_total, discount_cents


def test_coupon_is_applied(cart):
    cart.coupon = "welcome10"
    assert discount_cents(cart) == 560


def test_standard_shipping_is_charged(cart):
    assert checkout_total(cart) == 5600 + 495


def test_free_shipping_over_threshold(cart, monkeypatch):
    monkeypatch.setenv("SHOP_FEATURES", "free_shipping_over_50,new_search")
    total = checkout_total(cart)
    assert total == 5600, "orders over 50.00 ship free when the flag is on"
