from fastapi import FastAPI

from catalog.routes import router

app = FastAPI(title="catalog")
app.include_router(router)
