"""A small shop service: orders, customers and checkout."""
