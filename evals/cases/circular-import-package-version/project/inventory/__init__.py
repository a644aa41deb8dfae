"""Inventory service: stock levels per warehouse, served over HTTP."""

from inventory.app import create_app

__version__ = "2.4.1"

__all__ = ["__version__", "create_app"]
