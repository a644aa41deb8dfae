"""The loyalty area."""
