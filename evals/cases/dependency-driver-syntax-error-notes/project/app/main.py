from fastapi import FastAPI

from app.notes import add_note, notes_tagged

app = FastAPI()


@app.post("/notes")
def create(title: str, body: str = "") -> dict[str, object]:
    note = add_note(title, body)
    return {"id": note.id, "title": note.title}


@app.get("/notes/tagged/{tag}")
def tagged(tag: str) -> list[dict[str, object]]:
    return [{"id": n.id, "title": n.title} for n in notes_tagged(tag)]
