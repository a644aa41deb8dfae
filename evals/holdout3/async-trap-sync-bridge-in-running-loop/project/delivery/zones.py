from __future__ import annotations

from delivery.geo import Point, geocode, geocode_sync

DEPOT = Point(52.520, 13.405)


def _zone_for(point: Point) -> str:
    distance = abs(point.lat - DEPOT.lat) + abs(point.lon - DEPOT.lon)
    if distance < 0.5:
        return "city"
    if distance < 4:
        return "regional"
    return "national"


def delivery_zone(postcode: str) -> str:
    return _zone_for(geocode_sync(postcode))


async def delivery_zone_async(postcode: str) -> str:
    return _zone_for(await geocode(postcode))
