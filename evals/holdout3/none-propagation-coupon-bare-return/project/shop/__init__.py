"""Checkout for the storefront: carts, coupons, receipts."""
