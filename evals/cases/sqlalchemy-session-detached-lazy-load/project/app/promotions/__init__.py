"""The promotions area."""
