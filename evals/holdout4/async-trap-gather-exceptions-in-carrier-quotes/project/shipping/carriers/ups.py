from decimal import Decimal

from shipping.carriers.base import CarrierClient
from shipping.models import Quote, Shipment


class UpsClient(CarrierClient):
    name = "ups"
    base_url = "https://onlinetools.ups.example/api"

    def rate_request(self, shipment: Shipment) -> dict:
        return {
            "RateRequest": {
                "Shipment": {
                    "ShipFrom": {"PostalCode": shipment.origin_postcode},
                    "ShipTo": {
                        "PostalCode": shipment.destination_postcode,
                        "CountryCode": shipment.destination_country,
                    },
                    "Package": [
                        {"Weight": str(round(p.weight_grams / 1000, 2))}
                        for p in shipment.parcels
                    ],
                }
            }
        }

    def parse_rate(self, payload: dict) -> Quote:
        rated = payload["RateResponse"]["RatedShipment"]
        return Quote(
            carrier=self.name,
            service=rated["Service"]["Description"],
            amount=Decimal(rated["TotalCharges"]["MonetaryValue"]),
            currency=rated["TotalCharges"]["CurrencyCode"],
            transit_days=int(rated["GuaranteedDelivery"]["BusinessDaysInTransit"]),
        )
