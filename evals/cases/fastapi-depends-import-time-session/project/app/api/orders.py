from fastapi import APIRouter, Depends, HTTPException

from app.services.orders import OrderService

router = APIRouter(prefix="/orders", tags=["orders"])


@router.get("/open")
def open_orders(service: OrderService = Depends(OrderService)) -> list[dict]:
    return [
        {"reference": o.reference, "placed_on": o.placed_on.isoformat(), "total_cents": o.total_cents}
        for o in service.open_orders()
    ]


@router.post("/{reference}/cancel")
def cancel(reference: str, service: OrderService = Depends(OrderService)) -> dict:
    order = service.cancel(reference)
    if order is None:
        raise HTTPException(404, "no such order")
    return {"reference": order.reference, "status": order.status}
