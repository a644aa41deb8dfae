"""Release helper: reads the repository's tags and proposes the next version."""

__all__ = ["__version__"]
__version__ = "0.9.1"
