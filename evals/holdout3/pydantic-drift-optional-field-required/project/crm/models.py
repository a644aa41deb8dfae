from __future__ import annotations

from typing import Optional

from pydantic import BaseModel, field_validator


class Contact(BaseModel):
    email: str
    first_name: str
    last_name: str
    phone: Optional[str]
    company: Optional[str] = None
    source: str = "manual"

    @field_validator("email")
    @classmethod
    def lower_email(cls, value: str) -> str:
        return value.strip().lower()

    @field_validator("company")
    @classmethod
    def blank_company_is_none(cls, value: Optional[str]) -> Optional[str]:
        return value or None
