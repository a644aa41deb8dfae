"""The inventory area."""
