from rates.models import Parcel
from rates.shop import all_quotes, cheapest
from rates.zones import zone_for


def test_zone_for_west_coast():
    assert zone_for("94107") == 9


def test_every_carrier_quotes():
    quotes = all_quotes(Parcel(weight_g=1_200, dest_postcode="30301"))
    assert {q.carrier for q in quotes} == {"fedex", "ups"}


def test_cheapest_light_parcel():
    best = cheapest(Parcel(weight_g=500, dest_postcode="10001", length_cm=10, width_cm=10, height_cm=5))
    assert best.amount_cents < 1_200
