from __future__ import annotations


def page_shares(top: dict[str, int], total: int) -> list[tuple[str, float]]:
    shares = []
    for path in top:
        shares.append((path, round(100 * top[path] / total, 1)))
    return shares


def render(title: str, visitors: int, shares: list[tuple[str, float]]) -> str:
    lines = [title, f"unique visitors: {visitors}"]
    lines += [f"  {path:<20} {pct:5.1f}%" for path, pct in shares]
    return "\n".join(lines)
