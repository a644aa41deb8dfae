from __future__ import annotations

from string import Template

TEMPLATES = {
    "order_shipped": "Hi $name, order $order_id is on its way ($carrier $tracking).",
    "password_reset": "Hi $name, reset your password: $link",
}


def render_template(key: str, context: dict[str, str], limit: int | None = None) -> str:
    text = Template(TEMPLATES[key]).safe_substitute(context)
    if limit is not None and len(text) > limit:
        text = text[: limit - 1] + "…"
    return text
