"""The warehouse area."""
