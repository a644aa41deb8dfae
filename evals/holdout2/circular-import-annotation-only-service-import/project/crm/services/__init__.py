"""Service layer; import services from here."""

from crm.services.accounts import AccountService
from crm.services.billing import BillingService
from crm.services.notifications import Notifier

__all__ = ["AccountService", "BillingService", "Notifier"]
