"""Multi-currency quotes for the storefront."""
