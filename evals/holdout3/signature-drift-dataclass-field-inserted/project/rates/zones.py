def zone_for(postcode: str) -> int:
    """USPS-style zone from the first digit of the destination ZIP (origin: 1xxxx)."""
    return 1 + abs(int(postcode[0]) - 1)
