from datetime import datetime, timedelta


class TTLCache:
    def __init__(self, ttl_seconds, clock=datetime.now) -> None:
        self.ttl = timedelta(seconds=ttl_seconds)
        self.clock = clock
        self._data: dict[str, tuple[datetime, object]] = {}

    def get(self, key: str):
        hit = self._data.get(key)
        if hit and self.clock() - hit[0] < self.ttl:
            return hit[1]
        return None

    def put(self, key: str, value) -> None:
        self._data[key] = (self.clock(), value)
