from fastapi import FastAPI, HTTPException, Request

from app.webhooks import verify

app = FastAPI()


@app.post("/webhooks/stripe")
async def stripe_webhook(request: Request) -> dict[str, bool]:
    body = await request.body()
    if not verify(body, request.headers.get("stripe-signature", "")):
        raise HTTPException(status_code=400, detail="bad signature")
    return {"received": True}
