from enum import Enum


class ShipmentStatus(str, Enum):
    PENDING = "pending"
    LABEL_CREATED = "label_created"
    IN_TRANSIT = "in_transit"
    DELIVERED = "delivered"
    RETURNED = "returned"

    @property
    def is_final(self) -> bool:
        return self in (ShipmentStatus.DELIVERED, ShipmentStatus.RETURNED)
