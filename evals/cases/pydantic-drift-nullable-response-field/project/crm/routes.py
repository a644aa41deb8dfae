from fastapi import APIRouter, Depends
from sqlalchemy import select
from sqlalchemy.orm import Session

from crm.db import get_session
from crm.models import Contact
from crm.schemas import ContactIn, ContactOut

router = APIRouter(prefix="/contacts")


@router.get("", response_model=list[ContactOut])
def list_contacts(session: Session = Depends(get_session)):
    return session.scalars(select(Contact).order_by(Contact.name)).all()


@router.post("", response_model=ContactOut, status_code=201)
def create_contact(payload: ContactIn, session: Session = Depends(get_session)):
    contact = Contact(**payload.model_dump())
    session.add(contact)
    session.commit()
    return contact
