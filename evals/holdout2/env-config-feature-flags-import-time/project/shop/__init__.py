"""Checkout pricing for the web shop."""
