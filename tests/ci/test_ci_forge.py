"""The forge clients and the sticky-comment logic against the local fake GitHub/GitLab API."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from fake_forge import FakeForge

from debugai.agent.ci.forge import MARKER, ForgeError, Http, is_ours, next_link, upsert_sticky
from debugai.agent.ci.github import GitHubForge, GitHubRun, annotation, pull_request_number
from debugai.agent.ci.gitlab import GitLabForge, GitLabRun

REPO = "acme/shop"


@pytest.fixture
def forge():
    with FakeForge(max_per_page=2) as f:
        yield f


def github(forge: FakeForge, token: str | None = None, pr: int = 7) -> GitHubForge:
    run = GitHubRun(
        api_url=forge.github_api,
        server_url="https://ghe.example",
        repository=REPO,
        sha="abc123",
        pr=pr,
        token=forge.token if token is None else token,
    )
    http = Http(auth={"Authorization": f"Bearer {run.token}"}, backoff=0.01, timeout=5)
    return GitHubForge(run, http=http, per_page=2)


def gitlab(forge: FakeForge, *, job_token: bool = False) -> GitLabForge:
    run = GitLabRun(
        api_url=forge.gitlab_api,
        project_id="42",
        project_url="https://gitlab.example/acme/shop",
        sha="abc123",
        mr_iid=3,
        token=None if job_token else forge.token,
        job_token=forge.token if job_token else None,
    )
    return GitLabForge(run, per_page=2)


def test_github_creates_once_then_updates_in_place(forge: FakeForge) -> None:
    gh = github(forge)
    assert upsert_sticky(gh, "first run")[0] == "created"
    action, cid = upsert_sticky(gh, "second run")
    assert action == "updated"
    comments = forge.github[(REPO, 7)]
    assert len(comments) == 1 and comments[0]["id"] == cid
    assert comments[0]["body"] == f"{MARKER}\nsecond run"
    writes = forge.writes()
    assert [w.method for w in writes] == ["POST", "PATCH"]
    assert all(r.headers["authorization"] == f"Bearer {forge.token}" for r in forge.requests)
    assert all(r.headers["x-github-api-version"] for r in forge.requests)
    # Same body again: nothing is written.
    assert upsert_sticky(gh, "second run")[0] == "unchanged"
    assert len(forge.writes()) == 2


def test_github_finds_the_marker_on_a_later_page(forge: FakeForge) -> None:
    for i in range(5):
        forge.add_github_comment(REPO, 7, f"human comment {i}")
    forge.add_github_comment(REPO, 7, f"> {MARKER}\n> quoted by a reviewer")
    ours = forge.add_github_comment(REPO, 7, f"{MARKER}\nold", login="github-actions[bot]")
    action, cid = upsert_sticky(github(forge), "new")
    assert (action, cid) == ("updated", ours)
    pages = [r.query.get("page", "1") for r in forge.requests if r.method == "GET"]
    assert pages == ["1", "2", "3", "4"]
    assert len(forge.github[(REPO, 7)]) == 7


def test_all_passing_without_an_earlier_comment_posts_nothing(forge: FakeForge) -> None:
    assert upsert_sticky(github(forge), "all green", create=False) == ("skipped", None)
    assert forge.writes() == []


@pytest.mark.parametrize("status", [401, 403, 404, 500])
def test_github_errors_become_forge_errors_without_the_token(forge: FakeForge, status: int) -> None:
    forge.fail(status)
    with pytest.raises(ForgeError) as info:
        upsert_sticky(github(forge), "body")
    assert info.value.status == status
    assert forge.token not in str(info.value)
    assert f"HTTP {status}" in str(info.value)
    assert forge.writes() == [] or status == 500
    # 500 is retried (3 attempts), the others are not.
    assert len(forge.requests) == (3 if status == 500 else 1)


def test_github_bad_token_is_rejected_by_the_server(forge: FakeForge) -> None:
    with pytest.raises(ForgeError, match=r"401.*rejected"):
        upsert_sticky(github(forge, token="wrong-token"), "body")


def test_a_transient_500_is_retried(forge: FakeForge) -> None:
    forge.fail(500, method="POST", times=1)
    assert upsert_sticky(github(forge), "body")[0] == "created"
    assert [r.method for r in forge.requests] == ["GET", "POST", "POST"]
    assert len(forge.github[(REPO, 7)]) == 1


def test_gitlab_note_is_sticky_and_paginates(forge: FakeForge) -> None:
    for i in range(3):
        forge.add_gitlab_note("42", 3, f"review {i}")
    forge.add_gitlab_note("42", 3, f"{MARKER} mentioned in a system note", system=True)
    gl = gitlab(forge)
    assert upsert_sticky(gl, "first")[0] == "created"
    action, nid = upsert_sticky(gl, "second")
    assert action == "updated"
    ours = [n for n in forge.gitlab[("42", 3)] if is_ours(n["body"]) and not n["system"]]
    assert [n["id"] for n in ours] == [nid] and ours[0]["body"].endswith("second")
    assert [w.method for w in forge.writes()] == ["POST", "PUT"]
    assert all(r.headers["private-token"] == forge.token for r in forge.requests)


def test_gitlab_job_token_header(forge: FakeForge) -> None:
    upsert_sticky(gitlab(forge, job_token=True), "x")
    assert all(r.headers.get("job-token") == forge.token for r in forge.requests)
    assert all("private-token" not in r.headers for r in forge.requests)


def test_missing_token_or_pull_request_is_a_forge_error() -> None:
    run = GitHubRun("http://x", "http://x", REPO, "sha", pr=None, token="t")
    with pytest.raises(ForgeError, match="no pull request"):
        GitHubForge(run)
    run = GitHubRun("http://x", "http://x", REPO, "sha", pr=1, token=None)
    with pytest.raises(ForgeError, match="GITHUB_TOKEN"):
        GitHubForge(run)


def test_pull_request_number_from_event_or_ref(tmp_path: Path) -> None:
    event = tmp_path / "event.json"
    event.write_text(json.dumps({"action": "synchronize", "pull_request": {"number": 12}}))
    assert pull_request_number({"GITHUB_EVENT_PATH": str(event)}) == 12
    event.write_text(json.dumps({"issue": {"number": 5, "pull_request": {}}}))
    assert pull_request_number({"GITHUB_EVENT_PATH": str(event)}) == 5
    event.write_text(
        json.dumps({"workflow_run": {"head_sha": "cafe", "pull_requests": [{"number": 9}]}})
    )
    env = {"GITHUB_EVENT_PATH": str(event), "GITHUB_SHA": "main-sha", "GITHUB_REPOSITORY": REPO}
    assert pull_request_number(env) == 9
    # A workflow_run links at the pull request's head, not at the default branch it runs on.
    assert GitHubRun.from_env(env).sha == "cafe"
    event.write_text(json.dumps({"ref": "refs/heads/main", "commits": []}))
    assert pull_request_number({"GITHUB_EVENT_PATH": str(event)}) is None
    assert pull_request_number({"GITHUB_REF": "refs/pull/34/merge"}) == 34
    assert pull_request_number({"GITHUB_REF": "refs/heads/main"}) is None


def test_link_header_and_blob_urls() -> None:
    header = '<https://a/x?page=2>; rel="next", <https://a/x?page=9>; rel="last"'
    assert next_link(header) == "https://a/x?page=2"
    assert next_link('<https://a/x?page=1>; rel="prev"') is None
    run = GitHubRun.from_env(
        {"GITHUB_REPOSITORY": REPO, "GITHUB_SHA": "deadbeef", "GITHUB_SERVER_URL": "https://g.e/"}
    )
    assert (
        run.blob_url("app/my file.py", 12)
        == "https://g.e/acme/shop/blob/deadbeef/app/my%20file.py#L12"
    )
    assert run.api_url == "https://api.github.com"


def test_annotation_escapes_workflow_command_syntax() -> None:
    line = annotation("error", "50% off\nsecond line", file="a,b:c.py", line=3, title="t: x")
    assert line == "::error file=a%2Cb%3Ac.py,line=3,title=t%3A x::50%25 off%0Asecond line"
