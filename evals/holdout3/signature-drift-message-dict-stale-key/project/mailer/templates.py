from __future__ import annotations

SUBJECTS = {
    "receipt": "Your receipt for order {order_id}",
    "welcome": "Welcome to Tidepool, {name}!",
}


def _text(kind: str, ctx: dict) -> str:
    if kind == "receipt":
        return f"Thanks for order {ctx['order_id']}. Total: {ctx['total']}."
    return f"Hi {ctx['name']}, your account is ready."


def _html(kind: str, ctx: dict) -> str | None:
    if kind != "welcome":
        return None
    return f"<h1>Hi {ctx['name']}</h1><p>Your account is ready.</p>"


def build_message(kind: str, to: str, ctx: dict) -> dict:
    message = {
        "to": to,
        "subject": SUBJECTS[kind].format(**ctx),
        "text_body": _text(kind, ctx),
        "tags": (kind,),
    }
    html = _html(kind, ctx)
    if html is not None:
        message["html"] = html
    return message
