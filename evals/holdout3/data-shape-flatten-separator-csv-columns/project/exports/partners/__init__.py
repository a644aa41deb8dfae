"""The partners area."""
