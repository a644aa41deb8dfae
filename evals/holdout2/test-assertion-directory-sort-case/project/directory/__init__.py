"""Staff directory: listing, grouping and rendering people."""
