"""Customer portal backend."""
