from rates.carriers import carrier
from rates.models import Parcel, RateQuote
from rates.zones import zone_for


@carrier("ups")
def quote(parcel: Parcel) -> RateQuote:
    zone = zone_for(parcel.dest_postcode)
    billable = max(parcel.weight_g, parcel.volumetric_g)
    service = "ground" if billable < 10_000 else "freight"
    cents = 849 + zone * 135 + billable // 100 * 8
    return RateQuote("ups", service, cents)
