"""The comment's size limit, Markdown safety of a cut, and inline code quoting."""

from __future__ import annotations

from debugai.agent.ci.forge import MARKER
from debugai.agent.ci.report import (
    COMMENT_LIMIT,
    Section,
    assemble,
    close_markdown,
    code,
    passing_body,
)


def _section(i: int, size: int) -> Section:
    lines = [f"### {i}. group {i}", "", "```diff"]
    lines += [f"+ line {n} of group {i}" for n in range(size // 20)]
    lines += ["```", "<details><summary>Details</summary>", "", "ctx", "", "</details>"]
    return Section("\n".join(lines), f"- group {i} (shortened)")


def test_small_bodies_are_kept_whole() -> None:
    sections = [Section("## head", "## head"), _section(1, 500), _section(2, 500)]
    body = assemble(sections)
    assert body.startswith(MARKER)
    assert all(s.full in body for s in sections)
    assert "shortened" not in body and "truncated" not in body


def test_later_sections_shrink_first_to_fit_the_limit() -> None:
    sections = [Section("## head", "## head"), *(_section(i, 20_000) for i in range(1, 6))]
    body = assemble(sections)
    assert len(body) <= COMMENT_LIMIT
    assert sections[1].full in body and sections[2].full in body
    assert "- group 5 (shortened)" in body and sections[5].full not in body
    assert "shortened to fit the comment size limit" in body


def test_one_huge_section_is_cut_with_its_markdown_closed() -> None:
    sections = [Section("## head", "## head"), _section(1, 200_000)]
    body = assemble(sections)
    assert len(body) <= COMMENT_LIMIT
    assert body.rstrip().endswith("the job summary has the rest._")
    fences = [ln for ln in body.splitlines() if ln.startswith("```")]
    assert len(fences) % 2 == 0
    assert body.count("<details") == body.count("</details>")


def test_a_limit_can_be_set_for_the_job_summary() -> None:
    sections = [Section("## head", "## head"), *(_section(i, 20_000) for i in range(1, 6))]
    body = assemble(sections, limit=1_000_000)
    assert all(s.full in body for s in sections)


def test_close_markdown_closes_what_a_cut_left_open() -> None:
    cut = "text\n```python\nx = 1\n<details><summary>s</summary>\n"
    closed = close_markdown(cut)
    assert closed.count("```") == 2 and closed.endswith("</details>")
    assert close_markdown("plain") == "plain"


def test_inline_code_survives_backticks() -> None:
    assert code("a.b") == "`a.b`"
    assert code("use `x` here") == "``use `x` here``"
    assert code("`x`") == "`` `x` ``"
    assert "\n" not in code("two\nlines")


def test_passing_body_says_so() -> None:
    body = passing_body(12, "0123456789abcdef")
    assert "all tests pass" in body and "12 tests" in body and "0123456789ab" in body
    assert "0123456789abc" not in body
