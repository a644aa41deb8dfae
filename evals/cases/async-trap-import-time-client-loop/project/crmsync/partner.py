"""Client for the partner CRM's REST API (rate limited to one request in flight per token)."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass


@dataclass
class Token:
    value: str
    uses_left: int


class PartnerClient:
    def __init__(self, base_url: str, max_uses_per_token: int = 2) -> None:
        self.base_url = base_url
        self._max_uses = max_uses_per_token
        self._token: Token | None = None
        self._refresh_lock = asyncio.Lock()
        self._issued = 0

    async def _token_value(self) -> str:
        async with self._refresh_lock:
            if self._token is None or self._token.uses_left == 0:
                await asyncio.sleep(0.01)  # POST /oauth/token
                self._issued += 1
                self._token = Token(f"tok-{self._issued}", self._max_uses)
            self._token.uses_left -= 1
            return self._token.value

    async def get(self, path: str) -> dict[str, object]:
        token = await self._token_value()
        await asyncio.sleep(0.005)  # GET base_url + path
        return {"path": path, "token": token}
