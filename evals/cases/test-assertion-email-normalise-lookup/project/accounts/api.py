from __future__ import annotations

from fastapi import FastAPI, HTTPException
from pydantic import BaseModel

from accounts.emails import InvalidEmail, normalize_email
from accounts.store import AccountStore


class SignupIn(BaseModel):
    email: str
    display_name: str


def create_app(store: AccountStore | None = None) -> FastAPI:
    app = FastAPI(title="accounts")
    accounts = store or AccountStore()

    def canonical(raw: str) -> str:
        try:
            return normalize_email(raw)
        except InvalidEmail:
            raise HTTPException(status_code=422, detail="invalid e-mail address") from None

    @app.post("/accounts", status_code=201)
    def sign_up(body: SignupIn) -> dict[str, object]:
        try:
            account = accounts.add(canonical(body.email), body.display_name)
        except KeyError:
            raise HTTPException(status_code=409, detail="e-mail already registered") from None
        return {"id": account.id, "email": account.email}

    @app.get("/accounts/lookup")
    def lookup(email: str) -> dict[str, object]:
        account = accounts.get(canonical(email))
        if account is None:
            raise HTTPException(status_code=404, detail="no such account")
        return {"id": account.id, "display_name": account.display_name}

    return app
