import socket
from dataclasses import dataclass
from urllib.parse import urlsplit


@dataclass(frozen=True)
class RedisTarget:
    host: str
    port: int
    db: int
    password: str | None = None
    ssl: bool = False

    def describe(self) -> str:
        return f"{self.host}:{self.port}/{self.db}{' (tls)' if self.ssl else ''}"


def parse_redis_url(url: str) -> RedisTarget:
    parts = urlsplit(url)
    if parts.scheme not in ("redis", "rediss"):
        raise ValueError(f"unsupported broker scheme {parts.scheme!r} in {url!r}")
    port = parts.port or 6379
    db = int(parts.path.lstrip("/") or "0")
    return RedisTarget(
        host=parts.hostname or "localhost",
        port=port,
        db=db,
        password=parts.password,
        ssl=parts.scheme == "rediss",
    )


class Broker:
    def __init__(self, target: RedisTarget, timeout: float = 5.0) -> None:
        self.target = target
        self.timeout = timeout
        self._sock: socket.socket | None = None

    def connect(self) -> None:
        self._sock = socket.create_connection((self.target.host, self.target.port), self.timeout)
        if self.target.password:
            self._command("AUTH", self.target.password)
        if self.target.db:
            self._command("SELECT", str(self.target.db))

    def _command(self, *args: str) -> bytes:
        assert self._sock is not None, "connect() first"
        payload = f"*{len(args)}\r\n" + "".join(f"${len(a)}\r\n{a}\r\n" for a in args)
        self._sock.sendall(payload.encode())
        return self._sock.recv(65536)

    def pop_batch(self, queue: str, size: int) -> list[bytes]:
        reply = self._command("LPOP", queue, str(size))
        if reply.startswith(b"*-1") or reply.startswith(b"$-1"):
            return []
        return [line for line in reply.split(b"\r\n")[2::2] if line]

    def close(self) -> None:
        if self._sock is not None:
            self._sock.close()
            self._sock = None
