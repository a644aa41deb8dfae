from fastapi import APIRouter, Depends

from .deps import Settings, get_db, get_user

router = APIRouter()


@router.get("/users/{uid}")
def read_user(uid: int, db=Depends(get_db), user=Depends(get_user), s=Depends(Settings)):
    return user


@router.post("/users")
async def create_user(db=Depends(get_db)):
    return db
