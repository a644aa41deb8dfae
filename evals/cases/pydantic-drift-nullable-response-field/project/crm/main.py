from fastapi import FastAPI

from crm.db import Base, engine
from crm.routes import router

Base.metadata.create_all(engine)
app = FastAPI(title="crm")
app.include_router(router)
