from collections import defaultdict

from relnotes.commits import Commit

SECTION_TITLES = {
    "feat": "Features",
    "fix": "Bug fixes",
    "perf": "Performance",
    "docs": "Documentation",
}
SKIPPED_KINDS = {"chore", "ci", "test", "style", "build"}


def _sort_key(commit: Commit) -> tuple[str, str]:
    return (commit.scope or "", commit.summary.lower())


def group_by_section(commits: list[Commit]) -> dict[str, list[Commit]]:
    buckets: dict[str, list[Commit]] = defaultdict(list)
    for commit in commits:
        if commit.kind in SKIPPED_KINDS:
            continue
        title = SECTION_TITLES.get(commit.kind, "Other changes")
        buckets[title].append(commit)

    sections: dict[str, list[Commit]] = {}
    for title in [*SECTION_TITLES.values(), "Other changes"]:
        if title in buckets:
            sections[title] = buckets[title].sort(key=_sort_key)
    return sections


def breaking_changes(commits: list[Commit]) -> list[Commit]:
    return [c for c in commits if c.breaking]
