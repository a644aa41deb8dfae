"""Order totals: line items, then the coupon."""

COUPONS = {"BIG": 0.8, "TEN": 0.9}  # fraction of the subtotal that is paid


def unit_price(item):
    return item["price"]


def line_total(item):
    return unit_price(item) * item["qty"]


def apply_coupon(subtotal, code):
    if code is None:
        return subtotal
    if code == "BIG" and subtotal < 100:
        return subtotal  # BIG only applies from 100 up
    if code == "TEN":
        return subtotal - 10
    return subtotal * COUPONS[code]


def total(items, code=None):
    subtotal = sum(line_total(i) for i in items)
    return round(apply_coupon(subtotal, code), 2)
