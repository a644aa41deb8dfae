from typing import Annotated

from fastapi import Depends
from sqlalchemy.orm import Session

from app.db import get_db
from app.payments import PaymentGateway
from app.settings import Settings, get_settings

SettingsDep = Annotated[Settings, Depends(get_settings)]
DbSession = Annotated[Session, Depends(get_db)]


def get_payment_gateway(settings: SettingsDep) -> PaymentGateway:
    return PaymentGateway(
        api_key=settings.payments_api_key,
        account_id=settings.payments_account_id,
        sandbox=settings.payments_sandbox,
        timeout=settings.payments_timeout,
    )


Gateway = Annotated[PaymentGateway, Depends(PaymentGateway)]
