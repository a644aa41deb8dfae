"""Invoicing: issues invoices and publishes them to the accounting consumer."""
