from __future__ import annotations

from fastapi import FastAPI, HTTPException, Query

from picking import store
from picking.batching import build_batches
from picking.demand import demand_for_order, wave_demand
from picking.schemas import BatchOut, PickListOut, PickOut
from picking.waves import cap_wave

app = FastAPI(title="pick-lists")


@app.get("/orders/{order_id}/picks", response_model=list[PickOut])
def order_picks(order_id: str) -> list[PickOut]:
    order = store.get_order(order_id)
    if order is None:
        raise HTTPException(status_code=404, detail="order not found")
    demands = demand_for_order(order, store.bin_locations())
    return [PickOut(sku=d.sku, quantity=d.quantity, location=d.location) for d in demands]


@app.get("/waves/{wave}/picklist", response_model=PickListOut)
def wave_picklist(wave: str, cart_capacity: int = Query(30, gt=0)) -> PickListOut:
    orders = store.orders_in_wave(wave)
    if not orders:
        raise HTTPException(status_code=404, detail="empty wave")
    lines = cap_wave(wave_demand(orders, store.bin_locations()))
    batches = build_batches(lines, cart_capacity)
    return PickListOut(
        wave=wave,
        batches=[
            BatchOut(
                zone=b.zone,
                units=b.units,
                picks=[PickOut(sku=p.sku, quantity=p.quantity, location=p.location) for p in b.picks],
            )
            for b in batches
        ],
    )
