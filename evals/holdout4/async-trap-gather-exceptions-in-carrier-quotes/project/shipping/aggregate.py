import asyncio
import logging
from collections.abc import Sequence

from shipping.carriers import CarrierClient
from shipping.models import Quote, Shipment

log = logging.getLogger(__name__)


async def collect_quotes(carriers: Sequence[CarrierClient], shipment: Shipment) -> list[Quote]:
    results = await asyncio.gather(
        *(carrier.quote(shipment) for carrier in carriers), return_exceptions=True
    )
    for carrier, result in zip(carriers, results):
        if isinstance(result, Exception):
            log.warning("carrier %s unavailable: %r", carrier.name, result)
    return results
