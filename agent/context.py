"""Context selection: walk the graph from the traceback's repo frames and pack a token budget."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(slots=True)
class Span:
    """A piece of repository code chosen for the context, with the reason it was chosen."""

    file: str  # repo-relative POSIX path
    start: int  # 1-based, inclusive
    end: int  # inclusive
    symbol: str | None
    reason: str
    score: float = 0.0
    text: str = ""  # the source lines start..end
    tokens: int = 0


@dataclass(slots=True)
class Context:
    spans: list[Span] = field(default_factory=list)
    budget: int = 8000
    tokens: int = 0
    dropped: int = 0  # spans ranked but left out for the budget

    def contains(self, file: str, line: int) -> bool:
        return any(s.file == file and s.start <= line <= s.end for s in self.spans)
