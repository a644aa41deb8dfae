from __future__ import annotations

from fastapi import APIRouter, HTTPException, Request
from pydantic import BaseModel, Field

router = APIRouter()


class Adjustment(BaseModel):
    warehouse: str
    delta: int = Field(description="positive to receive, negative to pick")


@router.get("/{sku}")
def levels(sku: str, request: Request) -> dict[str, int]:
    return request.app.state.store.levels(sku)


@router.post("/{sku}/adjust")
def adjust(sku: str, adj: Adjustment, request: Request) -> dict[str, int]:
    store = request.app.state.store
    try:
        store.adjust(sku, adj.warehouse, adj.delta)
    except ValueError as exc:
        raise HTTPException(status_code=409, detail=str(exc)) from None
    return store.levels(sku)
