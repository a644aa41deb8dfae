def cart_summary(cart) -> dict:
    lines = [{"sku": i.sku, "qty": i.qty, "total_cents": i.qty * i.unit_cents} for i in cart.items]
    return {"cart": cart.id, "lines": lines, "total_cents": sum(l["total_cents"] for l in lines)}
