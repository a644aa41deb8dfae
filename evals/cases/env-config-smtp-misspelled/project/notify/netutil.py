def parse_hostport(value: str, default_port: int) -> tuple[str, int]:
    """'host', 'host:port' or '[v6]:port' -> (host, port)."""
    host, sep, port = value.rpartition(":")
    if not sep or not port.isdigit():
        return value, default_port
    return host.strip("[]"), int(port)
