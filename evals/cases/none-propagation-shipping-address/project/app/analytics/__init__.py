"""The analytics area."""
