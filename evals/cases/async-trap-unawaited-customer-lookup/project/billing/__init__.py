"""Monthly invoicing worker."""
