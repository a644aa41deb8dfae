from fastapi import APIRouter, Request
from sqlalchemy import text

router = APIRouter()


@router.get("/healthz")
def healthz(request: Request) -> dict:
    with request.app.state.sessions() as session:
        session.execute(text("select 1"))
    return {"status": "ok"}
