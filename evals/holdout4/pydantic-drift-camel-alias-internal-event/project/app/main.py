from fastapi import FastAPI

from app.routers import shipments

app = FastAPI(title="fulfilment")
app.include_router(shipments.router)


@app.get("/health")
def health() -> dict[str, str]:
    return {"status": "ok"}
