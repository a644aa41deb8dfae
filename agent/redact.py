"""Replace secrets with stable placeholders before anything leaves the machine.

One `Redactor` per run: the same secret always becomes the same placeholder (`<redacted:kind:N>`),
so the model can still see that two places hold the same value, and line numbers never move
(a multi-line private key keeps its line breaks). Files named `.env*` or holding keys are never
sent at all (`is_secret_file`).

Three layers, in order: the token shapes below (a few not in the maintained set, and ones that
must keep the text around them: the password of a URL, a Bearer header); the detect-secrets
plugins' own rules (the maintained set: provider token shapes, and high-entropy quoted strings
whatever their name), used as a rule set only — never its verification, which calls the
providers' APIs with the secret; then names that hold secrets (`DB_PASS=...`,
`api_key: str = "..."`, `?key=...`).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from functools import cache
from pathlib import PurePosixPath
from typing import Any

from debugai.agent import redact_rules

PLACEHOLDER_RE = re.compile(r"<redacted:[a-z0-9-]+:\d+>")

# Names whose assigned values are secrets: *SECRET*, *TOKEN*, *PASSWORD*, qualified *_KEY names,
# and any UPPER_CASE name holding KEY (env-var style). Not KeyError, sort_key, tokenizer, ...
_SECRET_NAME = re.compile(
    r"(?i)secret|passw(?:or)?d|passwd|pwd|credential|token(?!iz|_type|s\b)|"
    r"(?:^|[_-])pass(?:$|[_-])|(?:^|[_-])dsn$|"
    r"(?:api|access|private|signing|encryption|auth|client|master|account|service|license)[_-]?key"
)
_NOT_SECRET_NAME = re.compile(
    r"(?i)(?:error|exception|warning|_name|_env|_var|_file|_path|_len|_length)$"
)


def _secret_name(name: str) -> bool:
    base = name.rsplit(".", 1)[-1]
    if _NOT_SECRET_NAME.search(base):
        return False
    return bool(_SECRET_NAME.search(base)) or (base.isupper() and "KEY" in base)


# (kind, pattern); the whole match is the secret unless the pattern has a group named "s".
_TOKEN_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    (
        "private-key",
        re.compile(
            r"-----BEGIN[A-Z0-9 ]*PRIVATE KEY( BLOCK)?-----(?:.*?-----END[A-Z0-9 ]*PRIVATE KEY( BLOCK)?-----|[\sA-Za-z0-9+/=]*)",
            re.S,
        ),
    ),
    ("aws-key", re.compile(r"\b(?:AKIA|ASIA|ABIA|ACCA|AIDA|AROA)[0-9A-Z]{16}\b")),
    ("gcp-key", re.compile(r"\bAIza[0-9A-Za-z_\-]{35}\b")),
    (
        "github-token",
        re.compile(r"\b(?:gh[pousr]_[A-Za-z0-9]{30,}|github_pat_[A-Za-z0-9_]{40,})\b"),
    ),
    ("gitlab-token", re.compile(r"\bgl(?:pat|dt|ptt|rt|soat|cbt)-[A-Za-z0-9_\-]{20,}\b")),
    ("slack-token", re.compile(r"\bxox[abposr]-[A-Za-z0-9\-]{10,}\b")),
    ("slack-webhook", re.compile(r"https://hooks\.slack\.com/services/[A-Za-z0-9/_\-]+")),
    (
        "openai-key",
        re.compile(r"\bsk-(?:proj-|svcacct-|admin-|ant-[a-z0-9]+-)?[A-Za-z0-9_\-]{20,}"),
    ),
    ("stripe-key", re.compile(r"\b(?:sk|rk|pk|whsec)_(?:live|test)_[A-Za-z0-9]{16,}\b")),
    ("jwt", re.compile(r"\beyJ[A-Za-z0-9_\-]{8,}\.eyJ[A-Za-z0-9_\-]{8,}\.[A-Za-z0-9_\-]{8,}")),
    (
        "azure-key",
        re.compile(r"(?i)\b(?:AccountKey|SharedAccessKey|sig)=(?P<s>[A-Za-z0-9+/%]{20,}={0,2})"),
    ),
    # scheme://user:password@host: keep the user and host, hide the password.
    ("password", re.compile(r"\b[a-zA-Z][a-zA-Z0-9+.\-]*://[^\s:/@'\"]*:(?P<s>[^\s@/'\"]+)@")),
    ("auth-header", re.compile(r"(?i)\b(?:bearer|basic)[ \t]+(?P<s>[A-Za-z0-9._~+/\-]{12,}=*)")),
    # scheme://token@host with no password: a Sentry DSN's key, a token-as-user git remote.
    ("url-token", re.compile(r"\b[a-zA-Z][a-zA-Z0-9+.\-]*://(?P<s>[A-Za-z0-9_\-]{16,})@")),
    # ?key=... &token=... in a URL.
    (
        "url-param",
        re.compile(
            r"(?i)[?&](?:[a-z_]*key|[a-z_]*token|secret|sig|signature|password|passwd|pwd|auth|"
            r"code|client_secret|access_token)=(?P<s>[^&\s'\"#<>]{6,})"
        ),
    ),
]

# NAME = "value" / NAME: 'value' / "name": "value" / name="value" / d["name"] = "value"
_QUOTED_ASSIGN = re.compile(
    r"""(?x) (?P<name>\b[A-Za-z_][\w.-]*) ["']?\]? [ \t]* (?::=|=>|==|!=|:|=) [ \t]* (?P<q>["'])(?P<s>[^"'\n]+)(?P=q)"""
)
# NAME=value with no spaces (shell, .env style, messages) or NAME = value (code, checked below).
_BARE_ASSIGN = re.compile(
    r"""(?x) (?P<name>\b[A-Za-z_][\w.-]*) (?P<sep>[ \t]*[:=][ \t]*) (?P<s>[^\s"'`,;)(\][{}<>=][^\s"'`,;)(\][{}<>]*)"""
)
# name: Annotation = "value" (a dataclass or pydantic settings field).
_ANNOTATED_ASSIGN = re.compile(
    r"""(?x) (?P<name>\b[A-Za-z_][\w.]*) [ \t]*:[ \t]* [\w.\[\], |]+? [ \t]*=[ \t]*
    (?P<q>["'])(?P<s>[^"'\n]+)(?P=q)"""
)
_ENV_NAME_VALUE = re.compile(r"^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+$")  # an env var's name, not a value
_CODE_NAME = re.compile(r"^[A-Za-z_][A-Za-z_.]*$")  # settings.api_key, DEFAULT_TOKEN, os.environ

SECRET_FILE_NAMES = frozenset(
    {
        ".netrc",
        ".pypirc",
        ".npmrc",
        ".pgpass",
        ".htpasswd",
        ".git-credentials",
        ".dockercfg",
        "id_rsa",
        "id_dsa",
        "id_ed25519",
        "id_ecdsa",
        "credentials",
        "credentials.json",
        "settings.ini",  # python-decouple's secrets file
        "terraform.tfstate",
        "wp-config.php",
    }
)
SECRET_FILE_SUFFIXES = (
    ".pem",
    ".key",
    ".p12",
    ".pfx",
    ".jks",
    ".keystore",
    ".kdbx",
    ".gpg",
    ".asc",
    ".tfvars",
    ".tfstate",
)
# Folders whose every file holds credentials: ~/.docker, ~/.aws, ~/.kube, ~/.ssh, .git.
SECRET_DIRS = frozenset({".docker", ".aws", ".kube", ".ssh", ".gnupg", ".git"})


def is_secret_file(path: str) -> bool:
    """True for files never sent to a model: `.env*`, key files, credential stores."""
    parts = PurePosixPath(path.replace("\\", "/")).parts
    if not parts:
        return False
    name = parts[-1]
    stem = name.split(".", 1)[0].lower()
    return (
        any(p.startswith(".env") or p in SECRET_DIRS for p in parts)
        or name in SECRET_FILE_NAMES
        or name.lower().endswith(SECRET_FILE_SUFFIXES)
        or stem in ("secret", "secrets", "id_rsa", "id_ed25519")
        or stem.startswith("credentials")
    )


class Redactor:
    """Stable secret → placeholder replacement for one run."""

    def __init__(self, enabled: bool = True) -> None:
        self.enabled = enabled
        self.mapping: dict[str, str] = {}
        self.kinds: Counter[str] = Counter()
        self._seen: dict[str, str] = {}

    @property
    def count(self) -> int:
        """Distinct secrets replaced so far."""
        return len(self.mapping)

    def placeholder(self, kind: str, secret: str) -> str:
        found = self.mapping.get(secret)
        if found is None:
            self.kinds[kind] += 1
            found = self.mapping[secret] = f"<redacted:{kind}:{self.kinds[kind]}>"
        return found

    def redact(self, text: str) -> str:
        """text with every secret replaced; newlines preserved so line numbers hold."""
        if not self.enabled or not text:
            return text
        done = self._seen.get(text)
        if done is not None:  # each turn sends the same context again
            return done
        original = text
        for kind, pattern in _TOKEN_PATTERNS:
            text = pattern.sub(self._replacer(kind), text)
        for kind, pattern, check in _maintained_rules():
            text = pattern.sub(self._maintained(kind, check), text)
        text = _ANNOTATED_ASSIGN.sub(self._replacer("secret", keep=_looks_like_env_name), text)
        text = _QUOTED_ASSIGN.sub(self._replacer("secret", keep=_looks_like_env_name), text)
        text = _BARE_ASSIGN.sub(self._replacer("secret", keep=_bare_value_is_code), text)
        if len(self._seen) < 4096:
            self._seen[original] = text
        return text

    def _maintained(
        self, kind: str, check: Callable[[str], bool] | None
    ) -> Callable[[re.Match[str]], str]:
        """Replace a detect-secrets rule's secret: its capture group when it holds the value,
        else the whole match without the delimiters some rules include."""

        def replace(m: re.Match[str]) -> str:
            whole = m.group(0)
            groups = [i for i in range(1, (m.re.groups or 0) + 1) if m.group(i)]
            if groups and len(m.group(groups[-1])) >= 16:
                start, end = m.start(groups[-1]) - m.start(), m.end(groups[-1]) - m.start()
            else:
                stripped = whole.strip(" \t=:\"'")
                start = whole.index(stripped) if stripped else 0
                end = start + len(stripped)
            secret = whole[start:end]
            if len(secret) < 8 or "\n" in secret or PLACEHOLDER_RE.search(secret):
                return whole
            if check is not None and not check(secret):
                return whole
            return whole[:start] + self.placeholder(kind, secret) + whole[end:]

        return replace

    def redact_obj(self, obj: Any) -> Any:
        """Redact every string inside JSON-like data (messages, tool arguments)."""
        if isinstance(obj, str):
            return self.redact(obj)
        if isinstance(obj, list):
            return [self.redact_obj(x) for x in obj]
        if isinstance(obj, dict):
            return {k: self.redact_obj(v) for k, v in obj.items()}
        return obj

    def _replacer(
        self, kind: str, keep: Callable[[re.Match[str]], bool] | None = None
    ) -> Callable[[re.Match[str]], str]:
        def replace(m: re.Match[str]) -> str:
            if keep is not None and keep(m):
                return m.group(0)
            has_group = "s" in m.re.groupindex and m.group("s") is not None
            secret = m.group("s") if has_group else m.group(0)
            if PLACEHOLDER_RE.fullmatch(secret) or PLACEHOLDER_RE.search(secret):
                return m.group(0)
            start, end = (m.start("s"), m.end("s")) if has_group else (m.start(), m.end())
            rel_start, rel_end = start - m.start(), end - m.start()
            whole = m.group(0)
            # Keep the line breaks of multi-line secrets (private keys) so line numbers hold.
            new = self.placeholder(kind, secret) + "\n" * secret.count("\n")
            return whole[:rel_start] + new + whole[rel_end:]

        return replace


def _looks_like_env_name(m: re.Match[str]) -> bool:
    return not _secret_name(m.group("name")) or bool(_ENV_NAME_VALUE.match(m.group("s")))


def _bare_value_is_code(m: re.Match[str]) -> bool:
    """NAME = value in code: keep names and literals; NAME=value with no spaces is always a secret."""
    value = m.group("s")
    if not _secret_name(m.group("name")):
        return True
    if value in {"None", "True", "False", "null", "true", "false", "", "="} or value.startswith(
        "<redacted:"
    ):
        return True
    spaced = m.group("sep") != m.group("sep").strip()
    if value.endswith(":") or value.isdigit():
        return True
    if spaced or ":" in m.group("sep"):
        # Code or prose: a dotted name or identifier without digits is a reference, not a secret.
        return bool(_CODE_NAME.match(value)) or len(value) < 4
    return bool(_ENV_NAME_VALUE.match(value))


# detect-secrets plugins whose job the patterns above do better here: names (KeywordDetector;
# ours keeps code like `password = get_password()`), URL passwords and private keys (ours keep
# the text around them and the line breaks), and public IP addresses, which are not secrets.
# Their list is redact_rules.NOT_USED.


@cache
def _maintained_rules() -> tuple[redact_rules.Rule, ...]:
    """(kind, pattern, check) from the detect-secrets plugins: their regexes, and their quoted
    high-entropy string finders with each plugin's own entropy limit as the check (from the
    snapshot of them when it matches the installed version: agent/redact_rules.py)."""
    return redact_rules.rules()
