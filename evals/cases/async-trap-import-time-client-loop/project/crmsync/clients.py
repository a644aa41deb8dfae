"""Shared outbound clients."""

from __future__ import annotations

import os

from crmsync.partner import PartnerClient

partner = PartnerClient(os.environ.get("PARTNER_API_URL", "https://api.partner-crm.example"))
