from fastapi import FastAPI

from app.api.orders import router as orders

app = FastAPI(title="back-office")
app.include_router(orders)
