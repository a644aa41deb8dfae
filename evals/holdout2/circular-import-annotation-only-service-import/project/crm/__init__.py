"""Small CRM backend."""
