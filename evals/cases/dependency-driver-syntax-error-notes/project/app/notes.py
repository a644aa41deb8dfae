"""Notes: a tiny in-memory store with tags."""

from dataclasses import dataclass, field


@dataclass
class Note:
    id: int
    title: str
    body: str = ""
    tags: list[str] = field(default_factory=list)


_NOTES: dict[int, Note] = {}


def add_note(title: str, body: str = "", tags: list[str] | None = None) -> Note:
    note = Note(id=len(_NOTES) + 1, title=title, body=body, tags=list(tags or []))
    _NOTES[note.id] = note
    return note


def notes_tagged(tag: str) -> list[Note]:
    found = []
    for note in _NOTES.values():
        if tag in note.tags
            found.append(note)
    return found
