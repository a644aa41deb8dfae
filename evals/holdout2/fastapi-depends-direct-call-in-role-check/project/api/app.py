from __future__ import annotations

import logging

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse

from api.routes import admin, users

error_log = logging.getLogger("uvicorn.error")
access_log = logging.getLogger("uvicorn.access")


def create_app() -> FastAPI:
    app = FastAPI(title="accounts")
    app.include_router(users.router)
    app.include_router(admin.router)

    @app.middleware("http")
    async def access(request: Request, call_next):
        response = await call_next(request)
        access_log.info('%s - "%s %s HTTP/1.1" %d', "127.0.0.1:51000", request.method, request.url.path, response.status_code)
        return response

    @app.exception_handler(Exception)
    async def unhandled(request: Request, exc: Exception) -> JSONResponse:
        error_log.error("Exception in ASGI application", exc_info=exc)
        return JSONResponse({"detail": "internal error"}, status_code=500)

    return app


app = create_app()
