"""The catalog area."""
