"""Replace secrets with stable placeholders before anything leaves the machine.

One `Redactor` per run: the same secret always becomes the same placeholder (`<redacted:kind:N>`),
so the model can still see that two places hold the same value, and line numbers never move
(a multi-line private key keeps its line breaks). Files named `.env*` or holding keys are never
sent at all (`is_secret_file`).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from pathlib import PurePosixPath
from typing import Any

PLACEHOLDER_RE = re.compile(r"<redacted:[a-z0-9-]+:\d+>")

# Names whose assigned values are secrets: *SECRET*, *TOKEN*, *PASSWORD*, qualified *_KEY names,
# and any UPPER_CASE name holding KEY (env-var style). Not KeyError, sort_key, tokenizer, ...
_SECRET_NAME = re.compile(
    r"(?i)secret|passw(?:or)?d|passwd|pwd|credential|token(?!iz|_type|s\b)|"
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
]

# NAME = "value" / NAME: 'value' / "name": "value" / name="value" / d["name"] = "value"
_QUOTED_ASSIGN = re.compile(
    r"""(?x) (?P<name>\b[A-Za-z_][\w.-]*) ["']?\]? [ \t]* (?::=|=>|==|!=|:|=) [ \t]* (?P<q>["'])(?P<s>[^"'\n]+)(?P=q)"""
)
# NAME=value with no spaces (shell, .env style, messages) or NAME = value (code, checked below).
_BARE_ASSIGN = re.compile(
    r"""(?x) (?P<name>\b[A-Za-z_][\w.-]*) (?P<sep>[ \t]*[:=][ \t]*) (?P<s>[^\s"'`,;)(\][{}<>=][^\s"'`,;)(\][{}<>]*)"""
)
_ENV_NAME_VALUE = re.compile(r"^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+$")  # an env var's name, not a value
_CODE_NAME = re.compile(r"^[A-Za-z_][A-Za-z_.]*$")  # settings.api_key, DEFAULT_TOKEN, os.environ

SECRET_FILE_NAMES = frozenset(
    {".netrc", ".pypirc", ".npmrc", "id_rsa", "id_ed25519", "id_ecdsa", "credentials"}
)
SECRET_FILE_SUFFIXES = (".pem", ".key", ".p12", ".pfx")


def is_secret_file(path: str) -> bool:
    """True for files never sent to a model: `.env*`, key files, credential stores."""
    name = PurePosixPath(path.replace("\\", "/")).name
    return (
        name.startswith(".env") or name in SECRET_FILE_NAMES or name.endswith(SECRET_FILE_SUFFIXES)
    )


class Redactor:
    """Stable secret → placeholder replacement for one run."""

    def __init__(self, enabled: bool = True) -> None:
        self.enabled = enabled
        self.mapping: dict[str, str] = {}
        self.kinds: Counter[str] = Counter()

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
        for kind, pattern in _TOKEN_PATTERNS:
            text = pattern.sub(self._replacer(kind), text)
        text = _QUOTED_ASSIGN.sub(self._replacer("secret", keep=_looks_like_env_name), text)
        text = _BARE_ASSIGN.sub(self._replacer("secret", keep=_bare_value_is_code), text)
        return text

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
