from fastapi import FastAPI

from app.routes import projects


def create_app() -> FastAPI:
    app = FastAPI(title="tasks")
    app.include_router(projects.router)

    @app.get("/healthz")
    async def healthz() -> dict[str, str]:
        return {"status": "ok"}

    return app


app = create_app()
