from datetime import datetime, timezone
from itertools import count

from fastapi import APIRouter, HTTPException

from app.schemas import Account, SignupRequest

router = APIRouter(prefix="/accounts")
_ids = count(1)
_accounts: dict[str, Account] = {}


@router.post("", response_model=Account, status_code=201)
def signup(body: SignupRequest) -> Account:
    if body.email in _accounts:
        raise HTTPException(status_code=409, detail="email already registered")
    account = Account(id=next(_ids), email=body.email, created_at=datetime.now(timezone.utc))
    _accounts[body.email] = account
    return account
