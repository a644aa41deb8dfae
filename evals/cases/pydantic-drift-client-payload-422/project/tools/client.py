import httpx


class PricingClient:
    def __init__(self, http: httpx.Client) -> None:
        self.http = http

    def set_price(self, sku: str, body: dict) -> dict:
        resp = self.http.put(f"/prices/{sku}", json=body)
        resp.raise_for_status()
        return resp.json()
