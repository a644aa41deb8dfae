"""Read what a CI run left behind — pytest JUnit XML, a pytest log, any log with tracebacks —
into one record per failed test, each with the text debugai explains."""

from __future__ import annotations

import re
import sys
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

FailureKind = Literal["failure", "error"]


@dataclass(slots=True)
class TestFailure:
    """One failed (or errored) test and the traceback text its report holds."""

    __test__ = False  # not a pytest test class

    test_id: str  # pytest node id when known, else the input's name
    kind: FailureKind
    message: str  # one line
    text: str  # what explain() reads
    source: str  # the input file it came from


@dataclass(slots=True)
class Silent:
    """An input that was read but says nothing about tests: no result, no traceback."""

    source: str
    reason: str  # "is empty", "holds no Python traceback and no test results", ...
    tail: list[str]  # its last error lines, quoted in the comment


@dataclass(slots=True)
class CiInput:
    failures: list[TestFailure] = field(default_factory=list)
    tests: int | None = None  # total tests run, when a JUnit report or pytest's summary says
    warnings: list[str] = field(default_factory=list)
    read: int = 0  # inputs read successfully
    results: int = 0  # inputs that hold test results (a report, a summary line, a failure)
    silent: list[Silent] = field(default_factory=list)

    @property
    def green(self) -> bool:
        """Only a run whose every input shows tests that ran and none failed is green."""
        return not self.failures and self.results > 0 and not self.silent


def read_inputs(paths: list[Path], repo_root: Path) -> CiInput:
    """Every failure in the given files; unreadable files become warnings, never exceptions."""
    result = CiInput()
    for path in paths:
        try:
            raw = sys.stdin.buffer.read() if str(path) == "-" else path.read_bytes()
        except OSError as exc:
            result.warnings.append(f"cannot read {path}: {exc.strerror or exc}")
            continue
        text = raw.decode("utf-8", errors="replace")
        name = "standard input" if str(path) == "-" else path.name
        if not text.strip():
            result.silent.append(Silent(name, "is empty", []))
            result.read += 1
            continue
        if _looks_like_xml(text):
            try:
                failures, total = parse_junit(text, path.name, repo_root)
            except ET.ParseError as exc:
                result.warnings.append(f"{path} is not valid JUnit XML: {exc}")
                continue
            result.tests = (result.tests or 0) + total
            if total == 0:
                result.silent.append(Silent(name, "is a JUnit report with no test cases", []))
            else:
                result.results += 1
        else:
            failures = parse_log(text, path.name)
            counts = pytest_counts(text)
            if counts is not None and result.tests is None and not failures:
                result.tests = sum(counts.get(k, 0) for k in ("passed", "failed", "error"))
            if failures or (counts and counts.get("passed", 0) and _no_failure(counts)):
                result.results += 1
            else:
                result.silent.append(Silent(name, _why_silent(text, counts), error_tail(text)))
        # The same run given as JUnit and as a log: report each test once (the first input wins).
        seen = {f.test_id for f in result.failures}
        result.failures.extend(f for f in failures if f.test_id not in seen)
        result.read += 1
    return result


# pytest's last line: "==== 3 failed, 10 passed, 1 warning in 2.31s ====" (or bare, with -q).
_COUNTS_LINE = re.compile(r"^=*\s*((?:\d+ [a-z]+(?:, )?)+) in [\d.]+s\b.*$")
_COUNT = re.compile(r"(\d+) ([a-z]+)")


def pytest_counts(text: str) -> dict[str, int] | None:
    """The counts of pytest's final summary line ({"passed": 10, "failed": 3}), None if absent."""
    for ln in reversed(text.splitlines()[-200:]):
        if m := _COUNTS_LINE.match(_ANSI.sub("", ln).strip()):
            counts: dict[str, int] = {}
            for n, word in _COUNT.findall(m.group(1)):
                key = "error" if word.startswith("error") else word
                counts[key] = counts.get(key, 0) + int(n)
            return counts
    return None


def _no_failure(counts: dict[str, int]) -> bool:
    return not counts.get("failed") and not counts.get("error")


def _why_silent(text: str, counts: dict[str, int] | None) -> str:
    if counts is not None:
        if not _no_failure(counts):
            return "says tests failed but holds no report of them"
        return "says no test passed"
    if _BANNER.search(text) or "pytest" in text[:2000]:
        return "holds pytest output but no test results (did pytest stop before collecting?)"
    return "holds no Python traceback and no test results"


_ANSI = re.compile(r"\x1b\[[0-?]*[ -/]*[@-~]")
_ERRORISH = re.compile(
    r"(?i)\b(error|errors|failed|failure|fatal|exception|traceback|interrupted|no tests ran|"
    r"cannot|not found|no such)\b|\*\*\*"
)
TAIL_LINES = 6


def error_tail(text: str, n: int = TAIL_LINES) -> list[str]:
    """The log's last lines that look like errors (else its last lines), for quoting."""
    lines = [_ANSI.sub("", ln).rstrip() for ln in text.splitlines()]
    lines = [ln[:300] for ln in lines if ln.strip()]
    errors = [ln for ln in lines if _ERRORISH.search(ln)]
    return (errors or lines)[-n:]


def _looks_like_xml(text: str) -> bool:
    head = text.lstrip("\ufeff \t\r\n")[:200]
    return head.startswith("<?xml") or head.startswith("<testsuite")


def parse_junit(text: str, source: str, repo_root: Path) -> tuple[list[TestFailure], int]:
    """The failures of a JUnit report (pytest's `--junitxml`) and how many tests it ran."""
    root = ET.fromstring(text)
    failures: list[TestFailure] = []
    total = 0
    for case in root.iter("testcase"):
        total += 1
        test_id = _node_id(case.get("classname", ""), case.get("name", ""), repo_root)
        for child in case:
            if child.tag not in ("failure", "error"):
                continue
            # The header makes the text a pytest report section again, as the trace reader knows it.
            body = _section_header(test_id) + (child.text or "").strip("\n")
            # The report's own `E` line, as in the log; `message` may be "collection failure".
            message = _last_error_line(body) or (child.get("message") or "").strip()
            message = message.split("\n", 1)[0]
            kind: FailureKind = "failure" if child.tag == "failure" else "error"
            failures.append(TestFailure(test_id, kind, _one_line(message), scrub(body), source))
    return failures, total


def _node_id(classname: str, name: str, repo_root: Path) -> str:
    """pytest's dotted classname back to a node id: tests.test_a.TestX + t -> tests/test_a.py::TestX::t."""
    if not classname:  # a collection error names the module: "tests.test_a"
        path = name.replace(".", "/") + ".py"
        return path if (repo_root / path).is_file() else name
    parts = classname.split(".")
    for cut in range(len(parts), 0, -1):
        path = "/".join(parts[:cut]) + ".py"
        if (repo_root / path).is_file():
            return "::".join([path, *parts[cut:], name])
    return f"{classname}::{name}"


# pytest's report: "==== FAILURES ====" then "____ test_name ____" per test, ended by the next
# "====" banner; the short summary repeats "FAILED node_id - message".
_BANNER = re.compile(r"^={3,} ?(.*?) ?={3,}$", re.M)
_SECTION = re.compile(r"^_{3,} (.+?) _{3,}$")
_CAPTURED = re.compile(r"^-{3,} .+ -{3,}$")  # "Captured stdout call", "generated xml file"
_SUMMARY = re.compile(r"^(FAILED|ERROR) (\S+)(?: - (.*))?$")
_ERROR_AT = re.compile(r"^ERROR (?:at (?:setup|teardown) of|collecting) (.+)$")


def parse_log(text: str, source: str) -> list[TestFailure]:
    """Failures from a pytest log, or one per traceback in any other log."""
    lines = text.splitlines()
    titles = {m.group(1) for ln in lines if (m := _BANNER.match(ln))}
    if titles & {"FAILURES", "ERRORS", "test session starts"}:
        return _parse_pytest_log(lines, source)
    return _parse_plain_log(text, source)


def _parse_pytest_log(lines: list[str], source: str) -> list[TestFailure]:
    summary: dict[str, tuple[str, str]] = {}  # node id -> (kind word, message)
    for ln in lines:
        if m := _SUMMARY.match(ln.strip()):
            summary[m.group(2)] = (m.group(1), m.group(3) or "")
    failures: list[TestFailure] = []
    section: str | None = None
    kind: FailureKind = "failure"
    body: list[str] = []
    capturing = True
    in_report = False  # inside the FAILURES / ERRORS part
    loose: list[str] = []  # report lines outside any `___ test ___` section (--tb=line)

    def close() -> None:
        if section is None:
            return
        text = _section_header(section) + "\n".join(body).strip("\n")
        name = _ERROR_AT.match(section)
        head = name.group(1) if name else section
        node, message = _match_summary(head, summary)
        # The summary line is cut to the terminal width; the report's own `E` line is whole.
        message = _last_error_line(text) or message
        failures.append(TestFailure(node, kind, _one_line(message), scrub(text), source))

    for ln in lines:
        if banner := _BANNER.match(ln):
            close()
            section = None
            title = banner.group(1)
            kind = "error" if title == "ERRORS" else "failure"
            in_report = title in ("FAILURES", "ERRORS")
            continue
        if m := _SECTION.match(ln):
            close()
            section, body, capturing = m.group(1), [], True
            continue
        if section is not None:
            if _CAPTURED.match(ln):
                capturing = (
                    False  # captured output is noise for the diagnosis, and may hold secrets
                )
            elif capturing:
                body.append(ln)
        elif in_report:
            loose.append(ln)
    close()
    failures += _unsectioned(summary, {f.test_id for f in failures}, loose, source)
    if not failures and (m := _RESULT.search(lines[-1] if lines else "")):
        # No report to read, but pytest says tests failed: never let that pass for green.
        failures.append(TestFailure(source, "failure", _one_line(m.group(0)), "", source))
    return failures


_LOC_LINE = re.compile(r"^\S.*?:\d+: \S")  # --tb=line: "path:line: Type: message"
_RESULT = re.compile(r"\b\d+ (?:failed|errors?)\b")


def _unsectioned(
    summary: dict[str, tuple[str, str]], seen: set[str], loose: list[str], source: str
) -> list[TestFailure]:
    """Summary entries no section explained: pair them in order with --tb=line entries."""
    missing = [node for node in summary if node not in seen]
    if not missing:
        return []
    entries: list[str] = []
    current: list[str] = []
    for ln in loose:
        current.append(ln)
        if _LOC_LINE.match(ln):
            entries.append("\n".join(current).strip("\n"))
            current = []
    if len(entries) != len(missing):
        entries = [""] * len(missing)
    out = []
    for node, text in zip(missing, entries, strict=True):
        word, message = summary[node]
        kind: FailureKind = "error" if word == "ERROR" else "failure"
        message = _last_error_line(text) or message
        if text:  # the banner is what tells the trace reader these are pytest's line reports
            text = f"{'=' * 20} {'ERRORS' if kind == 'error' else 'FAILURES'} {'=' * 20}\n{text}"
        out.append(TestFailure(node, kind, _one_line(message), scrub(text), source))
    return out


def _section_header(name: str) -> str:
    title = name.split("::", 1)[-1].replace("::", ".")
    return f"{'_' * 20} {title} {'_' * 20}\n"


def _match_summary(head: str, summary: dict[str, tuple[str, str]]) -> tuple[str, str]:
    """The node id whose tail is this section's title (`TestX.test_y` -> `...::TestX::test_y`)."""
    tail = "::" + head.replace(".", "::")
    for node, (_, message) in summary.items():
        if node.endswith(tail) or node == head:
            return node, message
    return head, ""


def _parse_plain_log(text: str, source: str) -> list[TestFailure]:
    from debugai.agent.traceback import parse_all

    traces = parse_all(text)
    lines = text.splitlines()
    failures: list[TestFailure] = []
    for i, trace in enumerate(traces, 1):
        chunk = "\n".join(lines[trace.start_line - 1 : trace.end_line])  # 1-based, inclusive
        final = trace.final
        first = final.message.strip().split("\n", 1)[0]
        message = f"{final.type}: {first}" if first else final.type
        label = trace.test_id or (source if len(traces) == 1 else f"{source} #{i}")
        failures.append(TestFailure(label, "failure", _one_line(message), scrub(chunk), source))
    return failures


_E_LINE = re.compile(r"^E\s+(\S.*)$")
_EXC_LINE = re.compile(r"^([A-Za-z_][\w.]*(?:Error|Exception|Exit|Interrupt|Warning)\b.*)$")


def _last_error_line(text: str) -> str:
    """The exception line of a pytest long report (the first `E ` line) or of a traceback."""
    for ln in text.splitlines():
        if m := _E_LINE.match(ln):
            return m.group(1)
    for ln in reversed(text.splitlines()):
        if m := _EXC_LINE.match(ln.strip()):
            return m.group(1)
    return ""


# pytest prints `self = environ({...})` for a KeyError raised by os.environ[...]: the whole
# environment of the CI job, secrets included. It says nothing about the bug; drop it.
_ENVIRON_REPR = re.compile(r"environ\(\{.*?\}\)(?=\s*$)", re.M)


def scrub(text: str) -> str:
    """The report text without dumps of the process environment."""
    return _ENVIRON_REPR.sub("environ({…})", text)


def _one_line(text: str, limit: int = 200) -> str:
    line = " ".join(text.split())
    return line if len(line) <= limit else line[: limit - 1] + "…"
