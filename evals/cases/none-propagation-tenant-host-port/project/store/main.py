from fastapi import FastAPI

from store.db import Base, SessionLocal, engine
from store.models import Product, Tenant
from store.routes import router


def create_app() -> FastAPI:
    Base.metadata.create_all(engine)
    with SessionLocal() as s:
        s.add_all(
            [
                Tenant(id=1, domain="shop.example.de", currency="EUR", locale="de-DE"),
                Tenant(id=2, domain="shop.example.co.uk", currency="GBP", locale="en-GB"),
                Product(tenant_id=1, title="Emaille-Becher", price_minor=1290),
                Product(tenant_id=2, title="Enamel mug", price_minor=1100),
            ]
        )
        s.commit()
    app = FastAPI(title="storefront")
    app.include_router(router)
    return app
