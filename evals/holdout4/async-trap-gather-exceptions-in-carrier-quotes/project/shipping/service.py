from collections.abc import Sequence

from shipping.aggregate import collect_quotes
from shipping.carriers import CarrierClient
from shipping.models import Quote, Shipment
from shipping.pricing import cheapest, with_handling


class RateShopper:
    def __init__(self, carriers: Sequence[CarrierClient]) -> None:
        self.carriers = list(carriers)

    async def best_rate(self, shipment: Shipment, max_transit_days: int | None = None) -> Quote:
        quotes = await collect_quotes(self.carriers, shipment)
        best = cheapest(quotes, max_transit_days=max_transit_days)
        return with_handling(best)
