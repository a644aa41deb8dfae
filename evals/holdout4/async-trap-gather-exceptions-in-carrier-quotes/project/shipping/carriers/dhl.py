from decimal import Decimal

from shipping.carriers.base import CarrierClient
from shipping.models import Quote, Shipment


class DhlClient(CarrierClient):
    name = "dhl"
    base_url = "https://api.dhl.example/v2"

    def rate_request(self, shipment: Shipment) -> dict:
        return {
            "from": {"postalCode": shipment.origin_postcode},
            "to": {
                "postalCode": shipment.destination_postcode,
                "countryCode": shipment.destination_country,
            },
            "weightKg": round(shipment.total_weight_grams / 1000, 3),
        }

    def parse_rate(self, payload: dict) -> Quote:
        product = payload["products"][0]
        return Quote(
            carrier=self.name,
            service=product["productName"],
            amount=Decimal(str(product["totalPrice"]["value"])),
            currency=product["totalPrice"]["currency"],
            transit_days=product["deliveryDays"],
        )
