"""`debugai ci`: explain the failures of a CI run in one sticky pull-request comment.

run_ci() reads the reports, groups failures by root cause, explains up to a cap, and writes
the comment (GitHub PR / GitLab MR, edited in place), the job summary, annotations and SARIF.
API failures are collected in the result; the caller decides whether they fail the job.
"""

from __future__ import annotations

import json
import re
import shlex
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from debugai.agent.ci.forge import Action, Forge, ForgeError, Http, upsert_sticky
from debugai.agent.ci.github import GitHubForge, GitHubRun, annotation
from debugai.agent.ci.gitlab import GitLabForge, GitLabRun
from debugai.agent.ci.inputs import CiInput, TestFailure, read_inputs
from debugai.agent.ci.report import (
    FailureGroup,
    Link,
    Outcome,
    Section,
    assemble,
    failing_body,
    passing_body,
    redact_for_posting,
    unread_body,
)
from debugai.agent.diagnosis import Diagnosis
from debugai.agent.redact import Redactor
from debugai.config import Config, EngineName
from debugai.errors import TraceParseError

if TYPE_CHECKING:
    from debugai.agent.runtime import RunSpec

Platform = Literal["github", "gitlab", "local"]
Explain = Callable[[str, Sequence[str]], Diagnosis]  # (traceback text, failing test ids)


@dataclass(slots=True)
class CiOptions:
    repo: Path = Path(".")
    engine: EngineName = "auto"
    budget: int = 8000
    max_failures: int = 5  # root causes explained; the rest are listed
    dry_run: bool = False
    sarif: Path | None = None
    config: Config = field(default_factory=Config)  # loaded by the front end (debugai ci)
    rerun: str | None = None  # re-run each explained group's tests with this command (--rerun)
    rerun_timeout: float = 300.0


@dataclass(slots=True)
class CiResult:
    """Everything run_ci did, for the CLI to print and tests to check."""

    platform: Platform
    outcome: Outcome
    passing: bool
    body: str  # the comment as posted (or as it would be)
    summary: str  # the job summary markdown
    annotations: list[str] = field(default_factory=list)
    comment: Action | None = None  # what happened to the sticky comment
    comment_id: int | None = None
    warnings: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # worth a line in the log, not a warning
    errors: list[str] = field(default_factory=list)  # what --fail-on-error fails the job for
    sarif_path: Path | None = None


def detect_platform(env: Mapping[str, str]) -> Platform:
    if env.get("GITHUB_ACTIONS") == "true":
        return "github"
    if env.get("GITLAB_CI") == "true":
        return "gitlab"
    return "local"


def default_explain(options: CiOptions, env: Mapping[str, str] | None = None) -> Explain:
    """debugai.explain over one index of the repository, built on the first failure.

    With options.rerun, each group's failing tests are re-run under the tracer (runtime
    evidence) in the job's environment `env`; nothing runs without it."""
    from debugai.agent.pipeline import explain, open_index

    index = None

    def run(text: str, tests: Sequence[str] = ()) -> Diagnosis:
        nonlocal index
        if index is None:
            index = open_index(options.repo, config=options.config)
        spec = rerun_spec(options, tests, env or {})
        return explain(
            text,
            options.repo,
            engine=options.engine,
            budget=options.budget,
            index=index,
            config=options.config,
            run=spec,
        )

    return run


def rerun_command(template: str, tests: Sequence[str]) -> str | None:
    """The --rerun template for these tests: {tests} are their node ids, {files} their files;
    with neither placeholder the node ids are appended. None when no test has a node id."""
    ids = [t for t in dict.fromkeys(tests) if "::" in t and t.split("::", 1)[0].endswith(".py")]
    if not ids:
        return None  # a log's traceback names no test: there is nothing to select
    files = list(dict.fromkeys(t.split("::", 1)[0] for t in ids))
    quoted = {"tests": " ".join(map(shlex.quote, ids)), "files": " ".join(map(shlex.quote, files))}
    if "{tests}" not in template and "{files}" not in template:
        return f"{template} {quoted['tests']}"
    return template.replace("{tests}", quoted["tests"]).replace("{files}", quoted["files"])


def rerun_spec(options: CiOptions, tests: Sequence[str], env: Mapping[str, str]) -> RunSpec | None:
    if options.rerun is None:
        return None
    from debugai.agent.runtime import RunSpec

    command = rerun_command(options.rerun, tests)
    if command is None:
        return None
    return RunSpec(command=command, timeout=options.rerun_timeout, env=dict(env))


# -- grouping -----------------------------------------------------------------------------------

_PYTEST_RAISE = re.compile(r"^(\S.*?):(\d+): (\w[\w.]*)(?::|\s*$)")  # --tb=long/short/line
_PY_FRAME = re.compile(r'^\s*File "(.+?)", line (\d+)')
_ADDR = re.compile(r"0x[0-9a-fA-F]+")


def signature(failure: TestFailure) -> tuple[str, str]:
    """Failures raising the same exception type at the same line surely share a cause."""
    where = ""
    for ln in failure.text.splitlines():
        if m := _PYTEST_RAISE.match(ln) or _PY_FRAME.match(ln):
            where = f"{m.group(1)}:{m.group(2)}"
    exc = failure.message.split(":", 1)[0] if where else _ADDR.sub("0x?", failure.message)
    return (where, exc)


def pregroup(failures: list[TestFailure]) -> list[list[TestFailure]]:
    """Identical failures together, the largest group first (stable for ties)."""
    groups: dict[tuple[str, str], list[TestFailure]] = {}
    for f in failures:
        groups.setdefault(signature(f), []).append(f)
    return sorted(groups.values(), key=len, reverse=True)


def cause_keys(diag: Diagnosis) -> set[str]:
    rc = diag.root_cause
    if rc is None:
        return set()
    keys = {f"{rc.file}:{rc.line}"}
    if rc.symbol:
        keys.add(rc.symbol)
    return keys


def explain_groups(
    failures: list[TestFailure], explain: Explain, cap: int, *, debug: bool = False
) -> tuple[list[FailureGroup], list[FailureGroup], list[str]]:
    """(explained groups merged by root cause, groups over the cap, warnings)."""
    explained: list[FailureGroup] = []
    keys: list[set[str]] = []
    over: list[FailureGroup] = []
    warnings: list[str] = []
    for members in pregroup(failures):
        if len(explained) >= cap:
            over.append(FailureGroup(members))
            continue
        if not members[0].text.strip():
            # Only a summary line names it (pytest --tb=no, a run cut short): nothing to read.
            explained.append(FailureGroup(members, None, NO_TRACEBACK))
            keys.append(set())
            continue
        try:
            diag: Diagnosis | None = explain(members[0].text, [m.test_id for m in members])
            problem = None
        except TraceParseError:
            # The report names the test but holds no frames (--tb=no, a summary line only).
            diag, problem = None, NO_TRACEBACK
        except Exception as exc:  # one bad report must not cost the others their comment
            if debug:
                raise
            diag, problem = None, _problem(exc)
            warnings.append(f"{members[0].test_id}: not explained: {problem}")
        these = cause_keys(diag) if diag else set()
        for group, known in zip(explained, keys, strict=True):
            if these & known:
                group.failures.extend(members)
                break
        else:
            explained.append(FailureGroup(members, diag, problem))
            keys.append(these)
    return explained, over, warnings


NO_TRACEBACK = "no traceback in the report for this test; re-run pytest with --tb=auto"


def _problem(exc: Exception) -> str:
    from debugai.errors import DebugaiError

    if isinstance(exc, DebugaiError):
        return str(exc)
    return f"internal error {type(exc).__name__}: {exc}"


# -- where the run is -------------------------------------------------------------------------


def repo_prefix(repo: Path) -> str:
    """The repo dir relative to its git checkout's root ('' at the root), for links and SARIF."""
    repo = repo.resolve()
    for top in (repo, *repo.parents):
        if (top / ".git").exists():
            rel = repo.relative_to(top).as_posix()
            return "" if rel == "." else rel + "/"
    return ""


def make_forge(platform: Platform, env: Mapping[str, str], http: Http | None) -> Forge | None:
    """The forge to comment on, or None when the run has no pull/merge request."""
    if platform == "github":
        gh = GitHubRun.from_env(env)
        return GitHubForge(gh, http=http) if gh.pr is not None else None
    if platform == "gitlab":
        gl = GitLabRun.from_env(env)
        return GitLabForge(gl, http=http) if gl.mr_iid is not None else None
    return None


def link_maker(platform: Platform, env: Mapping[str, str], prefix: str) -> Link | None:
    """file, line -> a URL at the run's commit; None when the run does not say where it is."""
    run: GitHubRun | GitLabRun
    if platform == "github":
        run = GitHubRun.from_env(env)
    elif platform == "gitlab":
        run = GitLabRun.from_env(env)
    else:
        return None
    if run.blob_url("probe") is None:
        return None
    return lambda file, line: run.blob_url(prefix + file, line) or ""


# -- the run ------------------------------------------------------------------------------------


def run_ci(
    inputs: list[Path],
    options: CiOptions,
    env: Mapping[str, str],
    *,
    explain: Explain | None = None,
    render: Callable[..., str] | None = None,
    http: Http | None = None,
) -> CiResult:
    """Explain the run's failures and post them; API errors end up in `errors`, not raised.

    `env` is the CI job's environment (which platform, which pull request, the token), passed
    in by the front end."""
    env = dict(env)
    platform = detect_platform(env)
    data: CiInput = read_inputs(inputs, options.repo)
    prefix = repo_prefix(options.repo)
    sha = run_sha(platform, env)
    outcome = Outcome(tests=data.tests, sha=sha)
    if inputs and data.read == 0:
        # The test step died before writing its report: say nothing rather than call it green.
        warnings = [*data.warnings, "no test report could be read; nothing posted"]
        errors = ["no test report could be read"]
        return CiResult(platform, outcome, False, "", "", warnings=warnings, errors=errors)

    result = CiResult(platform, outcome, data.green, "", "", warnings=list(data.warnings))
    if result.passing:
        result.body = result.summary = assemble([Section(passing_body(data.tests, sha), "")])
    elif not data.failures:
        # Read, but no test ran or nothing says so (empty input, `make: *** Error 2`, pytest
        # stopped before collecting): never green; quote what the log ended with.
        text = redact_for_posting(unread_body(data.silent, sha), env)
        result.body = result.summary = assemble([Section(text, text)])
        for s in data.silent:
            result.errors.append(f"no test results: {s.source} {s.reason}")
    else:
        link = link_maker(platform, env, prefix)
        explainer = explain or default_explain(options, env)
        groups, over, more = explain_groups(
            data.failures, explainer, options.max_failures, debug=options.config.debug
        )
        result.warnings.extend(more)
        outcome.groups, outcome.over_cap = groups, over
        outcome.engine = ", ".join(sorted({g.diagnosis.engine for g in groups if g.diagnosis}))
        sections = compose(outcome, options.max_failures, link, env, render)
        result.body = assemble(sections)
        # The job summary takes up to 1 MiB, so it keeps every section in full.
        result.summary = assemble(sections, limit=1_000_000)
        if platform == "github":
            result.annotations = annotations_for(outcome, prefix, env)
        bare = sum(len(g.failures) for g in groups if g.problem == NO_TRACEBACK)
        if bare:
            result.errors.append(f"{bare} failing test(s) have no traceback in the report")
    if options.sarif is not None:
        try:
            write_sarif(options.sarif, outcome, prefix, env)
            result.sarif_path = options.sarif
        except OSError as exc:
            result.errors.append(f"cannot write {options.sarif}: {exc.strerror or exc}")
    if not options.dry_run:
        publish(result, platform, env, http)
    return result


def run_sha(platform: Platform, env: Mapping[str, str]) -> str:
    if platform == "github":
        return GitHubRun.from_env(env).sha
    return env.get("CI_COMMIT_SHA") or env.get("GITHUB_SHA") or ""


def compose(
    outcome: Outcome,
    cap: int,
    link: Link | None,
    env: Mapping[str, str],
    render: Callable[..., str] | None = None,
) -> list[Section]:
    """The red run's sections, rendered and redacted (one Redactor: stable placeholders)."""
    if render is None:
        from debugai.agent.render import render_markdown

        render = render_markdown
    md = render

    def render_one(diag: Diagnosis) -> str:
        return md(diag, link=link, heading="####", timing=False)

    redactor = Redactor()
    return [
        Section(
            redact_for_posting(s.full, env, redactor), redact_for_posting(s.short, env, redactor)
        )
        for s in failing_body(outcome, render_one, link, cap)
    ]


def publish(
    result: CiResult, platform: Platform, env: Mapping[str, str], http: Http | None
) -> None:
    """Job summary, then the sticky comment; failures land in result.errors."""
    if platform == "github" and env.get("GITHUB_STEP_SUMMARY"):
        try:
            with open(env["GITHUB_STEP_SUMMARY"], "a", encoding="utf-8") as fh:
                fh.write(result.summary.split("\n", 1)[1].lstrip() + "\n")  # no marker there
        except OSError as exc:
            result.errors.append(f"cannot write the job summary: {exc.strerror or exc}")
    try:
        forge = make_forge(platform, env, http)
        if forge is None:
            if platform != "local":
                result.notes.append("no pull or merge request in this run: nothing to comment on")
            return
        result.comment, result.comment_id = upsert_sticky(
            forge, result.body, create=not result.passing
        )
    except ForgeError as exc:
        result.errors.append(str(exc))


def annotations_for(outcome: Outcome, prefix: str, env: Mapping[str, str]) -> list[str]:
    """One `::error` per explained root cause, where GitHub shows it on the changed file."""
    lines = []
    for group in outcome.groups:
        diag = group.diagnosis
        if diag is None or diag.root_cause is None:
            continue
        rc = diag.root_cause
        tests = ", ".join(f.test_id for f in group.failures[:5])
        more = len(group.failures) - 5
        tests += f" and {more} more" if more > 0 else ""
        message = f"{rc.explanation or group.title}\nFailing: {tests}"
        lines.append(
            annotation(
                "error",
                redact_for_posting(message, env),
                file=prefix + rc.file,
                line=rc.line,
                title=f"debugai: root cause of {len(group.failures)} failing test(s)",
            )
        )
    return lines


def write_sarif(path: Path, outcome: Outcome, prefix: str, env: Mapping[str, str]) -> None:
    """A SARIF log of the root causes, paths relative to the checkout for code scanning."""
    from debugai.agent.render import render_sarif

    diags = [g.diagnosis for g in outcome.groups if g.diagnosis is not None]
    sarif = json.loads(redact_for_posting(json.dumps(render_sarif(diags)), env))
    if prefix:
        for run in sarif.get("runs", []):
            for res in run.get("results", []):
                for loc in res.get("locations", []):
                    art = loc.get("physicalLocation", {}).get("artifactLocation", {})
                    if "uri" in art:
                        art["uri"] = prefix + art["uri"]
    path.write_text(json.dumps(sarif, indent=2) + "\n", encoding="utf-8")
