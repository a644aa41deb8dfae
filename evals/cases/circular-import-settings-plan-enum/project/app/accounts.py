"""Sign-up and plan changes."""

from __future__ import annotations

from sqlalchemy.orm import Session

from app.models import Account, Plan
from app.settings import settings


class SignupClosed(Exception):
    pass


def sign_up(session: Session, email: str) -> Account:
    if not settings.signup_enabled:
        raise SignupClosed(email)
    account = Account(email=email.lower(), plan=settings.default_plan)
    session.add(account)
    session.flush()
    return account


def upgrade(account: Account, plan: Plan) -> None:
    if plan is Plan.FREE:
        raise ValueError("cannot upgrade to the free plan")
    account.plan = plan
