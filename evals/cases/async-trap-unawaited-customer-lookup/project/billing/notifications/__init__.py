"""The notifications area."""
