from fastapi import APIRouter, Depends
from sqlalchemy.orm import Session

from ledger.db import get_session
from ledger.importer import import_statement
from ledger.reports import balances

router = APIRouter()


@router.get("/balances")
def get_balances(session: Session = Depends(get_session)) -> dict:
    return balances(session)


@router.post("/statements")
def post_statement(rows: list[dict], session: Session = Depends(get_session)) -> dict:
    return {"imported": import_statement(session, rows)}
