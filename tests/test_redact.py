"""Redaction: a corpus of secret shapes, generated here, must never survive; code must."""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import random
import shutil
import string
import subprocess
from pathlib import Path

import pytest

from debugai.agent.redact import PLACEHOLDER_RE, Redactor, is_secret_file

RNG = random.Random(1234)


def rand(chars: str, n: int) -> str:
    return "".join(RNG.choice(chars) for _ in range(n))


ALNUM = string.ascii_letters + string.digits
UPPER = string.ascii_uppercase + string.digits


def make_jwt() -> str:
    def b64(data: bytes) -> str:
        return base64.urlsafe_b64encode(data).rstrip(b"=").decode()

    head = b64(json.dumps({"alg": "HS256", "typ": "JWT"}).encode())
    body = b64(json.dumps({"sub": "user-42", "exp": 1999999999}).encode())
    sig = b64(hmac.new(b"k", f"{head}.{body}".encode(), hashlib.sha256).digest())
    return f"{head}.{body}.{sig}"


def make_private_key(tmp: Path) -> str:
    """A real PEM private key from ssh-keygen/openssl, else a PEM-shaped block of random base64."""
    if shutil.which("openssl"):
        out = subprocess.run(
            ["openssl", "genpkey", "-algorithm", "ed25519"],
            capture_output=True,
            text=True,
            check=False,
        )
        if out.returncode == 0 and "PRIVATE KEY" in out.stdout:
            return out.stdout.strip()
    body = "\n".join(rand(ALNUM + "+/", 64) for _ in range(4))
    return f"-----BEGIN PRIVATE KEY-----\n{body}\n-----END PRIVATE KEY-----"


def secret_corpus(tmp: Path) -> dict[str, tuple[str, str]]:
    """kind -> (text embedding the secret, the secret itself)."""
    aws = "AKIA" + rand(UPPER, 16)
    aws_secret = rand(ALNUM + "/+", 40)
    gcp = "AIza" + rand(ALNUM + "_-", 35)
    ghp = "ghp_" + rand(ALNUM, 36)
    gh_pat = "github_pat_" + rand(ALNUM + "_", 82)
    glpat = "glpat-" + rand(ALNUM + "_-", 20)
    slack = (
        "xoxb-" + rand(string.digits, 12) + "-" + rand(string.digits, 12) + "-" + rand(ALNUM, 24)
    )
    hook = f"https://hooks.slack.com/services/T{rand(UPPER, 8)}/B{rand(UPPER, 8)}/{rand(ALNUM, 24)}"
    openai_key = "sk-proj-" + rand(ALNUM + "_-", 48)
    openai_old = "sk-" + rand(ALNUM, 48)
    stripe = "sk_live_" + rand(ALNUM, 24)
    jwt = make_jwt()
    pem = make_private_key(tmp)
    db_pw = rand(ALNUM, 14)
    redis_pw = rand(ALNUM, 10)
    pw = rand(ALNUM, 12)
    tok = rand(ALNUM, 30)
    sec = rand(ALNUM, 20)
    bearer = rand(ALNUM, 32)
    azure = rand(ALNUM + "+/", 86) + "=="
    return {
        "aws key id": (f'aws_access_key_id = "{aws}"', aws),
        "aws secret": (f"AWS_SECRET_ACCESS_KEY={aws_secret}", aws_secret),
        "gcp key": (f"maps = Client(key='{gcp}')", gcp),
        "github token": (f"auth: {ghp}", ghp),
        "github pat": (f"GH={gh_pat}", gh_pat),
        "gitlab token": (f"  remote = 'https://oauth2:{glpat}@gitlab.com/x.git'", glpat),
        "slack token": (f"client = WebClient({slack!r})", slack),
        "slack webhook": (f"WEBHOOK = {hook!r}", hook),
        "openai key": (f"openai.api_key = '{openai_key}'", openai_key),
        "openai key (old)": (f"export OPENAI_API_KEY={openai_old}", openai_old),
        "stripe key": (f"stripe.api_key = {stripe!r}", stripe),
        "jwt": (f"ValueError: invalid token {jwt}", jwt),
        "private key": (f'KEY = """{pem}"""', pem),
        "postgres url": (f'DATABASE_URL = "postgresql://app:{db_pw}@db:5432/app"', db_pw),
        "redis url": (
            f"sqlalchemy.exc.OperationalError: redis://default:{redis_pw}@cache:6379/0",
            redis_pw,
        ),
        "password assign": (f'    DB_PASSWORD = "{pw}"', pw),
        "token kwarg": (f"    client = Api(token='{tok}', retries=3)", tok),
        "secret in dict": (f'settings = {{"client_secret": "{sec}"}}', sec),
        "bearer header": (f"Authorization: Bearer {bearer}", bearer),
        "azure storage": (
            f"conn = 'DefaultEndpointsProtocol=https;AccountName=x;AccountKey={azure};'",
            azure,
        ),
    }


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[str, str]]:
    return secret_corpus(tmp_path_factory.mktemp("keys"))


def test_every_secret_shape_is_replaced(corpus: dict[str, tuple[str, str]]) -> None:
    missed = []
    for kind, (text, secret) in corpus.items():
        out = Redactor().redact(text)
        if secret in out or not PLACEHOLDER_RE.search(out):
            missed.append(f"{kind}: {out[:120]}")
    assert not missed, "secrets survived:\n" + "\n".join(missed)


def test_placeholders_are_stable_and_distinct(corpus: dict[str, tuple[str, str]]) -> None:
    r = Redactor()
    text, _ = corpus["postgres url"]
    first = r.redact(text)
    again = r.redact(f"retrying with {text}")
    placeholder = first.split("app:")[1].split("@")[0]
    assert placeholder in again and PLACEHOLDER_RE.fullmatch(placeholder)
    other = r.redact(corpus["redis url"][0])
    assert placeholder not in other
    assert r.count == 2


def test_line_numbers_survive_a_multiline_key(corpus: dict[str, tuple[str, str]]) -> None:
    text = "a = 1\n" + corpus["private key"][0] + "\nb = 2\n"
    out = Redactor().redact(text)
    assert out.count("\n") == text.count("\n")
    assert out.splitlines()[-1] == "b = 2"


@pytest.mark.parametrize(
    "code",
    [
        'API_KEY = os.environ["API_KEY"]',
        "token = settings.token",
        "KeyError: 'user_id'",
        'KEY_NAME = "STRIPE_API_KEY"',
        'sort_key = "created_at"',
        "if token is None:",
        'tokenizer = "gpt2"',
        "password = get_password(user)",
        "def check_password(self, raw: str) -> bool:",
        "    return self.token_type",
    ],
)
def test_code_and_error_text_are_left_alone(code: str) -> None:
    assert Redactor().redact(code) == code


def test_disabled_redactor_changes_nothing(corpus: dict[str, tuple[str, str]]) -> None:
    text = corpus["openai key"][0]
    assert Redactor(enabled=False).redact(text) == text


def test_redact_obj_walks_messages(corpus: dict[str, tuple[str, str]]) -> None:
    text, secret = corpus["github token"]
    msgs = [{"role": "user", "content": text}, {"role": "tool", "content": [text], "n": 3}]
    out = Redactor().redact_obj(msgs)
    assert secret not in json.dumps(out) and out[1]["n"] == 3


@pytest.mark.parametrize(
    ("path", "secret"),
    [
        (".env", True),
        ("deploy/.env.production", True),
        ("certs/server.pem", True),
        ("app/env.py", False),
        ("app/keys.py", False),
    ],
)
def test_secret_files(path: str, secret: bool) -> None:
    assert is_secret_file(path) is secret


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        ("export DB_PASS=Xk9qTz2vLm8R", "Xk9qTz2vLm8R"),
        ("redis:\n  pass: Xk9qTz2vLm8R", "Xk9qTz2vLm8R"),
        ('    api_key: str = "Zq8Lm2Xv9RtY4Wp1"', "Zq8Lm2Xv9RtY4Wp1"),
        ('    token: Optional[str] = "Zq8Lm2Xv9RtY4Wp1"', "Zq8Lm2Xv9RtY4Wp1"),
        (
            'SENTRY = "https://3f2a9c7d1b8e4f6a9c2d7e1b5a8f3c6d@o1.ingest.sentry.io/2"',
            "3f2a9c7d1b8e4f6a9c2d7e1b5a8f3c6d",
        ),
        ('URL = "https://maps.example.com/geo?q=x&key=AIzaAbCd1234EfGh"', "AIzaAbCd1234EfGh"),
        ('blob = "q8Zr2LmXv9TtY4Wp1Nc7Hs3Kd6Jf0Bg5"', "q8Zr2LmXv9TtY4Wp1Nc7Hs3Kd6Jf0Bg5"),
        ("sg = 'SG.abcdefghijklmnopqrstuv.abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG'", "SG.abc"),
    ],
)
def test_shapes_a_security_review_found_missing(text: str, secret: str) -> None:
    out = Redactor().redact(text)
    assert secret not in out and PLACEHOLDER_RE.search(out), out
    assert out.count("\n") == text.count("\n")


@pytest.mark.parametrize(
    "code",
    [
        "passenger_count: int = 3",
        "bypass_cache: bool = True",
        "    pass",
        'url = "https://example.com/items?page=2&sort=name"',
        'name: str = "default"',
        'path = "app/billing/users.py"',
        "def f(user: User, limit: int = 5):",
    ],
)
def test_the_new_rules_leave_code_alone(code: str) -> None:
    assert Redactor().redact(code) == code


@pytest.mark.parametrize(
    "path",
    [
        ".pgpass",
        ".docker/config.json",
        "infra/prod.tfvars",
        ".htpasswd",
        "k8s/secrets.yaml",
        "settings.ini",
        ".envs/.production/.postgres",
        ".git-credentials",
        "terraform.tfstate",
    ],
)
def test_credential_stores_are_secret_files(path: str) -> None:
    assert is_secret_file(path)


def test_the_rules_snapshot_is_the_installed_detect_secrets(
    corpus: dict[str, tuple[str, str]],
) -> None:
    """agent/redact_rules.json is what the installed plugins say (`python -m
    debugai.agent.redact_rules` rewrites it), and its rules redact as the plugins do."""
    from debugai.agent import redact_rules

    assert redact_rules.load_snapshot() == redact_rules.specs_from_plugins()
    snap = redact_rules.compile_specs(redact_rules.load_snapshot() or [])
    live = redact_rules._plugin_rules()
    assert [(k, p.pattern) for k, p, _ in snap] == [(k, p.pattern) for k, p, _ in live]
    samples = [text for text, _ in corpus.values()] + [
        f"x = '{rand(string.hexdigits, n)}'" for n in (8, 20, 40)
    ] + [f"n = '{rand(string.digits, n)}'" for n in (12, 24, 40)] + [
        f"b = \"{rand(ALNUM + '+/', n)}\"" for n in (16, 30, 60)
    ]  # fmt: skip
    for (kind, sp, scheck), (_, lp, lcheck) in zip(snap, live, strict=True):
        for text in samples:
            found = [m.group(0) for m in sp.finditer(text)]
            assert found == [m.group(0) for m in lp.finditer(text)]
            for value in found:
                if scheck is not None and lcheck is not None:
                    inner = value.strip("'\"")
                    assert scheck(inner) == lcheck(inner), (kind, inner)
