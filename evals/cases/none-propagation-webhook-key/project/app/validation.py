"""Input normalisation shared by the API and the importers."""


class InvalidEmail(ValueError):
    pass


def normalize_email(raw: str) -> str:
    local, _, domain = raw.strip().partition("@")
    if not local or "." not in domain:
        raise InvalidEmail(raw)
    return f"{local}@{domain.lower()}"
