from datetime import date

from relnotes.commits import Commit

MAX_PER_SECTION = 25


def format_entry(commit: Commit) -> str:
    scope = f"**{commit.scope}:** " if commit.scope else ""
    return f"- {scope}{commit.summary} ({commit.short_sha})"


def render_section(title: str, entries: list[Commit]) -> list[str]:
    lines = [f"### {title}", ""]
    shown = entries[:MAX_PER_SECTION]
    lines.extend(format_entry(c) for c in shown)
    hidden = len(entries) - len(shown)
    if hidden:
        lines.append(f"- ...and {hidden} more")
    lines.append("")
    return lines


def render_release(
    version: str,
    released_on: date,
    sections: dict[str, list[Commit]],
    breaking: list[Commit],
) -> str:
    lines = [f"## {version} ({released_on.isoformat()})", ""]
    if breaking:
        lines.extend(render_section("Breaking changes", breaking))
    for title, entries in sections.items():
        lines.extend(render_section(title, entries))
    return "\n".join(lines).rstrip() + "\n"
