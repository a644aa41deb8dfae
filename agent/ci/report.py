"""The CI bot's words: the sticky comment, the job summary and its size limit, with secrets out."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field

from debugai.agent.ci.forge import MARKER
from debugai.agent.ci.inputs import Silent, TestFailure, scrub
from debugai.agent.diagnosis import Diagnosis
from debugai.agent.redact import PLACEHOLDER_RE, Redactor

# GitHub rejects comment bodies over 65,536 characters; keep a margin for the truncation note.
COMMENT_LIMIT = 65_536
_MARGIN = 1_000
TESTS_LISTED = 10  # per group, before "and N more"

Link = Callable[[str, int], str]


@dataclass(slots=True)
class FailureGroup:
    """Failed tests that share one root cause, and its diagnosis (None when not explained)."""

    failures: list[TestFailure]
    diagnosis: Diagnosis | None = None
    problem: str | None = None  # why it could not be explained

    @property
    def title(self) -> str:
        first = self.failures[0]
        return first.message or first.test_id


@dataclass(slots=True)
class Section:
    """A part of the comment in full, and the one line it shrinks to when space runs out."""

    full: str
    short: str


@dataclass(slots=True)
class Outcome:
    """What the comment says: explained groups, groups over the cap, and the run's counts."""

    groups: list[FailureGroup] = field(default_factory=list)
    over_cap: list[FailureGroup] = field(default_factory=list)
    tests: int | None = None
    sha: str = ""
    engine: str = ""

    @property
    def failed(self) -> int:
        return sum(len(g.failures) for g in (*self.groups, *self.over_cap))


def code(text: str) -> str:
    """Inline code that survives backticks in the text."""
    text = text.replace("\n", " ")
    fence = "``" if "`" in text else "`"
    pad = " " if text.startswith("`") or text.endswith("`") else ""
    return f"{fence}{pad}{text}{pad}{fence}"


def _tests_line(failures: Sequence[TestFailure], limit: int = TESTS_LISTED) -> str:
    shown = ", ".join(code(f.test_id) for f in failures[:limit])
    more = len(failures) - limit
    return shown + (f" and {more} more" if more > 0 else "")


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def heading(outcome: Outcome) -> str:
    n_groups = len(outcome.groups) + len(outcome.over_cap)
    head = f"## ❌ debugai: {_plural(outcome.failed, 'failing test')}"
    if n_groups:
        head += f", {_plural(n_groups, 'distinct cause')}"
    facts = []
    if outcome.tests is not None:
        facts.append(f"{outcome.failed} of {outcome.tests} tests failed")
    if outcome.sha:
        facts.append(f"commit {outcome.sha[:12]}")
    if outcome.engine:
        facts.append(f"engine {outcome.engine}")
    return head + ("\n<sub>" + " · ".join(facts) + "</sub>" if facts else "")


def group_section(
    index: int, group: FailureGroup, render: Callable[[Diagnosis], str], link: Link | None
) -> Section:
    n = len(group.failures)
    tests = f"**Failing:** {_tests_line(group.failures)}"
    diag = group.diagnosis
    where = ""
    if diag is None:
        title = f"### {index}. {code(group.title)} — {_plural(n, 'failing test')}"
        body = f"_Not explained: {group.problem or 'no diagnosis'}_"
    else:
        title = f"### {index}. {_plural(n, 'failing test')}"
        body = render(diag).rstrip() + "\n\n" + details(diag, link)
        rc = diag.root_cause
        if rc is not None:
            url = link(rc.file, rc.line) if link else None
            loc = f"{rc.file}:{rc.line}"
            where = f" (root cause [{code(loc)}]({url}))" if url else f" (root cause {code(loc)})"
    full = f"{title}\n\n{tests}\n\n{body}"
    short = f"- {code(group.title)} — {_tests_line(group.failures, 3)}{where}"
    return Section(full, short)


def details(diag: Diagnosis, link: Link | None) -> str:
    """The collapsible part: the context the engine read, the engine, tokens and time."""
    usage = diag.usage
    lines = ["<details><summary>Details: context, engine, tokens</summary>", ""]
    lines.append(f"- engine: {code(diag.engine)}")
    # No timings: a re-run with the same result must give the same body (no needless edit).
    lines.append(
        f"- tokens: context {diag.context.tokens}, prompt {usage.prompt_tokens}, "
        f"completion {usage.completion_tokens}"
    )
    if diag.context.spans:
        lines.append(f"- context ({len(diag.context.spans)} spans):")
        for span in diag.context.spans:
            label = f"{span.file}:{span.start}-{span.end}"
            url = link(span.file, span.start) if link else None
            loc = f"[{code(label)}]({url})" if url else code(label)
            sym = f" {code(span.symbol)}" if span.symbol else ""
            reason = f" — {_html_safe(span.reason)}" if span.reason else ""
            lines.append(f"  - {loc}{sym}{reason}")
    lines += ["", "</details>"]
    return "\n".join(lines)


def _html_safe(text: str) -> str:
    return text.replace("<", "&lt;").replace(">", "&gt;")


def over_cap_section(groups: Sequence[FailureGroup], cap: int) -> Section | None:
    if not groups:
        return None
    lines = [f"### Not explained (over the limit of {cap}; raise `--max-failures`)", ""]
    for g in groups:
        lines.append(f"- {code(g.title)} — {_tests_line(g.failures)}")
    full = "\n".join(lines)
    return Section(full, f"- {_plural(len(groups), 'more cause')} not explained (over the limit)")


def failing_body(
    outcome: Outcome,
    render: Callable[[Diagnosis], str],
    link: Link | None,
    cap: int,
) -> list[Section]:
    """The comment's sections for a red run, heading first."""
    sections = [Section(heading(outcome), heading(outcome))]
    for i, group in enumerate(outcome.groups, 1):
        sections.append(group_section(i, group, render, link))
    extra = over_cap_section(outcome.over_cap, cap)
    if extra:
        sections.append(extra)
    return sections


def passing_body(tests: int | None, sha: str) -> str:
    facts = []
    if tests is not None:
        facts.append(f"{_plural(tests, 'test')}")
    if sha:
        facts.append(f"commit {sha[:12]}")
    tail = f"\n<sub>{' · '.join(facts)}</sub>" if facts else ""
    return (
        "## ✅ debugai: all tests pass\n\n"
        "The failures reported here earlier are fixed in the latest run." + tail
    )


def unread_body(silent: Sequence[Silent], sha: str) -> str:
    """A run whose input holds no test result: say so, and quote how each log ended."""
    lines = ["## ⚠️ debugai: no test results in this run", ""]
    lines.append(
        "debugai read no test report and no traceback, so it cannot say whether the tests "
        "pass. This is not a green run."
    )
    for s in silent:
        lines += ["", f"- {code(s.source)} {s.reason}."]
        if s.tail:
            lines += ["", "  Its last error lines:", "", "  ```text"]
            lines += [f"  {ln.replace('```', '` ` `')}" for ln in s.tail]
            lines.append("  ```")
    lines += [
        "",
        "Check that the test step ran and wrote its report (`pytest --junitxml=report.xml`), "
        "and that this step reads it.",
    ]
    if sha:
        lines += ["", f"<sub>commit {sha[:12]}</sub>"]
    return "\n".join(lines)


FOOTER = "<sub>Posted by debugai ci; re-runs edit this comment in place.</sub>"


def assemble(sections: Sequence[Section], limit: int = COMMENT_LIMIT, marker: str = MARKER) -> str:
    """marker + sections + footer under `limit` characters: later sections shrink to one line
    first; the heading and the first section are cut, never shrunk."""
    parts = [s.full for s in sections]
    budget = limit - _MARGIN

    def joined() -> str:
        return "\n\n".join([marker, *parts, FOOTER])

    shrunk = 0
    for i in range(len(parts) - 1, 1, -1):
        if len(joined()) <= budget:
            break
        parts[i] = sections[i].short
        shrunk += 1
    text = joined()
    if len(text) <= budget:
        if shrunk:
            text += f"\n\n_{_plural(shrunk, 'section')} shortened to fit the comment size limit._"
        return text
    note = "\n\n_… truncated to fit the comment size limit; the job summary has the rest._"
    return close_markdown(text[: budget - len(note) - 20]) + note


def close_markdown(text: str) -> str:
    """Close a code fence and <details> left open by a cut, so the rest renders."""
    fences = sum(1 for ln in text.splitlines() if ln.lstrip().startswith("```"))
    if fences % 2:
        text += "\n```"
    opened = len(re.findall(r"<details\b", text)) - len(re.findall(r"</details>", text))
    text += "\n</details>" * max(opened, 0)
    return text


_SECRET_ENV = re.compile(r"(?i)(token|secret|password|passwd|api_?key|private_?key|credential)")


def redact_for_posting(text: str, env: Mapping[str, str], redactor: Redactor | None = None) -> str:
    """Secret patterns out (debugai.agent.redact), then the values of secret env vars — whole,
    or cut by a repr's `...` (pytest shortens long reprs in the middle)."""
    text = scrub((redactor or Redactor()).redact(text))
    for name, value in env.items():
        if len(value) < 8 or not _SECRET_ENV.search(name):
            continue
        text = text.replace(value, f"[redacted:env:{name}]")
        for cut in _FRAGMENT.finditer(text):
            head, tail = cut.group("head"), cut.group("tail")
            if (head and value.startswith(head)) or (tail and value.endswith(tail)):
                text = text.replace(cut.group(0), f"[redacted:env:{name}]")
    # `<redacted:…>` would be an unknown HTML tag to GitHub's Markdown, which drops it unseen.
    return PLACEHOLDER_RE.sub(lambda m: f"[{m.group(0)[1:-1]}]", text)


# A fragment of at least 6 characters glued to an ellipsis, on either side.
_FRAGMENT = re.compile(r"(?P<head>[\w\-+/=.]{6,})?(?:\.\.\.|…)(?P<tail>[\w\-+/=]{6,})?")
