from datetime import datetime

from ship import bus
from ship.consumer import handle, outbox
from ship.exporter import encode
from ship.models import Shipment
from ship.status import ShipmentStatus


def main() -> None:
    shipment = Shipment(id="shp_77", order_id=1042, carrier="dhl", tracking="JD0146")
    shipment.advance(ShipmentStatus.IN_TRANSIT, datetime(2024, 3, 4, 9, 30))
    bus.publish(encode(shipment))
    shipment.advance(ShipmentStatus.DELIVERED, datetime(2024, 3, 5, 14, 2))
    bus.publish(encode(shipment))
    print("handled", bus.drain(handle), "messages; outbox:", outbox)


if __name__ == "__main__":
    main()
