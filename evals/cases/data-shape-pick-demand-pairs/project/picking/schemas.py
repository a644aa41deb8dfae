from __future__ import annotations

from pydantic import BaseModel


class PickOut(BaseModel):
    sku: str
    quantity: int
    location: str


class BatchOut(BaseModel):
    zone: str
    units: int
    picks: list[PickOut]


class PickListOut(BaseModel):
    wave: str
    batches: list[BatchOut]
