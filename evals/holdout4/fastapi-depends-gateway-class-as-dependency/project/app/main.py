from fastapi import FastAPI

from app.routers import invoices, refunds

app = FastAPI(title="billing")
app.include_router(invoices.router)
app.include_router(refunds.router)
