from __future__ import annotations

from crm.models import Contact


class ContactStore:
    def __init__(self) -> None:
        self._by_email: dict[str, Contact] = {}

    def upsert(self, contact: Contact) -> bool:
        created = contact.email not in self._by_email
        current = self._by_email.get(contact.email)
        if current is not None:
            contact = current.model_copy(update=contact.model_dump(exclude_none=True))
        self._by_email[contact.email] = contact
        return created

    def __len__(self) -> int:
        return len(self._by_email)
