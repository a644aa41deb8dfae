from __future__ import annotations

from datetime import datetime

from pydantic import BaseModel, ConfigDict, EmailStr, Field


class Product(BaseModel):
    sku: str
    title: str
    price_cents: int = Field(ge=0)


class SignupRequest(BaseModel):
    model_config = ConfigDict(str_strip_whitespace=True)

    email: EmailStr
    password: str = Field(min_length=12)
    display_name: str | None = None


class Account(BaseModel):
    id: int
    email: str
    created_at: datetime
