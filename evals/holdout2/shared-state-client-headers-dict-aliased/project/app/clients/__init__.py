"""HTTP clients for the internal services the portal calls."""
