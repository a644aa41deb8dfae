from sqlalchemy import select

from helpdesk.models import Ticket
from helpdesk.uow import UnitOfWork


class TicketRepository:
    def __init__(self, uow: UnitOfWork) -> None:
        self.uow = uow

    def add(self, ticket: Ticket) -> Ticket:
        self.uow.session.add(ticket)
        self.uow.session.flush()
        return ticket

    def for_requester(self, email: str) -> list[Ticket]:
        return list(self.uow.session.scalars(select(Ticket).where(Ticket.requester == email)))
