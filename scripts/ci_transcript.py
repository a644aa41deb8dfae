"""Write docs/ci-transcript.md: `debugai ci` really run on the shipped example, red then fixed.

    python scripts/ci_transcript.py [OUT]  # needs the evals extra (fastapi, sqlalchemy)

Works in a temporary copy of examples/shop; the commands are shown as typed, the output as
printed (stdout and stderr in order), only the temporary folder's name replaced.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "docs" / "ci-transcript.md"
PYTEST_TAIL = 14  # lines of pytest's own report kept; the rest is elided

BROKEN = 'stmt = select(User).where(User.id == user_id, User.status == "active")'
FIXED = (
    "stmt = select(User).where(\n"
    '        User.id == user_id, or_(User.status == "active", User.status.is_(None))\n'
    "    )"
)


def run(cmd: str, cwd: Path, env: dict[str, str], tail: int | None = None) -> str:
    proc = subprocess.run(
        cmd, shell=True, cwd=cwd, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT
    )
    out = proc.stdout.decode("utf-8", "replace").rstrip("\n").splitlines()
    if tail is not None and len(out) > tail:
        out = ["…", *out[-tail:]]
    return "\n".join([f"$ {cmd}", *out, f"$ echo $?\n{proc.returncode}"])


def main(out: Path = OUT) -> int:
    with tempfile.TemporaryDirectory() as tmp:
        shop = Path(tmp) / "shop"
        shutil.copytree(
            ROOT / "examples" / "shop",
            shop,
            ignore=shutil.ignore_patterns(".debugai", "__pycache__", "*.xml"),
        )
        drop = ("OPENAI_", "DEBUGAI_", "GITHUB_", "GITLAB_", "CI_", "PYTEST_")
        env = {k: v for k, v in os.environ.items() if not k.startswith(drop) and k != "CI"}
        env.update(
            PYTHONDONTWRITEBYTECODE="1",
            COLUMNS="100",
            XDG_STATE_HOME=str(Path(tmp) / "state"),
            PATH=f"{Path(sys.executable).parent}{os.pathsep}{env.get('PATH', '')}",
        )
        pytest = "python -m pytest -q -p no:cacheprovider --junitxml=report.xml"
        red = [run(pytest, shop, env, PYTEST_TAIL), run("debugai ci report.xml", shop, env)]
        users = shop / "shop" / "users.py"
        text = users.read_text(encoding="utf-8")
        assert BROKEN in text, "examples/shop/shop/users.py changed: update this script"
        text = text.replace(BROKEN, FIXED).replace(
            "from sqlalchemy import select", "from sqlalchemy import or_, select"
        )
        users.write_text(text, encoding="utf-8")
        green = [run(pytest, shop, env), run("debugai ci report.xml", shop, env)]
        (shop / "report.xml").unlink()
        died = [
            run("python -m pytest -q -p no:cacheprovider --cov=shop > test.log 2>&1", shop, env),
            run("cat test.log", shop, env),
            run("debugai ci test.log --fail-on-error", shop, env),
        ]
    body = "\n".join(
        [
            "# `debugai ci` on a red run, then on the fixed run",
            "",
            "Produced by `python scripts/ci_transcript.py`: the shipped example `examples/shop`, its",
            "tests run by pytest, and `debugai ci` reading the JUnit report, as a CI job does.",
            "Outside GitHub Actions and GitLab CI the comment is printed; in a pull-request",
            "pipeline the same text is the one sticky comment, edited in place by each run (and",
            "left alone when a re-run's result is the same). Nothing below was edited by hand.",
            "",
            "## 1. The tests fail",
            "",
            "~~~console",
            *red,
            "~~~",
            "",
            "## 2. `shop/users.py` fixed (old rows have no `status`), the same job again",
            "",
            "~~~console",
            *green,
            "~~~",
            "",
            "## 3. The job dies before any test runs",
            "",
            "The job asks for coverage but pytest-cov is not installed: pytest stops before",
            "collecting and writes no report. debugai says it read no test result and quotes the",
            "log, never green; `--fail-on-error` fails the step with its own exit code (6).",
            "",
            "~~~console",
            *died,
            "~~~",
            "",
        ]
    )
    out.write_text(body.replace(tmp, "/tmp/ci"), encoding="utf-8")
    print(f"wrote {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]) if sys.argv[1:] else OUT))
