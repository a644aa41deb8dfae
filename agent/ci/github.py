"""GitHub Actions: where the run is (repo, commit, pull request) and the issue-comments API."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import quote

from debugai.agent.ci.forge import Comment, ForgeError, Http, next_link

_PULL_REF = re.compile(r"^refs/pull/(\d+)/(?:merge|head)$")


@dataclass(slots=True)
class GitHubRun:
    """The run as the standard GITHUB_* variables describe it."""

    api_url: str
    server_url: str
    repository: str  # owner/name
    sha: str
    pr: int | None
    token: str | None

    @classmethod
    def from_env(cls, env: Mapping[str, str]) -> GitHubRun:
        return cls(
            api_url=env.get("GITHUB_API_URL", "https://api.github.com").rstrip("/"),
            server_url=env.get("GITHUB_SERVER_URL", "https://github.com").rstrip("/"),
            repository=env.get("GITHUB_REPOSITORY", ""),
            sha=_workflow_run(env).get("head_sha") or env.get("GITHUB_SHA", ""),
            pr=pull_request_number(env),
            token=env.get("GITHUB_TOKEN") or None,
        )

    def blob_url(self, path: str, line: int | None = None) -> str | None:
        """A link to the file (and line) at the run's commit, when the run says where it is."""
        if not (self.repository and self.sha):
            return None
        url = f"{self.server_url}/{self.repository}/blob/{self.sha}/{quote(path)}"
        return f"{url}#L{line}" if line else url


def _event(env: Mapping[str, str]) -> dict[str, Any]:
    """The webhook payload that triggered the run ({} when there is none)."""
    path = env.get("GITHUB_EVENT_PATH")
    if not path:
        return {}
    try:
        event = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return event if isinstance(event, dict) else {}


def _workflow_run(env: Mapping[str, str]) -> dict[str, Any]:
    run = _event(env).get("workflow_run")
    return run if isinstance(run, dict) else {}


def pull_request_number(env: Mapping[str, str]) -> int | None:
    """The PR number from the event payload (pull_request*, workflow_run, issue_comment) or
    refs/pull/N/merge."""
    event = _event(env)
    pr = event.get("pull_request")
    if isinstance(pr, dict) and isinstance(pr.get("number"), int):
        return int(pr["number"])
    # workflow_run: the safe way to comment on forks' pull requests, from a second workflow.
    prs = _workflow_run(env).get("pull_requests") or []
    if prs and isinstance(prs[0], dict) and isinstance(prs[0].get("number"), int):
        return int(prs[0]["number"])
    issue = event.get("issue")
    if isinstance(issue, dict) and "pull_request" in issue and isinstance(issue.get("number"), int):
        return int(issue["number"])
    m = _PULL_REF.match(env.get("GITHUB_REF", ""))
    return int(m.group(1)) if m else None


class GitHubForge:
    """Issue comments on one pull request (pull requests are issues to this API)."""

    name = "github"

    def __init__(self, run: GitHubRun, *, http: Http | None = None, per_page: int = 100) -> None:
        if not run.token:
            raise ForgeError("GITHUB_TOKEN is not set; cannot comment on the pull request")
        if not run.repository or run.pr is None:
            raise ForgeError("no pull request in this run (GITHUB_REPOSITORY / event payload)")
        self.run = run
        self.per_page = per_page
        self.http = http or Http(auth={"Authorization": f"Bearer {run.token}"})
        self.http.extra_headers.setdefault("Accept", "application/vnd.github+json")
        self.http.extra_headers.setdefault("X-GitHub-Api-Version", "2022-11-28")
        self._repo = f"{run.api_url}/repos/{run.repository}"

    def list_comments(self) -> Iterator[Comment]:
        url: str | None = f"{self._repo}/issues/{self.run.pr}/comments?per_page={self.per_page}"
        while url:
            resp = self.http.request("GET", url)
            for item in resp.data or []:
                yield Comment(int(item["id"]), str(item.get("body") or ""))
            url = next_link(resp.headers.get("link"))

    def create_comment(self, body: str) -> Comment:
        url = f"{self._repo}/issues/{self.run.pr}/comments"
        item = self.http.request("POST", url, {"body": body}).data
        return Comment(int(item["id"]), str(item.get("body") or ""))

    def update_comment(self, comment_id: int, body: str) -> Comment:
        url = f"{self._repo}/issues/comments/{comment_id}"
        item = self.http.request("PATCH", url, {"body": body}).data
        return Comment(int(item["id"]), str(item.get("body") or ""))


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def annotation(level: str, message: str, *, file: str, line: int, title: str = "") -> str:
    """One workflow command (`::error file=…,line=…::msg`) that GitHub shows on the diff."""
    props = [f"file={_escape_property(file)}", f"line={line}"]
    if title:
        props.append(f"title={_escape_property(title)}")
    return f"::{level} {','.join(props)}::{_escape_data(message)}"
