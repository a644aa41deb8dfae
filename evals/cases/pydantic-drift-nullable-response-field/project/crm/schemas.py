from datetime import datetime

from pydantic import BaseModel, ConfigDict


class ContactIn(BaseModel):
    name: str
    email: str
    phone: str | None = None


class ContactOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    name: str
    email: str
    phone: str
    created_at: datetime
