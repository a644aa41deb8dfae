"""Price localisation for the storefront export jobs."""
