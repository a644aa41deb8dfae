"""FastAPI dependencies."""

from fastapi import Header

from helpdesk.uow import UnitOfWork


def get_uow():
    with UnitOfWork() as uow:
        return uow


def get_requester(x_user_email: str = Header(...)) -> str:
    return x_user_email.lower()
