from fastapi import APIRouter, Depends
from pydantic import BaseModel, Field

from helpdesk.deps import get_requester, get_uow
from helpdesk.models import Ticket
from helpdesk.repositories.tickets import TicketRepository
from helpdesk.uow import UnitOfWork

router = APIRouter(prefix="/tickets")


class TicketIn(BaseModel):
    subject: str = Field(min_length=3, max_length=200)
    body: str
    priority: str = "normal"


@router.post("", status_code=201)
def open_ticket(
    payload: TicketIn,
    requester: str = Depends(get_requester),
    uow: UnitOfWork = Depends(get_uow),
) -> dict:
    tickets = TicketRepository(uow)
    ticket = tickets.add(Ticket(requester=requester, **payload.model_dump()))
    uow.commit()
    return {"id": ticket.id, "priority": ticket.priority}
