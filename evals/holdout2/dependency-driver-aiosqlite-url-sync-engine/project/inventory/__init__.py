"""Stock levels service (async API + nightly maintenance)."""
