"""GitLab CI: where the pipeline is (project, commit, merge request) and the MR notes API."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from urllib.parse import quote

from debugai.agent.ci.forge import Comment, ForgeError, Http


@dataclass(slots=True)
class GitLabRun:
    """The pipeline as the predefined CI_* variables describe it."""

    api_url: str
    project_id: str
    project_url: str
    sha: str
    mr_iid: int | None
    token: str | None
    job_token: str | None

    @classmethod
    def from_env(cls, env: Mapping[str, str]) -> GitLabRun:
        iid = env.get("CI_MERGE_REQUEST_IID", "")
        return cls(
            api_url=env.get("CI_API_V4_URL", "https://gitlab.com/api/v4").rstrip("/"),
            project_id=env.get("CI_PROJECT_ID", ""),
            project_url=env.get("CI_PROJECT_URL", "").rstrip("/"),
            sha=env.get("CI_COMMIT_SHA", ""),
            mr_iid=int(iid) if iid.isdigit() else None,
            token=env.get("GITLAB_TOKEN") or None,
            job_token=env.get("CI_JOB_TOKEN") or None,
        )

    def blob_url(self, path: str, line: int | None = None) -> str | None:
        if not (self.project_url and self.sha):
            return None
        url = f"{self.project_url}/-/blob/{self.sha}/{quote(path)}"
        return f"{url}#L{line}" if line else url


class GitLabForge:
    """Notes on one merge request; pages follow the X-Next-Page header."""

    name = "gitlab"

    def __init__(self, run: GitLabRun, *, http: Http | None = None, per_page: int = 100) -> None:
        if run.token:
            auth = {"PRIVATE-TOKEN": run.token}
        elif run.job_token:
            # Few GitLab versions let a job token write notes; a 401/403 then becomes a warning.
            auth = {"JOB-TOKEN": run.job_token}
        else:
            raise ForgeError("GITLAB_TOKEN (or CI_JOB_TOKEN) is not set; cannot write the note")
        if not run.project_id or run.mr_iid is None:
            raise ForgeError(
                "no merge request in this pipeline (CI_PROJECT_ID / CI_MERGE_REQUEST_IID)"
            )
        self.run = run
        self.per_page = per_page
        self.http = http or Http(auth=auth)
        project = quote(run.project_id, safe="")
        self._notes = f"{run.api_url}/projects/{project}/merge_requests/{run.mr_iid}/notes"

    def list_comments(self) -> Iterator[Comment]:
        page: str | None = "1"
        while page:
            url = f"{self._notes}?per_page={self.per_page}&page={page}&sort=asc&order_by=created_at"
            resp = self.http.request("GET", url)
            for item in resp.data or []:
                if not item.get("system"):
                    yield Comment(int(item["id"]), str(item.get("body") or ""))
            page = resp.headers.get("x-next-page") or None

    def create_comment(self, body: str) -> Comment:
        item = self.http.request("POST", self._notes, {"body": body}).data
        return Comment(int(item["id"]), str(item.get("body") or ""))

    def update_comment(self, comment_id: int, body: str) -> Comment:
        item = self.http.request("PUT", f"{self._notes}/{comment_id}", {"body": body}).data
        return Comment(int(item["id"]), str(item.get("body") or ""))
