"""A small crashing repository for the LLM-engine tests, and a scripted model class.

The repo is written by the test and run for real, so its traceback is produced by Python, not
written by hand. Its secrets are generated per run. The crash (TypeError on None) is raised at
app/billing.py:9; the cause is app/users.py:get_user falling through and returning None.
"""

from __future__ import annotations

import json
import random
import string
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from debugai.agent.llm.client import ChatReply, ChatRequest, ToolCallOut
from debugai.agent.redact import Redactor

USERS = '''"""User lookups."""

from app import settings

USERS = {1: "ann", 2: "bob"}


def get_user(user_id):
    """Return the user record, or fall through for unknown ids."""
    if user_id in USERS:
        return {"name": USERS[user_id], "token": "GITHUB_TOKEN"}
    settings.log("unknown user")
'''

BILLING = '''"""Billing."""

from app.users import get_user


def charge(user_id, amount):
    gateway_password = "GATEWAY_PASSWORD"
    user = get_user(user_id)
    label = user["name"].upper()
    return f"{label}: {amount}"
'''

MAIN = """from app.billing import charge

print(charge(1, 10))
print(charge(7, 10))
"""


@dataclass
class CrashRepo:
    root: Path
    trace: str
    secrets: dict[str, str]


def make_repo(root: Path, rng: random.Random | None = None) -> CrashRepo:
    """Write the repo, run it, and return its real traceback."""
    rng = rng or random.Random(7)
    alnum = string.ascii_letters + string.digits
    secrets = {
        "github": "ghp_" + "".join(rng.choice(alnum) for _ in range(36)),
        "db_password": "".join(rng.choice(alnum) for _ in range(16)),
        "dotenv": "".join(rng.choice(alnum) for _ in range(24)),
        "gateway": "".join(rng.choice(alnum) for _ in range(18)),
    }
    (root / "app").mkdir(parents=True)
    (root / "app" / "__init__.py").write_text("")
    # Secrets sit in the code on the crash path (so they are in the context) and in settings.
    (root / "app" / "users.py").write_text(USERS.replace("GITHUB_TOKEN", secrets["github"]))
    (root / "app" / "billing.py").write_text(
        BILLING.replace("GATEWAY_PASSWORD", secrets["gateway"])
    )
    (root / "app" / "settings.py").write_text(
        f'API_TOKEN = "{secrets["github"]}"\n'
        f'DATABASE_URL = "postgresql://app:{secrets["db_password"]}@db:5432/app"\n\n\n'
        "def log(msg):\n    print(msg)\n"
    )
    (root / ".env").write_text(f"STRIPE_SECRET={secrets['dotenv']}\n")
    (root / "main.py").write_text(MAIN)
    proc = subprocess.run(
        [sys.executable, "main.py"], cwd=root, capture_output=True, text=True, check=False
    )
    assert proc.returncode == 1 and "Traceback" in proc.stderr, proc.stderr
    return CrashRepo(root=root, trace=proc.stderr, secrets=secrets)


def answer(
    file: str,
    line: int,
    symbol: str | None = None,
    chain: list[tuple[str, int]] | None = None,
    **extra: Any,
) -> str:
    """An answer JSON as a model would write it."""
    rc: dict[str, Any] = {
        "file": file,
        "line": line,
        "category": "none-propagation",
        "explanation": "falls through",
    }
    if symbol:
        rc["symbol"] = symbol
    return json.dumps(
        {
            "root_cause": rc,
            "chain": [{"file": f, "line": n, "explanation": "hop"} for f, n in (chain or [])],
            "fix": {"summary": "return a default user or raise", "diff": ""},
            **extra,
        }
    )


Step = ChatReply | Callable[[ChatRequest], ChatReply] | Exception


def reply(
    content: str | None = None, tools: list[tuple[str, dict[str, Any]]] | None = None
) -> ChatReply:
    calls = [
        ToolCallOut(id=f"call_{i}", name=n, arguments=json.dumps(a))
        for i, (n, a) in enumerate(tools or [])
    ]
    return ChatReply(
        content=content,
        tool_calls=calls,
        prompt_tokens=100,
        completion_tokens=20,
        output_mode="json_schema",
    )


@dataclass
class ScriptedModel:
    """A ChatModel that plays predetermined replies and records what it was asked (after redaction)."""

    steps: list[Step]
    model: str = "scripted"
    requests: list[ChatRequest] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def chat(self, req: ChatRequest, redactor: Redactor | None = None) -> ChatReply:
        sent = redactor.redact_obj(req.messages) if redactor else req.messages
        self.requests.append(
            ChatRequest(
                messages=json.loads(json.dumps(sent)),
                schema=req.schema,
                tools=req.tools,
                max_tokens=req.max_tokens,
            )
        )
        if not self.steps:
            raise AssertionError("the scripted model ran out of replies")
        step = self.steps.pop(0)
        if isinstance(step, Exception):
            raise step
        out = step(req) if callable(step) else step
        out.request = {"messages": sent}
        # The wire form of the reply, as a server would have sent it: what the run log keeps.
        calls = [
            {"id": c.id, "type": "function", "function": {"name": c.name, "arguments": c.arguments}}
            for c in out.tool_calls
        ]
        out.response = {
            "choices": [
                {
                    "message": {"role": "assistant", "content": out.content, "tool_calls": calls},
                    "finish_reason": out.finish_reason,
                }
            ],
            "usage": {
                "prompt_tokens": out.prompt_tokens,
                "completion_tokens": out.completion_tokens,
            },
        }
        return out

    def last_user_text(self) -> str:
        return str(self.requests[-1].messages[-1]["content"])
