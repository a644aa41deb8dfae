from fastapi import FastAPI

from app.security import share_link

app = FastAPI()


@app.get("/notes/{note_id}/share")
def share(note_id: int) -> dict[str, str]:
    return {"link": share_link(note_id)}
