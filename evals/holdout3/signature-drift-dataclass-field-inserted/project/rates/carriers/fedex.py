from rates.carriers import carrier
from rates.models import Parcel, RateQuote
from rates.zones import zone_for


@carrier("fedex")
def quote(parcel: Parcel) -> RateQuote:
    zone = zone_for(parcel.dest_postcode)
    billable = max(parcel.weight_g, parcel.volumetric_g)
    cents = 899 + zone * 120 + billable // 100 * 9
    return RateQuote(carrier="fedex", service="ground", zone=zone, amount_cents=cents, transit_days=2 + zone // 2)
