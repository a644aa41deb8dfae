"""Billing worker: nightly renewals for subscription accounts."""
