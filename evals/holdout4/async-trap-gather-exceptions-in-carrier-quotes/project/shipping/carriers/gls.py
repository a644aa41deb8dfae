from decimal import Decimal

from shipping.carriers.base import CarrierClient
from shipping.models import Quote, Shipment


class GlsClient(CarrierClient):
    name = "gls"
    base_url = "https://rates.gls.example"

    def rate_request(self, shipment: Shipment) -> dict:
        return {
            "shipper_zip": shipment.origin_postcode,
            "consignee_zip": shipment.destination_postcode,
            "consignee_country": shipment.destination_country,
            "parcels": [{"weight_g": p.weight_grams} for p in shipment.parcels],
        }

    def parse_rate(self, payload: dict) -> Quote:
        return Quote(
            carrier=self.name,
            service=payload["service_level"],
            amount=Decimal(payload["price_cents"]) / 100,
            transit_days=payload["eta_days"],
        )
