import httpx

from shipping.models import Quote, Shipment


class CarrierClient:
    name: str = ""
    base_url: str = ""

    def __init__(self, api_key: str, transport: httpx.AsyncBaseTransport | None = None) -> None:
        self._api_key = api_key
        self._transport = transport

    def _client(self) -> httpx.AsyncClient:
        return httpx.AsyncClient(
            base_url=self.base_url,
            headers={"Authorization": f"Bearer {self._api_key}"},
            transport=self._transport,
            timeout=5.0,
        )

    async def quote(self, shipment: Shipment) -> Quote:
        async with self._client() as client:
            response = await client.post("/rates", json=self.rate_request(shipment))
            response.raise_for_status()
            return self.parse_rate(response.json())

    def rate_request(self, shipment: Shipment) -> dict:
        raise NotImplementedError

    def parse_rate(self, payload: dict) -> Quote:
        raise NotImplementedError
