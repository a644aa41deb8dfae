def render(rows):
    out = []
    for row in rows:
        out.append(str(row).strip())
    names = {"a": 1}
    names.update(b=2)
    label = "x"
    return ", ".join(out) + label.upper() + dict(names).get("a", "")
