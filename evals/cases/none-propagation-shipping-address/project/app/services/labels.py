"""Shipping labels in the carrier's plain-text format."""

LABEL_FIELDS = ("name", "line1", "postcode", "city", "country")


def address_fields(address) -> dict:
    return {field: getattr(address, field) for field in LABEL_FIELDS}


def build_label(order, address) -> str:
    f = address_fields(address)
    return "\n".join(
        [
            f"ORDER {order.id:08d}  {order.weight_grams / 1000:.2f} kg",
            f["name"],
            f["line1"],
            f"{f['postcode']} {f['city']}",
            f["country"].upper(),
        ]
    )
