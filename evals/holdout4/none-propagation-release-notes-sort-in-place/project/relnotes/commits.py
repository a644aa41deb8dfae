import json
import re
from dataclasses import dataclass
from pathlib import Path

HEADER = re.compile(r"^(?P<kind>[a-z]+)(?:\((?P<scope>[\w./-]+)\))?(?P<breaking>!)?: (?P<summary>.+)$")


@dataclass(frozen=True)
class Commit:
    sha: str
    kind: str
    scope: str | None
    summary: str
    breaking: bool
    author: str

    @property
    def short_sha(self) -> str:
        return self.sha[:7]


def parse_message(sha: str, message: str, author: str) -> Commit | None:
    header, _, body = message.partition("\n")
    match = HEADER.match(header.strip())
    if match is None:
        return None
    return Commit(
        sha=sha,
        kind=match["kind"],
        scope=match["scope"],
        summary=match["summary"].strip(),
        breaking=bool(match["breaking"]) or "BREAKING CHANGE:" in body,
        author=author,
    )


def load_commits(path: Path) -> list[Commit]:
    raw = json.loads(path.read_text(encoding="utf-8"))
    commits = []
    for entry in raw:
        commit = parse_message(entry["sha"], entry["message"], entry["author"])
        if commit is not None:
            commits.append(commit)
    return commits
