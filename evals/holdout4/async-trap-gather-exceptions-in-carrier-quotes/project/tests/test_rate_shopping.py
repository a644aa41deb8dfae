import asyncio
from decimal import Decimal

from shipping.carriers import DhlClient, GlsClient, UpsClient
from shipping.models import Parcel, Shipment
from shipping.service import RateShopper
from tests import fakes

SHIPMENT = Shipment(
    origin_postcode="10115",
    destination_postcode="80331",
    parcels=[Parcel(weight_grams=1800, length_cm=30, width_cm=20, height_cm=15)],
)


def make_shopper(dhl=fakes.dhl_ok, gls=fakes.gls_ok, ups=fakes.ups_ok) -> RateShopper:
    return RateShopper(
        [
            DhlClient("dhl-key", transport=fakes.transport(dhl)),
            GlsClient("gls-key", transport=fakes.transport(gls)),
            UpsClient("ups-key", transport=fakes.transport(ups)),
        ]
    )


def test_picks_cheapest_carrier():
    best = asyncio.run(make_shopper().best_rate(SHIPMENT))
    assert best.carrier == "gls"
    assert best.amount == Decimal("6.79")


def test_respects_transit_limit():
    best = asyncio.run(make_shopper().best_rate(SHIPMENT, max_transit_days=2))
    assert best.carrier == "dhl"


def test_carrier_outage_falls_back_to_others():
    shopper = make_shopper(gls=fakes.unavailable)
    best = asyncio.run(shopper.best_rate(SHIPMENT))
    assert best.carrier == "dhl"
    assert best.amount == Decimal("7.39")
