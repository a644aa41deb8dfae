def render(rows):
    out = []
    for row in rows:
        out.append(str(row).strip())
    names = {"a": 1}
    names.update(b=2)
    label = "x"
    return ", ".join(out) + label.upper() + dict(names).get("a", "")


def normalise(raw: str, tags: "list[str] | None", meta: dict[str, int]) -> str:
    tags.append(raw.strip().lower())
    return meta.get("x") or raw.title()
