"""Reporting API: `python -m app.main` serves it; the token comes from .env in development."""

from fastapi import FastAPI

from app.envfile import load_env_file
from app.reports import router as reports

load_env_file(".env")

app = FastAPI(title="reports")
app.include_router(reports)


if __name__ == "__main__":
    import uvicorn

    uvicorn.run(app, port=8040)
