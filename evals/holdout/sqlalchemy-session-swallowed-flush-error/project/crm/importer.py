"""Import contacts into the CRM, skipping the ones we already have."""

from __future__ import annotations

import logging
from collections.abc import Iterable
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from crm import normalize
from crm.models import Company, Contact

log = logging.getLogger(__name__)


@dataclass
class ImportReport:
    created: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)


class ContactImporter:
    def __init__(self, session: Session) -> None:
        self.session = session
        self.report = ImportReport()

    def run(self, rows: Iterable[dict[str, str]]) -> ImportReport:
        for row in rows:
            company = self._company_for(normalize.company_name(row["company"]))
            self._save(row, company)
        self.session.commit()
        return self.report

    def _company_for(self, name: str) -> Company:
        company = self.session.scalar(select(Company).where(Company.name == name))
        if company is None:
            company = Company(name=name)
            self.session.add(company)
        return company

    def _save(self, row: dict[str, str], company: Company) -> None:
        address = normalize.email(row["email"])
        contact = Contact(email=address, full_name=normalize.person_name(row["name"]), company=company)
        self.session.add(contact)
        try:
            self.session.flush()
        except IntegrityError:
            log.info("already have %s, skipping", address)
            self.report.skipped.append(address)
            return
        self.report.created.append(address)
