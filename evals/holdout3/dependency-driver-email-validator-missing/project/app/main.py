from __future__ import annotations

import importlib

from fastapi import FastAPI

from app import config


def load_routers(app: FastAPI) -> list[str]:
    mounted = []
    for name in config.ENABLED_ROUTERS:
        module = importlib.import_module(f"app.routers.{name}")
        app.include_router(module.router, prefix=config.API_PREFIX)
        mounted.append(name)
    return mounted


def create_app() -> FastAPI:
    app = FastAPI(title="storefront")
    mounted = load_routers(app)
    print("mounted routers:", ", ".join(mounted))
    return app


app = create_app()

if __name__ == "__main__":
    from fastapi.testclient import TestClient

    client = TestClient(app)
    print(client.get("/api/healthz").json())
