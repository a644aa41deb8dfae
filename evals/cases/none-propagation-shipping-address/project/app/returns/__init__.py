"""The returns area."""
