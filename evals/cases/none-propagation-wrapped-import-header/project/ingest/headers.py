"""Finding the header row of a CSV-ish supplier feed."""

KNOWN = ("sku", "qty", "price")


def find_header(lines: list[str]) -> str | None:
    for line in lines[:5]:
        lowered = line.lower()
        if all(col in lowered for col in KNOWN):
            return line
