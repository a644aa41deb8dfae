"""Task tracker API."""
