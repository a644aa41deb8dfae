from .core import Cart, checkout

__all__ = ["Cart", "checkout"]
