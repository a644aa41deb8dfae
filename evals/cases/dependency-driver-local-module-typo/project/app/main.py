from fastapi import FastAPI

app = FastAPI(title="notes")


@app.get("/health")
def health() -> dict[str, str]:
    return {"status": "ok"}
